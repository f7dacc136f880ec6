/* SPDX-License-Identifier: ISC */
/*
 * The neutral feed document: allocation and release.
 */
#include "config.h"

#include "feeddoc.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util/xmalloc.h"

struct feed_doc *
feeddoc_new(void)
{
	struct feed_doc *doc = xcalloc(1, sizeof(*doc));

	doc->well_formed = 1;
	return doc;
}

static void
item_release(struct feed_item *item)
{
	free(item->guid);
	free(item->title);
	free(item->link);
	free(item->author);
	free(item->summary);
	free(item->content);
	enclosures_free(item->enclosures, item->nenclosures);
}

void
enclosures_free(struct enclosure *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].url);
		free(v[i].type);
		free(v[i].length);
	}
	free(v);
}

void
feeddoc_free(struct feed_doc *doc)
{
	size_t i;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->nitems; i++)
		item_release(&doc->items[i]);
	free(doc->items);
	free(doc->title);
	free(doc->link);
	free(doc->description);
	free(doc->author);
	free(doc);
}

struct feed_item *
feeddoc_add_item(struct feed_doc *doc)
{
	struct feed_item *item;

	if (doc->nitems == doc->alloc) {
		doc->alloc = doc->alloc ? doc->alloc * 2 : 16;
		doc->items = xreallocarray(doc->items, doc->alloc,
		    sizeof(*doc->items));
	}
	item = &doc->items[doc->nitems++];
	memset(item, 0, sizeof(*item));
	item->published = item->updated = DATE_UNKNOWN;
	return item;
}

void
feeditem_add_enclosure(struct feed_item *item, char *url, char *type,
    char *length)
{
	struct enclosure *e;

	item->enclosures = xreallocarray(item->enclosures,
	    item->nenclosures + 1, sizeof(*item->enclosures));
	e = &item->enclosures[item->nenclosures++];
	e->url = url;
	e->type = type;
	e->length = length;
}

const char *
feed_format_name(enum feed_format format)
{
	static const char *const names[] = {
		[FEED_UNKNOWN] = NULL,
		[FEED_RSS090] = "rss090",
		[FEED_RSS091] = "rss091",
		[FEED_RSS092] = "rss092",
		[FEED_RSS093] = "rss093",
		[FEED_RSS094] = "rss094",
		[FEED_RSS20] = "rss20",
		[FEED_RSS] = "rss",
		[FEED_RSS10] = "rss10",
		[FEED_ATOM03] = "atom03",
		[FEED_ATOM10] = "atom10",
		[FEED_ATOM] = "atom",
	};

	return names[format];
}
