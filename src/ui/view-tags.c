/* SPDX-License-Identifier: ISC */
/*
 * Choosing a tag: the feed list then shows only the feeds with it; the
 * first row, "All feeds", takes the filter away.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/view.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Collect the tags of every subscription, each once, in ui->tag_names. */
static void
collect(struct ui *ui)
{
	const struct sub *sub;
	size_t i, j, k, n = 0;

	free(ui->tag_names);
	ui->tag_names = NULL;
	for (i = 0; i < model_nfeeds(ui->m); i++) {
		sub = model_sub(ui->m, i);
		for (j = 0; j < sub->ntags; j++) {
			for (k = 0; k < n; k++)
				if (strcmp(ui->tag_names[k], sub->tags[j]) == 0)
					break;
			if (k < n)
				continue;
			ui->tag_names = xreallocarray(ui->tag_names, n + 1,
			    sizeof(*ui->tag_names));
			ui->tag_names[n++] = sub->tags[j];
		}
	}
	list_set_count(&ui->tags, n + 1);
}

void
view_tags_enter(struct ui *ui)
{
	ui->tags.cur = ui->tags.top = 0;
	collect(ui);
	ui->overlay = OVERLAY_TAGS;
}

static void
tags_draw(struct ui *ui, const struct rect *r)
{
	size_t i;
	int y = r->y;

	list_scroll(&ui->tags, r->h);
	for (i = ui->tags.top; i < ui->tags.n && y < r->y + r->h; i++, y++)
		draw_text(ui, y, r->x + 1, r->w - 1, i == 0 ? _("All feeds") :
		    ui->tag_names[i - 1], i == ui->tags.cur ? DRAW_REVERSE :
		    DRAW_NORMAL);
}

static int
tags_key(struct ui *ui, enum action a)
{
	if (list_move(&ui->tags, a, ui->page))
		return 1;
	if (a == ACT_OPEN) {
		free(ui->tag);
		ui->tag = ui->tags.cur == 0 ? NULL :
		    xstrdup(ui->tag_names[ui->tags.cur - 1]);
		ui->overlay = OVERLAY_NONE;
		ui->focus = PANE_FEEDS;
		ui->feeds.cur = 0;
		data_build_feeds(ui);
		return 1;
	}
	if (a == ACT_BACK) {
		ui->overlay = OVERLAY_NONE;
		return 1;
	}
	return 0;
}

const struct view_ops view_tags_ops = {
	N_("Tags"),
	KEYS_VIEW_TAGS,
	tags_draw,
	tags_key,
};
