/* SPDX-License-Identifier: ISC */
/*
 * Where the panes go. Wide (from 120x30, or when the setting says so):
 * feeds on the left, headlines above the article, the key facts beside
 * it, in one frame. Narrow: one view at a time under a title bar. The
 * status line is the last row in both; a help, link or tag list takes
 * the whole screen above it.
 */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "ui/view.h"
#include "util/i18n.h"
#include "util/width.h"

#define WIDE_COLS	120
#define WIDE_ROWS	30

static int
is_wide(const struct ui *ui)
{
	if (ui->cfg->layout == CONFIG_LAYOUT_WIDE)
		return ui->cols >= 60 && ui->rows >= 12;
	if (ui->cfg->layout == CONFIG_LAYOUT_NARROW)
		return 0;
	return ui->cols >= WIDE_COLS && ui->rows >= WIDE_ROWS;
}

static int
sidebar_width(const struct ui *ui, int right)
{
	int w = ui->cfg->sidebar_width > 0 ? ui->cfg->sidebar_width :
	    right / 3;

	if (!ui->sidebar || right < 40)
		return 0;
	if (w < 16)
		w = 16;
	return w > right - 24 ? right - 24 : w;
}

void
layout_compute(struct ui *ui, struct rect *feeds, struct rect *items,
    struct rect *article, struct rect *facts)
{
	int fw, right, hh, sw, inner = ui->rows - 3;

	ui->wide = is_wide(ui);
	if (!ui->wide) {
		*feeds = (struct rect){ 1, 0, ui->rows - 2, ui->cols };
		*items = *article = *feeds;
		*facts = (struct rect){ 0, 0, 0, 0 };
		return;
	}
	fw = ui->cols / 5 < 20 ? 20 : ui->cols / 5 > 40 ? 40 : ui->cols / 5;
	right = ui->cols - fw - 3;
	hh = inner / 3 < 4 ? 4 : inner / 3;
	sw = sidebar_width(ui, right);
	*feeds = (struct rect){ 1, 1, inner, fw };
	*items = (struct rect){ 1, fw + 3, hh, right - 1 };
	*article = (struct rect){ hh + 2, fw + 3, inner - hh - 1,
	    sw > 0 ? right - sw - 2 : right - 1 };
	*facts = (struct rect){ hh + 2, ui->cols - 1 - sw, inner - hh - 1,
	    sw };
}

/* A pane's title on the frame: "┌ Title ─". */
static void
frame_title(struct ui *ui, int y, int x, const char *title, int focused)
{
	int w = (int)width_str(title, strlen(title));

	if (ui->cols - x < w + 4)
		return;
	draw_frame_char(ui, y, x + 1, ' ');
	draw_text(ui, y, x + 2, w, title, focused ? DRAW_REVERSE : DRAW_TITLE);
	draw_frame_char(ui, y, x + 2 + w, ' ');
}

static void
draw_wide_frame(struct ui *ui, const struct rect *f, const struct rect *i,
    const struct rect *a, const struct rect *k)
{
	int bottom = ui->rows - 2, sep = i->y + i->h;

	draw_hline(ui, 0, 1, ui->cols - 2);
	draw_hline(ui, bottom, 1, ui->cols - 2);
	draw_hline(ui, sep, f->w + 2, ui->cols - f->w - 3);
	draw_vline(ui, 1, 0, bottom - 1);
	draw_vline(ui, 1, f->w + 1, bottom - 1);
	draw_vline(ui, 1, ui->cols - 1, bottom - 1);
	draw_frame_char(ui, 0, 0, ACS_ULCORNER);
	draw_frame_char(ui, 0, f->w + 1, ACS_TTEE);
	draw_frame_char(ui, 0, ui->cols - 1, ACS_URCORNER);
	draw_frame_char(ui, bottom, 0, ACS_LLCORNER);
	draw_frame_char(ui, bottom, f->w + 1, ACS_BTEE);
	draw_frame_char(ui, bottom, ui->cols - 1, ACS_LRCORNER);
	draw_frame_char(ui, sep, f->w + 1, ACS_LTEE);
	draw_frame_char(ui, sep, ui->cols - 1, ACS_RTEE);
	if (k->w > 0) {
		draw_vline(ui, a->y, k->x - 1, a->h);
		draw_frame_char(ui, sep, k->x - 1, ACS_TTEE);
		draw_frame_char(ui, bottom, k->x - 1, ACS_BTEE);
		frame_title(ui, sep, k->x - 1, _("Key facts"), 0);
	}
	frame_title(ui, 0, 0, _("Feeds"), ui->focus == PANE_FEEDS);
	frame_title(ui, 0, f->w + 1, _("Headlines"), ui->focus == PANE_ITEMS);
	frame_title(ui, sep, f->w + 1, _("Article"),
	    ui->focus == PANE_ARTICLE);
}

static const struct view_ops *
overlay_ops(const struct ui *ui)
{
	switch (ui->overlay) {
	case OVERLAY_HELP:
		return &view_help_ops;
	case OVERLAY_LINKS:
		return &view_links_ops;
	case OVERLAY_TAGS:
		return &view_tags_ops;
	default:
		return NULL;
	}
}

static const struct view_ops *
pane_ops(enum pane p)
{
	return p == PANE_FEEDS ? &view_feeds_ops : p == PANE_ITEMS ?
	    &view_items_ops : &view_article_ops;
}

/* The narrow layout's title bar: the program and where the user is. */
static void
draw_title_bar(struct ui *ui, const char *where)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "tidings %s — %s", VERSION, where);
	draw_text(ui, 0, 0, ui->cols, sb.buf, DRAW_TITLE);
	strbuf_release(&sb);
}

/* The wide layout always shows a list and an article when there are. */
static void
wide_follow(struct ui *ui)
{
	if (!ui->items_open)
		data_open_items(ui, ui->feeds.cur);
	if (!ui->art.shown && ui->items.n > 0)
		article_show(ui, &ui->irows[ui->items.cur]);
}

void
layout_draw(struct ui *ui)
{
	struct rect f, i, a, k, full = { 1, 0, ui->rows - 2, ui->cols };
	const struct view_ops *ov = overlay_ops(ui);

	erase();
	layout_compute(ui, &f, &i, &a, &k);
	if (ov != NULL) {
		draw_title_bar(ui, _(ov->name));
		ov->draw(ui, &full);
		ui->page = full.h;
	} else if (!ui->wide) {
		draw_title_bar(ui, _(pane_ops(ui->focus)->name));
		pane_ops(ui->focus)->draw(ui, &f);
		ui->page = f.h;
	} else {
		wide_follow(ui);
		draw_wide_frame(ui, &f, &i, &a, &k);
		view_feeds_ops.draw(ui, &f);
		view_items_ops.draw(ui, &i);
		view_article_ops.draw(ui, &a);
		if (k.w > 0)
			view_article_facts_draw(ui, &k);
		ui->page = ui->focus == PANE_FEEDS ? f.h :
		    ui->focus == PANE_ITEMS ? i.h : a.h;
	}
	draw_status(ui);
}

int
view_dispatch(struct ui *ui, const struct view_fn *fns, size_t n,
    enum action action)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fns[i].action == action) {
			fns[i].fn(ui);
			return 1;
		}
	return 0;
}

enum keys_view
layout_view(const struct ui *ui)
{
	const struct view_ops *ov = overlay_ops(ui);

	return ov != NULL ? ov->view : pane_ops(ui->focus)->view;
}

int
layout_key(struct ui *ui, enum action action)
{
	const struct view_ops *ov = overlay_ops(ui);

	if (ov != NULL)
		return ov->key(ui, action);
	return pane_ops(ui->focus)->key(ui, action);
}
