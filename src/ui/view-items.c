/* SPDX-License-Identifier: ISC */
/*
 * The headline list: an unread mark, a flag mark, the date and the title,
 * with the feed's name in a mixed list. In the wide layout the article
 * pane follows the cursor (skimming); opening an article marks it read.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui/view.h"
#include "util/i18n.h"
#include "util/width.h"

#define FEED_COLS	16

static void
draw_row(struct ui *ui, const struct rect *r, size_t i)
{
	const struct item_ref *ref = &ui->irows[i];
	const struct store_item *it = data_item(ui, ref);
	struct strbuf sb = STRBUF_INIT;
	enum draw_attr attr = it->flags & ITEM_UNREAD ? DRAW_UNREAD :
	    DRAW_NORMAL;
	int y = r->y + (int)(i - ui->items.top), x = r->x, w = r->w;
	char date[DATE_BUF];

	if (i == ui->items.cur && (ui->focus == PANE_ITEMS || !ui->wide))
		attr = DRAW_REVERSE;
	else if (i == ui->items.cur)
		attr = DRAW_ACCENT;
	draw_date(ui, it->published != INT64_MIN ? it->published : it->updated,
	    date, sizeof(date));
	strbuf_addf(&sb, "%s%s %s ", it->flags & ITEM_UNREAD ? "●" : " ",
	    it->flags & ITEM_FLAGGED ? "⚑" : " ", date);
	draw_text(ui, y, x, ui->date_cols, sb.buf, attr);
	x += ui->date_cols;
	w -= ui->date_cols;
	if (ui->frows[ui->items_of].kind != ROW_FEED && w > 2 * FEED_COLS) {
		draw_text(ui, y, x, FEED_COLS, data_feed_name(ui, ref->feed),
		    attr == DRAW_REVERSE ? attr : DRAW_DIM);
		draw_text(ui, y, x + FEED_COLS, 1, "", attr);
		x += FEED_COLS + 1;
		w -= FEED_COLS + 1;
	}
	draw_text(ui, y, x, w, it->title != NULL && it->title[0] != '\0' ?
	    it->title : _("(untitled)"), attr);
	strbuf_release(&sb);
}

/* The width of the marks and date column, from a date of today. */
static void
date_columns(struct ui *ui)
{
	char date[DATE_BUF];

	draw_date(ui, (int64_t)time(NULL), date, sizeof(date));
	ui->date_cols = 4 + (int)width_str(date, strlen(date));
	if (ui->date_cols > 40)
		ui->date_cols = 40;
}

static void
items_draw(struct ui *ui, const struct rect *r)
{
	size_t i;

	if (!ui->items_open) {
		draw_text(ui, r->y, r->x, r->w, _("Open a feed to list its "
		    "articles."), DRAW_DIM);
		return;
	}
	if (ui->items.n == 0) {
		draw_text(ui, r->y, r->x, r->w, ui->unread_only ?
		    _("No unread articles here (U shows all).") :
		    _("No articles here yet (r reloads)."), DRAW_DIM);
		return;
	}
	list_scroll(&ui->items, r->h);
	date_columns(ui);
	for (i = ui->items.top; i < ui->items.n &&
	    i < ui->items.top + (size_t)r->h; i++)
		draw_row(ui, r, i);
}

/* Open the article under the cursor and mark it read. */
void
view_items_open(struct ui *ui)
{
	const struct item_ref *ref;

	if (ui->items.n == 0)
		return;
	ref = &ui->irows[ui->items.cur];
	data_set_flags(ui, ref, data_item(ui, ref)->flags & ~ITEM_UNREAD);
	article_show(ui, ref);
	ui->focus = PANE_ARTICLE;
}

static void
back(struct ui *ui)
{
	ui->focus = PANE_FEEDS;
}

static void
reload(struct ui *ui)
{
	data_reload_row(ui, ui->items_of);
}

static const struct view_fn functions[] = {
	{ ACT_OPEN, view_items_open },
	{ ACT_BACK, back },
	{ ACT_MARK_ALL_READ, data_mark_list_read },
	{ ACT_RELOAD, reload },
};

static int
items_key(struct ui *ui, enum action a)
{
	if (list_move(&ui->items, a, ui->page)) {
		if (ui->wide && ui->items.n > 0)
			article_show(ui, &ui->irows[ui->items.cur]);
		return 1;
	}
	return VIEW_DISPATCH(ui, functions, a);
}

const struct view_ops view_items_ops = {
	N_("Headlines"),
	KEYS_VIEW_HEADLINES,
	items_draw,
	items_key,
};
