/* SPDX-License-Identifier: ISC */
/*
 * Merging a fetched feed into the stored one: item identity, marks that
 * survive every refetch, and retention.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "model.h"
#include "util/hash.h"
#include "util/xmalloc.h"

#define DAY	86400

/* The identity of item: its guid, else link, else title and date. */
static char *
item_key(const struct feed_item *it)
{
	char hex[HASH_HEX_SIZE], date[DATE_RFC3339_SIZE];
	uint64_t h = HASH_FNV1A_INIT;
	char kind;

	if (it->guid != NULL) {
		kind = 'g';
		h = hash_fnv1a(h, it->guid, strlen(it->guid));
	} else if (it->link != NULL) {
		kind = 'l';
		h = hash_fnv1a(h, it->link, strlen(it->link));
	} else {
		kind = 't';
		if (it->title != NULL)
			h = hash_fnv1a(h, it->title, strlen(it->title) + 1);
		date_format_rfc3339(it->published, date);
		h = hash_fnv1a(h, date, strlen(date));
		if (it->title == NULL && it->summary != NULL)
			h = hash_fnv1a(h, it->summary, strlen(it->summary));
	}
	return xasprintf("%c%s", kind, hash_hex(h, hex));
}

/* Bits of the per-item state of a merge. */
#define SEEN	1	/* matched by an item of this fetch */
#define NAMED	4	/* its key is the key of an item of this fetch */
#define GOES	2	/* retention drops it */

/*
 * A stored item with the link and title of it: a guid that changed. Not
 * one this fetch matched already, nor one it names by its own key.
 */
static struct store_item *
find_same(struct store_feed *feed, const struct feed_item *it,
    const unsigned char *state)
{
	size_t i;

	if (it->link == NULL || it->title == NULL)
		return NULL;
	for (i = 0; i < feed->nitems; i++)
		if (!(state[i] & (SEEN | NAMED)) &&
		    feed->items[i].link != NULL &&
		    feed->items[i].title != NULL &&
		    strcmp(feed->items[i].link, it->link) == 0 &&
		    strcmp(feed->items[i].title, it->title) == 0)
			return &feed->items[i];
	return NULL;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Replace *dst with a copy of s; 1 when that changed anything. */
static int
replace(char **dst, const char *s)
{
	if ((*dst == NULL && s == NULL) ||
	    (*dst != NULL && s != NULL && strcmp(*dst, s) == 0))
		return 0;
	free(*dst);
	*dst = dup_or_null(s);
	return 1;
}

static void
copy_enclosures(struct store_item *dst, const struct feed_item *src)
{
	size_t i;

	enclosures_free(dst->enclosures, dst->nenclosures);
	dst->enclosures = NULL;
	dst->nenclosures = src->nenclosures;
	if (src->nenclosures == 0)
		return;
	dst->enclosures = xcalloc(src->nenclosures, sizeof(*dst->enclosures));
	for (i = 0; i < src->nenclosures; i++) {
		dst->enclosures[i].url = xstrdup(src->enclosures[i].url);
		dst->enclosures[i].type = dup_or_null(src->enclosures[i].type);
		dst->enclosures[i].length =
		    dup_or_null(src->enclosures[i].length);
	}
}

/* Copy the headers of it into dst; 1 when something changed. */
static int
copy_headers(struct store_item *dst, const struct feed_item *it)
{
	int changed = 0;

	changed |= replace(&dst->guid, it->guid);
	changed |= replace(&dst->title, it->title);
	changed |= replace(&dst->link, it->link);
	changed |= replace(&dst->author, it->author);
	changed |= dst->published != it->published ||
	    dst->updated != it->updated;
	dst->published = it->published;
	dst->updated = it->updated;
	copy_enclosures(dst, it);
	return changed;
}

static void
copy_body(struct store_bodies *b, const char *key, const struct feed_item *it)
{
	struct store_body *body = store_bodies_find(b, key);

	if (body == NULL) {
		body = store_bodies_add(b);
		body->key = xstrdup(key);
	}
	replace(&body->summary, it->summary);
	replace(&body->content, it->content);
	body->summary_type = it->summary_type;
	body->content_type = it->content_type;
}

/* When an item counts as dated: published, updated, or first seen. */
static int64_t
item_date(const struct store_item *it)
{
	return it->published != DATE_UNKNOWN ? it->published :
	    it->updated != DATE_UNKNOWN ? it->updated : it->first_seen;
}

/* 1 when retention may drop item i (it is not in the fetch just made). */
static int
droppable(const struct store_item *it, const unsigned char *present,
    size_t i)
{
	return !(present[i] & SEEN) &&
	    !(it->flags & (ITEM_UNREAD | ITEM_FLAGGED));
}

/* Drop the items retention says go, with their bodies. */
static void
retain(struct store_feed *feed, struct store_bodies *b,
    unsigned char *present, int64_t now, const struct model_options *opt,
    struct merge_stats *stats)
{
	size_t i, kept = 0, n = feed->nitems, excess = 0, oldest;
	struct store_body *body;

	if (opt->max_articles && n > opt->max_articles)
		excess = n - opt->max_articles;
	for (;;) {
		oldest = n;
		for (i = 0; i < n && excess > 0; i++)
			if (droppable(&feed->items[i], present, i) &&
			    !(present[i] & GOES) && (oldest == n ||
			    item_date(&feed->items[i]) <
			    item_date(&feed->items[oldest])))
				oldest = i;
		if (oldest == n)
			break;
		present[oldest] |= GOES;
		excess--;
	}
	for (i = 0; i < n; i++) {
		if (opt->keep_days && droppable(&feed->items[i], present, i) &&
		    item_date(&feed->items[i]) != DATE_UNKNOWN &&
		    item_date(&feed->items[i]) < now -
		    (int64_t)opt->keep_days * DAY)
			present[i] |= GOES;
		if (!(present[i] & GOES)) {
			feed->items[kept++] = feed->items[i];
			continue;
		}
		body = store_bodies_find(b, feed->items[i].key);
		if (body != NULL) {
			free(body->summary);
			free(body->content);
			free(body->full_text);
			body->summary = body->content = body->full_text = NULL;
		}
		store_item_release(&feed->items[i]);
		stats->dropped++;
	}
	feed->nitems = kept;
}

/* Take out the bodies that have no item any more. */
static void
prune_bodies(struct store_feed *feed, struct store_bodies *b)
{
	size_t i, kept = 0;

	for (i = 0; i < b->n; i++) {
		if (store_feed_find(feed, b->v[i].key) != NULL) {
			b->v[kept++] = b->v[i];
			continue;
		}
		free(b->v[i].key);
		free(b->v[i].summary);
		free(b->v[i].content);
		free(b->v[i].full_text);
	}
	b->n = kept;
}

/* Merge one fetched item; marks its stored item present. */
static void
merge_one(struct store_feed *feed, struct store_bodies *b,
    const struct feed_item *it, int64_t now, unsigned char **present,
    struct merge_stats *stats)
{
	char *key = item_key(it);
	struct store_item *st = store_feed_find(feed, key);

	if (st == NULL && (st = find_same(feed, it, *present)) != NULL) {
		free(st->key);		/* a rewritten guid: same item */
		st->key = xstrdup(key);
	}
	if (st != NULL && (*present)[st - feed->items] & SEEN) {
		free(key);		/* a duplicate within this fetch */
		return;
	}
	if (st == NULL) {
		st = store_feed_add_item(feed);
		st->key = xstrdup(key);
		st->flags = ITEM_UNREAD;
		st->first_seen = now;
		*present = xreallocarray(*present, feed->alloc, 1);
		(*present)[feed->nitems - 1] = 0;
		stats->added++;
		copy_headers(st, it);
	} else
		stats->updated += (unsigned)copy_headers(st, it);
	copy_body(b, key, it);
	(*present)[st - feed->items] |= SEEN;
	free(key);
}

/* Mark the stored items that an item of doc names by its key. */
static void
name_keys(struct store_feed *feed, const struct feed_doc *doc,
    unsigned char *state)
{
	struct store_item *st;
	char *key;
	size_t i;

	for (i = 0; i < doc->nitems; i++) {
		key = item_key(&doc->items[i]);
		st = store_feed_find(feed, key);
		if (st != NULL)
			state[st - feed->items] |= NAMED;
		free(key);
	}
}

void
model_merge(struct store_feed *feed, struct store_bodies *bodies,
    const struct feed_doc *doc, int64_t now,
    const struct model_options *opt, struct merge_stats *stats)
{
	unsigned char *present = xcalloc(feed->alloc + 1, 1);
	size_t i;

	memset(stats, 0, sizeof(*stats));
	if (doc->title != NULL)
		replace(&feed->title, doc->title);
	if (doc->link != NULL)
		replace(&feed->link, doc->link);
	name_keys(feed, doc, present);
	for (i = 0; i < doc->nitems; i++)
		merge_one(feed, bodies, &doc->items[i], now, &present, stats);
	retain(feed, bodies, present, now, opt, stats);
	prune_bodies(feed, bodies);
	free(present);
}
