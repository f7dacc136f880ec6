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

/* Length of the run at s of bytes that pass unchanged in mode. */
static size_t
plain_run(const char *s, size_t len, enum sanitize_mode mode)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	if (mode == SANITIZE_TEXT)
		while (i < len && ((u[i] >= 0x20 && u[i] < 0x7F) ||
		    u[i] == '\n' || u[i] == '\t'))
			i++;
	else
		while (i < len && u[i] > 0x20 && u[i] < 0x7F)
			i++;
	return i;
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
			    strbuf_add(sb, s + c.pos, n) == -1)
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
