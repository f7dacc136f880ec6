/* SPDX-License-Identifier: ISC */
/*
 * tidings --render: read an HTML file or standard input, render it with
 * the html module, wrap it to a width and print it, then its links as
 * "[N] URL" lines after a blank line. Everything printed has been through
 * the sanitiser (the html module's lines and links, and the file name in
 * an error).
 */
#include "config.h"

#include "batch-render.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "html.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/strbuf.h"

/* The most an article given to --render may hold. */
#define RENDER_MAX_BYTES	(16u << 20)
#define RENDER_MAX_WIDTH	10000
#define RENDER_WIDTH		80

/* The width to wrap to when none is given. */
static int
default_width(void)
{
	struct winsize ws;
	const char *env;
	char *end;
	long cols;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	env = getenv("COLUMNS");
	if (env != NULL && env[0] != '\0') {
		errno = 0;
		cols = strtol(env, &end, 10);
		if (errno == 0 && *end == '\0' && cols > 0 &&
		    cols <= RENDER_MAX_WIDTH)
			return (int)cols;
	}
	return RENDER_WIDTH;
}

/* Read all of standard input into sb; 0, or -1 with the reason in err. */
static int
read_stdin(struct strbuf *sb, struct strbuf *err)
{
	size_t room;
	ssize_t n;
	char probe;

	for (;;) {
		room = sb->cap - sb->len < 65536 ? sb->cap - sb->len : 65536;
		if (room == 0)
			n = read(STDIN_FILENO, &probe, 1);
		else {
			strbuf_grow(sb, room);
			n = read(STDIN_FILENO, sb->buf + sb->len, room);
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			return 0;
		if (n < 0 || room == 0) {
			strbuf_addf(err, _("cannot read standard input: %s"),
			    n < 0 ? strerror(errno) : _("file too large"));
			return -1;
		}
		strbuf_setlen(sb, sb->len + (size_t)n);
	}
}

/*
 * The output is UTF-8 whatever the locale; its widths must be counted as
 * UTF-8 too, or wide characters count one column under LANG=C.
 */
static void
utf8_widths(void)
{
	const char *codeset = nl_langinfo(CODESET);

	if (codeset == NULL || strcmp(codeset, "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

int
batch_render(const char *file, int width)
{
	struct strbuf data, err = STRBUF_INIT;
	struct html_doc doc = { 0 };
	struct html_wrapped out = { 0 };
	char *name, *msg;
	size_t i;
	int rc;

	strbuf_init_capped(&data, RENDER_MAX_BYTES);
	if (file == NULL || strcmp(file, "-") == 0)
		rc = read_stdin(&data, &err);
	else
		rc = file_read(file, &data, &err);
	if (rc == -1) {
		name = sanitize(file != NULL ? file : "-", SANITIZE_LINE);
		msg = sanitize(err.buf, SANITIZE_LINE);
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, name, msg);
		free(name);
		free(msg);
		strbuf_release(&data);
		strbuf_release(&err);
		return 1;
	}
	utf8_widths();
	if (width <= 0)
		width = default_width();
	if (width > RENDER_MAX_WIDTH)
		width = RENDER_MAX_WIDTH;
	html_render(data.buf, data.len, NULL, &doc);
	html_wrap(&doc, (size_t)width, &out);
	for (i = 0; i < out.nlines; i++) {
		fputs(out.lines[i].text, stdout);
		putchar('\n');
	}
	if (doc.nlinks > 0)
		putchar('\n');
	for (i = 0; i < doc.nlinks; i++)
		printf("[%zu] %s\n", i + 1, doc.links[i]);
	html_wrapped_release(&out);
	html_doc_release(&doc);
	strbuf_release(&data);
	strbuf_release(&err);
	return 0;
}
