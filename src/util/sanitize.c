/* SPDX-License-Identifier: ISC */
/*
 * The sanitiser: removes what would act on a terminal or break the store.
 */
#include "config.h"

#include "util/sanitize.h"

#include <stdint.h>
#include <string.h>

#include "util/utf8.h"

#define ESC	0x1Bu
#define BEL	0x07u
#define C1_DCS	0x90u
#define C1_SOS	0x98u
#define C1_CSI	0x9Bu
#define C1_ST	0x9Cu
#define C1_OSC	0x9Du
#define C1_PM	0x9Eu
#define C1_APC	0x9Fu

/* A cursor over the input, one code point at a time. */
struct cursor {
	const char	*s;
	size_t		 len;
	size_t		 pos;
};

static int
cursor_peek(const struct cursor *c, uint32_t *cp, size_t *n)
{
	if (c->pos >= c->len)
		return 0;
	*n = utf8_decode(c->s + c->pos, c->len - c->pos, cp);
	return 1;
}

/* Skip the rest of a CSI sequence: parameters, intermediates, final. */
static void
skip_csi(struct cursor *c)
{
	uint32_t cp;
	size_t n;

	while (cursor_peek(c, &cp, &n) && cp >= 0x20 && cp <= 0x3F)
		c->pos += n;
	if (cursor_peek(c, &cp, &n) && cp >= 0x40 && cp <= 0x7E)
		c->pos += n;
}

/*
 * Skip a control string (OSC, DCS, SOS, PM, APC) through its terminator:
 * BEL, ESC \ or ST. Without a terminator only the introducer goes, so that
 * no text is hidden by a stray introducer.
 */
static void
skip_string(struct cursor *c)
{
	size_t pos = c->pos, n;
	uint32_t cp;

	while (pos < c->len) {
		n = utf8_decode(c->s + pos, c->len - pos, &cp);
		pos += n;
		if (cp == BEL || cp == C1_ST) {
			c->pos = pos;
			return;
		}
		if (cp == ESC && pos < c->len && c->s[pos] == '\\') {
			c->pos = pos + 1;
			return;
		}
	}
}

/* Skip what follows an ESC that was just consumed. */
static void
skip_escape(struct cursor *c)
{
	uint32_t cp;
	size_t n;

	if (!cursor_peek(c, &cp, &n))
		return;
	if (cp == '[') {
		c->pos += n;
		skip_csi(c);
	} else if (cp == ']' || cp == 'P' || cp == 'X' || cp == '^' ||
	    cp == '_') {
		c->pos += n;
		skip_string(c);
	} else if (cp >= 0x20 && cp <= 0x2F) {
		while (cursor_peek(c, &cp, &n) && cp >= 0x20 && cp <= 0x2F)
			c->pos += n;
		if (cursor_peek(c, &cp, &n) && cp >= 0x30 && cp <= 0x7E)
			c->pos += n;
	} else if (cp >= 0x30 && cp <= 0x7E)
		c->pos += n;
}

/* 1 for the characters that are dropped wherever they stand. */
static int
is_invisible(uint32_t cp)
{
	return cp == 0x7F ||
	    (cp >= 0x80 && cp <= 0x9F) ||		/* C1 controls */
	    cp == 0x061C ||				/* Arabic letter mark */
	    cp == 0x200B || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) ||		/* embeddings */
	    (cp >= 0x2060 && cp <= 0x2064) ||		/* word joiner etc. */
	    (cp >= 0x2066 && cp <= 0x2069) ||		/* isolates */
	    cp == 0xFEFF ||
	    (cp >= 0xFFF9 && cp <= 0xFFFB) ||		/* annotations */
	    (cp >= 0xFDD0 && cp <= 0xFDEF) ||		/* noncharacters */
	    (cp & 0xFFFE) == 0xFFFE ||
	    (cp >= 0xE0000 && cp <= 0xE007F);		/* tags */
}

/* 1 for what a single line turns into a space. */
static int
is_line_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\v' || cp == '\f' || cp == 0x85 || cp == 0x2028 ||
	    cp == 0x2029;
}

/*
 * Classify one code point just consumed: returns the code point to keep,
 * ' ' for white space in line mode, or UINT32_MAX to drop it. Escape and
 * control sequences that start here are consumed from c.
 */
static uint32_t
classify(struct cursor *c, uint32_t cp, enum sanitize_mode mode)
{
	if (cp == ESC) {
		skip_escape(c);
		return UINT32_MAX;
	}
	if (cp == C1_CSI) {
		skip_csi(c);
		return UINT32_MAX;
	}
	if (cp == C1_OSC || cp == C1_DCS || cp == C1_SOS || cp == C1_PM ||
	    cp == C1_APC) {
		skip_string(c);
		return UINT32_MAX;
	}
	if (mode == SANITIZE_LINE) {
		if (is_line_space(cp))
			return ' ';
	} else {
		if (cp == '\r') {
			if (c->pos < c->len && c->s[c->pos] == '\n')
				return UINT32_MAX;
			return '\n';
		}
		if (cp == '\n' || cp == '\t')
			return cp;
		if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
			return '\n';
	}
	if (cp < 0x20 || is_invisible(cp))
		return UINT32_MAX;
	return cp;
}

/*
 * Marks the bytes of the 8 at s that may not pass unchanged in mode: all
 * but printable ASCII, and in SANITIZE_TEXT newline and tab. The space
 * is one in SANITIZE_LINE, where it needs a look at its neighbours.
 */
static uint64_t
word_marks(const char *s, enum sanitize_mode mode)
{
	uint64_t w = utf8_word(s);

	return utf8_word_above(w, 0x7E) |
	    utf8_word_below(w, mode == SANITIZE_TEXT ? 0x20 : 0x21);
}

/*
 * 1 when the byte at u[i] of a run passes unchanged in mode. In
 * SANITIZE_LINE a space does when it stands alone between what passed
 * before it in the run (i > 0) and printable ASCII: the one space between
 * two words, which would be written as itself anyway.
 */
static int
plain_byte(const unsigned char *u, size_t i, size_t len,
    enum sanitize_mode mode)
{
	if (u[i] > 0x20 && u[i] < 0x7F)
		return 1;
	if (mode == SANITIZE_TEXT)
		return u[i] == ' ' || u[i] == '\n' || u[i] == '\t';
	return u[i] == ' ' && i > 0 && i + 1 < len && u[i + 1] > 0x20 &&
	    u[i + 1] < 0x7F;
}

/*
 * Length of the character at s if it is not ASCII and passes unchanged
 * in either mode, else 0: well-formed, not U+FFFD (which may stand for
 * bad bytes), not a line or paragraph separator, not invisible.
 */
static size_t
plain_char(const char *s, size_t len)
{
	uint32_t cp;
	size_t n;

	n = utf8_decode(s, len, &cp);
	if (cp < 0xA0 || cp == UTF8_REPLACEMENT || cp == 0x2028 ||
	    cp == 0x2029 || is_invisible(cp))
		return 0;
	return n;
}

/* Length of what passes unchanged in mode at s[i], a character; or 0. */
static size_t
plain_step(const char *s, size_t i, size_t len, enum sanitize_mode mode)
{
	const unsigned char *u = (const unsigned char *)s;

	if (plain_byte(u, i, len, mode))
		return 1;
	return u[i] >= 0x80 ? plain_char(s + i, len - i) : 0;
}

/* Length of the run at s of bytes that pass unchanged in mode. */
static size_t
plain_run(const char *s, size_t len, enum sanitize_mode mode)
{
	size_t i = 0, n;
	uint64_t m;

	while (i < len) {
		if (len - i >= 8) {
			/* skip to the first byte that needs a closer look */
			if ((m = word_marks(s + i, mode)) == 0) {
				i += 8;
				continue;
			}
			i += utf8_word_first(m);
		}
		if ((n = plain_step(s, i, len, mode)) == 0)
			break;
		i += n;
	}
	return i;
}

/*
 * Append the run of n plain bytes at s piece by piece, as if each space
 * of SANITIZE_LINE and each character not ASCII ended a run: the pieces
 * a run is written in when the cap of sb cuts it, so that what fits
 * stays the same whatever a run may hold.
 */
static int
add_pieces(struct strbuf *sb, const char *s, size_t n,
    enum sanitize_mode mode)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		for (k = i; k < n && u[k] < 0x80 &&
		    (mode == SANITIZE_TEXT || u[k] != ' '); k++)
			;
		if (k == i)
			k += u[i] == ' ' ? 1 : utf8_decode(s + i, n - i, &cp);
		if (strbuf_add(sb, s + i, k - i) == -1)
			return -1;
		i = k;
	}
	return 0;
}

int
sanitize_add(struct strbuf *sb, const char *s, size_t len,
    enum sanitize_mode mode)
{
	struct cursor c = { s, len, 0 };
	int pending_space = 0, any = 0;
	size_t n, start;
	uint32_t cp, kept;

	while (c.pos < len) {
		n = plain_run(s + c.pos, len - c.pos, mode);
		if (n > 0) {
			if ((pending_space && strbuf_addch(sb, ' ') == -1) ||
			    (strbuf_add(sb, s + c.pos, n) == -1 &&
			    add_pieces(sb, s + c.pos, n, mode) == -1))
				return -1;
			pending_space = 0;
			any = 1;
			c.pos += n;
			continue;
		}
		start = c.pos;
		cursor_peek(&c, &cp, &n);
		c.pos += n;
		kept = classify(&c, cp, mode);
		if (kept == UINT32_MAX)
			continue;
		if (mode == SANITIZE_LINE && kept == ' ') {
			pending_space = any;
			continue;
		}
		if (pending_space && strbuf_addch(sb, ' ') == -1)
			return -1;
		pending_space = 0;
		any = 1;
		/* a well-formed character is copied as it was written */
		if (kept == cp && cp != UTF8_REPLACEMENT ?
		    strbuf_add(sb, s + start, n) == -1 : utf8_add(sb, kept) == -1)
			return -1;
	}
	return 0;
}

char *
sanitize(const char *s, enum sanitize_mode mode)
{
	struct strbuf sb = STRBUF_INIT;

	sanitize_add(&sb, s, strlen(s), mode);
	return strbuf_detach(&sb, NULL);
}
