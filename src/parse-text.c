/* SPDX-License-Identifier: ISC */
/*
 * The text of feed elements: collected from text and CDATA only (never
 * through entity references, so a small document cannot expand into a
 * huge string), capped, resolved against xml:base, cleaned.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "html.h"
#include "parse-private.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

int
node_is(const xmlNode *n, const char *ns, const char *name)
{
	if (n->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)n->name, name) != 0)
		return 0;
	if (ns == NULL)
		return n->ns == NULL;
	return n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, ns) == 0;
}

int
node_own(const struct parse_state *st, const xmlNode *n, const char *name)
{
	static const char *const atom[] = { NS_ATOM10, NS_ATOM03, NULL };
	static const char *const rss[] = { NS_RSS10, NS_RSS090,
		"http://backend.userland.com/rss2",
		"http://blogs.law.harvard.edu/tech/rss", NULL };
	const char *const *ns = st->is_atom ? atom : rss;

	if (n->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)n->name, name) != 0)
		return 0;
	if (n->ns == NULL || n->ns->href == NULL)
		return 1;
	if (st->own_ns != NULL &&
	    strcmp((const char *)n->ns->href, st->own_ns) == 0)
		return 1;
	for (; *ns != NULL; ns++)
		if (strcmp((const char *)n->ns->href, *ns) == 0)
			return 1;
	return 0;
}

/*
 * Append what fits of the n bytes at s to sb, cutting at a character
 * boundary; -1 when something was cut.
 */
static int
add_capped(struct strbuf *sb, const char *s, size_t n)
{
	size_t room = sb->cap ? sb->cap - sb->len : n;

	if (n <= room)
		return strbuf_add(sb, s, n);
	while (room > 0 && ((unsigned char)s[room] & 0xC0) == 0x80)
		room--;
	strbuf_add(sb, s, room);
	return -1;
}

/* The next node below top after n, in document order. */
static const xmlNode *
next_in(const xmlNode *n, const xmlNode *top, int enter)
{
	if (enter && n->children != NULL)
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/* Append the text below n to sb: text and CDATA, never entity references. */
static void
collect_raw(const xmlNode *n, struct strbuf *sb)
{
	const xmlNode *c = n->children;
	const char *s;

	while (c != NULL) {
		s = NULL;
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE)
			s = (const char *)c->content;
		if (s != NULL && add_capped(sb, s, strlen(s)) == -1)
			return;
		c = next_in(c, n, c->type == XML_ELEMENT_NODE);
	}
}

/*
 * Give U+0080..U+009F their windows-1252 meaning: they are almost always
 * "smart quotes" from a document that called windows-1252 ISO-8859-1.
 */
static void
map_c1(struct strbuf *sb)
{
	static const unsigned short cp1252[32] = {
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
	};
	struct strbuf out = STRBUF_INIT;
	size_t i;
	unsigned char b;

	if (memchr(sb->buf, 0xC2, sb->len) == NULL)
		return;
	for (i = 0; i < sb->len; i++) {
		b = i + 1 < sb->len ? (unsigned char)sb->buf[i + 1] : 0;
		if ((unsigned char)sb->buf[i] == 0xC2 && b >= 0x80 &&
		    b <= 0x9F) {
			if (cp1252[b - 0x80] != 0)
				utf8_add(&out, cp1252[b - 0x80]);
			i++;
		} else
			strbuf_addch(&out, sb->buf[i]);
	}
	strbuf_release(sb);
	strbuf_init_capped(sb, out.len);
	strbuf_add(sb, out.buf, out.len);
	strbuf_release(&out);
}

/* raw cleaned by the sanitiser as a new string, or NULL when empty. */
static char *
finish(struct strbuf *raw, enum sanitize_mode mode, size_t cap)
{
	struct strbuf out;

	map_c1(raw);
	strbuf_init(&out, 0);
	sanitize_add(&out, raw->buf, raw->len, mode);
	if (out.len > cap) {	/* cut at a character boundary */
		while (cap > 0 && ((unsigned char)out.buf[cap] & 0xC0) == 0x80)
			cap--;
		/* a line cut after a space would end in it: what the
		 * sanitiser never gives, and the store trims on reading */
		while (mode == SANITIZE_LINE && cap > 0 &&
		    out.buf[cap - 1] == ' ')
			cap--;
		strbuf_setlen(&out, cap);
	}
	if (out.len == 0 || (mode == SANITIZE_TEXT &&
	    out.buf[strspn(out.buf, " \t\n")] == '\0')) {
		strbuf_release(&out);
		return NULL;
	}
	return strbuf_detach(&out, NULL);
}

char *
text_line(const xmlNode *n, size_t cap)
{
	struct strbuf raw;
	char *s;

	strbuf_init_capped(&raw, cap * 4);
	collect_raw(n, &raw);
	s = finish(&raw, SANITIZE_LINE, cap);
	strbuf_release(&raw);
	return s;
}

char *
attr_line(const xmlNode *n, const char *name, size_t cap)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	struct strbuf raw;
	char *s;

	if (v == NULL)
		return NULL;
	strbuf_init_capped(&raw, cap);
	add_capped(&raw, (const char *)v, strlen((const char *)v));
	xmlFree(v);
	s = finish(&raw, SANITIZE_LINE, cap);
	strbuf_release(&raw);
	return s;
}

/*
 * Percent-encode in the clean URL s what would hide text in it or make
 * it look like two: spaces, soft hyphens, and the zero-width joiner and
 * non-joiner (which the sanitiser keeps for the scripts that need them
 * in text). Returns s, or a new string in its place.
 */
static char *
visible_url(char *s)
{
	static const char *const hidden[] = {
		" ", "\xc2\xad", "\xe2\x80\x8c", "\xe2\x80\x8d", NULL
	};
	struct strbuf out = STRBUF_INIT;
	const char *p;
	size_t i, n;
	int any = 0;

	for (p = s; *p != '\0'; p += n) {
		n = 1;
		for (i = 0; hidden[i] != NULL; i++)
			if (strncmp(p, hidden[i], strlen(hidden[i])) == 0)
				break;
		if (hidden[i] == NULL) {
			strbuf_addch(&out, *p);
			continue;
		}
		n = strlen(hidden[i]);
		for (i = 0; i < n; i++)
			strbuf_addf(&out, "%%%02X", (unsigned char)p[i]);
		any = 1;
	}
	if (!any) {
		strbuf_release(&out);
		return s;
	}
	free(s);
	return strbuf_detach(&out, NULL);
}

char *
text_url(const xmlNode *n, const char *s)
{
	xmlChar *base, *abs = NULL;
	char *out;

	if (s == NULL)
		return NULL;
	base = xmlNodeGetBase(n->doc, n);
	if (base != NULL)
		abs = xmlBuildURI((const xmlChar *)s, base);
	out = sanitize(abs != NULL ? (const char *)abs : s, SANITIZE_LINE);
	xmlFree(abs);
	xmlFree(base);
	if (out[0] == '\0') {
		free(out);
		return NULL;
	}
	return visible_url(out);
}

/* Serialise the children of n as markup into sb, up to its cap. */
static void
serialise_children(const xmlNode *n, struct strbuf *sb)
{
	xmlBufferPtr buf = xmlBufferCreate();
	const xmlNode *c;

	for (c = n->children; c != NULL && buf != NULL; c = c->next) {
		xmlBufferEmpty(buf);
		xmlNodeDump(buf, n->doc, (xmlNode *)c, 0, 0);
		if (add_capped(sb, (const char *)xmlBufferContent(buf),
		    (size_t)xmlBufferLength(buf)) == -1)
			break;
	}
	xmlBufferFree(buf);
}

/* The xhtml div of an Atom 1.0 xhtml construct, or n itself. */
static const xmlNode *
xhtml_div(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return node_is(c, NS_XHTML, "div") ? c : n;
	return n;
}

/* 1 when n has an element among its children. */
static int
has_elements(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return 1;
	return 0;
}

/* Decode base64 text in place; returns the decoded length. */
static size_t
base64_decode(char *s, size_t len)
{
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned int acc = 0;
	size_t i, out = 0;
	int bits = 0;
	const char *p;

	for (i = 0; i < len; i++) {
		if (s[i] == '=')
			break;
		p = s[i] != '\0' ? strchr(alphabet, s[i]) : NULL;
		if (p == NULL)
			continue;	/* white space and stray bytes */
		acc = (acc << 6) | (unsigned int)(p - alphabet);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			s[out++] = (char)((acc >> bits) & 0xFF);
		}
	}
	return out;
}

/* The kind of an Atom construct, from its type (and 0.3 mode). */
static enum text_type
atom_kind(const xmlNode *n, int *xhtml, int *b64)
{
	xmlChar *type = xmlGetNoNsProp(n, (const xmlChar *)"type");
	xmlChar *mode = xmlGetNoNsProp(n, (const xmlChar *)"mode");
	const char *t = type != NULL && type[0] != '\0' ?
	    (const char *)type : "text";
	enum text_type kind = TEXT_PLAIN;

	*b64 = mode != NULL && strcmp((const char *)mode, "base64") == 0;
	*xhtml = strcmp(t, "xhtml") == 0 ||
	    strcmp(t, "application/xhtml+xml") == 0;
	if (*xhtml || strcmp(t, "html") == 0 || strcmp(t, "text/html") == 0)
		kind = TEXT_HTML;
	else if (strcmp(t, "text") != 0 && strncmp(t, "text/", 5) != 0 &&
	    strstr(t, "xml") == NULL)
		*b64 = 1;	/* Atom: other types are base64 */
	if (mode != NULL && strcmp((const char *)mode, "xml") == 0 &&
	    kind == TEXT_HTML)
		*xhtml = 1;
	xmlFree(type);
	xmlFree(mode);
	return kind;
}

enum text_type
text_construct(const struct parse_state *st, const xmlNode *n, int rss_html,
    size_t cap, char **out)
{
	enum text_type kind = rss_html ? TEXT_HTML : TEXT_PLAIN;
	struct strbuf raw;
	int xhtml = 0, b64 = 0;

	if (st->is_atom)
		kind = atom_kind(n, &xhtml, &b64);
	if (!st->is_atom && has_elements(n)) {
		kind = TEXT_HTML;
		xhtml = 1;
	}
	*out = NULL;
	if (kind == TEXT_NONE)
		return TEXT_NONE;
	strbuf_init_capped(&raw, cap);
	if (xhtml)
		serialise_children(xhtml_div(n), &raw);
	else
		collect_raw(n, &raw);
	if (b64)
		strbuf_setlen(&raw, base64_decode(raw.buf, raw.len));
	*out = finish(&raw, SANITIZE_TEXT, cap);
	strbuf_release(&raw);
	return *out != NULL ? kind : TEXT_NONE;
}

char *
text_title(const struct parse_state *st, const xmlNode *n)
{
	struct strbuf line = STRBUF_INIT;
	enum text_type kind;
	char *s;

	kind = text_construct(st, n, 0, CAP_BODY, &s);
	if (kind == TEXT_HTML)
		html_to_line(s, strlen(s), &line);
	else if (kind == TEXT_PLAIN)
		sanitize_add(&line, s, strlen(s), SANITIZE_LINE);
	free(s);
	s = finish(&line, SANITIZE_LINE, CAP_LINE);
	strbuf_release(&line);
	return s;
}
