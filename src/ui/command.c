/* SPDX-License-Identifier: ISC */
/*
 * The command line (":"): a few commands for what has no key, and
 * "bind KEY ACTION" to change a binding while the reader runs.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/view.h"
#include "util/ascii.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define MAX_WORDS	10

/* Split line in place into at most MAX_WORDS words; returns how many. */
static int
split(char *line, char **words)
{
	int n = 0;
	char *p = line;

	while (*p != '\0' && n < MAX_WORDS) {
		while (ASCII_ISSPACE(*p))
			p++;
		if (*p == '\0')
			break;
		words[n++] = p;
		while (*p != '\0' && !ASCII_ISSPACE(*p))
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
	return n;
}

/* What a setting that was just changed means for the screen. */
static void
apply_setting(struct ui *ui, const char *name)
{
	if (strcmp(name, "key-facts") == 0)
		ui->sidebar = ui->cfg->key_facts;
	else if (strcmp(name, "show-read") == 0 &&
	    ui->unread_only == ui->cfg->show_read) {
		ui->unread_only = !ui->cfg->show_read;
		data_build_feeds(ui);
		data_rebuild_items(ui);
	}
}

/* set, bind, unbind, color, include: as in the config file. */
static void
cmd_config(struct ui *ui, const char *line, int n, char **w)
{
	struct strbuf err = STRBUF_INIT, value = STRBUF_INIT;

	if (n == 2 && strcmp(w[0], "set") == 0 &&
	    config_setting_index(w[1]) >= 0) {
		config_get(ui->cfg, w[1], &value);
		ui_message(ui, 0, "%s = %s", w[1], value.buf);
	} else if (config_exec(ui->cfg, line, &err) == -1) {
		ui_message(ui, 1, "%s", err.buf);
	} else {
		if (strcmp(w[0], "set") == 0)
			apply_setting(ui, w[1]);
		draw_colors(ui);
		ui_message(ui, 0, _("Done: %s"), line);
	}
	strbuf_release(&err);
	strbuf_release(&value);
}

static void
cmd_layout(struct ui *ui, int n, char **w)
{
	if (n == 2 && strcmp(w[1], "wide") == 0)
		ui->cfg->layout = CONFIG_LAYOUT_WIDE;
	else if (n == 2 && strcmp(w[1], "narrow") == 0)
		ui->cfg->layout = CONFIG_LAYOUT_NARROW;
	else if (n == 2 && strcmp(w[1], "auto") == 0)
		ui->cfg->layout = CONFIG_LAYOUT_AUTO;
	else
		ui_message(ui, 1, "%s", _("usage: layout wide|narrow|auto"));
}

/* add URL [TAG...]: subscribe, and fetch it at once. */
static void
cmd_add(struct ui *ui, int n, char **w)
{
	struct strbuf err = STRBUF_INIT;

	if (n < 2)
		ui_message(ui, 1, "%s", _("usage: add URL [TAG...]"));
	else if (model_add_feed(ui->m, w[1], w + 2, (size_t)n - 2,
	    &err) == -1)
		ui_message(ui, 1, "%s", err.buf);
	else {
		data_grow(ui);
		ui_message(ui, 0, _("Subscribed to %s"), w[1]);
	}
	strbuf_release(&err);
}

void
ui_run_command(struct ui *ui, const char *line)
{
	char *copy = xstrdup(line), *w[MAX_WORDS];
	int n = split(copy, w);
	enum action a;

	if (n == 0)
		goto out;
	if (strcmp(w[0], "q") == 0 || strcmp(w[0], "quit") == 0)
		ui->quit = 1;
	else if (strcmp(w[0], "set") == 0 || strcmp(w[0], "bind") == 0 ||
	    strcmp(w[0], "unbind") == 0 || strcmp(w[0], "color") == 0 ||
	    strcmp(w[0], "include") == 0)
		cmd_config(ui, line, n, w);
	else if (strcmp(w[0], "add") == 0)
		cmd_add(ui, n, w);
	else if (strcmp(w[0], "layout") == 0)
		cmd_layout(ui, n, w);
	else if (n == 1 && (a = keys_action_by_name(w[0])) != ACT_NONE &&
	    a != ACT_COMMAND) {
		if (!layout_key(ui, a))
			ui_global_action(ui, a);
	} else
		ui_message(ui, 1, _("Unknown command: %s (try :help)"), w[0]);
out:
	free(copy);
}
