/* SPDX-License-Identifier: ISC */
/*
 * path: the XDG rules, joining, and folder creation.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/fileio.h"
#include "util/path.h"
#include "util/xmalloc.h"

static void
check_dir(char *(*fn)(void), const char *want)
{
	char *got = fn();

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_path_xdg_absolute(void **state)
{
	setenv("HOME", "/home/reader", 1);
	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	setenv("XDG_DATA_HOME", "/data/", 1);
	check_dir(path_config_dir, "/cfg/tidings");
	check_dir(path_data_dir, "/data/tidings");
}

static void
test_path_xdg_fallbacks(void **state)
{
	setenv("HOME", "/home/reader", 1);
	unsetenv("XDG_CONFIG_HOME");
	setenv("XDG_DATA_HOME", "", 1);
	check_dir(path_config_dir, "/home/reader/.config/tidings");
	check_dir(path_data_dir, "/home/reader/.local/share/tidings");
	/* a relative value is ignored, as the XDG rules say */
	setenv("XDG_CONFIG_HOME", "relative/cfg", 1);
	check_dir(path_config_dir, "/home/reader/.config/tidings");
	setenv("HOME", "/", 1);
	check_dir(path_data_dir, "/.local/share/tidings");
}

static void
test_path_join(void **state)
{
	char *p;

	p = path_join("/a/b", "c");
	assert_string_equal(p, "/a/b/c");
	free(p);
	p = path_join("/a/b//", "c");
	assert_string_equal(p, "/a/b/c");
	free(p);
	p = path_join("/", "c");
	assert_string_equal(p, "/c");
	free(p);
}

static void
test_path_mkdirs(void **state)
{
	char base[] = "/tmp/tidings-test-path.XXXXXX";
	struct strbuf err = STRBUF_INIT;
	struct stat st;
	char *deep, *file, *under;

	assert_non_null(mkdtemp(base));
	deep = xasprintf("%s/x/y/z", base);
	assert_int_equal(path_mkdirs(deep, &err), 0);
	assert_int_equal(stat(deep, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(path_mkdirs(deep, &err), 0);	/* already there */
	assert_int_equal(err.len, 0);

	/* a file in the way is an error that names the folder */
	file = xasprintf("%s/file", base);
	assert_int_equal(file_replace(file, "", 0, &err), 0);
	under = xasprintf("%s/file/sub", base);
	assert_int_equal(path_mkdirs(under, &err), -1);
	assert_non_null(strstr(err.buf, file));

	unlink(file);
	rmdir(deep);
	free(deep);
	deep = xasprintf("%s/x/y", base);
	rmdir(deep);
	free(deep);
	deep = xasprintf("%s/x", base);
	rmdir(deep);
	rmdir(base);
	free(deep);
	free(file);
	free(under);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_xdg_absolute),
		cmocka_unit_test(test_path_xdg_fallbacks),
		cmocka_unit_test(test_path_join),
		cmocka_unit_test(test_path_mkdirs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
