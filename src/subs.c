/* SPDX-License-Identifier: ISC */
/*
 * The urls file: reading newsboat's format, and writing the demo list on a
 * first start.
 */
#include "config.h"

#include "subs.h"

#include <stdlib.h>
#include <string.h>

#include "util/ascii.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define URLS_MAX_BYTES	(16u << 20)

static void
sub_release(struct sub *sub)
{
	size_t i;

	free(sub->url);
	free(sub->title);
	for (i = 0; i < sub->ntags; i++)
		free(sub->tags[i]);
	free(sub->tags);
}

void
subs_release(struct subs *subs)
{
	size_t i;

	for (i = 0; i < subs->n; i++)
		sub_release(&subs->v[i]);
	free(subs->v);
	subs->v = NULL;
	subs->n = subs->alloc = 0;
}

/*
 * Read the next token of line into tok: a run of non-blanks, or a double-
 * quoted string in which \" and \\ stand for themselves. Returns 1 for a
 * token, 0 at the end, -1 for an unterminated quote.
 */
static int
next_token(const char **line, const char *end, struct strbuf *tok)
{
	const char *p = *line;

	strbuf_reset(tok);
	while (p < end && ASCII_ISSPACE(*p))
		p++;
	if (p == end)
		return 0;
	if (*p != '"') {
		while (p < end && !ASCII_ISSPACE(*p))
			strbuf_addch(tok, *p++);
		*line = p;
		return 1;
	}
	for (p++; p < end && *p != '"'; p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		strbuf_addch(tok, *p);
	}
	if (p == end)
		return -1;
	*line = p + 1;
	return 1;
}

static int
has_url(const struct subs *subs, const char *url)
{
	size_t i;

	for (i = 0; i < subs->n; i++)
		if (strcmp(subs->v[i].url, url) == 0)
			return 1;
	return 0;
}

/* Give sub the meaning of one token after its URL. */
static void
add_token(struct sub *sub, const char *tok)
{
	if (tok[0] == '~') {
		free(sub->title);
		sub->title = sanitize(tok + 1, SANITIZE_LINE);
	} else if (strcmp(tok, "!") == 0)
		sub->hidden = 1;
	else if (tok[0] != '\0') {
		sub->tags = xreallocarray(sub->tags, sub->ntags + 1,
		    sizeof(*sub->tags));
		sub->tags[sub->ntags++] = sanitize(tok, SANITIZE_LINE);
	}
}

/* Parse one line; 0 for a sub or nothing, -1 with the reason in why. */
static int
parse_line(const char *p, const char *end, struct sub *sub,
    const char **why)
{
	struct strbuf tok = STRBUF_INIT;
	int rc;

	memset(sub, 0, sizeof(*sub));
	rc = next_token(&p, end, &tok);
	if (rc > 0 && tok.buf[0] == '#')
		rc = 0;
	if (rc > 0) {
		sub->url = sanitize(tok.buf, SANITIZE_LINE);
		while ((rc = next_token(&p, end, &tok)) > 0)
			add_token(sub, tok.buf);
		if (sub->url[0] == '\0' && rc == 0) {
			sub_release(sub);
			memset(sub, 0, sizeof(*sub));
		}
	}
	strbuf_release(&tok);
	if (rc < 0) {
		*why = _("a quote is not closed");
		sub_release(sub);
		memset(sub, 0, sizeof(*sub));
	}
	return rc < 0 ? -1 : 0;
}

void
subs_parse(struct subs *subs, const char *text, size_t len,
    struct strbuf *warn)
{
	const char *p = text, *end = text + len, *eol, *why;
	struct sub sub;
	int line = 0;

	for (; p < end; p = eol + 1) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		line++;
		if (parse_line(p, eol, &sub, &why) == -1) {
			strbuf_addf(warn, _("line %d: %s"), line, why);
			strbuf_addch(warn, '\n');
			continue;
		}
		if (sub.url == NULL || has_url(subs, sub.url)) {
			sub_release(&sub);
			continue;
		}
		sub.line = line;
		if (subs->n == subs->alloc) {
			subs->alloc = subs->alloc ? subs->alloc * 2 : 16;
			subs->v = xreallocarray(subs->v, subs->alloc,
			    sizeof(*subs->v));
		}
		subs->v[subs->n++] = sub;
	}
}

int
subs_load(struct subs *subs, const char *path, struct strbuf *warn,
    struct strbuf *err)
{
	struct strbuf text;

	strbuf_init_capped(&text, URLS_MAX_BYTES);
	if (file_read(path, &text, err) == -1) {
		strbuf_release(&text);
		return -1;
	}
	subs_parse(subs, text.buf, text.len, warn);
	strbuf_release(&text);
	return 0;
}

const char *
sub_name(const struct sub *sub)
{
	return sub->title != NULL && sub->title[0] != '\0' ? sub->title :
	    sub->url;
}

/* Append token to out, quoted when it holds a blank or a quote. */
static void
add_quoted(struct strbuf *out, const char *token)
{
	const char *p;

	if (token[strcspn(token, " \t\"\\#")] == '\0' && token[0] != '\0') {
		strbuf_addstr(out, token);
		return;
	}
	strbuf_addch(out, '"');
	for (p = token; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addch(out, '\\');
		strbuf_addch(out, *p);
	}
	strbuf_addch(out, '"');
}

/* Append one urls line for sub, with url in place of its own URL. */
static void
add_line(struct strbuf *out, const struct sub *sub, const char *url)
{
	struct strbuf title = STRBUF_INIT;
	size_t i;

	strbuf_addstr(out, url);
	for (i = 0; i < sub->ntags; i++) {
		strbuf_addch(out, ' ');
		add_quoted(out, sub->tags[i]);
	}
	if (sub->title != NULL) {
		strbuf_addf(&title, "~%s", sub->title);
		strbuf_addch(out, ' ');
		add_quoted(out, title.buf);
	}
	strbuf_addch(out, '\n');
	strbuf_release(&title);
}

int
subs_write_demo(const char *path, const char *demo_dir,
    struct strbuf *err)
{
	struct subs demo = SUBS_INIT;
	struct strbuf out = STRBUF_INIT, warn = STRBUF_INIT;
	char *list = xasprintf("%s/urls", demo_dir), *url;
	size_t i;
	int rc = -1;

	if (subs_load(&demo, list, &warn, err) == -1)
		goto out;
	strbuf_addstr(&out, _("# Feeds tidings reads: one URL a line, then "
	    "its tags; \"~Title\" names it.\n# These are the demo feeds that "
	    "come with tidings; replace them with your own.\n"));
	for (i = 0; i < demo.n; i++) {
		url = xasprintf("file://%s/%s", demo_dir, demo.v[i].url);
		add_line(&out, &demo.v[i], url);
		free(url);
	}
	rc = file_replace(path, out.buf, out.len, err);
out:
	subs_release(&demo);
	strbuf_release(&out);
	strbuf_release(&warn);
	free(list);
	return rc;
}
