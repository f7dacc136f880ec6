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

#include "ui/view.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/width.h"

enum { PAIR_ERROR = 1, PAIR_ACCENT };

void
draw_init(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");

	ui->color = has_colors() && (no_color == NULL || no_color[0] == '\0');
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_ACCENT, COLOR_CYAN, -1);
}

static attr_t
attr_of(const struct ui *ui, enum draw_attr a)
{
	switch (a) {
	case DRAW_BOLD:
		return A_BOLD;
	case DRAW_DIM:
		return ui->color ? A_DIM : A_NORMAL;
	case DRAW_REVERSE:
		return A_REVERSE;
	case DRAW_ERROR:
		return ui->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD;
	case DRAW_ACCENT:
		return ui->color ? COLOR_PAIR(PAIR_ACCENT) : A_NORMAL;
	default:
		return A_NORMAL;
	}
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

void
draw_text(struct ui *ui, int y, int x, int w, const char *s,
    enum draw_attr attr)
{
	struct strbuf clean = STRBUF_INIT, cut = STRBUF_INIT;
	struct strbuf ascii = STRBUF_INIT;
	const char *out;
	size_t cols, i;

	if (w <= 0)
		return;
	sanitize_add(&clean, s != NULL ? s : "", s != NULL ? strlen(s) : 0,
	    SANITIZE_TEXT);
	for (i = 0; i < clean.len; i++)
		if (clean.buf[i] == '\n' || clean.buf[i] == '\t')
			clean.buf[i] = ' ';	/* our own spacing stays */
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
draw_hline(int y, int x, int w)
{
	if (w > 0)
		mvhline(y, x, ACS_HLINE, w);
}

void
draw_vline(int y, int x, int h)
{
	if (h > 0)
		mvvline(y, x, ACS_VLINE, h);
}

void
draw_date(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || localtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%b %d", &tm) == 0)
		snprintf(buf, size, "%s", "      ");
}
