/* SPDX-License-Identifier: ISC */
/*
 * The reader's loop: set the terminal up, then wait on the keyboard and
 * every download at once (model_wait), draw what changed, and hand each
 * key to the view that has it. Signals only set a flag and write a byte
 * to a pipe the loop polls (so that one arriving just before the wait
 * still ends it); Ctrl-C, SIGTERM and SIGHUP end the loop like Q, and the
 * terminal is always restored.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ui/ui.h"
#include "ui/view.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static volatile sig_atomic_t stop_signal;
static int stop_pipe[2] = { -1, -1 };

static void
on_stop(int sig)
{
	int saved = errno;

	stop_signal = sig;
	if (stop_pipe[1] != -1)
		(void)!write(stop_pipe[1], "", 1);
	errno = saved;
}

static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(&ui->msg);
	va_start(ap, fmt);
	strbuf_vaddf(&ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

/* The pipe on_stop writes to: both ends non-blocking, closed on exec. */
static void
open_stop_pipe(void)
{
	int i;

	if (stop_pipe[0] != -1 || pipe(stop_pipe) == -1)
		return;
	for (i = 0; i < 2; i++) {
		fcntl(stop_pipe[i], F_SETFD, FD_CLOEXEC);
		fcntl(stop_pipe[i], F_SETFL,
		    fcntl(stop_pipe[i], F_GETFL) | O_NONBLOCK);
	}
}

static void
setup_signals(void)
{
	struct sigaction sa;

	open_stop_pipe();
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* The index of the subscription at url, or -1. */
static long
feed_of_url(struct ui *ui, const char *url)
{
	size_t i;

	for (i = 0; i < model_nfeeds(ui->m); i++)
		if (strcmp(model_sub(ui->m, i)->url, url) == 0)
			return (long)i;
	return -1;
}

/* Put the last line of text in sb. */
static void
last_line(const char *text, struct strbuf *sb)
{
	size_t len = strlen(text);
	const char *start;

	while (len > 0 && text[len - 1] == '\n')
		len--;
	for (start = text + len; start > text && start[-1] != '\n'; start--)
		;
	strbuf_reset(sb);
	strbuf_add(sb, start, (size_t)(text + len - start));
}

/* A full text came, or could not: show it, or say why. */
static void
full_text_done(struct ui *ui)
{
	const char *err = model_full_text_error(ui->m);
	const char *key = model_full_text_item(ui->m);
	struct item_ref ref;

	if (err != NULL) {
		ui_message(ui, 1, "%s", err);
		return;
	}
	ui_message(ui, 0, "%s", _("The full article is here."));
	if (!ui->art.shown || key == NULL || strcmp(ui->art.key, key) != 0)
		return;
	ref.feed = ui->art.feed;
	article_clear(ui);
	if (data_find_key(ui, ref.feed, key, &ref.item))
		article_show(ui, &ref);
}

static void
on_model(enum model_event ev, const char *url, void *arg)
{
	struct ui *ui = arg;
	long feed;

	if (ev == MODEL_FULL_TEXT_DONE) {
		full_text_done(ui);
		return;
	}
	if (ev == MODEL_REFRESH_DONE) {
		if (ui->msg_error && ui->msg.len > 0)
			return;		/* an error stays until a key */
		last_line(model_refresh_report(ui->m), &ui->msg);
		ui->msg_error = 0;
		return;
	}
	feed = feed_of_url(ui, url);
	if (feed < 0)
		return;
	data_reload_feed(ui, (size_t)feed);
	if (ui->unread_only)
		data_build_feeds(ui);
}

static int
start_curses(struct ui *ui, struct strbuf *err)
{
	const char *codeset = nl_langinfo(CODESET);

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		strbuf_addstr(err, _("the reader needs a terminal; see "
		    "--help for what works without one"));
		return -1;
	}
	ui->ascii = codeset == NULL || strcmp(codeset, "UTF-8") != 0;
	if (newterm(NULL, stdout, stdin) == NULL) {
		strbuf_addf(err, _("cannot use the terminal '%s'"),
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		return -1;
	}
	fatal_set_cleanup(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	leaveok(stdscr, TRUE);	/* no cursor moves after a redraw */
	draw_init(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	return 0;
}

static void
ui_init(struct ui *ui, struct model *m, struct config *cfg)
{
	memset(ui, 0, sizeof(*ui));
	ui->m = m;
	ui->cfg = cfg;
	ui->sidebar = cfg->key_facts;
	ui->unread_only = !cfg->show_read;
	strbuf_init(&ui->msg, 0);
	strbuf_init(&ui->input, 0);
	data_init(ui);
}

static void
ui_release(struct ui *ui)
{
	article_clear(ui);
	data_release(ui);
	strbuf_release(&ui->msg);
	strbuf_release(&ui->input);
	free(ui->search);
	free(ui->tag);
	free(ui->tag_names);
}

/* What curses read, as a key of the keys module. */
static int
translate(int ret, wint_t wc)
{
	static const struct {
		int	curses;
		int	key;
	} map[] = {
		{ KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN },
		{ KEY_LEFT, KEYS_LEFT }, { KEY_RIGHT, KEYS_RIGHT },
		{ KEY_PPAGE, KEYS_PGUP }, { KEY_NPAGE, KEYS_PGDN },
		{ KEY_HOME, KEYS_HOME }, { KEY_END, KEYS_END },
		{ KEY_ENTER, KEYS_ENTER }, { KEY_BACKSPACE, KEYS_BACKSPACE },
		{ KEY_DC, KEYS_DELETE }, { KEY_RESIZE, KEYS_RESIZE },
	};
	size_t i;

	if (ret == KEY_CODE_YES) {
		for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
			if (map[i].curses == (int)wc)
				return map[i].key;
		if ((int)wc > KEY_F0 && (int)wc <= KEY_F(12))
			return KEYS_F0 + ((int)wc - KEY_F0);
		return KEYS_NONE;
	}
	switch (wc) {
	case '\r':
	case '\n':
		return KEYS_ENTER;
	case '\t':
		return KEYS_TAB;
	case 27:
		return KEYS_ESC;
	case 127:
	case 8:
		return KEYS_BACKSPACE;
	default:
		return (int)wc;
	}
}

static void
next_pane(struct ui *ui)
{
	if (!ui->wide)
		return;
	ui->focus = ui->focus == PANE_FEEDS ? PANE_ITEMS :
	    ui->focus == PANE_ITEMS ? PANE_ARTICLE : PANE_FEEDS;
	if (ui->focus == PANE_ITEMS && !ui->items_open)
		data_open_items(ui, ui->feeds.cur);
}

static void
next_unread(struct ui *ui, int dir)
{
	if (!data_find_unread(ui, dir)) {
		ui_message(ui, 0, "%s", _("No more unread articles."));
		return;
	}
	view_items_open(ui);
}

static void
open_link(struct ui *ui, size_t n)
{
	if (!ui->art.shown || n == 0 || n > ui->art.doc.nlinks) {
		ui_message(ui, 1, _("No link %zu in this article."), n);
		return;
	}
	ui_open_url(ui, ui->art.doc.links[n - 1]);
}

static void
toggle_unread_only(struct ui *ui)
{
	ui->unread_only = !ui->unread_only;
	data_build_feeds(ui);
	data_rebuild_items(ui);
	ui_message(ui, 0, "%s", ui->unread_only ?
	    _("Showing unread articles only.") : _("Showing all articles."));
}

void
ui_request_quit(struct ui *ui)
{
	if (ui->cfg->confirm_quit)
		ui->prompt = PROMPT_CONFIRM;
	else
		ui->quit = 1;
}

static void
help(struct ui *ui)
{
	ui->help_view = layout_view(ui);
	ui->overlay = OVERLAY_HELP;
}

static void
links(struct ui *ui)
{
	ui->links.cur = ui->links.top = 0;
	if (ui->art.shown)
		ui->overlay = OVERLAY_LINKS;
}

static void
start_prompt(struct ui *ui, enum prompt_kind kind)
{
	ui->prompt = kind;
	strbuf_reset(&ui->input);
}

static void
search(struct ui *ui)
{
	start_prompt(ui, PROMPT_SEARCH);
}

static void
command(struct ui *ui)
{
	start_prompt(ui, PROMPT_COMMAND);
}

static void
search_next(struct ui *ui)
{
	ui_search(ui, 1);
}

static void
search_prev(struct ui *ui)
{
	ui_search(ui, -1);
}

static void
reload_all(struct ui *ui)
{
	model_refresh_start(ui->m, NULL);
}

static void
next_unread_fwd(struct ui *ui)
{
	next_unread(ui, 1);
}

static void
next_unread_back(struct ui *ui)
{
	next_unread(ui, -1);
}

static void
save(struct ui *ui)
{
	if (ui->art.shown)
		article_save(ui);
}

static void
toggle_keyfacts(struct ui *ui)
{
	ui->sidebar = !ui->sidebar;
}

static void
full_article(struct ui *ui)
{
	struct item_ref ref;
	int ret;

	if (!data_current(ui, &ref))
		return;
	ret = model_fetch_full_start(ui->m, ref.feed,
	    data_item(ui, &ref)->key);
	if (ret == 0)
		ui_message(ui, 0, "%s", _("Fetching the full article…"));
	else if (ret == 1)
		ui_message(ui, 0, "%s", _("This is the full article already."));
	else
		ui_message(ui, 1, "%s", model_full_text_error(ui->m));
}

static void
toggle_read(struct ui *ui)
{
	data_toggle(ui, ITEM_UNREAD);
}

static void
toggle_flag(struct ui *ui)
{
	data_toggle(ui, ITEM_FLAGGED);
}

static void
redraw(struct ui *ui)
{
	(void)ui;
	clearok(curscr, TRUE);
}

/* o outside the article: the link of the article under the cursor. */
static void
open_in_browser(struct ui *ui)
{
	struct item_ref ref;
	const struct store_item *it;

	if (!data_current(ui, &ref))
		return;
	it = data_item(ui, &ref);
	if (it->link != NULL)
		ui_open_url(ui, it->link);
}

/* The actions that mean the same wherever the user is. */
static const struct view_fn global_functions[] = {
	{ ACT_QUIT, ui_request_quit },
	{ ACT_HELP, help },
	{ ACT_LINKS, links },
	{ ACT_SEARCH, search },
	{ ACT_COMMAND, command },
	{ ACT_SEARCH_NEXT, search_next },
	{ ACT_SEARCH_PREV, search_prev },
	{ ACT_RELOAD, reload_all },
	{ ACT_RELOAD_ALL, reload_all },
	{ ACT_NEXT_UNREAD, next_unread_fwd },
	{ ACT_PREV_UNREAD, next_unread_back },
	{ ACT_SAVE, save },
	{ ACT_TOGGLE_KEYFACTS, toggle_keyfacts },
	{ ACT_FULL_ARTICLE, full_article },
	{ ACT_SELECT_TAG, view_tags_enter },
	{ ACT_TOGGLE_UNREAD_ONLY, toggle_unread_only },
	{ ACT_NEXT_PANE, next_pane },
	{ ACT_REDRAW, redraw },
	{ ACT_TOGGLE_READ, toggle_read },
	{ ACT_TOGGLE_FLAG, toggle_flag },
	{ ACT_OPEN_BROWSER, open_in_browser },
};

void
ui_global_action(struct ui *ui, enum action a)
{
	if (a >= ACT_LINK_1 && a <= ACT_LINK_9)
		open_link(ui, (size_t)(a - ACT_LINK_1) + 1);
	else
		VIEW_DISPATCH(ui, global_functions, a);
}

static void
handle_key(struct ui *ui, int key)
{
	enum action a;

	if (key == KEYS_RESIZE) {
		getmaxyx(stdscr, ui->rows, ui->cols);
		return;
	}
	if (ui->prompt != PROMPT_NONE) {
		prompt_key(ui, key);
		return;
	}
	strbuf_reset(&ui->msg);
	a = keys_action(key, layout_view(ui));
	if (a == ACT_NONE)
		return;
	if (!layout_key(ui, a))
		ui_global_action(ui, a);
}

static void
read_keys(struct ui *ui)
{
	wint_t wc;
	int ret;

	while ((ret = get_wch(&wc)) != ERR && !ui->quit)
		handle_key(ui, translate(ret, wc));
}

/* Milliseconds until the next automatic reload, or -1 for none. */
static int
reload_timer(struct ui *ui, time_t *next)
{
	time_t now = time(NULL);

	if (ui->cfg->reload_interval <= 0)
		return -1;
	if (*next == 0)
		*next = now + (time_t)ui->cfg->reload_interval * 60;
	if (now >= *next) {
		model_refresh_start(ui->m, NULL);
		*next = now + (time_t)ui->cfg->reload_interval * 60;
	}
	return (int)(*next - now) * 1000;
}

static void
loop(struct ui *ui)
{
	struct pollfd pfd[2];
	time_t next_reload = 0;
	int timeout;

	while (!ui->quit && stop_signal == 0) {
		layout_draw(ui);
		refresh();
		timeout = reload_timer(ui, &next_reload);
		if (model_busy(ui->m) && (timeout < 0 || timeout > 500))
			timeout = 500;
		pfd[0].fd = STDIN_FILENO;
		pfd[1].fd = stop_pipe[0];
		pfd[0].events = pfd[1].events = POLLIN;
		pfd[0].revents = pfd[1].revents = 0;
		model_wait(ui->m, pfd, stop_pipe[0] != -1 ? 2 : 1, timeout);
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			break;		/* the terminal is gone */
		read_keys(ui);
	}
}

/* At start: every feed if asked, else those never fetched yet. */
static void
start_refresh(struct ui *ui)
{
	size_t i;

	if (ui->cfg->refresh_on_start) {
		model_refresh_start(ui->m, NULL);	/* as due */
		return;
	}
	for (i = 0; i < model_nfeeds(ui->m); i++)
		if (model_info(ui->m, i) == NULL)
			model_refresh_start(ui->m, model_sub(ui->m, i)->url);
}

int
ui_run(struct model *m, struct config *cfg, const char *notice,
    struct strbuf *err)
{
	struct ui ui;

	ui_init(&ui, m, cfg);
	if (start_curses(&ui, err) == -1) {
		ui_release(&ui);
		return -1;
	}
	if (notice != NULL)
		ui_message(&ui, 1, "%s", notice);
	setup_signals();
	model_subscribe(m, on_model, &ui);
	start_refresh(&ui);
	loop(&ui);
	model_subscribe(m, NULL, NULL);
	restore_terminal();
	fatal_set_cleanup(NULL);
	ui_release(&ui);
	return 0;
}
