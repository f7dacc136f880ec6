/* SPDX-License-Identifier: ISC */
/*
 * Feed discovery: the feeds a web page names in its <link
 * rel="alternate"> elements, for a subscription that turns out to be a
 * page and for the reader's :add.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "extract-private.h"
#include "util/ascii.h"
#include "util/xmalloc.h"

#define LINKS_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)
#define MAX_LINKS	64

/* The media types of feeds; the first three are XML, which come first. */
static const char *const feed_types[] = {
	"application/rss+xml", "application/atom+xml", "application/rdf+xml",
	"application/feed+json", NULL
};

/* The found feeds: XML ones, then JSON ones. */
struct found {
	char	**v;
	size_t	  n;
	size_t	  json;		/* where the JSON ones start */
};

/* The kind of feed the type attribute names: 1 XML, 2 JSON, 0 none. */
static int
feed_kind(const char *type)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int kind = 0;

	if (type == NULL)
		return 0;
	while (ASCII_ISSPACE(*type))
		type++;
	for (; *type != '\0' && *type != ';' && !ASCII_ISSPACE(*type) &&
	    sb.len < 64; type++)
		strbuf_addch(&sb, ASCII_TOLOWER(*type));
	for (i = 0; feed_types[i] != NULL; i++)
		if (strcmp(sb.buf, feed_types[i]) == 0)
			kind = feed_types[i + 1] == NULL ? 2 : 1;
	strbuf_release(&sb);
	return kind;
}

/* 1 when the bytes at s are word (lower case) in any ASCII case. */
static int
lower_is(const char *s, const char *word)
{
	for (; *word != '\0'; s++, word++)
		if (ASCII_TOLOWER(*s) != *word)
			return 0;
	return 1;
}

/* 1 when rel (a list of tokens) has "alternate", in any case. */
static int
is_alternate(const char *rel)
{
	size_t i, start;

	if (rel == NULL)
		return 0;
	for (i = 0; rel[i] != '\0'; ) {
		while (ASCII_ISSPACE(rel[i]))
			i++;
		start = i;
		while (rel[i] != '\0' && !ASCII_ISSPACE(rel[i]))
			i++;
		if (i - start == 9 && lower_is(rel + start, "alternate"))
			return 1;
	}
	return 0;
}

/* Add url (taken) to f unless it has it: kind 1 before the JSON ones. */
static void
add_found(struct found *f, char *url, int kind)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i], url) == 0) {
			free(url);
			return;
		}
	if (f->n == MAX_LINKS) {
		free(url);
		return;
	}
	f->v = xreallocarray(f->v, f->n + 1, sizeof(*f->v));
	if (kind == 1) {
		memmove(f->v + f->json + 1, f->v + f->json,
		    (f->n - f->json) * sizeof(*f->v));
		f->v[f->json++] = url;
	} else
		f->v[f->n] = url;
	f->n++;
}

/* Walk the page for <base href> and the feed links. */
static void
find_links(htmlDocPtr doc, const char *url, struct found *f)
{
	const xmlNode *n = (const xmlNode *)doc;
	char *base = url != NULL ? xresolve(url, NULL, 1) : NULL, *u;
	int allow_file = base != NULL && strncmp(base, "file:", 5) == 0;
	int kind, base_seen = 0;
	const char *name;

	for (; n != NULL; n = xnext(n, (const xmlNode *)doc, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)n->name;
		if (strcmp(name, "base") == 0 && !base_seen &&
		    html_attr(n, "href") != NULL &&
		    (u = xresolve(html_attr(n, "href"), base, allow_file)) !=
		    NULL) {
			base_seen = 1;
			free(base);
			base = u;
		}
		if (strcmp(name, "link") != 0 ||
		    !is_alternate(html_attr(n, "rel")) ||
		    (kind = feed_kind(html_attr(n, "type"))) == 0 ||
		    html_attr(n, "href") == NULL)
			continue;
		u = xresolve(html_attr(n, "href"), base, allow_file);
		if (u != NULL)
			add_found(f, u, kind);
	}
	free(base);
}

int
extract_feed_links(const char *html, size_t len, const char *base,
    char ***urls, size_t *n)
{
	struct found f = { NULL, 0, 0 };
	htmlDocPtr doc;

	*urls = NULL;
	*n = 0;
	if (len > EXTRACT_MAX_BYTES)
		return -1;
	doc = len > 0 ? htmlReadMemory(html, (int)len, NULL, NULL,
	    LINKS_OPTIONS) : NULL;
	if (doc == NULL)
		return 0;
	find_links(doc, base, &f);
	xmlFreeDoc(doc);
	*urls = f.v;
	*n = f.n;
	return 0;
}

void
extract_feed_links_free(char **urls, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(urls[i]);
	free(urls);
}
