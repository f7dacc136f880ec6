/* SPDX-License-Identifier: ISC */
/*
 * width: columns of ASCII, wide, combining and emoji text, and truncation
 * that never splits a character or passes the limit.
 */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/utf8.h"
#include "util/width.h"

#define ELL	"\xe2\x80\xa6"
#define ZHONG	"\xe4\xb8\xad"		/* U+4E2D, wide */
#define GRIN	"\xf0\x9f\x98\x80"	/* U+1F600, wide */
#define ACUTE	"\xcc\x81"		/* U+0301, combining */

static int
setup(void **state)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return -1;
	return 0;
}

static void
test_width_char(void **state)
{
	assert_int_equal(width_char('a'), 1);
	assert_int_equal(width_char(0xE9), 1);
	assert_int_equal(width_char(0x4E2D), 2);
	assert_int_equal(width_char(0xAC00), 2);	/* Hangul */
	assert_int_equal(width_char(0xFF21), 2);	/* fullwidth A */
	assert_int_equal(width_char(0x1F600), 2);
	assert_int_equal(width_char(0x0301), 0);
	assert_int_equal(width_char(0x200D), 0);
	assert_int_equal(width_char(0x1B), 0);
}

static void
test_width_str(void **state)
{
	assert_int_equal(width_str("", 0), 0);
	assert_int_equal(width_str("hello", 5), 5);
	assert_int_equal(width_str(ZHONG ZHONG, 6), 4);
	assert_int_equal(width_str("e" ACUTE, 3), 1);
	assert_int_equal(width_str("a" GRIN "b", 6), 4);
}

/* Truncate s to cols; check the result's promises and return it. */
static char *
trunc_to(const char *s, size_t cols)
{
	struct strbuf sb = STRBUF_INIT;
	size_t used;

	used = width_truncate(&sb, s, strlen(s), cols);
	assert_true(used <= cols);
	assert_int_equal(width_str(sb.buf, sb.len), used);
	assert_true(utf8_valid(sb.buf, sb.len));
	return strbuf_detach(&sb, NULL);
}

#define CHECK_TRUNC(s, cols, want) do {					\
	char *got_ = trunc_to((s), (cols));				\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

static void
test_width_truncate_ascii(void **state)
{
	CHECK_TRUNC("hello", 10, "hello");
	CHECK_TRUNC("hello", 5, "hello");
	CHECK_TRUNC("hello world", 5, "hell" ELL);
	CHECK_TRUNC("hello", 1, ELL);
	CHECK_TRUNC("hello", 0, "");
	CHECK_TRUNC("", 0, "");
}

static void
test_width_truncate_wide(void **state)
{
	/* the fourth wide character would straddle column 7 */
	CHECK_TRUNC(ZHONG ZHONG ZHONG ZHONG ZHONG, 8, ZHONG ZHONG ZHONG ELL);
	CHECK_TRUNC(ZHONG ZHONG ZHONG ZHONG ZHONG, 7, ZHONG ZHONG ZHONG ELL);
	CHECK_TRUNC(ZHONG ZHONG ZHONG ZHONG ZHONG, 6, ZHONG ZHONG ELL);
	CHECK_TRUNC(ZHONG ZHONG, 4, ZHONG ZHONG);
	CHECK_TRUNC(ZHONG ZHONG, 3, ZHONG ELL);
	CHECK_TRUNC(ZHONG, 1, ELL);
	CHECK_TRUNC("ab" GRIN "cd", 4, "ab" ELL);
	CHECK_TRUNC("ab" GRIN "cd", 5, "ab" GRIN ELL);
}

static void
test_width_truncate_combining(void **state)
{
	/* the mark stays with its base; the cut comes before a base */
	CHECK_TRUNC("e" ACUTE "e" ACUTE "e" ACUTE, 3,
	    "e" ACUTE "e" ACUTE "e" ACUTE);
	CHECK_TRUNC("e" ACUTE "e" ACUTE "e" ACUTE "x", 3,
	    "e" ACUTE "e" ACUTE ELL);
}

/* A 100 KB title with CJK and emoji cut to 20 columns. */
static void
test_width_truncate_100k_title(void **state)
{
	static const char *parts[] = { "News ", ZHONG, GRIN, "e" ACUTE, "x" };
	struct strbuf big = STRBUF_INIT, sb = STRBUF_INIT;
	size_t i, used;
	uint32_t cp;

	for (i = 0; big.len < 100 * 1024; i++)
		strbuf_addstr(&big, parts[i % 5]);
	used = width_truncate(&sb, big.buf, big.len, 20);
	assert_true(used <= 20 && used >= 19);
	assert_int_equal(width_str(sb.buf, sb.len), used);
	assert_true(utf8_valid(sb.buf, sb.len));
	assert_true(sb.len >= 3);
	assert_memory_equal(sb.buf + sb.len - 3, ELL, 3);
	/* what was kept is exactly the start of the title */
	assert_memory_equal(sb.buf, big.buf, sb.len - 3);
	/* and the next character of the title would not have fitted */
	utf8_decode(big.buf + sb.len - 3, big.len - (sb.len - 3), &cp);
	assert_true(used - 1 + (size_t)width_char(cp) > 19);
	strbuf_release(&big);
	strbuf_release(&sb);
}

static void
test_width_pad(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	width_truncate(&sb, ZHONG ZHONG, 6, 3);
	width_pad(&sb, 3 - width_str(sb.buf, sb.len));
	assert_string_equal(sb.buf, ZHONG ELL);
	strbuf_reset(&sb);
	width_truncate(&sb, ZHONG ZHONG ZHONG, 9, 5);
	width_pad(&sb, 5 - width_str(sb.buf, sb.len));
	assert_string_equal(sb.buf, ZHONG ZHONG ELL);
	strbuf_reset(&sb);
	width_truncate(&sb, ZHONG ZHONG ZHONG, 9, 4);
	width_pad(&sb, 4 - width_str(sb.buf, sb.len));
	assert_string_equal(sb.buf, ZHONG ELL " ");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_char),
		cmocka_unit_test(test_width_str),
		cmocka_unit_test(test_width_truncate_ascii),
		cmocka_unit_test(test_width_truncate_wide),
		cmocka_unit_test(test_width_truncate_combining),
		cmocka_unit_test(test_width_truncate_100k_title),
		cmocka_unit_test(test_width_pad),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
