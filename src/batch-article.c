/* SPDX-License-Identifier: ISC */
/*
 * tidings --fetch-article: a page from the network (fetch_url(), with
 * the fetcher's limits and its refusal of anything but http and https)
 * or from a file, its article found by the extract module, rendered by
 * the html module, and printed unwrapped so that each paragraph is one
 * line: what `tidings --keyfacts` reads best.
 */
#include "config.h"

#include "batch-article.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "fetch.h"
#include "html.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* Where a page came from, and what the server said of its bytes. */
struct page {
	struct strbuf	 data;
	char		*url;		/* final URL, or NULL for a file */
	char		*charset;	/* from Content-Type, or NULL */
};

/* Download url into p; 0, or -1 with err. */
static int
download(const char *url, struct page *p, struct strbuf *err)
{
	struct fetch_limits limits = FETCH_LIMITS_DEFAULT;
	struct fetch_result res;
	int rc = -1;

	limits.max_bytes = EXTRACT_MAX_BYTES;
	if (fetch_url(url, &limits, &res) == -1 ||
	    res.status != FETCH_OK) {
		strbuf_add(err, res.error.buf, res.error.len);
		if (err->len == 0)
			strbuf_addstr(err, fetch_status_name(res.status));
		goto out;
	}
	if (!extract_type_ok(res.content_type)) {
		strbuf_addf(err, _("not a web page but %s"), res.content_type);
		goto out;
	}
	strbuf_add(&p->data, res.body.buf, res.body.len);
	p->url = xstrdup(res.final_url != NULL ? res.final_url : url);
	p->charset = res.charset != NULL ? xstrdup(res.charset) : NULL;
	rc = 0;
out:
	fetch_result_release(&res);
	return rc;
}

/* Read the file at path into p; 0, or -1 with err. */
static int
read_file(const char *path, struct page *p, struct strbuf *err)
{
	if (file_read(path, &p->data, err) == 0)
		return 0;
	if (errno == EFBIG) {
		strbuf_reset(err);
		strbuf_addf(err, _("the page is too large (over %u MiB)"),
		    EXTRACT_MAX_BYTES >> 20);
	}
	return -1;
}

/* Read the page what names into p; 0, or -1 with err. */
static int
read_page(const char *what, struct page *p, struct strbuf *err)
{
	strbuf_init_capped(&p->data, EXTRACT_MAX_BYTES);
	if (strncmp(what, "file://", 7) == 0)
		return read_file(what + 7, p, err);
	if (strstr(what, "://") == NULL)
		return read_file(what, p, err);
	return download(what, p, err);
}

/* Print one line of the rendered body, with its marker or indent. */
static void
print_line(const struct text_line *l)
{
	int i;

	switch (l->type) {
	case LINE_ITEM:
		for (i = 1; i < l->level; i++)
			fputs("  ", stdout);
		if (l->marker != NULL)
			printf("%s ", l->marker);
		else
			fputs("  ", stdout);
		break;
	case LINE_QUOTE:
		for (i = 0; i < l->level; i++)
			fputs("  ", stdout);
		if (l->marker != NULL)
			printf("%s ", l->marker);
		break;
	case LINE_RULE:
		fputs("* * *", stdout);
		break;
	case LINE_IMAGE:
		return;
	default:
		break;
	}
	fputs(l->text, stdout);
	putchar('\n');
}

/* Print the article: title, blank line, body; 0, or -1 with err. */
static int
print_article(const struct extract_article *a, struct strbuf *err)
{
	struct html_doc doc = { 0 };
	size_t i;

	html_render(a->html, a->html_len, NULL, &doc);
	printf("%s\n", a->title != NULL ? a->title : "");
	for (i = 0; i < doc.nlines; i++) {
		if (doc.lines[i].type == LINE_IMAGE)
			continue;
		if (!doc.lines[i].joined || i == 0)
			putchar('\n');
		print_line(&doc.lines[i]);
	}
	html_doc_release(&doc);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		strbuf_addf(err, _("cannot write the article: %s"),
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
batch_fetch_article(const char *what)
{
	struct page p = { STRBUF_INIT, NULL, NULL };
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf err = STRBUF_INIT;
	char *name, *msg;
	int rc = 1;

	if (read_page(what, &p, &err) == -1 ||
	    extract_article(p.data.buf, p.data.len, p.url, p.charset,
	    EXTRACT_TEXT_ONLY, &a, &err) == -1 ||
	    print_article(&a, &err) == -1) {
		name = sanitize(what, SANITIZE_LINE);
		msg = sanitize(err.buf, SANITIZE_LINE);
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, name, msg);
		free(name);
		free(msg);
	} else
		rc = 0;
	extract_article_release(&a);
	strbuf_release(&p.data);
	strbuf_release(&err);
	free(p.url);
	free(p.charset);
	return rc;
}
