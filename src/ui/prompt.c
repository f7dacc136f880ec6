/* SPDX-License-Identifier: ISC */
/*
 * The last line of the screen: where the user is and how the reload is
 * going, a message when there is one, and the prompt for a search ("/")
 * or a command (":") in its place while one is typed. Also what a search
 * and a command then do.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/view.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/width.h"
#include "util/xmalloc.h"

/* "[3/40] Technology — 12 unread" for the focused list. */
static void
position(struct ui *ui, struct strbuf *sb)
{
	const struct list *l = ui->focus == PANE_FEEDS || !ui->items_open ?
	    &ui->feeds : &ui->items;
	const struct feed_row *row = &ui->frows[ui->items_open ?
	    ui->items_of : ui->feeds.cur];
	size_t unread = data_row_unread(ui, row), len;

	strbuf_addf(sb, "[%zu/%zu] ", l->n > 0 ? l->cur + 1 : 0, l->n);
	if (row->kind == ROW_FEED)
		strbuf_addstr(sb, data_feed_name(ui, row->feed));
	else
		strbuf_addstr(sb, row->kind == ROW_ALL ? _("All articles") :
		    _("Flagged"));
	strbuf_addf(sb, ngettext(" — %zu unread", " — %zu unread", unread),
	    unread);
	if (ui->tag != NULL)
		strbuf_addf(sb, _(" (tag %s)"), ui->tag);
	if (row->kind == ROW_FEED) {
		len = sb->len;
		strbuf_addstr(sb, " — ");
		model_describe(ui->m, row->feed, (int64_t)time(NULL), sb);
		if (sb->len == len + strlen(" — "))
			strbuf_setlen(sb, len);
	}
}

void
draw_status(struct ui *ui)
{
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	unsigned done, total;
	int y = ui->rows - 1, rw;

	if (ui->prompt == PROMPT_CONFIRM) {
		draw_text(ui, y, 0, ui->cols, _("Quit tidings? (y/n)"),
		    DRAW_STATUS);
		return;
	}
	if (ui->prompt != PROMPT_NONE) {
		strbuf_addstr(&left, ui->prompt == PROMPT_SEARCH ? "/" : ":");
		strbuf_addstr(&left, ui->input.buf);
		strbuf_addstr(&left, "_");
		draw_text(ui, y, 0, ui->cols, left.buf, DRAW_NORMAL);
		strbuf_release(&left);
		return;
	}
	if (model_refreshing(ui->m)) {
		model_refresh_progress(ui->m, &done, &total);
		strbuf_addf(&right, _("Reloading %u/%u…"), done, total);
	}
	rw = (int)width_str(right.buf, right.len);
	if (ui->msg.len > 0)
		strbuf_addstr(&left, ui->msg.buf);
	else
		position(ui, &left);
	draw_text(ui, y, 0, ui->cols - rw - 1, left.buf,
	    ui->msg.len > 0 && ui->msg_error ? DRAW_ERROR : DRAW_STATUS);
	draw_text(ui, y, ui->cols - rw - 1, rw + 1, right.buf, DRAW_STATUS);
	strbuf_release(&left);
	strbuf_release(&right);
}

/* Remove the last character of sb. */
static void
drop_last_char(struct strbuf *sb)
{
	size_t len = sb->len;

	while (len > 0 && (sb->buf[len - 1] & 0xc0) == 0x80)
		len--;
	strbuf_setlen(sb, len > 0 ? len - 1 : 0);
}

static void
submit(struct ui *ui)
{
	enum prompt_kind kind = ui->prompt;
	char *line = xstrdup(ui->input.buf);

	ui->prompt = PROMPT_NONE;
	if (kind == PROMPT_SEARCH && line[0] != '\0') {
		free(ui->search);
		ui->search = line;
		ui_search(ui, 0);
		return;
	}
	if (kind == PROMPT_COMMAND)
		ui_run_command(ui, line);
	free(line);
}

void
prompt_key(struct ui *ui, int key)
{
	if (ui->prompt == PROMPT_CONFIRM) {
		ui->prompt = PROMPT_NONE;
		ui->quit = key == 'y' || key == 'Y';
	} else if (key == KEYS_ENTER)
		submit(ui);
	else if (key == KEYS_ESC)
		ui->prompt = PROMPT_NONE;
	else if (key == KEYS_BACKSPACE && ui->input.len == 0)
		ui->prompt = PROMPT_NONE;
	else if (key == KEYS_BACKSPACE)
		drop_last_char(&ui->input);
	else if (key >= ' ' && key < 0x110000 && key != 0x7f &&
	    ui->input.len < 200)
		utf8_add(&ui->input, (uint32_t)key);
}

/* Whether row i of the focused pane matches the search. */
static int
matches(struct ui *ui, enum pane p, size_t i)
{
	struct strbuf name = STRBUF_INIT;
	int ret;

	if (p == PANE_ITEMS)
		return article_matches(ui, &ui->irows[i], ui->search);
	if (p == PANE_ARTICLE)
		return text_contains(ui->art.lines[i].text, ui->search);
	if (ui->frows[i].kind != ROW_FEED)
		return 0;
	strbuf_addstr(&name, data_feed_name(ui, ui->frows[i].feed));
	ret = text_contains(name.buf, ui->search);
	strbuf_release(&name);
	return ret;
}

/* Search from the cursor in dir (0: from the cursor itself, forward). */
void
ui_search(struct ui *ui, int dir)
{
	enum pane p = ui->focus;
	struct list *l = p == PANE_FEEDS ? &ui->feeds : &ui->items;
	size_t n = p == PANE_ARTICLE ? ui->art.nlines : l->n;
	size_t cur = p == PANE_ARTICLE ? ui->art.scroll : l->cur, i, k;

	if (ui->search == NULL || n == 0) {
		ui_message(ui, 1, "%s", _("No search yet: press / first."));
		return;
	}
	for (k = dir == 0 ? 0 : 1; k <= n; k++) {
		i = dir < 0 ? (cur + n - k % n) % n : (cur + k) % n;
		if (!matches(ui, p, i))
			continue;
		if (p == PANE_ARTICLE)
			ui->art.scroll = i;
		else
			list_go(l, i, ui->page);
		if (p == PANE_ITEMS && ui->wide)
			article_show(ui, &ui->irows[i]);
		return;
	}
	ui_message(ui, 1, _("Not found: %s"), ui->search);
}
