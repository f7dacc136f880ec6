/* SPDX-License-Identifier: ISC */
/*
 * The feed parser: libxml2's recovering parser with the network off and
 * entities never expanded, driven through two SAX hooks. One decodes the
 * HTML named entities feeds use without declaring them; the other takes
 * each item as soon as it is complete and frees it, so that memory stays
 * the size of one item however long the feed, and the parse stops once
 * PARSE_MAX_ITEMS items are read.
 */
#include "config.h"

#include "parse.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/hash.h>
#include <libxml/parserInternals.h>

#include "date.h"
#include "parse-private.h"
#include "util/ascii.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* The most of a root element's name an error message quotes, in bytes. */
#define ROOT_NAME_MAX	64

#define PARSE_OPTIONS (XML_PARSE_RECOVER | XML_PARSE_NONET | \
    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
    XML_PARSE_COMPACT)

/* No external entity, DTD or stylesheet is ever loaded. */
static xmlParserInputPtr
deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	return NULL;
}

/* libxml2 prints some errors itself (encoding ones); none may show. */
static void
quiet(void *ctx, const char *fmt, ...)
{
}

static void
parse_init_once(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_loader);
}

/*
 * libxml2 set up once for the process; its error function is a thread's
 * own, so it is set for the thread that parses (the refresh's parsers).
 */
void
parse_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, parse_init_once);
	xmlSetGenericErrorFunc(NULL, quiet);
}

/*
 * After any error, libxml2 2.9 drops every entity reference that follows,
 * even &lt; and &amp;, which would turn the escaped HTML of the rest of a
 * feed into tag soup. Called from the SAX hooks, this remembers that the
 * document is broken and lets the parser go on as if it were not.
 */
static void
keep_going(xmlParserCtxtPtr ctxt)
{
	struct parse_state *st = ctxt->_private;

	if (!ctxt->wellFormed && !st->full) {
		st->broken = 1;
		ctxt->wellFormed = 1;
	}
}

static void
characters(void *ctx, const xmlChar *ch, int len)
{
	keep_going(ctx);
	xmlSAX2Characters(ctx, ch, len);
}

static void
start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	keep_going(ctx);
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
	    namespaces, nb_attributes, nb_defaulted, attributes);
}

static void
free_entity(void *payload, const xmlChar *name)
{
	xmlEntityPtr e = payload;

	xmlFree((xmlChar *)e->name);
	xmlFree(e->content);
	xmlFree(e);
}

/*
 * An entity that is not one of XML's five: an HTML one is decoded; any
 * other the document did not declare stays as it was written, and one it
 * declared reads as nothing. All are "predefined" entities, whose text
 * libxml2 inlines, so an unknown name is not an error that makes it drop
 * the entities that follow, and a declared entity is never expanded:
 * after keep_going() has forgiven libxml2's "entity reference loop",
 * nothing else would stop a billion laughs (10 levels of 10 references
 * ran for minutes) or a quadratic blowup, and an external entity is
 * never even asked for.
 */
static xmlEntityPtr
get_entity(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	const htmlEntityDesc *html;
	xmlEntityPtr e;
	xmlChar buf[8];
	int n, declared;

	keep_going(ctxt);
	e = xmlSAX2GetEntity(ctx, name);
	if (ctxt->inSubset != 0 || (e != NULL &&
	    e->etype == XML_INTERNAL_PREDEFINED_ENTITY))
		return e;
	declared = e != NULL;
	if (st->entities == NULL)
		st->entities = xmlHashCreate(16);
	e = xmlHashLookup(st->entities, name);
	if (e != NULL)
		return e;
	e = xmlMalloc(sizeof(*e));
	memset(e, 0, sizeof(*e));
	e->type = XML_ENTITY_DECL;
	e->etype = XML_INTERNAL_PREDEFINED_ENTITY;
	e->name = xmlStrdup(name);
	html = htmlEntityLookup(name);
	if (html != NULL) {
		n = xmlCopyCharMultiByte(buf, (int)html->value);
		e->content = xmlStrndup(buf, n);
	} else if (declared)
		e->content = xmlStrdup((const xmlChar *)"");
	else {
		e->content = xmlStrdup((const xmlChar *)"&");
		e->content = xmlStrcat(e->content, name);
		e->content = xmlStrcat(e->content, (const xmlChar *)";");
	}
	e->length = xmlStrlen(e->content);
	xmlHashAddEntry(st->entities, name, e);
	return e;
}

/* The dialect of the document whose root element is root. */
static enum feed_format
detect_format(const xmlNode *root)
{
	static const struct { const char *v; enum feed_format f; } rss[] = {
		{ "0.91", FEED_RSS091 }, { "0.92", FEED_RSS092 },
		{ "0.93", FEED_RSS093 }, { "0.94", FEED_RSS094 },
		{ "2.0", FEED_RSS20 }, { "2.00", FEED_RSS20 },
		{ "2.01", FEED_RSS20 }, { NULL, FEED_RSS } };
	const char *ns = root->ns != NULL ? (const char *)root->ns->href : "";
	xmlChar *version;
	enum feed_format f;
	int i;

	if (strcmp((const char *)root->name, "feed") == 0) {
		if (strcmp(ns, NS_ATOM10) == 0)
			return FEED_ATOM10;
		version = xmlGetNoNsProp(root, (const xmlChar *)"version");
		f = strcmp(ns, NS_ATOM03) == 0 || (version != NULL &&
		    strcmp((const char *)version, "0.3") == 0) ? FEED_ATOM03 :
		    FEED_ATOM;
		xmlFree(version);
		return f;
	}
	if (strcmp((const char *)root->name, "RDF") == 0)
		return FEED_RSS10;
	if (strcmp((const char *)root->name, "rss") != 0)
		return FEED_UNKNOWN;
	version = xmlGetNoNsProp(root, (const xmlChar *)"version");
	for (i = 0; rss[i].v != NULL; i++)
		if (version != NULL &&
		    strcmp((const char *)version, rss[i].v) == 0)
			break;
	f = rss[i].f;
	xmlFree(version);
	return f;
}

/* Decide the dialect once the root element is there. */
static void
set_format(struct parse_state *st, const xmlNode *root)
{
	st->doc->format = detect_format(root);
	st->is_atom = st->doc->format == FEED_ATOM10 ||
	    st->doc->format == FEED_ATOM03 || st->doc->format == FEED_ATOM;
	if (st->is_atom && root->ns != NULL && root->ns->href != NULL)
		st->own_ns = (const char *)root->ns->href;	/* lives as long */
}

/*
 * 1 when n is an item (or entry) of the feed whose root is root. Items
 * are looked for at any depth, because recovering from a broken item can
 * leave the items after it nested inside it; only an Atom <source> (the
 * feed an entry was copied from) holds no entries of this feed.
 */
static int
is_item(const struct parse_state *st, const xmlNode *n, const xmlNode *root)
{
	const xmlNode *p;

	if (st->doc->format == FEED_UNKNOWN || n == root ||
	    !node_own(st, n, st->is_atom ? "entry" : "item"))
		return 0;
	for (p = n->parent; p != NULL && p != root; p = p->parent)
		if (st->is_atom && node_own(st, p, "source"))
			return 0;
	return p == root;
}

/*
 * Take an item from the document and free what it holds. The element
 * itself stays, marked as taken: libxml2's SAX handlers expect the last
 * child of the current node to be what they left there.
 */
static void
take_item(struct parse_state *st, xmlNodePtr n)
{
	static char taken;

	if (n->_private == &taken)
		return;
	n->_private = &taken;
	if (n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, NS_RSS090) == 0)
		st->doc->format = FEED_RSS090;
	if (!st->full)
		fields_item(st, n);
	if (st->doc->nitems >= PARSE_MAX_ITEMS && !st->full) {
		st->full = 1;
		xmlStopParser(st->ctxt);
	}
	xmlFreeNodeList(n->children);
	n->children = n->last = NULL;
}

/* SAX: an element ends; an item that ends is taken and freed. */
static void
end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	xmlNodePtr n = ctxt->node, root;

	keep_going(ctxt);
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
	root = xmlDocGetRootElement(ctxt->myDoc);
	if (n == NULL || root == NULL || n == root)
		return;
	if (st->doc->format == FEED_UNKNOWN)
		set_format(st, root);
	if (is_item(st, n, root))
		take_item(st, n);
}

/* Items that never ended (a broken document) are taken at the end. */
static void
take_leftovers(struct parse_state *st, xmlNodePtr parent, xmlNodePtr root)
{
	xmlNodePtr n = parent->children, next;

	for (; n != NULL && !st->full; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		take_leftovers(st, n, root);
		if (is_item(st, n, root))
			take_item(st, n);
	}
}

/* The channel element of an RSS feed, or the root of an Atom one. */
static const xmlNode *
container(const struct parse_state *st, const xmlNode *root)
{
	const xmlNode *n;

	if (st->is_atom)
		return root;
	for (n = root->children; n != NULL; n = n->next)
		if (node_own(st, n, "channel"))
			return n;
	return root;
}

/* What libxml2 said last, cleaned for a message. */
static void
add_libxml_error(xmlParserCtxtPtr ctxt, struct strbuf *err)
{
	const xmlError *e = xmlCtxtGetLastError(ctxt);

	if (e != NULL && e->message != NULL) {
		strbuf_addstr(err, ": ");
		sanitize_add(err, e->message, strlen(e->message),
		    SANITIZE_LINE);
		if (e->line > 0)
			strbuf_addf(err, _(" (line %d)"), e->line);
	}
}

/* Check the tree for a feed and fill what the items did not. */
static int
finish_doc(struct parse_state *st, xmlDocPtr xdoc, struct strbuf *err)
{
	xmlNodePtr root = xdoc != NULL ? xmlDocGetRootElement(xdoc) : NULL;
	struct strbuf name = STRBUF_INIT;
	size_t i;

	if (root == NULL && st->empty) {
		strbuf_addstr(err, _("not a feed: the document is empty"));
		return -1;
	}
	if (root == NULL) {
		strbuf_addstr(err, _("not a feed: no XML document"));
		add_libxml_error(st->ctxt, err);
		return -1;
	}
	if (st->doc->format == FEED_UNKNOWN)
		set_format(st, root);
	if (st->doc->format == FEED_UNKNOWN) {
		sanitize_add(&name, (const char *)root->name,
		    strlen((const char *)root->name), SANITIZE_LINE);
		if (name.len > ROOT_NAME_MAX) {	/* a name, not a page */
			i = ROOT_NAME_MAX;
			while (i > 0 && ((unsigned char)name.buf[i] & 0xC0) ==
			    0x80)
				i--;
			strbuf_setlen(&name, i);
			strbuf_addstr(&name, "…");
		}
		strbuf_addf(err, _("not a feed: the document is <%s>, not "
		    "RSS or Atom"), name.buf);
		strbuf_release(&name);
		return -1;
	}
	take_leftovers(st, root, root);
	fields_feed(st, container(st, root));
	for (i = 0; i < st->doc->nitems && st->doc->author != NULL; i++)
		if (st->doc->items[i].author == NULL)
			st->doc->items[i].author = xstrdup(st->doc->author);
	return 0;
}

/*
 * Read the document with libxml2; NULL when it is not XML at all. Its
 * push parser, given the whole document as one chunk, goes through CDATA
 * sections (whole articles, in many feeds) several times faster than
 * xmlCtxtReadMemory, which reads them a character at a time.
 */
static xmlDocPtr
read_doc(struct parse_state *st, const char *data, size_t len,
    const char *url, const char *charset)
{
	xmlDocPtr doc;
	xmlCharEncodingHandlerPtr enc = NULL;

	if (st->ctxt != NULL)
		xmlFreeParserCtxt(st->ctxt);
	st->ctxt = xmlCreatePushParserCtxt(NULL, NULL, NULL, 0, url);
	if (st->ctxt == NULL)
		fatal(_("out of memory (starting the XML parser)"));
	st->ctxt->_private = st;
	st->ctxt->sax->getEntity = get_entity;
	st->ctxt->sax->endElementNs = end_element;
	st->ctxt->sax->startElementNs = start_element;
	st->ctxt->sax->characters = characters;
	st->ctxt->sax->cdataBlock = characters;
	xmlCtxtUseOptions(st->ctxt,
	    PARSE_OPTIONS | (charset != NULL ? XML_PARSE_IGNORE_ENC : 0));
	if (charset != NULL &&
	    (enc = xmlFindCharEncodingHandler(charset)) != NULL)
		xmlSwitchToEncoding(st->ctxt, enc);
	xmlParseChunk(st->ctxt, data, (int)len, 1);
	doc = st->ctxt->myDoc;
	st->ctxt->myDoc = NULL;
	return doc;
}

struct feed_doc *
parse_feed(const char *data, size_t len, const char *url,
    const char *charset, struct strbuf *err)
{
	struct strbuf buf = STRBUF_INIT;
	struct parse_state st;
	xmlDocPtr xdoc;

	parse_init();
	data = input_prepare(data, &len, &charset, &buf);
	if (len > INT_MAX) {
		strbuf_release(&buf);
		strbuf_addstr(err, _("feed too large"));
		return NULL;
	}
	memset(&st, 0, sizeof(st));
	st.empty = len == 0;
	st.doc = feeddoc_new();
	xdoc = read_doc(&st, data, len, url, charset);
	if (xmlDocGetRootElement(xdoc) == NULL && charset == NULL &&
	    st.doc->nitems == 0) {
		/* an encoding libxml2 does not know: read it as UTF-8 */
		xmlFreeDoc(xdoc);
		xdoc = read_doc(&st, data, len, url, "UTF-8");
		st.broken = 1;
	}
	st.doc->well_formed = !st.broken && (st.full || st.ctxt->wellFormed);
	if (finish_doc(&st, xdoc, err) == -1) {
		feeddoc_free(st.doc);
		st.doc = NULL;
	}
	xmlFreeDoc(xdoc);
	xmlFreeParserCtxt(st.ctxt);
	if (st.entities != NULL)
		xmlHashFree(st.entities, free_entity);
	strbuf_release(&buf);
	return st.doc;
}
