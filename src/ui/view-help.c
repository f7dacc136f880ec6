/* SPDX-License-Identifier: ISC */
/*
 * The help screen, made from the live key bindings: every action with
 * the keys bound to it now and what it does.
 */
#include "config.h"

#include "ui/view.h"
#include "util/i18n.h"

#define KEY_COLS	22
#define FIRST_ACTION	ACT_DOWN

static void
help_draw(struct ui *ui, const struct rect *r)
{
	struct strbuf keys = STRBUF_INIT;
	size_t i;
	int y = r->y;
	enum action a;

	list_set_count(&ui->help, ACT_COUNT - FIRST_ACTION);
	list_scroll(&ui->help, r->h);
	for (i = ui->help.top; i < ui->help.n && y < r->y + r->h; i++, y++) {
		a = (enum action)(i + FIRST_ACTION);
		strbuf_reset(&keys);
		keys_names_of(a, ui->help_view, &keys);
		draw_text(ui, y, r->x + 1, KEY_COLS - 1, keys.len ? keys.buf :
		    "-", i == ui->help.cur ? DRAW_REVERSE : DRAW_BOLD);
		draw_text(ui, y, r->x + KEY_COLS, r->w - KEY_COLS,
		    _(keys_action_help(a)), i == ui->help.cur ? DRAW_REVERSE :
		    DRAW_NORMAL);
	}
	strbuf_release(&keys);
}

static int
help_key(struct ui *ui, enum action a)
{
	if (list_move(&ui->help, a, ui->page))
		return 1;
	if (a == ACT_BACK || a == ACT_HELP) {
		ui->overlay = OVERLAY_NONE;
		return 1;
	}
	return 0;
}

const struct view_ops view_help_ops = {
	N_("Help"),
	KEYS_VIEW_HELP,
	help_draw,
	help_key,
};
