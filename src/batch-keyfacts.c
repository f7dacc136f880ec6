/* SPDX-License-Identifier: ISC */
/*
 * tidings --keyfacts [FILE|-] [--title TEXT]: reads one article, decides
 * whether it is HTML or plain text, turns it into lines as the article
 * pane would, and prints its key facts. Standard output carries the
 * facts and nothing else, so that scripts can read them.
 */
#include "config.h"

#include "batch-keyfacts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "keyfacts.h"
#include "util/ascii.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* The most an article given to --keyfacts may hold. */
#define KEYFACTS_MAX_BYTES	(16u << 20)

/* Plain text with a line this long is not wrapped: a paragraph a line. */
#define UNWRAPPED_LINE		120

/* Tags that make a text HTML wherever they are. */
static const char *const html_tags[] = {
	"<p>", "<p ", "<br", "<div", "<li", "</p>", "<a href", "<h1",
	"<h2", "<h3", "<ul", "<ol", "<span", "<article", "<html",
	"<!doctype", NULL
};

/* Plain-text bullets at the start of a line. */
static const char *const bullets[] = {
	"- ", "* ", "\xe2\x80\xa2 ", "\xe2\x80\x93 ", "\xc2\xb7 ",
	"\xe2\x96\xaa ", "\xe2\x96\xba ", NULL
};

/* Read standard input into sb, up to its cap. */
static int
read_stdin(struct strbuf *sb, struct strbuf *err)
{
	char buf[65536];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		if (strbuf_add(sb, buf, n) == -1) {
			strbuf_addf(err, _("cannot read '%s': %s"), "-",
			    _("file too large"));
			return -1;
		}
	if (ferror(stdin)) {
		strbuf_addf(err, _("cannot read '%s': %s"), "-",
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Is the tag (n bytes, lower case) at s, in any case? */
static int
tag_at(const char *s, const char *tag, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ASCII_TOLOWER(s[i]) != tag[i])
			return 0;
	return 1;
}

/* Is the text HTML: a tag first, or one of the tags of running text? */
static int
looks_html(const char *s, size_t len)
{
	size_t i = 0, j, n;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && ASCII_ISSPACE(s[i]))
		i++;
	if (i < len && s[i] == '<')
		return 1;
	for (; i < len; i++) {
		if (s[i] != '<')
			continue;
		for (j = 0; html_tags[j] != NULL; j++) {
			n = strlen(html_tags[j]);
			if (n <= len - i && tag_at(s + i, html_tags[j], n))
				return 1;
		}
	}
	return 0;
}

/* Does the line at s (len bytes) start with a bullet? */
static int
bullet_line(const char *s, size_t len)
{
	size_t i, n;

	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	for (i = 0; bullets[i] != NULL; i++) {
		n = strlen(bullets[i]);
		if (n < len && memcmp(s, bullets[i], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Plain text as paragraphs: html_render_text() makes a paragraph of each
 * run of non-blank lines, so a blank line goes around every bulleted
 * line (an item of its own), and, in text that is not wrapped (a line
 * longer than UNWRAPPED_LINE), after every line.
 */
static void
text_paragraphs(const char *s, size_t len, struct strbuf *out)
{
	size_t i, j, longest = 0;
	int each;

	for (i = 0; i < len; i = j + 1) {
		for (j = i; j < len && s[j] != '\n'; j++)
			;
		if (j - i > longest)
			longest = j - i;
	}
	each = longest > UNWRAPPED_LINE;
	strbuf_grow(out, len + len / 8);
	for (i = 0; i < len; i = j + 1) {
		for (j = i; j < len && s[j] != '\n'; j++)
			;
		if (bullet_line(s + i, j - i) && out->len > 0)
			strbuf_addch(out, '\n');
		strbuf_add(out, s + i, j - i);
		strbuf_addch(out, '\n');
		if (each || bullet_line(s + i, j - i))
			strbuf_addch(out, '\n');
	}
}

/* Print the key facts of the article in file: see batch-keyfacts.h. */
int
batch_keyfacts(const char *file, const char *title)
{
	struct strbuf data, text = STRBUF_INIT, err = STRBUF_INIT;
	struct html_doc doc;
	struct keyfacts kf = KEYFACTS_INIT;
	char *clean, *head = NULL;
	size_t i;
	int rc = 1;

	memset(&doc, 0, sizeof(doc));
	strbuf_init_capped(&data, KEYFACTS_MAX_BYTES);
	if (file == NULL || strcmp(file, "-") == 0) {
		if (read_stdin(&data, &err) == -1)
			goto out;
	} else if (file_read(file, &data, &err) == -1)
		goto out;
	if (looks_html(data.buf, data.len))
		html_render(data.buf, data.len, NULL, &doc);
	else {
		text_paragraphs(data.buf, data.len, &text);
		html_render_text(text.buf, text.len, &doc);
	}
	if (title != NULL)
		head = sanitize(title, SANITIZE_LINE);
	keyfacts_from_doc(&doc, head, &kf);
	if (kf.n == 0)
		fprintf(stderr, _("%s: no key facts\n"), PACKAGE);
	for (i = 0; i < kf.n; i++) {
		clean = sanitize(kf.facts[i], SANITIZE_LINE);
		printf("- %s\n", clean);
		free(clean);
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		strbuf_addf(&err, _("cannot write the key facts: %s"),
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0) {
		clean = sanitize(err.buf, SANITIZE_LINE);
		fprintf(stderr, "%s: %s\n", PACKAGE, clean);
		free(clean);
	}
	keyfacts_release(&kf);
	html_doc_release(&doc);
	strbuf_release(&data);
	strbuf_release(&text);
	strbuf_release(&err);
	free(head);
	return rc;
}
