/* SPDX-License-Identifier: ISC */
/*
 * fileio: atomic replacement, including a write that fails half way, and
 * whole-file reading with a cap.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/fileio.h"
#include "util/xmalloc.h"

static char tmpdir[] = "/tmp/tidings-test-fileio.XXXXXX";

static int
setup(void **state)
{
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	char *p;

	while (d != NULL && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", tmpdir, de->d_name);
		unlink(p);
		free(p);
	}
	if (d != NULL)
		closedir(d);
	return rmdir(tmpdir);
}

/* How many entries the test folder holds. */
static int
count_files(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void
assert_file_is(const char *path, const char *want)
{
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;

	assert_int_equal(file_read(path, &sb, &err), 0);
	assert_int_equal(sb.len, strlen(want));
	assert_memory_equal(sb.buf, want, sb.len);
	strbuf_release(&sb);
	strbuf_release(&err);
}

static void
test_file_replace_creates_private_file(void **state)
{
	struct strbuf err = STRBUF_INIT;
	char *path = xasprintf("%s/new", tmpdir);
	struct stat st;

	assert_int_equal(file_replace(path, "one\n", 4, &err), 0);
	assert_int_equal(err.len, 0);
	assert_file_is(path, "one\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(file_replace(path, "two", 3, &err), 0);
	assert_file_is(path, "two");
	assert_int_equal(count_files(), 1);
	unlink(path);
	free(path);
	strbuf_release(&err);
}

/* Writes a lot, which fails under a small RLIMIT_FSIZE. */
static int
write_big(int fd, void *arg, struct strbuf *err)
{
	static char chunk[4096];
	int i;

	memset(chunk, 'x', sizeof(chunk));
	for (i = 0; i < 64; i++)
		if (file_write_all(fd, chunk, sizeof(chunk)) == -1) {
			strbuf_addf(err, "write failed: %s", strerror(errno));
			return -1;
		}
	return 0;
}

static void
test_file_replace_failed_write_keeps_old_file(void **state)
{
	struct strbuf err = STRBUF_INIT;
	char *path = xasprintf("%s/keep", tmpdir);
	struct rlimit old, small;

	assert_int_equal(file_replace(path, "precious", 8, &err), 0);
	/* the kernel refuses writes past 16 KiB: a real failed write */
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 16384;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(file_replace_with(path, write_big, NULL, &err), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	assert_non_null(strstr(err.buf, "write failed"));
	assert_file_is(path, "precious");
	assert_int_equal(count_files(), 1);	/* no temporary file left */
	unlink(path);
	free(path);
	strbuf_release(&err);
}

static int
write_then_fail(int fd, void *arg, struct strbuf *err)
{
	file_write_all(fd, "half", 4);
	strbuf_addstr(err, "gave up");
	return -1;
}

static void
test_file_replace_callback_error_keeps_old_file(void **state)
{
	struct strbuf err = STRBUF_INIT;
	char *path = xasprintf("%s/cb", tmpdir);

	assert_int_equal(file_replace(path, "old", 3, &err), 0);
	assert_int_equal(file_replace_with(path, write_then_fail, NULL, &err),
	    -1);
	assert_string_equal(err.buf, "gave up");
	assert_file_is(path, "old");
	assert_int_equal(count_files(), 1);
	unlink(path);
	free(path);
	strbuf_release(&err);
}

static void
test_file_replace_missing_folder(void **state)
{
	struct strbuf err = STRBUF_INIT;
	char *path = xasprintf("%s/no/such/file", tmpdir);

	assert_int_equal(file_replace(path, "x", 1, &err), -1);
	assert_non_null(strstr(err.buf, path));
	assert_non_null(strstr(err.buf, strerror(ENOENT)));
	free(path);
	strbuf_release(&err);
}

static void
test_file_replace_over_a_folder(void **state)
{
	struct strbuf err = STRBUF_INIT;
	char *path = xasprintf("%s/dir", tmpdir);

	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(file_replace(path, "x", 1, &err), -1);
	assert_non_null(strstr(err.buf, "dir"));
	assert_int_equal(count_files(), 1);
	rmdir(path);
	free(path);
	strbuf_release(&err);
}

static void
test_file_read_cap_and_errors(void **state)
{
	struct strbuf sb, err = STRBUF_INIT;
	char *path = xasprintf("%s/read", tmpdir);

	assert_int_equal(file_replace(path, "0123456789", 10, &err), 0);
	strbuf_init_capped(&sb, 10);
	assert_int_equal(file_read(path, &sb, &err), 0);
	assert_string_equal(sb.buf, "0123456789");
	strbuf_release(&sb);
	strbuf_init_capped(&sb, 9);
	assert_int_equal(file_read(path, &sb, &err), -1);
	assert_int_equal(errno, EFBIG);
	assert_non_null(strstr(err.buf, "too large"));
	strbuf_release(&sb);
	strbuf_reset(&err);
	unlink(path);
	assert_int_equal(file_read(path, &sb, &err), -1);
	assert_int_equal(errno, ENOENT);
	assert_non_null(strstr(err.buf, path));
	free(path);
	strbuf_release(&sb);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_replace_creates_private_file),
		cmocka_unit_test(test_file_replace_failed_write_keeps_old_file),
		cmocka_unit_test(
		    test_file_replace_callback_error_keeps_old_file),
		cmocka_unit_test(test_file_replace_missing_folder),
		cmocka_unit_test(test_file_replace_over_a_folder),
		cmocka_unit_test(test_file_read_cap_and_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
