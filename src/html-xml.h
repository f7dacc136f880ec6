/* SPDX-License-Identifier: ISC */
/*
 * What the html module shares with the other readers of libxml2's HTML
 * tree (the article extractor): small helpers over its nodes. Only for
 * modules that may use libxml2.
 */
#ifndef TIDINGS_HTML_XML_H
#define TIDINGS_HTML_XML_H

#include <libxml/tree.h>

/* The value of the attribute name of n ("" when it has none), or NULL. */
const char *html_attr(const xmlNode *n, const char *name);

#endif
