/* SPDX-License-Identifier: ISC */
/*
 * subs: newsboat's urls file format.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "subs.h"

static void
parse(struct subs *subs, const char *text, struct strbuf *warn)
{
	subs_parse(subs, text, strlen(text), warn);
}

static void
test_subs_parse_newsboat_lines(void **state)
{
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT;

	parse(&subs,
	    "# my feeds\n"
	    "\n"
	    "https://a.example/feed.xml\n"
	    "https://b.example/rss news tech \"~Bee News\"\n"
	    "   https://c.example/atom \"two words\" ! \n"
	    "https://d.example/x \"~Say \\\"hi\\\"\"\n", &warn);
	assert_int_equal(warn.len, 0);
	assert_int_equal(subs.n, 4);
	assert_string_equal(subs.v[0].url, "https://a.example/feed.xml");
	assert_null(subs.v[0].title);
	assert_int_equal(subs.v[0].ntags, 0);
	assert_int_equal(subs.v[0].line, 3);
	assert_string_equal(sub_name(&subs.v[0]), subs.v[0].url);
	assert_string_equal(subs.v[1].title, "Bee News");
	assert_int_equal(subs.v[1].ntags, 2);
	assert_string_equal(subs.v[1].tags[0], "news");
	assert_string_equal(subs.v[1].tags[1], "tech");
	assert_string_equal(subs.v[2].tags[0], "two words");
	assert_true(subs.v[2].hidden);
	assert_false(subs.v[1].hidden);
	assert_string_equal(subs.v[3].title, "Say \"hi\"");
	subs_release(&subs);
	strbuf_release(&warn);
}

static void
test_subs_parse_bad_lines(void **state)
{
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT;

	parse(&subs,
	    "https://a.example/ \"~unclosed\n"
	    "https://b.example/\n"
	    "https://b.example/ dup\n"
	    "\"\"\n"
	    "https://c.example/ \"~\x1b]2;pwned\x07Title\x1b[31m\"", &warn);
	assert_int_equal(subs.n, 2);
	assert_string_equal(subs.v[0].url, "https://b.example/");
	assert_int_equal(subs.v[0].ntags, 0);	/* the first one wins */
	assert_string_equal(subs.v[1].title, "Title");
	assert_non_null(strstr(warn.buf, "line 1:"));
	assert_null(strstr(warn.buf, "line 2:"));
	subs_release(&subs);
	strbuf_release(&warn);
}

static void
test_subs_load_missing_file(void **state)
{
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT, err = STRBUF_INIT;

	assert_int_equal(subs_load(&subs, "/nonexistent/urls", &warn, &err),
	    -1);
	assert_non_null(strstr(err.buf, "/nonexistent/urls"));
	assert_int_equal(subs.n, 0);
	strbuf_release(&warn);
	strbuf_release(&err);
}

static void
test_subs_write_demo_round_trip(void **state)
{
	char dir[] = "/tmp/tidings-test-subs.XXXXXX";
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT, err = STRBUF_INIT;
	char list[64], out[64];
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(list, sizeof(list), "%s/urls", dir);
	snprintf(out, sizeof(out), "%s/mine", dir);
	f = fopen(list, "w");
	assert_non_null(f);
	fputs("# demo\none.xml demo \"~One \\\"1\\\"\"\ntwo.xml\n", f);
	fclose(f);
	assert_int_equal(subs_write_demo(out, dir, &err), 0);
	assert_int_equal(subs_load(&subs, out, &warn, &err), 0);
	assert_int_equal(warn.len, 0);
	assert_int_equal(subs.n, 2);
	assert_true(strncmp(subs.v[0].url, "file:///tmp/", 12) == 0);
	assert_non_null(strstr(subs.v[0].url, "/one.xml"));
	assert_string_equal(subs.v[0].title, "One \"1\"");
	assert_string_equal(subs.v[0].tags[0], "demo");
	assert_non_null(strstr(subs.v[1].url, "/two.xml"));
	subs_release(&subs);
	unlink(list);
	unlink(out);
	rmdir(dir);
	strbuf_release(&warn);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subs_parse_newsboat_lines),
		cmocka_unit_test(test_subs_parse_bad_lines),
		cmocka_unit_test(test_subs_load_missing_file),
		cmocka_unit_test(test_subs_write_demo_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
