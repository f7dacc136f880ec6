/* SPDX-License-Identifier: ISC */
/*
 * HTML to text, with libxml2's HTML parser: network off, errors quiet,
 * recovering from whatever a feed sends.
 */
#include "config.h"

#include "html.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "util/sanitize.h"

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED)

/* 1 for elements whose text is never shown. */
static int
is_hidden(const xmlNode *n)
{
	static const char *const hidden[] = {
		"script", "style", "head", "title", "template", "noscript",
		"iframe", "object", "embed", "applet", NULL
	};
	int i;

	for (i = 0; hidden[i] != NULL; i++)
		if (strcmp((const char *)n->name, hidden[i]) == 0)
			return 1;
	return 0;
}

/* 1 for elements that break a line: a space stands for them. */
static int
is_block(const xmlNode *n)
{
	static const char *const block[] = {
		"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1",
		"h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
		"table", "tr", "td", "th", "section", "article", "header",
		"footer", "figure", "figcaption", "address", "aside", "nav",
		NULL
	};
	int i;

	for (i = 0; block[i] != NULL; i++)
		if (strcmp((const char *)n->name, block[i]) == 0)
			return 1;
	return 0;
}

/* The next node after n in document order, not entering n if skip. */
static const xmlNode *
next_node(const xmlNode *n, const xmlNode *top, int skip)
{
	if (!skip && n->children != NULL)
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/* Append the shown text below top to raw; a space where elements meet. */
static void
collect(const xmlNode *top, struct strbuf *raw)
{
	const xmlNode *n = top->children;
	int skip;

	while (n != NULL) {
		skip = 0;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			strbuf_addstr(raw, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE) {
			skip = is_hidden(n);
			if (is_block(n))
				strbuf_addch(raw, ' ');
		}
		n = next_node(n, top, skip);
	}
}

void
html_to_line(const char *html, size_t len, struct strbuf *out)
{
	struct strbuf raw = STRBUF_INIT;
	htmlDocPtr doc;

	if (len == 0)
		return;
	if (memchr(html, '<', len) == NULL && memchr(html, '&', len) == NULL) {
		sanitize_add(out, html, len, SANITIZE_LINE);
		return;
	}
	doc = htmlReadMemory(html, (int)(len > 0x7fffffff ? 0x7fffffff : len),
	    NULL, "UTF-8", HTML_OPTIONS);
	if (doc != NULL)
		collect((const xmlNode *)doc, &raw);
	sanitize_add(out, raw.buf, raw.len, SANITIZE_LINE);
	xmlFreeDoc(doc);
	strbuf_release(&raw);
}
