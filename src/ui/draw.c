/* SPDX-License-Identifier: ISC */
/*
 * Putting text on the screen: every string goes through the sanitiser,
 * is cut to its columns with "…" and padded, and on a terminal that is
 * not UTF-8 each character becomes ASCII of the same width. Attributes
 * are monochrome unless colours are allowed (NO_COLOR unset).
 */
#include "config.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config-file.h"
#include "ui/view.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/width.h"

/* What each kind of text is, and its attributes when nobody said. */
static const struct {
	enum config_element	element;
	attr_t			mono;	/* without colours */
	short			fg;	/* the reader's own colour, or -1 */
} kinds[DRAW_COUNT] = {
	[DRAW_NORMAL] =	{ CONFIG_NORMAL, A_NORMAL, -1 },
	[DRAW_BOLD] =	{ CONFIG_NORMAL, A_BOLD, -1 },
	[DRAW_DIM] =	{ CONFIG_META, A_NORMAL, -1 },
	[DRAW_REVERSE] = { CONFIG_CURSOR, A_REVERSE, -1 },
	[DRAW_ERROR] =	{ CONFIG_ERROR, A_BOLD, COLOR_RED },
	[DRAW_ACCENT] =	{ CONFIG_ACCENT, A_NORMAL, COLOR_CYAN },
	[DRAW_UNREAD] =	{ CONFIG_UNREAD, A_BOLD, -1 },
	[DRAW_TITLE] =	{ CONFIG_TITLE_BAR, A_REVERSE, -1 },
	[DRAW_STATUS] =	{ CONFIG_STATUS, A_NORMAL, -1 },
	[DRAW_FRAME] =	{ CONFIG_FRAME, A_NORMAL, -1 },
};

static attr_t
config_attrs(unsigned a)
{
	attr_t out = A_NORMAL;

	if (a & CONFIG_BOLD)
		out |= A_BOLD;
	if (a & CONFIG_DIM)
		out |= A_DIM;
	if (a & CONFIG_UNDERLINE)
		out |= A_UNDERLINE;
	if (a & CONFIG_REVERSE)
		out |= A_REVERSE;
	if (a & CONFIG_STANDOUT)
		out |= A_STANDOUT;
	if (a & CONFIG_BLINK)
		out |= A_BLINK;
	return out;
}

/* A colour the terminal has, or its default. */
static short
usable(int c)
{
	return c >= 0 && c < COLORS ? (short)c : -1;
}

/* The attributes of kind k: the config's colour, else the reader's. */
static attr_t
kind_attrs(struct ui *ui, int k)
{
	const struct config_color *cc = &ui->cfg->colors[kinds[k].element];
	short pair = (short)(k + 1), fg = kinds[k].fg, bg = -1;
	attr_t extra = kinds[k].mono;

	if (cc->set) {
		fg = usable(cc->fg);
		bg = usable(cc->bg);
		extra = config_attrs(cc->attrs);
		if (k == DRAW_BOLD)
			extra |= A_BOLD;
	}
	if (!ui->color || (fg == -1 && bg == -1))
		return extra;
	init_pair(pair, fg, bg);
	return COLOR_PAIR(pair) | extra;
}

void
draw_init(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");

	ui->color = has_colors() && (no_color == NULL || no_color[0] == '\0');
	if (ui->color) {
		start_color();
		use_default_colors();
	}
	draw_colors(ui);
}

void
draw_colors(struct ui *ui)
{
	int k;

	for (k = 0; k < DRAW_COUNT; k++)
		ui->attrs[k] = kind_attrs(ui, k);
}

static attr_t
attr_of(const struct ui *ui, enum draw_attr a)
{
	return ui->attrs[a];
}

/* The ASCII stand-in for cp, one column wide. */
static char
ascii_of(uint32_t cp)
{
	static const struct {
		uint32_t	cp;
		char		c;
	} map[] = {
		{ 0x00a0, ' ' }, { 0x00b7, '.' }, { 0x2010, '-' },
		{ 0x2013, '-' }, { 0x2014, '-' }, { 0x2018, '\'' },
		{ 0x2019, '\'' }, { 0x201c, '"' }, { 0x201d, '"' },
		{ 0x2022, '*' }, { 0x2026, '~' }, { 0x2691, '!' }, { 0x2715, 'x' }, { 0x2500, '-' },
		{ 0x2502, '|' }, { 0x2550, '=' }, { 0x250c, '+' },
		{ 0x2510, '+' }, { 0x2514, '+' }, { 0x2518, '+' },
		{ 0x00b9, '1' }, { 0x00b2, '2' }, { 0x00b3, '3' },
		{ 0x00ab, '"' }, { 0x00bb, '"' }, { 0x2032, '\'' },
	};
	size_t i;

	if (cp < 0x80)
		return (char)cp;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].cp == cp)
			return map[i].c;
	return '?';
}

/* Replace s (UTF-8) by ASCII of the same width in out. */
static void
to_ascii(const char *s, size_t len, struct strbuf *out)
{
	size_t i = 0, n;
	uint32_t cp;
	int w;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		w = width_char(cp);
		if (w >= 1)
			strbuf_addch(out, ascii_of(cp));
		if (w == 2)
			strbuf_addch(out, cp < 0x80 ? ' ' : '?');
		i += n;
	}
}

/*
 * Our own spacing stays: newlines and tabs become spaces. Zero-width
 * joiners go: terminals disagree on the width of a joined sequence (tmux
 * and some terminals draw the character after a joiner in the cell before
 * it, others side by side), so with them the columns counted here would
 * not be the terminal's. Without them every terminal draws each character
 * in the columns wcwidth() gives, and an emoji sequence shows as its parts.
 */
static void
for_the_screen(struct strbuf *sb)
{
	static const char zwj[] = "\xe2\x80\x8d";	/* U+200D */
	size_t i, j = 0;

	for (i = 0; i < sb->len; i++) {
		if (sb->len - i >= 3 && memcmp(sb->buf + i, zwj, 3) == 0) {
			i += 2;
			continue;
		}
		sb->buf[j++] = sb->buf[i] == '\n' || sb->buf[i] == '\t' ?
		    ' ' : sb->buf[i];
	}
	strbuf_setlen(sb, j);
}

void
draw_text(struct ui *ui, int y, int x, int w, const char *s,
    enum draw_attr attr)
{
	struct strbuf clean = STRBUF_INIT, cut = STRBUF_INIT;
	struct strbuf ascii = STRBUF_INIT;
	const char *out;
	size_t cols;

	if (w <= 0)
		return;
	sanitize_add(&clean, s != NULL ? s : "", s != NULL ? strlen(s) : 0,
	    SANITIZE_TEXT);
	for_the_screen(&clean);
	cols = width_truncate(&cut, clean.buf, clean.len, (size_t)w);
	width_pad(&cut, (size_t)w - cols);
	out = cut.buf;
	if (ui->ascii) {
		to_ascii(cut.buf, cut.len, &ascii);
		out = ascii.buf;
	}
	attrset(attr_of(ui, attr));
	mvaddstr(y, x, out);
	attrset(A_NORMAL);
	strbuf_release(&clean);
	strbuf_release(&cut);
	strbuf_release(&ascii);
}

void
draw_fill(struct ui *ui, int y, int x, int w, enum draw_attr attr)
{
	draw_text(ui, y, x, w, "", attr);
}

void
draw_hline(struct ui *ui, int y, int x, int w)
{
	if (w <= 0)
		return;
	attrset(attr_of(ui, DRAW_FRAME));
	mvhline(y, x, ACS_HLINE, w);
	attrset(A_NORMAL);
}

void
draw_vline(struct ui *ui, int y, int x, int h)
{
	if (h <= 0)
		return;
	attrset(attr_of(ui, DRAW_FRAME));
	mvvline(y, x, ACS_VLINE, h);
	attrset(A_NORMAL);
}

void
draw_frame_char(struct ui *ui, int y, int x, chtype c)
{
	mvaddch(y, x, c | attr_of(ui, DRAW_FRAME));
}

void
draw_date(const struct ui *ui, int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	struct strbuf clean = STRBUF_INIT;

	buf[0] = '\0';
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	/* The user's own format, checked by the config module. */
	if (t != INT64_MIN && localtime_r(&tt, &tm) != NULL &&
	    strftime(buf, size, ui->cfg->date_format, &tm) > 0) {
#pragma GCC diagnostic pop
		sanitize_add(&clean, buf, strlen(buf), SANITIZE_LINE);
		snprintf(buf, size, "%s", clean.buf);
	}
	strbuf_release(&clean);
}
