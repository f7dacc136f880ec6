/* SPDX-License-Identifier: ISC */
/*
 * The urls file: reading newsboat's format, writing the demo list on a
 * first start, and adding to it: one feed, or the feeds an import found.
 */
#include "config.h"

#include "subs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/ascii.h"
#include "util/fileio.h"
#include "util/hash.h"
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

/* A set of URLs (not copied), to find repeats in one pass. */
struct urlset {
	const char	**slot;
	size_t		  size;		/* a power of two, or 0 */
	size_t		  n;
};

static int urlset_add(struct urlset *set, const char *url);

static void
urlset_grow(struct urlset *set)
{
	struct urlset bigger;
	size_t i;

	bigger.size = set->size ? set->size * 2 : 64;
	bigger.slot = xcalloc(bigger.size, sizeof(*bigger.slot));
	bigger.n = 0;
	for (i = 0; i < set->size; i++)
		if (set->slot[i] != NULL)
			urlset_add(&bigger, set->slot[i]);
	free(set->slot);
	*set = bigger;
}

/* Add url to set; 1 when it is new, 0 when set holds it already. */
static int
urlset_add(struct urlset *set, const char *url)
{
	size_t i;

	if (2 * (set->n + 1) > set->size)
		urlset_grow(set);
	i = (size_t)hash_fnv1a(HASH_FNV1A_INIT, url, strlen(url)) &
	    (set->size - 1);
	for (; set->slot[i] != NULL; i = (i + 1) & (set->size - 1))
		if (strcmp(set->slot[i], url) == 0)
			return 0;
	set->slot[i] = url;
	set->n++;
	return 1;
}

/* Give sub the meaning of one token after its URL. */
static void
add_token(struct sub *sub, const char *tok)
{
	char *tag;

	if (tok[0] == '~') {
		free(sub->title);
		sub->title = sanitize(tok + 1, SANITIZE_LINE);
	} else if (strcmp(tok, "!") == 0)
		sub->hidden = 1;
	else if ((tag = sanitize(tok, SANITIZE_LINE))[0] == '\0')
		free(tag);	/* nothing left of it (control characters) */
	else {
		sub->tags = xreallocarray(sub->tags, sub->ntags + 1,
		    sizeof(*sub->tags));
		sub->tags[sub->ntags++] = tag;
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
	struct urlset seen = { NULL, 0, 0 };
	struct sub sub;
	size_t i;
	int line = 0;

	for (i = 0; i < subs->n; i++)
		urlset_add(&seen, subs->v[i].url);
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
		if (sub.url == NULL || !urlset_add(&seen, sub.url)) {
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
	free(seen.slot);
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

/* Does s start with prefix (lower case), in any case? */
static int
has_prefix_ci(const char *s, const char *prefix)
{
	for (; *prefix != '\0'; s++, prefix++)
		if (ASCII_TOLOWER(*s) != *prefix)
			return 0;
	return 1;
}

enum subs_verdict
subs_check_url(const char *url)
{
	static const char *const schemes[] = {
		"http://", "https://", "file://"
	};
	const char *p;
	size_t i;

	if (url[0] == '|' || has_prefix_ci(url, "exec:") ||
	    has_prefix_ci(url, "filter:"))
		return SUBS_COMMAND;
	if (has_prefix_ci(url, "query:"))
		return SUBS_QUERY;
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (has_prefix_ci(url, schemes[i]))
			break;
	if (i == sizeof(schemes) / sizeof(schemes[0]) ||
	    url[strlen(schemes[i])] == '\0')
		return SUBS_NOT_URL;
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return SUBS_NOT_URL;
	return SUBS_OK;
}

const char *
subs_verdict_text(enum subs_verdict verdict)
{
	switch (verdict) {
	case SUBS_OK:
		return _("accepted");
	case SUBS_COMMAND:
		return _("runs a command");
	case SUBS_QUERY:
		return _("a query feed");
	case SUBS_NOT_URL:
		return _("not an http, https or file URL");
	case SUBS_NOT_FEED:
		return _("not a feed");
	case SUBS_LOCAL:
		return _("a local file, which only your own urls file may "
		    "name");
	}
	return "";
}

void
subs_import_release(struct subs_import *imp)
{
	size_t i;

	subs_release(&imp->found);
	for (i = 0; i < imp->nrefused; i++)
		free(imp->refused[i].what);
	free(imp->refused);
	imp->refused = NULL;
	imp->nrefused = 0;
}

void
subs_import_refuse(struct subs_import *imp, const char *what,
    enum subs_verdict why)
{
	imp->refused = xreallocarray(imp->refused, imp->nrefused + 1,
	    sizeof(*imp->refused));
	imp->refused[imp->nrefused].what = xstrdup(what);
	imp->refused[imp->nrefused++].why = why;
}

static int
has_tag(char *const *tags, size_t ntags, const char *tag)
{
	size_t i;

	for (i = 0; i < ntags; i++)
		if (strcmp(tags[i], tag) == 0)
			return 1;
	return 0;
}

/* Tidy the tags and the title of sub as subs_import_add() says. */
static void
tidy_sub(struct sub *sub)
{
	size_t i, n = 0, skip;
	char *tag;

	for (i = 0; i < sub->ntags; i++) {
		tag = sub->tags[i];
		skip = strspn(tag, "~");
		memmove(tag, tag + skip, strlen(tag + skip) + 1);
		if (strcmp(tag, "!") == 0)
			sub->hidden = 1;
		if (tag[0] == '\0' || strcmp(tag, "!") == 0 ||
		    has_tag(sub->tags, n, tag))
			free(tag);
		else
			sub->tags[n++] = tag;
	}
	sub->ntags = n;
	if (sub->title != NULL && (sub->title[0] == '\0' ||
	    strcmp(sub->title, sub->url) == 0)) {
		free(sub->title);
		sub->title = NULL;
	}
}

void
subs_import_add(struct subs_import *imp, struct sub *sub)
{
	struct subs *subs = &imp->found;
	enum subs_verdict verdict = subs_check_url(sub->url);

	if (verdict != SUBS_OK) {
		subs_import_refuse(imp, sub->url, verdict);
		sub_release(sub);
		memset(sub, 0, sizeof(*sub));
		return;
	}
	tidy_sub(sub);
	if (subs->n == subs->alloc) {
		subs->alloc = subs->alloc ? subs->alloc * 2 : 16;
		subs->v = xreallocarray(subs->v, subs->alloc,
		    sizeof(*subs->v));
	}
	subs->v[subs->n++] = *sub;
	memset(sub, 0, sizeof(*sub));
}

void
subs_import_urls(struct subs_import *imp, const char *text, size_t len,
    struct strbuf *warn)
{
	struct subs read = SUBS_INIT;
	size_t i;

	subs_parse(&read, text, len, warn);
	for (i = 0; i < read.n; i++)
		subs_import_add(imp, &read.v[i]);
	free(read.v);
}

/* Append the urls line of sub: URL, tags, "!" when hidden, "~Title". */
static void
add_sub_line(struct strbuf *out, const struct sub *sub)
{
	struct strbuf title = STRBUF_INIT;
	size_t i;

	strbuf_addstr(out, sub->url);
	for (i = 0; i < sub->ntags; i++) {
		strbuf_addch(out, ' ');
		add_quoted(out, sub->tags[i]);
	}
	if (sub->hidden)
		strbuf_addstr(out, " !");
	if (sub->title != NULL) {
		strbuf_addf(&title, "~%s", sub->title);
		strbuf_addch(out, ' ');
		add_quoted(out, title.buf);
	}
	strbuf_addch(out, '\n');
	strbuf_release(&title);
}

/* Read the urls file at path into sb; a missing file reads as empty. */
static int
read_urls(const char *path, struct strbuf *sb, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;
	int rc = 0;

	if (file_read(path, sb, &why) == -1 && errno != ENOENT) {
		strbuf_add(err, why.buf, why.len);
		rc = -1;
	}
	strbuf_release(&why);
	return rc;
}

/* Replace the urls file at path with text, if it is not too large. */
static int
replace_urls(const char *path, const struct strbuf *text,
    struct strbuf *err)
{
	if (text->len > URLS_MAX_BYTES) {
		strbuf_addf(err, _("cannot write '%s': %s"), path,
		    _("file too large"));
		return -1;
	}
	return file_replace(path, text->buf, text->len, err) == 0 ? 0 : -1;
}

/* Append the lines of the feeds of imp that set lacks to out. */
static void
add_new_lines(struct strbuf *out, struct urlset *set,
    const struct subs_import *imp, size_t *added, size_t *skipped)
{
	size_t i;

	for (i = 0; i < imp->found.n; i++) {
		if (!urlset_add(set, imp->found.v[i].url)) {
			(*skipped)++;
			continue;
		}
		if (*added == 0 && out->len > 0 &&
		    out->buf[out->len - 1] != '\n')
			strbuf_addch(out, '\n');
		add_sub_line(out, &imp->found.v[i]);
		(*added)++;
	}
}

int
subs_import_write(const char *path, const struct subs_import *imp,
    size_t *added, size_t *skipped, struct strbuf *err)
{
	struct strbuf text, out = STRBUF_INIT, warn = STRBUF_INIT;
	struct subs have = SUBS_INIT;
	struct urlset set = { NULL, 0, 0 };
	size_t i;
	int rc = -1;

	*added = *skipped = 0;
	strbuf_init_capped(&text, URLS_MAX_BYTES);
	if (read_urls(path, &text, err) == -1)
		goto out;
	subs_parse(&have, text.buf, text.len, &warn);
	for (i = 0; i < have.n; i++)
		urlset_add(&set, have.v[i].url);
	strbuf_add(&out, text.buf, text.len);
	add_new_lines(&out, &set, imp, added, skipped);
	rc = *added == 0 ? 0 : replace_urls(path, &out, err);
out:
	free(set.slot);
	subs_release(&have);
	strbuf_release(&text);
	strbuf_release(&out);
	strbuf_release(&warn);
	return rc;
}

int
subs_append(const char *path, const char *url, char *const *tags,
    size_t ntags, const char *title, struct strbuf *err)
{
	struct subs_import imp = SUBS_IMPORT_INIT;
	struct sub sub;
	size_t i, added, skipped;
	int rc = -1;

	memset(&sub, 0, sizeof(sub));
	sub.url = sanitize(url, SANITIZE_LINE);
	sub.title = title != NULL ? sanitize(title, SANITIZE_LINE) : NULL;
	sub.tags = xreallocarray(NULL, ntags + 1, sizeof(*sub.tags));
	for (i = 0; i < ntags; i++)
		sub.tags[sub.ntags++] = sanitize(tags[i], SANITIZE_LINE);
	subs_import_add(&imp, &sub);
	if (imp.nrefused > 0)
		strbuf_addf(err, _("cannot subscribe to '%s': %s"),
		    imp.refused[0].what, subs_verdict_text(imp.refused[0].why));
	else if (subs_import_write(path, &imp, &added, &skipped, err) == 0) {
		rc = added > 0 ? 0 : -1;
		if (rc == -1)
			strbuf_addf(err, _("'%s' is subscribed already"),
			    imp.found.v[0].url);
	}
	subs_import_release(&imp);
	return rc;
}
