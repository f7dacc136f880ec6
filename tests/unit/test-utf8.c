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

#include "util/ascii.h"
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

/* The first of the 8 bytes at s that is below lo or above hi, or 8. */
static size_t
first_outside(const unsigned char *u, unsigned int lo, unsigned int hi)
{
	size_t i;

	for (i = 0; i < 8; i++)
		if (u[i] < lo || u[i] > hi)
			break;
	return i;
}

/* m marks the byte want first, or nothing when want is 8. */
static void
check_marks(uint64_t m, size_t want)
{
	if (want == 8)
		assert_true(m == 0);
	else {
		assert_true(m != 0);
		assert_int_equal(utf8_word_first(m), want);
	}
}

static void
test_utf8_word_byte_order(void **state)
{
	assert_true(utf8_word("\x01\x02\x03\x04\x05\x06\x07\x08") ==
	    UINT64_C(0x0807060504030201));
	check_marks(utf8_word_high(utf8_word("abcdefg\xc3")), 7);
	check_marks(utf8_word_high(utf8_word("\x7f\xff\x7f\xff\x7f\xff"
	    "\x7f\xff")), 1);
	check_marks(utf8_word_below(utf8_word("abc\n\x01\x00\x01\x00"), 0x20),
	    3);
	check_marks(utf8_word_above(utf8_word("~~~~~~\x7f\xff"), 0x7E), 6);
}

/* The word tests against the bytes one by one, near every boundary. */
static void
test_utf8_word_tests(void **state)
{
	static const unsigned char pool[] = { 0x00, 0x01, 0x09, 0x0a, 0x1f,
	    0x20, 0x21, 0x26, 0x7e, 0x7f, 0x80, 0x81, 0xbf, 0xc3, 0xfe, 0xff };
	static const unsigned int below[] = { 1, 0x20, 0x21, 0x7f, 0x80 };
	static const unsigned int above[] = { 0, 0x20, 0x7e, 0x7f };
	unsigned char u[8];
	unsigned int seed = 4321;
	uint64_t w;
	size_t k;
	int round, i;

	for (round = 0; round < 50000; round++) {
		for (i = 0; i < 8; i++) {
			seed = seed * 1103515245u + 12345u;
			u[i] = (seed >> 16) % 4 ? pool[(seed >> 8) % 16] :
			    (unsigned char)(seed >> 20);
		}
		w = utf8_word((const char *)u);
		check_marks(utf8_word_high(w), first_outside(u, 0, 0x7F));
		for (k = 0; k < sizeof(below) / sizeof(below[0]); k++)
			check_marks(utf8_word_below(w, below[k]),
			    first_outside(u, below[k], 0xFF));
		for (k = 0; k < sizeof(above) / sizeof(above[0]); k++)
			check_marks(utf8_word_above(w, above[k]),
			    first_outside(u, 0, above[k]));
		check_marks(utf8_word_above(w, 0x7E) |
		    utf8_word_below(w, 0x20), first_outside(u, 0x20, 0x7E));
	}
}

/* Well-formed by decoding, character by character. */
static int
valid_by_decoding(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT && (n != 3 ||
		    memcmp(s + i, FFFD, 3) != 0))
			return 0;
		i += n;
	}
	return 1;
}

/* utf8_valid() agrees, from a copy of just len bytes: none read past. */
static void
check_valid(const char *s, size_t len)
{
	char *copy = malloc(len > 0 ? len : 1);

	assert_non_null(copy);
	memcpy(copy, s, len);
	assert_int_equal(utf8_valid(copy, len), valid_by_decoding(s, len));
	free(copy);
}

/* Each sequence at each place in a run of ASCII, as 8 bytes are read. */
static void
test_utf8_valid_every_offset(void **state)
{
	static const char *const seqs[] = { "\xc3\xa9", "\xe4\xb8\xad",
	    "\xf0\x9f\x98\x80", FFFD, "\xff", "\x80", "\xc3", "\xe2\x82",
	    "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\x7f" };
	char buf[64];
	size_t k, at, n, len;

	for (k = 0; k < sizeof(seqs) / sizeof(seqs[0]); k++)
		for (at = 0; at <= 24; at++)
			for (len = at; len <= 24; len += 7) {
				n = strlen(seqs[k]);
				memset(buf, 'a', sizeof(buf));
				memcpy(buf + at, seqs[k], n);
				check_valid(buf, len + n);
				check_valid(buf, at + n - 1);	/* cut */
			}
}

static void
test_utf8_valid_random(void **state)
{
	static const char pool[] = "ab \n\x7f\x80\x8f\x90\x9f\xa0\xbf\xc2"
	    "\xc3\xdf\xe0\xe2\xed\xef\xf0\xf4\xf5\xff";
	char in[40];
	unsigned int seed = 99;
	int round, i;

	for (round = 0; round < 50000; round++) {
		for (i = 0; i < (int)sizeof(in); i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = pool[(seed >> 8) % (sizeof(pool) - 1)];
		}
		/* mostly ASCII in front, so that some come out well-formed */
		memset(in, 'x', (seed >> 4) % sizeof(in));
		check_valid(in, sizeof(in));
	}
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

/* Words: spaced runs, and Han and kana a word for every two. */
static void
test_utf8_count_words(void **state)
{
	const char *const spaced[] = {
		"", "  ", "one", "Hello big  world\n", "Caf\xc3\xa9 \xe2\x80\x94 "
		"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 2015",
		"\t tabs\tand\rreturns ", NULL
	};
	size_t i;

	(void)state;
	for (i = 0; spaced[i] != NULL; i++)
		assert_int_equal(utf8_count_words(spaced[i], strlen(spaced[i])),
		    ascii_count_words(spaced[i], strlen(spaced[i])));
	/* 東京都: three Han, two words */
	assert_int_equal(utf8_count_words("東京都", strlen("東京都")), 2);
	/* punctuation 、。 counts for nothing */
	assert_int_equal(utf8_count_words("東京の新しい図書館、開館。",
	    strlen("東京の新しい図書館、開館。")), 6);
	/* Tokyo, 2029 and three Han: 2 + 2 */
	assert_int_equal(utf8_count_words("Tokyo 東京 2029年",
	    strlen("Tokyo 東京 2029年")), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_decode_well_formed),
		cmocka_unit_test(test_utf8_decode_ill_formed),
		cmocka_unit_test(test_utf8_encode),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_word_byte_order),
		cmocka_unit_test(test_utf8_word_tests),
		cmocka_unit_test(test_utf8_valid_every_offset),
		cmocka_unit_test(test_utf8_valid_random),
		cmocka_unit_test(test_utf8_repair),
		cmocka_unit_test(test_utf8_count_words),
		cmocka_unit_test(test_utf8_repair_respects_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
