/* SPDX-License-Identifier: ISC */
/*
 * The article's links, numbered as in its text; Enter or 1-9 open one.
 */
#include "config.h"

#include "ui/view.h"
#include "util/i18n.h"

static void
links_draw(struct ui *ui, const struct rect *r)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int y = r->y;

	list_set_count(&ui->links, ui->art.doc.nlinks);
	if (ui->links.n == 0)
		draw_text(ui, y, r->x + 1, r->w - 1,
		    _("This article has no links."), DRAW_DIM);
	list_scroll(&ui->links, r->h);
	for (i = ui->links.top; i < ui->links.n && y < r->y + r->h;
	    i++, y++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%4zu  %s", i + 1, ui->art.doc.links[i]);
		draw_text(ui, y, r->x, r->w, sb.buf, i == ui->links.cur ?
		    DRAW_REVERSE : DRAW_NORMAL);
	}
	strbuf_release(&sb);
}

static int
links_key(struct ui *ui, enum action a)
{
	if (list_move(&ui->links, a, ui->page))
		return 1;
	if (a == ACT_OPEN && ui->links.n > 0) {
		ui_open_url(ui, ui->art.doc.links[ui->links.cur]);
		return 1;
	}
	if (a == ACT_BACK || a == ACT_LINKS) {
		ui->overlay = OVERLAY_NONE;
		return 1;
	}
	return 0;
}

const struct view_ops view_links_ops = {
	N_("Links"),
	KEYS_VIEW_LINKS,
	links_draw,
	links_key,
};
