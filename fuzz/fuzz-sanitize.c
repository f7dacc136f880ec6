/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the sanitiser and the UTF-8 and width helpers: the
 * output must always be well-formed UTF-8 free of controls, escape
 * sequences, bidi controls and the invisible characters sanitize.h
 * lists; a line must be one line, with no white space at its ends and no
 * two spaces in a row; the sanitiser must be idempotent (clean text stays
 * as it is); every character must have a width of 0 to 2 columns, and
 * one that the C library gives a negative width (wcwidth() -1) must be
 * one it does not know (unassigned), never a control; and truncation must
 * stay inside its width.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/width.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a note on stderr, for the crash report. */
static void
fail(const char *what, uint32_t cp)
{
	fprintf(stderr, "fuzz-sanitize: %s: U+%04X\n", what, (unsigned)cp);
	abort();
}

/* What sanitize.h promises to leave out, wherever it stands. */
static int
banned(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    cp == 0x061C || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
	    (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	    (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE ||
	    (cp >= 0xE0000 && cp <= 0xE007F);
}

static void
check_clean(const struct strbuf *sb, enum sanitize_mode mode)
{
	size_t i = 0, cols = 0;
	uint32_t cp;
	int w;

	if (!utf8_valid(sb->buf, sb->len))
		fail("ill-formed UTF-8", 0);
	if (strlen(sb->buf) != sb->len)
		fail("a NUL byte", 0);
	while (i < sb->len) {
		i += utf8_decode(sb->buf + i, sb->len - i, &cp);
		if (mode == SANITIZE_TEXT && (cp == '\n' || cp == '\t'))
			continue;
		if (banned(cp))
			fail("banned code point", cp);
		if (mode == SANITIZE_LINE && (cp == 0x85 || cp == 0x2028 ||
		    cp == 0x2029))
			fail("a line break in a line", cp);
		w = width_char(cp);
		if (w < 0 || w > 2)
			fail("width out of range", cp);
		cols += (size_t)w;
		if (wcwidth((wchar_t)cp) < 0 && (cp < 0xA0 ||
		    iswcntrl((wint_t)cp) || iswprint((wint_t)cp)))
			fail("a character of negative width", cp);
	}
	if (cols != width_str(sb->buf, sb->len))
		fail("width_str is not the sum of the widths", 0);
	if (mode == SANITIZE_LINE && sb->len > 0 && (sb->buf[0] == ' ' ||
	    sb->buf[sb->len - 1] == ' ' || strstr(sb->buf, "  ") != NULL))
		fail("white space not folded in a line", ' ');
}

/* Clean text goes through the sanitiser unchanged. */
static void
check_idempotent(const struct strbuf *sb, enum sanitize_mode mode)
{
	struct strbuf again = STRBUF_INIT;

	sanitize_add(&again, sb->buf, sb->len, mode);
	if (again.len != sb->len || memcmp(again.buf, sb->buf, sb->len) != 0)
		fail("not idempotent", mode);
	strbuf_release(&again);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_CTYPE, "C.UTF-8");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf sb = STRBUF_INIT, cut = STRBUF_INIT;
	size_t cols = size > 0 ? data[0] % 64 : 0;

	sanitize_add(&sb, (const char *)data, size, SANITIZE_LINE);
	check_clean(&sb, SANITIZE_LINE);
	check_idempotent(&sb, SANITIZE_LINE);
	if (width_truncate(&cut, sb.buf, sb.len, cols) > cols ||
	    width_str(cut.buf, cut.len) > cols || !utf8_valid(cut.buf, cut.len))
		fail("truncation past its width", (uint32_t)cols);
	strbuf_reset(&sb);
	sanitize_add(&sb, (const char *)data, size, SANITIZE_TEXT);
	check_clean(&sb, SANITIZE_TEXT);
	check_idempotent(&sb, SANITIZE_TEXT);
	strbuf_release(&sb);
	strbuf_release(&cut);
	return 0;
}
