/* SPDX-License-Identifier: ISC */
/*
 * sanitize: every class of control character and escape sequence, bidi
 * and invisible characters, ill-formed UTF-8, and the two modes.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/sanitize.h"
#include "util/utf8.h"

#define ESC	"\x1b"
#define BEL	"\x07"
#define FFFD	"\xef\xbf\xbd"

static void
check(const char *in, size_t len, enum sanitize_mode mode, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(sanitize_add(&sb, in, len, mode), 0);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
}

#define CHECK_LINE(in, want) check(in, sizeof(in) - 1, SANITIZE_LINE, want)
#define CHECK_TEXT(in, want) check(in, sizeof(in) - 1, SANITIZE_TEXT, want)

/* No code point of s is a control, a bidi control or ill-formed. */
static void
assert_clean(const char *s, size_t len, enum sanitize_mode mode)
{
	size_t i = 0, n;
	uint32_t cp;

	assert_true(utf8_valid(s, len));
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		i += n;
		if (mode == SANITIZE_TEXT && (cp == '\n' || cp == '\t'))
			continue;
		assert_false(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F));
		assert_false(cp >= 0x202A && cp <= 0x202E);
		assert_false(cp >= 0x2066 && cp <= 0x2069);
		assert_false(cp == 0x200E || cp == 0x200F || cp == 0x061C);
		assert_false(cp == 0x200B || cp == 0xFEFF);
	}
}

static void
test_sanitize_every_c0_control(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char in[3];
	int c;

	for (c = 0; c < 0x20; c++) {
		in[0] = 'a';
		in[1] = (char)c;
		in[2] = 'b';
		strbuf_reset(&sb);
		sanitize_add(&sb, in, 3, SANITIZE_TEXT);
		if (c == '\n' || c == '\t')
			assert_memory_equal(sb.buf, in, 3);
		else if (c == '\r')
			assert_string_equal(sb.buf, "a\nb");
		else if (c == 0x1b)
			assert_string_equal(sb.buf, "a");  /* ESC b: a sequence */
		else
			assert_string_equal(sb.buf, "ab");
		strbuf_reset(&sb);
		sanitize_add(&sb, in, 3, SANITIZE_LINE);
		if (c == '\n' || c == '\t' || c == '\r' || c == '\v' ||
		    c == '\f')
			assert_string_equal(sb.buf, "a b");
		else if (c == 0x1b)
			assert_string_equal(sb.buf, "a");
		else
			assert_string_equal(sb.buf, "ab");
	}
	strbuf_release(&sb);
}

static void
test_sanitize_del_and_every_c1_control(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char in[4];
	int c;

	CHECK_LINE("a\x7f" "b", "ab");
	for (c = 0x80; c <= 0x9F; c++) {
		/* the C1 control as a character: U+0080..U+009F */
		in[0] = 'a';
		in[1] = '\xc2';
		in[2] = (char)c;
		in[3] = 'z';
		strbuf_reset(&sb);
		sanitize_add(&sb, in, 4, SANITIZE_LINE);
		/* NEL is a line break; CSI, OSC, DCS... start a sequence */
		if (c == 0x85)
			assert_string_equal(sb.buf, "a z");
		else if (c == 0x9B)	/* 'z' ends the CSI sequence */
			assert_string_equal(sb.buf, "a");
		else
			assert_string_equal(sb.buf, "az");
		assert_clean(sb.buf, sb.len, SANITIZE_LINE);
		/* the raw 8-bit byte is ill-formed UTF-8 */
		strbuf_reset(&sb);
		sanitize_add(&sb, in + 2, 1, SANITIZE_LINE);
		assert_string_equal(sb.buf, FFFD);
	}
	strbuf_release(&sb);
}

static void
test_sanitize_csi_sequences(void **state)
{
	CHECK_LINE("A" ESC "[2J" "B", "AB");
	CHECK_LINE(ESC "[31mred" ESC "[0m", "red");
	CHECK_LINE(ESC "[1;31;4mX" ESC "[m", "X");
	CHECK_LINE("up" ESC "[10A" "down", "updown");
	CHECK_LINE(ESC "[?1049h" "alt", "alt");
	CHECK_LINE(ESC "[?25l" "hide", "hide");
	/* the 8-bit CSI, U+009B, with its parameters */
	CHECK_LINE("x\xc2\x9b" "2J" "y", "xy");
	CHECK_TEXT("x\xc2\x9b" "31m" "y", "xy");
}

static void
test_sanitize_osc_and_strings(void **state)
{
	/* OSC 52: write to the clipboard, ended by BEL or by ST */
	CHECK_LINE("a" ESC "]52;c;ZXZpbA==" BEL "b", "ab");
	CHECK_LINE("a" ESC "]52;c;ZXZpbA==" ESC "\\" "b", "ab");
	/* OSC 0 and 2: the window title */
	CHECK_LINE(ESC "]0;pwned" BEL "title", "title");
	CHECK_LINE(ESC "]2;pwned" ESC "\\" "title", "title");
	/* OSC 8: a hyperlink whose text differs from its target */
	CHECK_LINE(ESC "]8;;http://evil.example/" ESC "\\" "safe"
	    ESC "]8;;" ESC "\\", "safe");
	/* DCS, SOS, PM, APC */
	CHECK_LINE("a" ESC "Pq#0;2;0;0;0" ESC "\\" "b", "ab");
	CHECK_LINE("a" ESC "Xsos" ESC "\\" "b", "ab");
	CHECK_LINE("a" ESC "^pm" ESC "\\" "b", "ab");
	CHECK_LINE("a" ESC "_apc" ESC "\\" "b", "ab");
	/* the 8-bit introducers and ST */
	CHECK_LINE("a\xc2\x9d" "0;t" BEL "b", "ab");
	CHECK_LINE("a\xc2\x90" "q\xc2\x9c" "b", "ab");
	/* an introducer without an end hides nothing that follows */
	CHECK_LINE("a" ESC "]no end here", "ano end here");
}

static void
test_sanitize_other_escapes(void **state)
{
	CHECK_LINE("a" ESC "c" "b", "ab");		/* full reset */
	CHECK_LINE("a" ESC "7" "b" ESC "8", "ab");	/* save, restore */
	CHECK_LINE("a" ESC "(0" "b", "ab");		/* line drawing set */
	CHECK_LINE("a" ESC "#8" "b", "ab");		/* screen alignment */
	CHECK_LINE("a" ESC, "a");
	CHECK_LINE("a" ESC ESC "[1m" "b", "ab");
}

static void
test_sanitize_bidi_and_invisible(void **state)
{
	/* "exe.gpj" spoofing with RIGHT-TO-LEFT OVERRIDE */
	CHECK_LINE("photo\xe2\x80\xae" "gpj.exe", "photogpj.exe");
	CHECK_LINE("\xe2\x80\xaa" "a\xe2\x80\xab" "b\xe2\x80\xac"
	    "c\xe2\x80\xad" "d", "abcd");
	CHECK_LINE("\xe2\x81\xa6" "a\xe2\x81\xa7" "b\xe2\x81\xa8" "c"
	    "\xe2\x81\xa9", "abc");
	CHECK_LINE("a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d", "abcd");
	/* zero-width space, word joiner, BOM, a tag character */
	CHECK_LINE("a\xe2\x80\x8b" "b\xe2\x81\xa0" "c\xef\xbb\xbf" "d",
	    "abcd");
	CHECK_LINE("a\xf3\xa0\x80\x81" "b", "ab");
	/* joiners stay: Persian and emoji sequences need them */
	CHECK_LINE("a\xe2\x80\x8d" "b", "a\xe2\x80\x8d" "b");
	CHECK_LINE("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4",
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4");
	CHECK_TEXT("a\xe2\x80\x8d" "b", "a\xe2\x80\x8d" "b");
}

static void
test_sanitize_keeps_text(void **state)
{
	CHECK_LINE("Caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80",
	    "Caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80");
	CHECK_LINE("e\xcc\x81", "e\xcc\x81");		/* combining acute */
	CHECK_LINE("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",	/* Hebrew stays */
	    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
	CHECK_LINE("", "");
}

static void
test_sanitize_line_white_space(void **state)
{
	CHECK_LINE("  Title\n\twith \r\n  breaks  ", "Title with breaks");
	CHECK_LINE("a\xe2\x80\xa8" "b", "a b");
	CHECK_LINE("\n\n\n", "");
	CHECK_LINE("a" ESC "[1m \n " ESC "[0m" "b", "a b");
}

static void
test_sanitize_text_line_ends(void **state)
{
	CHECK_TEXT("one\r\ntwo\rthree\n", "one\ntwo\nthree\n");
	CHECK_TEXT("\tcode\n\n", "\tcode\n\n");
	CHECK_TEXT("a\xe2\x80\xa9" "b", "a\nb");
}

static void
test_sanitize_ill_formed_utf8(void **state)
{
	CHECK_LINE("bad\xff" "byte", "bad" FFFD "byte");
	CHECK_LINE("\xc0\xaf", FFFD FFFD);
	CHECK_LINE("cut\xe2\x82", "cut" FFFD);
	CHECK_LINE("\xed\xa0\x80", FFFD FFFD FFFD);
}

static void
test_sanitize_nul_and_cap(void **state)
{
	struct strbuf sb;

	check("a\0b", 3, SANITIZE_LINE, "ab");
	strbuf_init_capped(&sb, 5);
	assert_int_equal(sanitize_add(&sb, "abc\xe4\xb8\xad", 6,
	    SANITIZE_LINE), -1);
	assert_string_equal(sb.buf, "abc");
	strbuf_release(&sb);
}

/*
 * Each case at each place in a run of ASCII, as the sanitiser reads it 8
 * bytes at a time: whatever the place, the same output.
 */
static void
test_sanitize_every_offset(void **state)
{
	static const struct {
		const char	*in, *line, *text;
	} cases[] = {
		{ "", "", "" },
		{ "\xc3\xa9", "\xc3\xa9", "\xc3\xa9" },
		{ "\xe4\xb8\xad\xf0\x9f\x98\x80",
		    "\xe4\xb8\xad\xf0\x9f\x98\x80",
		    "\xe4\xb8\xad\xf0\x9f\x98\x80" },
		{ "\xc2\xa0", "\xc2\xa0", "\xc2\xa0" },
		{ FFFD, FFFD, FFFD },
		{ "\xff", FFFD, FFFD },
		{ "\xe2\x82", FFFD, FFFD },
		{ "\x7f", "", "" },
		{ "\x01", "", "" },
		{ "\xc2\x9f", "", "" },
		{ "\xe2\x80\x8b", "", "" },
		{ "\xd8\x9c", "", "" },
		{ "\xef\xbf\xbe", "", "" },
		{ ESC "[1m", "", "" },
		{ "\xc2\x9b" "1m", "", "" },
		{ ESC "]0;title" BEL, "", "" },
		{ "\t", " ", "\t" },
		{ "\n", " ", "\n" },
		{ "\r\n", " ", "\n" },
		{ "\r", " ", "\n" },
		{ "\xe2\x80\xa8", " ", "\n" },
		{ "\xc2\x85", " ", "\n" },
		{ " ", " ", " " },
		{ "  \n ", " ", "  \n " },
		{ " \xc3\xa9 ", " \xc3\xa9 ", " \xc3\xa9 " },
	};
	static const char text[] = "abcdefghijklmnopqrstuvwxyz";
	char in[64], want[64];
	size_t k, at, n;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		for (at = 1; at < sizeof(text) - 1; at++) {
			n = strlen(cases[k].in);
			memcpy(in, text, at);
			memcpy(in + at, cases[k].in, n);
			memcpy(in + at + n, text + at, sizeof(text) - at);
			snprintf(want, sizeof(want), "%.*s%s%s", (int)at, text,
			    cases[k].line, text + at);
			check(in, sizeof(text) - 1 + n, SANITIZE_LINE, want);
			snprintf(want, sizeof(want), "%.*s%s%s", (int)at, text,
			    cases[k].text, text + at);
			check(in, sizeof(text) - 1 + n, SANITIZE_TEXT, want);
		}
}

/* White space at the ends of a line goes, wherever it is read from. */
static void
test_sanitize_line_ends_every_length(void **state)
{
	static const char text[] = "a b c d efghijklmn o pqrs tu";
	char in[64], want[64];
	size_t at, n;

	for (at = 0; at < sizeof(text); at++) {
		snprintf(in, sizeof(in), " %.*s ", (int)at, text);
		for (n = at; n > 0 && text[n - 1] == ' '; n--)
			;
		snprintf(want, sizeof(want), "%.*s", (int)n, text);
		check(in, strlen(in), SANITIZE_LINE, want);
	}
}

/*
 * With a cap of every size, the sanitised in comes out as the pieces of
 * pieces that fit, whole: however long a run of plain text the sanitiser
 * reads at once, it writes words, spaces and characters one by one.
 */
static void
check_cap(const char *in, enum sanitize_mode mode,
    const char *const *pieces, size_t npieces)
{
	struct strbuf sb, want = STRBUF_INIT;
	size_t cap, k;

	for (cap = 1; cap <= strlen(in); cap++) {	/* 0: no cap */
		strbuf_reset(&want);
		for (k = 0; k < npieces &&
		    want.len + strlen(pieces[k]) <= cap; k++)
			strbuf_addstr(&want, pieces[k]);
		strbuf_init_capped(&sb, cap);
		assert_int_equal(sanitize_add(&sb, in, strlen(in), mode),
		    k < npieces ? -1 : 0);
		assert_string_equal(sb.buf, want.buf);
		strbuf_release(&sb);
	}
	strbuf_release(&want);
}

static void
test_sanitize_cap_keeps_pieces(void **state)
{
	static const char *const line[] = { "one", " ", "tw", "\xc3\xb6",
	    " ", "thr", "\xe4\xb8\xad", "\xe4\xb8\xad", "ee", " ", "four" };
	static const char *const text[] = { "a\tb", "\xc3\xa9", "\n",
	    "\xc3\xa9", " c d\n" };

	check_cap("one tw\xc3\xb6 thr\xe4\xb8\xad\xe4\xb8\xad" "ee four",
	    SANITIZE_LINE, line, sizeof(line) / sizeof(line[0]));
	check_cap("a\tb\xc3\xa9\n\xc3\xa9 c d\n", SANITIZE_TEXT, text,
	    sizeof(text) / sizeof(text[0]));
}

/* Random bytes, weighted towards the dangerous ones, always come out clean. */
static void
test_sanitize_random_input_is_clean(void **state)
{
	static const char pool[] = "\x1b\x07\x9b\x9c\x9d\xc2\xe2\x80\xae"
	    "\xff\r\n\t []\\;Pa\xd8\x9c\xef\xbb\xbf\xf0\x9f";
	struct strbuf sb = STRBUF_INIT;
	char in[64];
	unsigned int seed = 12345;
	int round, i;

	for (round = 0; round < 20000; round++) {
		for (i = 0; i < (int)sizeof(in); i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (seed >> 16) % 3 ? pool[(seed >> 8) %
			    (sizeof(pool) - 1)] : (char)(seed >> 20);
		}
		strbuf_reset(&sb);
		sanitize_add(&sb, in, sizeof(in), SANITIZE_LINE);
		assert_clean(sb.buf, sb.len, SANITIZE_LINE);
		strbuf_reset(&sb);
		sanitize_add(&sb, in, sizeof(in), SANITIZE_TEXT);
		assert_clean(sb.buf, sb.len, SANITIZE_TEXT);
	}
	strbuf_release(&sb);
}

static void
test_sanitize_new_string(void **state)
{
	char *s = sanitize("  t" ESC "[1mi\xc2\x9b" "0mtle ", SANITIZE_LINE);

	assert_string_equal(s, "title");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_every_c0_control),
		cmocka_unit_test(test_sanitize_del_and_every_c1_control),
		cmocka_unit_test(test_sanitize_csi_sequences),
		cmocka_unit_test(test_sanitize_osc_and_strings),
		cmocka_unit_test(test_sanitize_other_escapes),
		cmocka_unit_test(test_sanitize_bidi_and_invisible),
		cmocka_unit_test(test_sanitize_keeps_text),
		cmocka_unit_test(test_sanitize_line_white_space),
		cmocka_unit_test(test_sanitize_text_line_ends),
		cmocka_unit_test(test_sanitize_ill_formed_utf8),
		cmocka_unit_test(test_sanitize_nul_and_cap),
		cmocka_unit_test(test_sanitize_every_offset),
		cmocka_unit_test(test_sanitize_line_ends_every_length),
		cmocka_unit_test(test_sanitize_cap_keeps_pieces),
		cmocka_unit_test(test_sanitize_random_input_is_clean),
		cmocka_unit_test(test_sanitize_new_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
