/* SPDX-License-Identifier: ISC */
/*
 * The feed list: unread counts, names, markers for a feed whose last
 * fetch failed ("!") and tags. Opening a row lists its articles; in the
 * wide layout the headlines follow the cursor.
 */
#include "config.h"

#include <stdio.h>

#include "ui/view.h"
#include "util/i18n.h"

static void
row_name(struct ui *ui, const struct feed_row *row, struct strbuf *sb)
{
	const struct sub *sub;
	size_t i;

	if (row->kind == ROW_ALL) {
		strbuf_addstr(sb, _("All articles"));
		return;
	}
	if (row->kind == ROW_FLAGGED) {
		strbuf_addstr(sb, _("Flagged"));
		return;
	}
	strbuf_addstr(sb, data_feed_name(ui, row->feed));
	sub = model_sub(ui->m, row->feed);
	if (!ui->wide || ui->cols >= 160)
		for (i = 0; i < sub->ntags; i++)
			strbuf_addf(sb, " [%s]", sub->tags[i]);
}

static void
draw_row(struct ui *ui, const struct rect *r, size_t i)
{
	const struct feed_row *row = &ui->frows[i];
	const struct store_feed_info *info = row->kind == ROW_FEED ?
	    model_info(ui->m, row->feed) : NULL;
	struct strbuf sb = STRBUF_INIT;
	int y = r->y + (int)(i - ui->feeds.top);
	size_t unread = data_row_unread(ui, row);
	enum draw_attr attr = unread > 0 ? DRAW_UNREAD : DRAW_NORMAL;
	const char *mark = info == NULL ? "" : info->gone ? " ✕" :
	    info->error != NULL ? " !" : "";
	if (i == ui->feeds.cur && (ui->focus == PANE_FEEDS || !ui->wide))
		attr = DRAW_REVERSE;
	strbuf_addf(&sb, "%c%5zu ", i == ui->feeds.cur ? '>' : ' ', unread);
	row_name(ui, row, &sb);
	draw_text(ui, y, r->x, r->w - 2, sb.buf, attr);
	draw_text(ui, y, r->x + r->w - 2, 2, mark,
	    mark[0] != '\0' ? DRAW_ERROR : attr);
	strbuf_release(&sb);
}

static void
feeds_draw(struct ui *ui, const struct rect *r)
{
	size_t i;

	list_scroll(&ui->feeds, r->h);
	for (i = ui->feeds.top; i < ui->feeds.n &&
	    i < ui->feeds.top + (size_t)r->h; i++)
		draw_row(ui, r, i);
}

static void
open_row(struct ui *ui)
{
	data_open_items(ui, ui->feeds.cur);
	ui->focus = PANE_ITEMS;
	if (ui->wide && ui->items.n > 0)
		article_show(ui, &ui->irows[0]);
}

/* In the wide layout the headlines show the feed under the cursor. */
static void
follow(struct ui *ui)
{
	if (!ui->wide)
		return;
	data_open_items(ui, ui->feeds.cur);
	if (ui->items.n > 0)
		article_show(ui, &ui->irows[0]);
	else
		article_clear(ui);
}

static void
mark_row_read(struct ui *ui)
{
	if (ui->feeds.n == 0)
		return;
	data_open_items(ui, ui->feeds.cur);
	data_mark_list_read(ui);
	ui_message(ui, 0, _("Marked %zu articles read"), ui->items.n);
}

static void
open_selected(struct ui *ui)
{
	if (ui->feeds.n > 0)
		open_row(ui);
}

static void
reload(struct ui *ui)
{
	data_reload_row(ui, ui->feeds.cur);
}

static const struct view_fn functions[] = {
	{ ACT_OPEN, open_selected },
	{ ACT_BACK, ui_request_quit },
	{ ACT_MARK_ALL_READ, mark_row_read },
	{ ACT_RELOAD, reload },
};

static int
feeds_key(struct ui *ui, enum action a)
{
	if (list_move(&ui->feeds, a, ui->page)) {
		follow(ui);
		return 1;
	}
	return VIEW_DISPATCH(ui, functions, a);
}

const struct view_ops view_feeds_ops = {
	N_("Feeds"),
	KEYS_VIEW_FEEDS,
	feeds_draw,
	feeds_key,
};
