/* SPDX-License-Identifier: ISC */
/*
 * Wrapping an article's typed lines to a width, for the screen: a pure
 * step, from an html_doc to display lines, that counts display columns
 * (util/width.h), never bytes. Words move whole to the next line; a word
 * longer than a line is cut between characters, at the end of a
 * grapheme cluster when one fits (never before a combining mark, inside
 * a ZWJ sequence or before a skin tone). CJK text breaks between
 * characters, except before closing and after opening punctuation.
 */
#include "config.h"

#include "html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/width.h"
#include "util/xmalloc.h"

#define BAR		"\xe2\x94\x82 "		/* "│ ", two columns */
#define BAR_BLANK	"\xe2\x94\x82"		/* "│" */
#define RULE		"\xe2\x94\x80"		/* "─" */
#define DOUBLE_RULE	"\xe2\x95\x90"		/* "═" */
#define RULE_MAX	200	/* the longest rule, in columns */
#define VS16		"\xef\xb8\x8f"		/* U+FE0F, emoji style */
#define ZWJ		0x200Du

/* The state of a wrap: where the lines go, and the line being made. */
struct wrap {
	struct html_wrapped	*out;
	size_t			 width;
	enum line_type		 type;	/* of the text_line being wrapped */
	size_t			 src;	/* its index */
	struct strbuf		 line;	/* the display line so far */
	size_t			 used;	/* its columns, after the prefix */
	size_t			 avail;	/* the columns it has for text */
	size_t			 most;	/* the widest line of this text */
	const struct strbuf	*rest;	/* the prefix of the lines to come */
	size_t			 wrest;	/* its columns */
};

/* Append a display line of len bytes at s, without trailing spaces. */
static void
add_display(struct wrap *w, const char *s, size_t len)
{
	struct html_wrapped *out = w->out;
	struct display_line *d;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (out->nlines == out->alloc) {
		out->alloc = out->alloc < 64 ? 64 : out->alloc * 2;
		out->lines = xreallocarray(out->lines, out->alloc,
		    sizeof(*out->lines));
	}
	d = &out->lines[out->nlines++];
	d->type = w->type;
	d->src = w->src;
	d->text = xstrndup(s, len);
}

/* Close the line being made and start the next with the rest prefix. */
static void
next_line(struct wrap *w)
{
	if (w->used > w->most)
		w->most = w->used;
	add_display(w, w->line.buf, w->line.len);
	strbuf_reset(&w->line);
	strbuf_add(&w->line, w->rest->buf, w->rest->len);
	w->used = 0;
	w->avail = w->width - w->wrest;
}

/*
 * The character at s (len > 0 bytes left): its code point in *cp, its
 * columns in *cols (one more for a one-column character that U+FE0F turns
 * into an emoji), and its length in bytes as the return value.
 */
static size_t
next_char(const char *s, size_t len, uint32_t *cp, size_t *cols)
{
	size_t n;
	int wc;

	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		*cols = *cp >= 0x20 && *cp < 0x7F ? 1 : 0;
		n = 1;
	} else {
		n = utf8_decode(s, len, cp);
		wc = width_char(*cp);
		*cols = (size_t)wc;
	}
	if (*cols == 1 && len - n >= 3 && memcmp(s + n, VS16, 3) == 0)
		*cols = 2;
	return n;
}

/*
 * 1 for the characters of scripts written without spaces: Chinese,
 * Japanese, Yi. Not Hangul: Korean puts spaces between words.
 */
static int
is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x303E) ||
	    (cp >= 0x3040 && cp <= 0x312F) ||
	    (cp >= 0x3190 && cp <= 0x33FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xA000 && cp <= 0xA4CF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD);
}

static int
in_list(uint32_t cp, const uint32_t *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == cp)
			return 1;
	return 0;
}

/* 1 for what a line must not start with: closing marks, small kana. */
static int
no_break_before(uint32_t cp)
{
	static const uint32_t list[] = {
		')', ']', '}', ',', '.', ':', ';', '!', '?', '%',
		0x2019, 0x201D, 0x2025, 0x2026, 0x3001, 0x3002, 0x3005,
		0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017,
		0x3019, 0x301B, 0x301E, 0x301F, 0x303B, 0x3041, 0x3043,
		0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
		0x308E, 0x3095, 0x3096, 0x309D, 0x309E, 0x30A1, 0x30A3,
		0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7,
		0x30EE, 0x30F5, 0x30F6, 0x30FB, 0x30FC, 0x30FD, 0x30FE,
		0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F,
		0xFF3D, 0xFF5D, 0xFF60, 0xFF61, 0xFF63, 0xFF64,
	};

	return (cp >= 0x31F0 && cp <= 0x31FF) ||
	    in_list(cp, list, sizeof(list) / sizeof(list[0]));
}

/* 1 for what a line must not end with: opening marks. */
static int
no_break_after(uint32_t cp)
{
	static const uint32_t list[] = {
		'(', '[', '{', 0x2018, 0x201C, 0x3008, 0x300A, 0x300C,
		0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D,
		0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
	};

	return in_list(cp, list, sizeof(list) / sizeof(list[0]));
}

/* 1 when a line may break between a and b (b of cols columns), no space. */
static int
can_break(uint32_t a, uint32_t b, size_t cols)
{
	if (a < 0x80 && b < 0x80)
		return 0;
	return (is_cjk(a) || is_cjk(b)) && cols > 0 && a != ZWJ &&
	    !no_break_before(b) && !no_break_after(a);
}

/* 1 when a cut between a and b keeps a grapheme cluster whole. */
static int
good_cut(uint32_t a, uint32_t b, size_t cols)
{
	return cols > 0 && a != ZWJ && !(b >= 0x1F3FB && b <= 0x1F3FF);
}

/* Add the len bytes at s (cols columns) to the line. */
static void
put(struct wrap *w, const char *s, size_t len, size_t cols)
{
	strbuf_add(&w->line, s, len);
	w->used += cols;
}

/*
 * Add a word longer than a line, on lines of its own but for its end,
 * which the line being made keeps. The line is empty. When soft, a piece
 * ends after a "-", "/", "?" or "&" in the second half of the line if
 * there is one (compounds, URLs); else after as much as fits.
 */
static void
cut_word(struct wrap *w, const char *s, size_t len, int soft_cuts)
{
	size_t p = 0, q, n, cols, used, good, good_used, soft, soft_used;
	uint32_t cp, prev;

	while (p < len) {
		q = p;
		used = 0;
		good = soft = p;
		good_used = soft_used = 0;
		prev = 0;
		while (q < len) {
			n = next_char(s + q, len - q, &cp, &cols);
			if (q > p && good_cut(prev, cp, cols)) {
				good = q;
				good_used = used;
				if (soft_cuts && (prev == '-' || prev == '/' ||
				    prev == '?' || prev == '&') && cp != prev &&
				    2 * used >= w->avail - w->used) {
					soft = q;
					soft_used = used;
				}
			}
			if (used + cols > w->avail - w->used)
				break;
			used += cols;
			prev = cp;
			q += n;
		}
		if (q == len) {
			put(w, s + p, q - p, used);
			return;
		}
		if (soft > p) {
			q = soft;
			used = soft_used;
		} else if (good > p) {
			q = good;
			used = good_used;
		} else if (q == p) {
			/* no room at all: cannot happen, avail >= 2 */
			q = p + next_char(s + p, len - p, &cp, &cols);
			used = cols;
		}
		put(w, s + p, q - p, used);
		next_line(w);
		p = q;
	}
}

/* Add a word of cols columns, after a space when space. */
static void
add_word(struct wrap *w, const char *s, size_t len, size_t cols, int space)
{
	size_t sep = space && w->used > 0 ? 1 : 0;

	if (w->used + sep + cols <= w->avail) {
		if (sep)
			put(w, " ", 1, 1);
		put(w, s, len, cols);
		return;
	}
	if (w->used > 0)
		next_line(w);
	if (cols <= w->avail)
		put(w, s, len, cols);
	else
		cut_word(w, s, len, 1);
}

/*
 * Wrap the len bytes of text at s, the first line after the prefix
 * first (wfirst columns), the others after w->rest.
 */
static void
wrap_text(struct wrap *w, const char *s, size_t len,
    const struct strbuf *first, size_t wfirst, int glue_bars)
{
	size_t i = 0, j, n, cols, wcols;
	uint32_t cp, prev;
	unsigned char c;
	int space = 0;

	strbuf_reset(&w->line);
	strbuf_add(&w->line, first->buf, first->len);
	w->used = 0;
	w->avail = w->width - wfirst;
	while (i < len) {
		if (s[i] == ' ') {
			space = 1;
			i++;
			continue;
		}
		/* a word: up to a space or a place CJK text may break */
		j = i;
		wcols = 0;
		prev = 0;
		while (j < len && s[j] != ' ') {
			/* printable ASCII after ASCII: one column, no break */
			c = (unsigned char)s[j];
			if (c > 0x20 && c < 0x7F && prev < 0x80 &&
			    (j + 1 == len || (unsigned char)s[j + 1] < 0x80)) {
				wcols++;
				prev = c;
				j++;
				continue;
			}
			n = next_char(s + j, len - j, &cp, &cols);
			if (j > i && can_break(prev, cp, cols))
				break;
			wcols += cols;
			prev = cp;
			j += n;
		}
		/* a table's " |" stays with the cell before it */
		if (glue_bars && len - j >= 2 && s[j] == ' ' &&
		    s[j + 1] == '|' && (len - j == 2 || s[j + 2] == ' ')) {
			j += 2;
			wcols += 2;
		}
		add_word(w, s + i, j - i, wcols, space);
		space = 0;
		i = j;
	}
	next_line(w);
}

/* Preformatted text: never reflowed, but cut into lines of the width. */
static void
wrap_pre(struct wrap *w, const char *s, size_t len)
{
	static const struct strbuf none = STRBUF_INIT;

	w->rest = &none;
	w->wrest = 0;
	strbuf_reset(&w->line);
	w->used = 0;
	w->avail = w->width;
	if (len > 0)
		cut_word(w, s, len, 0);
	next_line(w);
}

/*
 * The prefixes of a line: first for its first display line, rest for
 * the others, and their columns. *inline_marker is set when the marker
 * did not fit in the prefix and goes before the text instead.
 */
static void
make_prefix(const struct text_line *l, size_t width, struct strbuf *first,
    size_t *wfirst, struct strbuf *rest, size_t *wrest, int *inline_marker)
{
	const char *unit = "  ";
	size_t k = 0, mark = 0, hang = 0, most, i;

	strbuf_reset(first);
	strbuf_reset(rest);
	*inline_marker = 0;
	/* at least half the width, and two columns, are for the text */
	most = width - (width / 2 > 2 ? width / 2 : 2);
	if (width < 2)
		most = 0;
	switch (l->type) {
	case LINE_ITEM:
		k = l->level > 1 ? (size_t)l->level - 1 : 0;
		mark = l->marker != NULL ?
		    width_str(l->marker, strlen(l->marker)) + 1 : 2;
		hang = mark;
		break;
	case LINE_QUOTE:
		unit = BAR;
		k = l->level > 0 ? (size_t)l->level : 0;
		mark = l->marker != NULL ?
		    width_str(l->marker, strlen(l->marker)) + 1 : 0;
		hang = mark;
		break;
	case LINE_TABLE:
		hang = 2;
		break;
	default:
		if (l->marker != NULL)
			*inline_marker = 1;
		break;
	}
	if (k > 64)
		k = 64;
	while (k > 0 && 2 * k + (mark > hang ? mark : hang) > most)
		k--;
	if (2 * k + (mark > hang ? mark : hang) > most) {
		if (l->marker != NULL)
			*inline_marker = 1;
		mark = hang = 0;
	}
	for (i = 0; i < k; i++) {
		strbuf_addstr(first, unit);
		strbuf_addstr(rest, unit);
	}
	if (mark > 0) {
		if (l->marker != NULL) {
			strbuf_addstr(first, l->marker);
			strbuf_addch(first, ' ');
		} else
			width_pad(first, mark);
	}
	width_pad(rest, hang);
	*wfirst = 2 * k + mark;
	*wrest = 2 * k + hang;
}

/* A blank line before the text_line l, with quote bars between quotes. */
static void
add_blank(struct wrap *w, const struct text_line *prev,
    const struct text_line *l)
{
	struct text_line q = { LINE_QUOTE, 0, NULL, NULL, 0 };
	struct strbuf first = STRBUF_INIT, rest = STRBUF_INIT;
	size_t wfirst, wrest;
	int inl;

	if (prev->type != LINE_QUOTE || l->type != LINE_QUOTE) {
		add_display(w, "", 0);
		return;
	}
	q.level = prev->level < l->level ? prev->level : l->level;
	make_prefix(&q, w->width, &first, &wfirst, &rest, &wrest, &inl);
	/* "│ │ " becomes "│ │" */
	add_display(w, first.buf, first.len);
	strbuf_release(&first);
	strbuf_release(&rest);
}

/* A line of n copies of the one-column character c. */
static void
add_rule(struct wrap *w, const char *c, size_t n)
{
	size_t i;

	strbuf_reset(&w->line);
	for (i = 0; i < n; i++)
		strbuf_addstr(&w->line, c);
	add_display(w, w->line.buf, w->line.len);
}

void
html_wrap(const struct html_doc *doc, size_t width, struct html_wrapped *out)
{
	struct strbuf first = STRBUF_INIT, rest = STRBUF_INIT;
	struct strbuf text = STRBUF_INIT;
	const struct text_line *l;
	struct wrap w;
	size_t i, wfirst;
	int inl;

	memset(&w, 0, sizeof(w));
	w.out = out;
	w.width = width < HTML_WRAP_MIN ? HTML_WRAP_MIN : width;
	strbuf_init(&w.line, 0);
	for (i = 0; i < doc->nlines; i++) {
		l = &doc->lines[i];
		w.type = l->type;
		w.src = i;
		if (i > 0 && !l->joined)
			add_blank(&w, &doc->lines[i - 1], l);
		if (l->type == LINE_RULE) {
			add_rule(&w, RULE, w.width < RULE_MAX ? w.width :
			    RULE_MAX);
			continue;
		}
		if (l->type == LINE_PRE) {
			wrap_pre(&w, l->text, strlen(l->text));
			continue;
		}
		make_prefix(l, w.width, &first, &wfirst, &rest, &w.wrest,
		    &inl);
		w.rest = &rest;
		w.most = 0;
		if (inl) {
			strbuf_reset(&text);
			strbuf_addstr(&text, l->marker);
			strbuf_addch(&text, ' ');
			strbuf_addstr(&text, l->text);
			wrap_text(&w, text.buf, text.len, &first, wfirst,
			    l->type == LINE_TABLE);
		} else
			wrap_text(&w, l->text, strlen(l->text), &first, wfirst,
			    l->type == LINE_TABLE);
		if (l->type == LINE_HEADING && l->level <= 2 && w.most > 0)
			add_rule(&w, l->level == 1 ? DOUBLE_RULE : RULE,
			    w.most);
	}
	strbuf_release(&first);
	strbuf_release(&rest);
	strbuf_release(&text);
	strbuf_release(&w.line);
}

void
html_wrapped_release(struct html_wrapped *w)
{
	size_t i;

	for (i = 0; i < w->nlines; i++)
		free(w->lines[i].text);
	free(w->lines);
	memset(w, 0, sizeof(*w));
}
