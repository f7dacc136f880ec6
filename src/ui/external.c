/* SPDX-License-Identifier: ISC */
/*
 * Leaving the reader for a moment: a browser for a link, a file for an
 * article. The browser is started with fork and execvp, the URL one
 * argument of its own, never through a shell, and only for http and
 * https; the screen is given back to it and restored afterwards. A saved
 * article gets a new file named after its title and never overwrites one.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui/view.h"
#include "util/ascii.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define MAX_ARGS	16

static int
web_url(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0;
}

/* argv for the browser command cmd and url: words split at spaces. */
static int
browser_argv(char *cmd, const char *url, char **argv)
{
	int n = 0, had_url = 0;
	char *p = cmd;

	while (*p != '\0' && n < MAX_ARGS - 2) {
		while (*p == ' ')
			*p++ = '\0';
		if (*p == '\0')
			break;
		argv[n] = p;
		if (strcmp(p, "%u") == 0 || strncmp(p, "%u ", 3) == 0) {
			argv[n] = (char *)url;
			had_url = 1;
		}
		n++;
		while (*p != '\0' && *p != ' ')
			p++;
	}
	if (!had_url)
		argv[n++] = (char *)url;
	argv[n] = NULL;
	return n > 1 ? 0 : -1;
}

static int
run_child(char **argv)
{
	pid_t pid;
	int status;

	pid = fork();
	if (pid == -1)
		return -1;
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

void
ui_open_url(struct ui *ui, const char *url)
{
	const char *b = ui->cfg->browser;
	char *cmd, *argv[MAX_ARGS];
	int status;

	if (!web_url(url)) {
		ui_message(ui, 1, "%s", _("Only http and https links are "
		    "opened."));
		return;
	}
	if (b == NULL || b[0] == '\0')
		b = getenv("BROWSER");
	cmd = xstrdup(b != NULL && b[0] != '\0' ? b : "xdg-open");
	if (browser_argv(cmd, url, argv) == -1) {
		free(cmd);
		return;
	}
	def_prog_mode();
	endwin();
	status = run_child(argv);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (status != 0)
		ui_message(ui, 1, _("The browser '%s' failed (status %d)."),
		    argv[0], status);
	free(cmd);
}

/* A file name from title: ASCII letters and digits, '-' for the rest. */
static void
file_name(const char *title, struct strbuf *sb)
{
	size_t start = sb->len, n = 0;
	const char *p;

	for (p = title; *p != '\0' && n < 60; p++) {
		if (ASCII_ISALNUM(*p)) {
			strbuf_addch(sb, ASCII_TOLOWER(*p));
			n++;
		} else if (sb->len > start && sb->buf[sb->len - 1] != '-') {
			strbuf_addch(sb, '-');
			n++;
		}
	}
	while (sb->len > start && sb->buf[sb->len - 1] == '-')
		strbuf_setlen(sb, sb->len - 1);
	if (sb->len == start)
		strbuf_addstr(sb, "article");
}

/* Create a new file for title in dir; the fd, with its path in path. */
static int
create_new(const char *dir, const char *title, struct strbuf *path)
{
	struct strbuf base = STRBUF_INIT;
	int fd = -1, i;

	file_name(title, &base);
	for (i = 1; i < 100 && fd == -1; i++) {
		strbuf_reset(path);
		strbuf_addf(path, "%s/%s", dir, base.buf);
		if (i > 1)
			strbuf_addf(path, "-%d", i);
		strbuf_addstr(path, ".txt");
		fd = open(path->buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		    0644);
		if (fd == -1 && errno != EEXIST)
			break;
	}
	strbuf_release(&base);
	return fd;
}

/* The article as text: its lines at 72 columns, facts boxed. */
static void
article_text(struct ui *ui, struct strbuf *out)
{
	struct article *art = &ui->art;
	int width = art->width, boxed = art->boxed;
	size_t i;

	article_layout(ui, 72, 1);
	for (i = 0; i < art->nlines; i++) {
		strbuf_addstr(out, art->lines[i].text);
		strbuf_addch(out, '\n');
	}
	article_layout(ui, width, boxed);
}

void
article_save(struct ui *ui)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	const char *dir = ui->cfg->save_dir != NULL ? ui->cfg->save_dir : ".";
	int fd;

	article_text(ui, &text);
	fd = create_new(dir, article_title(ui), &path);
	if (fd == -1 || file_write_all(fd, text.buf, text.len) == -1 ||
	    close(fd) == -1)
		ui_message(ui, 1, _("Cannot save the article in %s: %s"), dir,
		    strerror(errno));
	else
		ui_message(ui, 0, _("Saved the article to %s"), path.buf);
	strbuf_release(&path);
	strbuf_release(&text);
}
