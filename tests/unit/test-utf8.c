/* SPDX-License-Identifier: ISC */
/*
 * utf8: decoding of well-formed and ill-formed input, validation, repair.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/utf8.h"

#define FFFD "\xef\xbf\xbd"

static void
check_decode(const char *s, size_t len, uint32_t want, size_t want_n)
{
	uint32_t cp = 0;

	assert_int_equal(utf8_decode(s, len, &cp), want_n);
	assert_int_equal(cp, want);
}

static void
test_utf8_decode_well_formed(void **state)
{
	check_decode("A", 1, 'A', 1);
	check_decode("\xc3\xa9", 2, 0xE9, 2);
	check_decode("\xe4\xb8\xad", 3, 0x4E2D, 3);
	check_decode("\xf0\x9f\x98\x80", 4, 0x1F600, 4);
	check_decode("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4);
	check_decode("\xed\x9f\xbf", 3, 0xD7FF, 3);
	check_decode("\xee\x80\x80", 3, 0xE000, 3);
	check_decode("\0", 1, 0, 1);
}

static void
test_utf8_decode_ill_formed(void **state)
{
	/* overlong forms */
	check_decode("\xc0\x80", 2, UTF8_REPLACEMENT, 1);
	check_decode("\xc1\xbf", 2, UTF8_REPLACEMENT, 1);
	check_decode("\xe0\x80\x80", 3, UTF8_REPLACEMENT, 1);
	check_decode("\xf0\x80\x80\x80", 4, UTF8_REPLACEMENT, 1);
	/* surrogates */
	check_decode("\xed\xa0\x80", 3, UTF8_REPLACEMENT, 1);
	check_decode("\xed\xbf\xbf", 3, UTF8_REPLACEMENT, 1);
	/* past U+10FFFF, and bytes that never appear */
	check_decode("\xf4\x90\x80\x80", 4, UTF8_REPLACEMENT, 1);
	check_decode("\xf5\x80\x80\x80", 4, UTF8_REPLACEMENT, 1);
	check_decode("\xff", 1, UTF8_REPLACEMENT, 1);
	check_decode("\xfe", 1, UTF8_REPLACEMENT, 1);
	/* a stray continuation byte, and a raw 8-bit C1 byte */
	check_decode("\x80", 1, UTF8_REPLACEMENT, 1);
	check_decode("\x9b", 1, UTF8_REPLACEMENT, 1);
	/* truncated: the maximal subpart goes, the next byte stays */
	check_decode("\xe2\x82", 2, UTF8_REPLACEMENT, 2);
	check_decode("\xe2\x82" "A", 3, UTF8_REPLACEMENT, 2);
	check_decode("\xf0\x9f\x98", 3, UTF8_REPLACEMENT, 3);
	check_decode("\xc3", 1, UTF8_REPLACEMENT, 1);
	check_decode("\xc3" "A", 2, UTF8_REPLACEMENT, 1);
}

static void
test_utf8_encode(void **state)
{
	char out[4];

	assert_int_equal(utf8_encode('x', out), 1);
	assert_memory_equal(out, "x", 1);
	assert_int_equal(utf8_encode(0xE9, out), 2);
	assert_memory_equal(out, "\xc3\xa9", 2);
	assert_int_equal(utf8_encode(0x20AC, out), 3);
	assert_memory_equal(out, "\xe2\x82\xac", 3);
	assert_int_equal(utf8_encode(0x1F600, out), 4);
	assert_memory_equal(out, "\xf0\x9f\x98\x80", 4);
	/* not scalar values: the replacement character instead */
	assert_int_equal(utf8_encode(0xD800, out), 3);
	assert_memory_equal(out, FFFD, 3);
	assert_int_equal(utf8_encode(0x110000, out), 3);
	assert_memory_equal(out, FFFD, 3);
}

static void
test_utf8_valid(void **state)
{
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("plain", 5));
	assert_true(utf8_valid("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80",
	    14));
	assert_true(utf8_valid(FFFD, 3));
	assert_true(utf8_valid("a\0b", 3));
	assert_false(utf8_valid("\xff", 1));
	assert_false(utf8_valid("abc\xc3", 4));
	assert_false(utf8_valid("\xed\xa0\x80", 3));
	assert_false(utf8_valid("\xc0\xaf", 2));
	assert_false(utf8_valid("ok \x80 no", 7));
}

static void
check_repair(const char *in, size_t len, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(utf8_repair(&sb, in, len), 0);
	assert_string_equal(sb.buf, want);
	assert_true(utf8_valid(sb.buf, sb.len));
	strbuf_release(&sb);
}

static void
test_utf8_repair(void **state)
{
	check_repair("", 0, "");
	check_repair("fine \xc3\xa9", 7, "fine \xc3\xa9");
	check_repair("a\xff" "b", 3, "a" FFFD "b");
	check_repair("\xfe\xff", 2, FFFD FFFD);
	check_repair("x\xe2\x82" "y", 4, "x" FFFD "y");
	/* an overlong slash: two bad bytes, two replacements */
	check_repair("\xc0\xaf", 2, FFFD FFFD);
	check_repair("\xed\xa0\x80", 3, FFFD FFFD FFFD);
	check_repair("end\xf0\x9f\x98", 6, "end" FFFD);
	check_repair(FFFD, 3, FFFD);
}

static void
test_utf8_repair_respects_cap(void **state)
{
	struct strbuf sb;

	strbuf_init_capped(&sb, 4);
	assert_int_equal(utf8_repair(&sb, "ab\xff", 3), -1);
	assert_true(sb.len <= 4);
	assert_true(utf8_valid(sb.buf, sb.len));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_decode_well_formed),
		cmocka_unit_test(test_utf8_decode_ill_formed),
		cmocka_unit_test(test_utf8_encode),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_repair),
		cmocka_unit_test(test_utf8_repair_respects_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
