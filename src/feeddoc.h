/* SPDX-License-Identifier: ISC */
/*
 * The neutral form of a parsed feed: what the parser makes of any RSS or
 * Atom dialect, and what the model merges and the store writes. Every
 * string in it is well-formed UTF-8 that went through the sanitiser; a
 * field the feed did not give is NULL (or DATE_UNKNOWN for a date).
 */
#ifndef TIDINGS_FEEDDOC_H
#define TIDINGS_FEEDDOC_H

#include <stddef.h>
#include <stdint.h>

enum feed_format {
	FEED_UNKNOWN,
	FEED_RSS090,
	FEED_RSS091,
	FEED_RSS092,
	FEED_RSS093,
	FEED_RSS094,
	FEED_RSS20,
	FEED_RSS,	/* <rss> of no or an unknown version */
	FEED_RSS10,
	FEED_ATOM03,
	FEED_ATOM10,
	FEED_ATOM,	/* <feed> of no known namespace */
};

enum text_type {
	TEXT_NONE,
	TEXT_PLAIN,
	TEXT_HTML,	/* also Atom's xhtml, serialised as HTML */
};

struct enclosure {
	char	*url;
	char	*type;		/* MIME type, or NULL */
	char	*length;	/* in bytes, as the feed wrote it, or NULL */
};

struct feed_item {
	char		 *guid;
	int		  guid_permalink;	/* RSS isPermaLink */
	char		 *title;		/* plain text */
	char		 *link;
	char		 *author;
	int64_t		  published;		/* UTC, or DATE_UNKNOWN */
	int64_t		  updated;
	char		 *summary;
	enum text_type	  summary_type;
	char		 *content;
	enum text_type	  content_type;
	struct enclosure *enclosures;
	size_t		  nenclosures;
};

struct feed_doc {
	enum feed_format  format;
	char		 *title;		/* plain text */
	char		 *link;
	char		 *description;		/* plain text */
	char		 *author;		/* for items without one */
	struct feed_item *items;
	size_t		  nitems;
	size_t		  alloc;
	int		  well_formed;	/* 0: recovered from broken XML */
};

/* A new, empty document. */
struct feed_doc *feeddoc_new(void);

/* Free doc and everything it holds; NULL is fine. */
void feeddoc_free(struct feed_doc *doc);

/* Append an empty item (dates unknown) to doc and return it. */
struct feed_item *feeddoc_add_item(struct feed_doc *doc);

/* Free the n enclosures of v and the array itself. */
void enclosures_free(struct enclosure *v, size_t n);

/* Append an enclosure to item, taking the three strings (may be NULL). */
void feeditem_add_enclosure(struct feed_item *item, char *url, char *type,
    char *length);

/* The lower-case name of a format: "rss20", "atom10", ...; NULL if none. */
const char *feed_format_name(enum feed_format format);

#endif
