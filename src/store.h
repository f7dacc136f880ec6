/* SPDX-License-Identifier: ISC */
/*
 * The store: tidings' own files, written with mxml. So far: the XML form
 * of a feed document, which `tidings --dump` prints and the store's feed
 * files will hold: one <feed> with <title>, <link>, <description> and
 * <item> elements, each item with <guid>, <title>, <link>, <author>,
 * <published> and <updated> (RFC 3339, UTC), <summary type="html|text">,
 * <content type="html|text"> and <enclosure url= type= length=/>.
 * Elements without a value are left out.
 */
#ifndef TIDINGS_STORE_H
#define TIDINGS_STORE_H

#include <stdio.h>

#include "feeddoc.h"
#include "util/strbuf.h"

#define STORE_VERSION	1

/* Write doc to out in the store's XML form; 0, or -1 with err. */
int store_write_feed(const struct feed_doc *doc, FILE *out,
    struct strbuf *err);

#endif
