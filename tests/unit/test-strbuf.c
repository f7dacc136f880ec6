/* SPDX-License-Identifier: ISC */
/*
 * strbuf: the invariants after every call, growth, and the size cap.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"

/* git's assert_sane_strbuf, after every operation. */
static void
assert_sane(const struct strbuf *sb)
{
	assert_non_null(sb->buf);
	assert_int_equal(sb->buf[sb->len], '\0');
	if (sb->alloc == 0) {
		assert_ptr_equal(sb->buf, strbuf_slopbuf);
		assert_int_equal(sb->len, 0);
	} else
		assert_true(sb->len < sb->alloc);
	if (sb->cap)
		assert_true(sb->len <= sb->cap);
}

static void
test_strbuf_init_allocates_nothing(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	assert_sane(&sb);
	assert_int_equal(sb.alloc, 0);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
	assert_sane(&sb);
	strbuf_init(&sb, 100);
	assert_sane(&sb);
	assert_true(sb.alloc >= 101);
	strbuf_release(&sb);
}

static void
test_strbuf_add_grows(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < 100000; i++) {
		assert_int_equal(strbuf_addch(&sb, 'a' + (int)(i % 26)), 0);
		if (i % 997 == 0)
			assert_sane(&sb);
	}
	assert_sane(&sb);
	assert_int_equal(sb.len, 100000);
	assert_int_equal(sb.buf[99999], 'a' + (int)(99999 % 26));
	assert_int_equal(strbuf_addstr(&sb, "xyz"), 0);
	assert_sane(&sb);
	assert_memory_equal(sb.buf + 100000, "xyz", 4);
	strbuf_release(&sb);
	assert_sane(&sb);
}

static void
test_strbuf_add_embedded_nul(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(strbuf_add(&sb, "a\0b", 3), 0);
	assert_sane(&sb);
	assert_int_equal(sb.len, 3);
	assert_memory_equal(sb.buf, "a\0b", 4);
	assert_int_equal(strbuf_add(&sb, NULL, 0), 0);
	assert_int_equal(sb.len, 3);
	strbuf_release(&sb);
}

static void
test_strbuf_addf(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(strbuf_addf(&sb, "%d-%s", 42, "x"), 0);
	assert_sane(&sb);
	assert_string_equal(sb.buf, "42-x");
	assert_int_equal(strbuf_addf(&sb, "%s", ""), 0);
	assert_sane(&sb);
	assert_string_equal(sb.buf, "42-x");
	strbuf_release(&sb);
}

static void
test_strbuf_cap_refuses_growth_past_it(void **state)
{
	struct strbuf sb;
	size_t i;

	strbuf_init_capped(&sb, 10);
	assert_sane(&sb);
	assert_int_equal(strbuf_addstr(&sb, "0123456789"), 0);
	assert_sane(&sb);
	assert_int_equal(sb.len, 10);
	/* one byte past the cap: refused, nothing changed */
	assert_int_equal(strbuf_addch(&sb, 'x'), -1);
	assert_sane(&sb);
	assert_string_equal(sb.buf, "0123456789");
	assert_int_equal(strbuf_addf(&sb, "%d", 7), -1);
	assert_string_equal(sb.buf, "0123456789");
	assert_int_equal(strbuf_grow(&sb, 1), -1);
	assert_true(sb.alloc <= 11);
	strbuf_release(&sb);
	assert_int_equal(sb.cap, 10);

	/* a large add that would pass the cap adds nothing at all */
	assert_int_equal(strbuf_addstr(&sb, "abc"), 0);
	assert_int_equal(strbuf_addstr(&sb, "0123456789"), -1);
	assert_string_equal(sb.buf, "abc");
	for (i = 0; i < 7; i++)
		assert_int_equal(strbuf_addch(&sb, 'z'), 0);
	assert_int_equal(strbuf_addch(&sb, 'z'), -1);
	assert_string_equal(sb.buf, "abczzzzzzz");
	assert_sane(&sb);
	strbuf_release(&sb);
}

static void
test_strbuf_cap_large(void **state)
{
	struct strbuf sb;
	char chunk[1000];
	size_t i;
	int rc = 0;

	memset(chunk, 'q', sizeof(chunk));
	strbuf_init_capped(&sb, 65536);
	for (i = 0; i < 100 && rc == 0; i++)
		rc = strbuf_add(&sb, chunk, sizeof(chunk));
	assert_int_equal(rc, -1);
	assert_int_equal(sb.len, 65000);
	assert_true(sb.alloc <= 65537);
	assert_sane(&sb);
	strbuf_release(&sb);
}

static void
test_strbuf_detach(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = 99;
	char *s;

	s = strbuf_detach(&sb, &len);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	strbuf_addstr(&sb, "hello");
	s = strbuf_detach(&sb, &len);
	assert_sane(&sb);
	assert_int_equal(sb.len, 0);
	assert_string_equal(s, "hello");
	assert_int_equal(len, 5);
	free(s);
}

static void
test_strbuf_setlen_and_reset(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "hello world");
	strbuf_setlen(&sb, 5);
	assert_sane(&sb);
	assert_string_equal(sb.buf, "hello");
	strbuf_reset(&sb);
	assert_sane(&sb);
	assert_string_equal(sb.buf, "");
	strbuf_grow(&sb, 3);
	memcpy(sb.buf, "abc", 3);
	strbuf_setlen(&sb, 3);
	assert_sane(&sb);
	assert_string_equal(sb.buf, "abc");
	strbuf_release(&sb);
}

static void
test_strbuf_trim(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_trim(&sb);
	assert_sane(&sb);
	strbuf_addstr(&sb, " \t\n a b \r\n");
	strbuf_trim(&sb);
	assert_sane(&sb);
	assert_string_equal(sb.buf, "a b");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "   ");
	strbuf_trim(&sb);
	assert_sane(&sb);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf_init_allocates_nothing),
		cmocka_unit_test(test_strbuf_add_grows),
		cmocka_unit_test(test_strbuf_add_embedded_nul),
		cmocka_unit_test(test_strbuf_addf),
		cmocka_unit_test(test_strbuf_cap_refuses_growth_past_it),
		cmocka_unit_test(test_strbuf_cap_large),
		cmocka_unit_test(test_strbuf_detach),
		cmocka_unit_test(test_strbuf_setlen_and_reset),
		cmocka_unit_test(test_strbuf_trim),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
