/* SPDX-License-Identifier: ISC */
/*
 * What the files of the parser share: the state of one parse, the
 * namespaces, and the text helpers of parse-text.c.
 */
#ifndef TIDINGS_PARSE_PRIVATE_H
#define TIDINGS_PARSE_PRIVATE_H

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "feeddoc.h"
#include "util/strbuf.h"

#define NS_ATOM10	"http://www.w3.org/2005/Atom"
#define NS_ATOM03	"http://purl.org/atom/ns#"
#define NS_RSS10	"http://purl.org/rss/1.0/"
#define NS_RSS090	"http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF		"http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_CONTENT	"http://purl.org/rss/1.0/modules/content/"
#define NS_DC		"http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS	"http://purl.org/dc/terms/"
#define NS_XHTML	"http://www.w3.org/1999/xhtml"
#define NS_MEDIA	"http://search.yahoo.com/mrss/"

/* Caps on what one field may hold, in bytes. */
#define CAP_LINE	1024		/* titles, authors, types */
#define CAP_URL		8192		/* links, guids */
#define CAP_BODY	(1u << 20)	/* summaries and contents */

/* One parse: the libxml2 context, the document being filled. */
struct parse_state {
	xmlParserCtxtPtr	 ctxt;
	struct feed_doc		*doc;
	struct _xmlHashTable	*entities;	/* HTML entities made so far */
	int			 is_atom;	/* else an RSS dialect */
	const char		*own_ns;	/* an unknown Atom's namespace */
	int			 full;		/* the item cap is reached */
	int			 broken;	/* libxml2 reported an error */
	int			 empty;		/* not one byte to parse */
};

/*
 * The bytes of a document ready for libxml2, *len long: either data
 * itself (past a BOM and white space) or a copy in buf, converted to
 * UTF-8 and with bare ampersands escaped. *charset is set to "UTF-8" when
 * the document's own declaration no longer applies.
 */
const char *input_prepare(const char *data, size_t *len,
    const char **charset, struct strbuf *buf);

/* 1 when n is an element called name in namespace ns. */
int node_is(const xmlNode *n, const char *ns, const char *name);

/* 1 when n is an element called name in the feed's own namespace. */
int node_own(const struct parse_state *st, const xmlNode *n,
    const char *name);

/* The text of n on one line, cleaned and capped; NULL when empty. */
char *text_line(const xmlNode *n, size_t cap);

/* Attribute name of n on one line, cleaned and capped; NULL if absent. */
char *attr_line(const xmlNode *n, const char *name, size_t cap);

/* s (a link found at n) resolved against xml:base and the document URL. */
char *text_url(const xmlNode *n, const char *s);

/*
 * The value of an Atom text construct (or an RSS element holding HTML when
 * rss_html): the text and its type, cleaned and capped at cap. Returns
 * TEXT_NONE, and NULL in *out, when it is empty or cannot be shown.
 */
enum text_type text_construct(const struct parse_state *st,
    const xmlNode *n, int rss_html, size_t cap, char **out);

/* The plain text of a title-like text construct, on one line. */
char *text_title(const struct parse_state *st, const xmlNode *n);

/* Fill the fields of the next item of st->doc from the element n. */
void fields_item(struct parse_state *st, const xmlNode *n);

/* Fill the feed's own fields from its channel (or feed) element. */
void fields_feed(struct parse_state *st, const xmlNode *n);

#endif
