/* SPDX-License-Identifier: ISC */
/*
 * Feeds from bytes: RSS 0.90, 0.91, 0.92, 0.93, 0.94 and 2.0, RSS 1.0
 * (RDF), Atom 0.3 and 1.0, told apart by the root element and its
 * namespace. The parser does no I/O: it takes the bytes of a document
 * and gives back a struct feed_doc.
 *
 * What comes from outside is hostile: the network is off, no entity
 * declared in a DTD is expanded, no external entity is loaded, every field
 * has a size cap, and the number of items has one too (the first ones are
 * kept). HTML named entities that feeds use without declaring (&eacute;)
 * are decoded. A broken document gives what libxml2's recovery could
 * read, and doc->well_formed is 0.
 */
#ifndef TIDINGS_PARSE_H
#define TIDINGS_PARSE_H

#include <stddef.h>

#include "feeddoc.h"
#include "util/strbuf.h"

#define PARSE_MAX_ITEMS	1000

/*
 * Set libxml2 up for parsing feeds. parse_feed() does it, but a program
 * whose threads parse calls it from its main thread first, as libxml2
 * 2.9 takes the thread that first sets it up for the main one.
 */
void parse_init(void);

/*
 * Parse the len bytes at data. url, when not NULL, is where they came from:
 * relative links are resolved against it. charset, when not NULL, is the
 * one an HTTP Content-Type gave, which wins over the document's own
 * declaration. Returns the document, or NULL with the reason in err (for
 * example "not a feed" when the root element is an HTML page's).
 */
struct feed_doc *parse_feed(const char *data, size_t len, const char *url,
    const char *charset, struct strbuf *err);

#endif
