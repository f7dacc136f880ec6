/* SPDX-License-Identifier: ISC */
/*
 * model_merge(): item identity by guid, link, or title and date; marks
 * that survive refetches and rotating guids; duplicates within a fetch;
 * items that leave the feed; bodies that follow their items; retention by
 * count and by age; and the merge's statistics.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"
#include "feeddoc.h"
#include "model.h"
#include "store.h"
#include "util/xmalloc.h"

#define DAY	INT64_C(86400)
#define T0	INT64_C(1700000000)	/* 2023-11-14T22:13:20Z */

/* A stored feed, its bodies, and what the last merge said. */
struct fixture {
	struct store_feed	feed;
	struct store_bodies	bodies;
	struct model_options	opt;
	struct merge_stats	stats;
};

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct model_options def = MODEL_OPTIONS_DEFAULT;

	fx->feed.id = xstrdup("0123456789abcdef");
	fx->feed.url = xstrdup("http://example.com/feed.xml");
	fx->opt = def;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	store_feed_release(&fx->feed);
	store_bodies_release(&fx->bodies);
	free(fx);
	return 0;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Append an item with these headers and an HTML summary to doc. */
static struct feed_item *
add(struct feed_doc *doc, const char *guid, const char *link,
    const char *title, int64_t published, const char *summary)
{
	struct feed_item *it = feeddoc_add_item(doc);

	it->guid = dup_or_null(guid);
	it->link = dup_or_null(link);
	it->title = dup_or_null(title);
	it->published = published;
	it->summary = dup_or_null(summary);
	it->summary_type = summary != NULL ? TEXT_HTML : TEXT_NONE;
	return it;
}

/* Merge doc into the fixture at now, and free doc. */
static void
merge(struct fixture *fx, struct feed_doc *doc, int64_t now)
{
	model_merge(&fx->feed, &fx->bodies, doc, now, &fx->opt, &fx->stats);
	feeddoc_free(doc);
}

static void
assert_stats(const struct fixture *fx, unsigned added, unsigned updated,
    unsigned dropped)
{
	assert_int_equal(fx->stats.added, added);
	assert_int_equal(fx->stats.updated, updated);
	assert_int_equal(fx->stats.dropped, dropped);
}

/* The stored item of this title, or NULL. */
static struct store_item *
by_title(struct fixture *fx, const char *title)
{
	size_t i;

	for (i = 0; i < fx->feed.nitems; i++)
		if (fx->feed.items[i].title != NULL &&
		    strcmp(fx->feed.items[i].title, title) == 0)
			return &fx->feed.items[i];
	return NULL;
}

static struct store_item *
by_guid(struct fixture *fx, const char *guid)
{
	size_t i;

	for (i = 0; i < fx->feed.nitems; i++)
		if (fx->feed.items[i].guid != NULL &&
		    strcmp(fx->feed.items[i].guid, guid) == 0)
			return &fx->feed.items[i];
	return NULL;
}

static struct store_body *
body_of(struct fixture *fx, const char *key)
{
	size_t i;

	for (i = 0; i < fx->bodies.n; i++)
		if (strcmp(fx->bodies.v[i].key, key) == 0)
			return &fx->bodies.v[i];
	return NULL;
}

/* The item of this title exists and has its body; returns the item. */
static struct store_item *
item_with_body(struct fixture *fx, const char *title)
{
	struct store_item *it = by_title(fx, title);

	assert_non_null(it);
	assert_non_null(body_of(fx, it->key));
	return it;
}

/*
 * Item keys are unique and have no space (the journal splits on it);
 * every body belongs to an item, and to one body per key.
 */
static void
assert_consistent(struct fixture *fx)
{
	size_t i, j;

	for (i = 0; i < fx->feed.nitems; i++) {
		assert_non_null(fx->feed.items[i].key);
		assert_null(strchr(fx->feed.items[i].key, ' '));
		for (j = i + 1; j < fx->feed.nitems; j++)
			assert_string_not_equal(fx->feed.items[i].key,
			    fx->feed.items[j].key);
	}
	for (i = 0; i < fx->bodies.n; i++) {
		for (j = 0; j < fx->feed.nitems; j++)
			if (strcmp(fx->bodies.v[i].key,
			    fx->feed.items[j].key) == 0)
				break;
		assert_true(j < fx->feed.nitems);
		for (j = i + 1; j < fx->bodies.n; j++)
			assert_string_not_equal(fx->bodies.v[i].key,
			    fx->bodies.v[j].key);
	}
}

static void
test_model_merge_new_items_unread(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();
	struct feed_item *it;
	struct store_item *a, *b;
	struct store_body *body;

	doc->title = xstrdup("The Feed");
	doc->link = xstrdup("http://example.com/");
	it = add(doc, "urn:a", "http://example.com/a", "A", T0 - DAY,
	    "<p>summary a</p>");
	it->author = xstrdup("Ann");
	it->updated = T0 - 60;
	it->content = xstrdup("content a");
	it->content_type = TEXT_PLAIN;
	feeditem_add_enclosure(it, xstrdup("http://example.com/a.mp3"),
	    xstrdup("audio/mpeg"), xstrdup("1234"));
	feeditem_add_enclosure(it, xstrdup("http://example.com/a.ogg"),
	    NULL, NULL);
	add(doc, "urn:b", NULL, "B", DATE_UNKNOWN, NULL);
	merge(fx, doc, T0);

	assert_stats(fx, 2, 0, 0);
	assert_string_equal(fx->feed.title, "The Feed");
	assert_string_equal(fx->feed.link, "http://example.com/");
	assert_int_equal(fx->feed.nitems, 2);
	a = by_title(fx, "A");
	assert_non_null(a);
	assert_int_equal(a->flags, ITEM_UNREAD);
	assert_int_equal(a->first_seen, T0);
	assert_string_equal(a->guid, "urn:a");
	assert_string_equal(a->link, "http://example.com/a");
	assert_string_equal(a->author, "Ann");
	assert_int_equal(a->published, T0 - DAY);
	assert_int_equal(a->updated, T0 - 60);
	assert_int_equal(a->nenclosures, 2);
	assert_string_equal(a->enclosures[0].url, "http://example.com/a.mp3");
	assert_string_equal(a->enclosures[0].type, "audio/mpeg");
	assert_string_equal(a->enclosures[0].length, "1234");
	assert_string_equal(a->enclosures[1].url, "http://example.com/a.ogg");
	assert_null(a->enclosures[1].type);
	assert_null(a->enclosures[1].length);
	b = by_title(fx, "B");
	assert_non_null(b);
	assert_int_equal(b->flags, ITEM_UNREAD);
	assert_int_equal(b->first_seen, T0);
	assert_int_equal(b->published, DATE_UNKNOWN);
	assert_int_equal(b->updated, DATE_UNKNOWN);
	assert_null(b->link);
	assert_int_equal(b->nenclosures, 0);

	body = body_of(fx, a->key);
	assert_non_null(body);
	assert_string_equal(body->summary, "<p>summary a</p>");
	assert_int_equal(body->summary_type, TEXT_HTML);
	assert_string_equal(body->content, "content a");
	assert_int_equal(body->content_type, TEXT_PLAIN);
	body = body_of(fx, b->key);
	assert_non_null(body);
	assert_null(body->summary);
	assert_null(body->content);
	assert_int_equal(fx->bodies.n, 2);
	assert_consistent(fx);
}

static void
test_model_merge_identity_by_guid(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();
	struct store_item *it;
	char *key;

	add(doc, "urn:g", "http://example.com/old", "Old title", T0 - DAY,
	    "s");
	merge(fx, doc, T0);
	it = by_guid(fx, "urn:g");
	assert_non_null(it);
	it->flags = ITEM_FLAGGED;		/* read and flagged */
	key = xstrdup(it->key);

	/* the same guid with another link, title and date: the same item */
	doc = feeddoc_new();
	add(doc, "urn:g", "http://example.com/new", "New title", T0, "s");
	/* another guid with the same link: another item */
	add(doc, "urn:h", "http://example.com/new", "Other", T0, "s");
	merge(fx, doc, T0 + DAY);
	assert_stats(fx, 1, 1, 0);
	assert_int_equal(fx->feed.nitems, 2);
	it = by_guid(fx, "urn:g");
	assert_non_null(it);
	assert_string_equal(it->key, key);
	assert_string_equal(it->link, "http://example.com/new");
	assert_string_equal(it->title, "New title");
	assert_int_equal(it->published, T0);
	assert_int_equal(it->flags, ITEM_FLAGGED);
	assert_int_equal(it->first_seen, T0);
	it = by_guid(fx, "urn:h");
	assert_non_null(it);
	assert_int_equal(it->flags, ITEM_UNREAD);
	assert_int_equal(it->first_seen, T0 + DAY);
	assert_consistent(fx);
	free(key);
}

static void
test_model_merge_identity_by_link(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();
	struct store_item *it;

	add(doc, NULL, "http://example.com/1", "First title", T0 - DAY, "s");
	merge(fx, doc, T0);
	assert_int_equal(fx->feed.nitems, 1);
	fx->feed.items[0].flags = 0;		/* read */

	/* no guid: the link decides, whatever the title and date */
	doc = feeddoc_new();
	add(doc, NULL, "http://example.com/1", "Second title", T0, "s");
	add(doc, NULL, "http://example.com/2", "Second title", T0, "s");
	merge(fx, doc, T0 + DAY);
	assert_stats(fx, 1, 1, 0);
	assert_int_equal(fx->feed.nitems, 2);
	it = &fx->feed.items[0];
	assert_string_equal(it->link, "http://example.com/1");
	assert_string_equal(it->title, "Second title");
	assert_int_equal(it->flags, 0);
	assert_int_equal(fx->feed.items[1].flags, ITEM_UNREAD);
	assert_string_equal(fx->feed.items[1].link, "http://example.com/2");
	assert_consistent(fx);
}

static void
test_model_merge_identity_by_title_and_date(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();
	size_t i;

	/* no guid, no link: the same title on another date is another item */
	add(doc, NULL, NULL, "Weekly", T0 - 14 * DAY, "one");
	add(doc, NULL, NULL, "Weekly", T0 - 7 * DAY, "two");
	merge(fx, doc, T0);
	assert_stats(fx, 2, 0, 0);
	assert_int_equal(fx->feed.nitems, 2);
	for (i = 0; i < 2; i++)
		if (fx->feed.items[i].published == T0 - 14 * DAY)
			fx->feed.items[i].flags = 0;

	doc = feeddoc_new();
	add(doc, NULL, NULL, "Weekly", T0 - 14 * DAY, "one");
	add(doc, NULL, NULL, "Weekly", T0 - 7 * DAY, "two");
	add(doc, NULL, NULL, "Weekly", T0, "three");
	merge(fx, doc, T0 + DAY);
	assert_stats(fx, 1, 0, 0);
	assert_int_equal(fx->feed.nitems, 3);
	for (i = 0; i < 3; i++)
		assert_int_equal(fx->feed.items[i].flags,
		    fx->feed.items[i].published == T0 - 14 * DAY ? 0 :
		    ITEM_UNREAD);
	/* without a date at all the title alone is the identity */
	doc = feeddoc_new();
	add(doc, NULL, NULL, "Undated", DATE_UNKNOWN, "x");
	add(doc, NULL, NULL, "Undated", DATE_UNKNOWN, "y");
	merge(fx, doc, T0 + 2 * DAY);
	assert_stats(fx, 1, 0, 0);
	assert_int_equal(fx->feed.nitems, 4);
	assert_consistent(fx);
}

/* A feed that makes up new guids on every fetch (RELIABILITY.md T12). */
static void
test_model_merge_rotating_guids_keep_marks(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc;
	struct store_item *rot, *stable;
	char guid[32];
	int i;

	for (i = 0; i < 10; i++) {
		doc = feeddoc_new();
		snprintf(guid, sizeof(guid), "urn:uuid:%d-%d", i, i * 7919);
		add(doc, guid, "http://example.com/story", "Story", T0,
		    "story body");
		snprintf(guid, sizeof(guid), "urn:other:%d", i);
		add(doc, guid, "http://example.com/other", "Other", T0,
		    "other body");
		add(doc, "urn:stable", "http://example.com/stable", "Stable",
		    T0, "stable body");
		merge(fx, doc, T0 + i * 3600);
		assert_int_equal(fx->feed.nitems, 3);
		assert_int_equal(fx->bodies.n, 3);
		assert_int_equal(fx->stats.added, i == 0 ? 3 : 0);
		assert_int_equal(fx->stats.dropped, 0);
		rot = item_with_body(fx, "Story");
		stable = item_with_body(fx, "Stable");
		item_with_body(fx, "Other");
		assert_int_equal(rot->first_seen, T0);
		if (i == 0) {
			rot->flags = ITEM_FLAGGED;	/* read, flagged */
			stable->flags = 0;		/* read */
		} else {
			assert_int_equal(rot->flags, ITEM_FLAGGED);
			assert_int_equal(stable->flags, 0);
			assert_int_equal(by_title(fx, "Other")->flags,
			    ITEM_UNREAD);
		}
		assert_string_equal(body_of(fx, rot->key)->summary,
		    "story body");
		assert_consistent(fx);
	}
}

static void
test_model_merge_duplicate_guids_count_once(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc;
	struct store_item *it;
	int round;

	for (round = 0; round < 2; round++) {
		doc = feeddoc_new();
		add(doc, "urn:dup", "http://example.com/1", "First", T0,
		    "first body");
		add(doc, "urn:e", "http://example.com/e", "E", T0, "e");
		add(doc, "urn:dup", "http://example.com/2", "Second",
		    T0 + 60, "second body");
		merge(fx, doc, T0 + round);
		if (round == 0)
			assert_stats(fx, 2, 0, 0);
		else
			assert_stats(fx, 0, 0, 0);
		assert_int_equal(fx->feed.nitems, 2);
		it = by_guid(fx, "urn:dup");
		assert_non_null(it);
		assert_string_equal(it->title, "First");
		assert_string_equal(it->link, "http://example.com/1");
		assert_int_equal(it->published, T0);
		assert_string_equal(body_of(fx, it->key)->summary,
		    "first body");
		assert_int_equal(fx->bodies.n, 2);
		assert_consistent(fx);
	}
}

/*
 * Two items of one fetch with their own guids but the same link and
 * title (a digest feed whose every entry is "Daily news" pointing at the
 * front page), the known one first or second. Whatever the merge makes of
 * the other one, the stored item must keep its marks and its body, and a
 * second identical fetch must change nothing.
 */
static void
same_link_and_title(struct fixture *fx, int known_second)
{
	struct feed_doc *doc = feeddoc_new();
	struct store_item *it;
	char **keys = NULL;
	size_t i, n = 0;
	int round;

	add(doc, "urn:day1", "http://example.com/", "Daily news", T0 - DAY,
	    "day one");
	merge(fx, doc, T0 - DAY);
	fx->feed.items[0].flags = 0;		/* read */

	for (round = 0; round < 2; round++) {
		doc = feeddoc_new();
		if (!known_second)
			add(doc, "urn:day1", "http://example.com/",
			    "Daily news", T0 - DAY, "day one");
		add(doc, "urn:day2", "http://example.com/", "Daily news",
		    T0, "day two");
		if (known_second)
			add(doc, "urn:day1", "http://example.com/",
			    "Daily news", T0 - DAY, "day one");
		merge(fx, doc, T0 + round);
		it = by_guid(fx, "urn:day1");
		assert_non_null(it);
		assert_int_equal(it->flags, 0);
		assert_int_equal(it->published, T0 - DAY);
		/* its body must not stay behind under a key it lost */
		assert_non_null(body_of(fx, it->key));
		assert_string_equal(body_of(fx, it->key)->summary, "day one");
		for (i = 0; i < fx->feed.nitems; i++)
			assert_non_null(body_of(fx, fx->feed.items[i].key));
		assert_consistent(fx);
		if (round == 0) {
			n = fx->feed.nitems;
			keys = xcalloc(n, sizeof(*keys));
			for (i = 0; i < n; i++)
				keys[i] = xstrdup(fx->feed.items[i].key);
			continue;
		}
		assert_stats(fx, 0, 0, 0);
		assert_int_equal(fx->feed.nitems, n);
		for (i = 0; i < n; i++) {
			assert_string_equal(fx->feed.items[i].key, keys[i]);
			free(keys[i]);
		}
		free(keys);
	}
}

static void
test_model_merge_same_link_and_title_in_one_fetch(void **state)
{
	same_link_and_title(*state, 0);
}

static void
test_model_merge_same_link_and_title_known_second(void **state)
{
	same_link_and_title(*state, 1);
}

static void
test_model_merge_items_that_leave_stay(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();

	add(doc, "urn:a", NULL, "A", T0 - 3 * DAY, "a");
	add(doc, "urn:b", NULL, "B", T0 - 2 * DAY, "b");
	add(doc, "urn:c", NULL, "C", T0 - DAY, "c");
	merge(fx, doc, T0 - DAY);
	by_title(fx, "B")->flags = 0;
	by_title(fx, "C")->flags = ITEM_UNREAD | ITEM_FLAGGED;

	doc = feeddoc_new();
	add(doc, "urn:a", NULL, "A", T0 - 3 * DAY, "a");
	merge(fx, doc, T0);
	assert_stats(fx, 0, 0, 0);
	assert_int_equal(fx->feed.nitems, 3);
	assert_int_equal(item_with_body(fx, "A")->flags, ITEM_UNREAD);
	assert_int_equal(item_with_body(fx, "B")->flags, 0);
	assert_int_equal(item_with_body(fx, "C")->flags,
	    ITEM_UNREAD | ITEM_FLAGGED);
	assert_string_equal(body_of(fx, by_title(fx, "B")->key)->summary,
	    "b");
	/* an empty fetch takes nothing away either */
	merge(fx, feeddoc_new(), T0 + DAY);
	assert_stats(fx, 0, 0, 0);
	assert_int_equal(fx->feed.nitems, 3);
	assert_int_equal(fx->bodies.n, 3);
	assert_consistent(fx);
}

static void
test_model_merge_refetch_updates_headers(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();
	struct feed_item *fi;
	struct store_item *it;
	int round;

	fi = add(doc, "urn:a", "http://example.com/a", "Title", T0 - DAY,
	    "s");
	fi->author = xstrdup("Ann");
	fi->updated = T0 - DAY;
	feeditem_add_enclosure(fi, xstrdup("http://example.com/a.mp3"),
	    xstrdup("audio/mpeg"), NULL);
	merge(fx, doc, T0 - DAY);
	fx->feed.items[0].flags = ITEM_FLAGGED;

	for (round = 0; round < 2; round++) {
		doc = feeddoc_new();
		fi = add(doc, "urn:a", "http://example.com/a2",
		    "Title (corrected)", T0 - DAY + 1, "s");
		fi->author = xstrdup("Bob");
		fi->updated = T0;
		feeditem_add_enclosure(fi,
		    xstrdup("http://example.com/a.opus"),
		    xstrdup("audio/ogg"), xstrdup("99"));
		feeditem_add_enclosure(fi, xstrdup("http://example.com/a.txt"),
		    NULL, NULL);
		merge(fx, doc, T0 + round);
		/* the second round changes nothing */
		assert_stats(fx, 0, round == 0 ? 1 : 0, 0);
		assert_int_equal(fx->feed.nitems, 1);
		it = &fx->feed.items[0];
		assert_string_equal(it->guid, "urn:a");
		assert_string_equal(it->link, "http://example.com/a2");
		assert_string_equal(it->title, "Title (corrected)");
		assert_string_equal(it->author, "Bob");
		assert_int_equal(it->published, T0 - DAY + 1);
		assert_int_equal(it->updated, T0);
		assert_int_equal(it->first_seen, T0 - DAY);
		assert_int_equal(it->flags, ITEM_FLAGGED);
		assert_int_equal(it->nenclosures, 2);
		assert_string_equal(it->enclosures[0].url,
		    "http://example.com/a.opus");
		assert_string_equal(it->enclosures[0].type, "audio/ogg");
		assert_string_equal(it->enclosures[0].length, "99");
		assert_string_equal(it->enclosures[1].url,
		    "http://example.com/a.txt");
		assert_null(it->enclosures[1].type);
	}
	/* a field the feed no longer gives goes */
	doc = feeddoc_new();
	add(doc, "urn:a", NULL, "Title (corrected)", T0 - DAY + 1, "s");
	merge(fx, doc, T0 + 2);
	assert_stats(fx, 0, 1, 0);
	it = &fx->feed.items[0];
	assert_null(it->link);
	assert_null(it->author);
	assert_int_equal(it->updated, DATE_UNKNOWN);
	assert_int_equal(it->nenclosures, 0);
	assert_int_equal(it->flags, ITEM_FLAGGED);
}

static void
test_model_merge_feed_title_and_link(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();

	doc->title = xstrdup("One");
	doc->link = xstrdup("http://example.com/one");
	merge(fx, doc, T0);
	assert_string_equal(fx->feed.title, "One");
	doc = feeddoc_new();
	doc->title = xstrdup("Two");
	merge(fx, doc, T0);
	assert_string_equal(fx->feed.title, "Two");
	assert_string_equal(fx->feed.link, "http://example.com/one");
	/* a feed that lost its title keeps the one it had */
	merge(fx, feeddoc_new(), T0);
	assert_string_equal(fx->feed.title, "Two");
}

static void
test_model_merge_bodies_follow_items(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();
	struct feed_item *fi;
	struct store_body *body;

	fi = add(doc, "urn:a", NULL, "A", T0 - 2 * DAY, "<p>old</p>");
	fi->content = xstrdup("<div>old content</div>");
	fi->content_type = TEXT_HTML;
	add(doc, "urn:b", NULL, "B", T0 - 3 * DAY, "b summary");
	merge(fx, doc, T0 - DAY);
	assert_int_equal(fx->bodies.n, 2);

	/* new text replaces the old, types and all */
	doc = feeddoc_new();
	fi = add(doc, "urn:a", NULL, "A", T0 - 2 * DAY, NULL);
	fi->summary = xstrdup("plain new");
	fi->summary_type = TEXT_PLAIN;
	fi->content = xstrdup("new content");
	fi->content_type = TEXT_PLAIN;
	merge(fx, doc, T0);
	body = body_of(fx, by_title(fx, "A")->key);
	assert_non_null(body);
	assert_string_equal(body->summary, "plain new");
	assert_int_equal(body->summary_type, TEXT_PLAIN);
	assert_string_equal(body->content, "new content");
	assert_int_equal(body->content_type, TEXT_PLAIN);
	/* B left the feed and keeps its body */
	body = body_of(fx, by_title(fx, "B")->key);
	assert_non_null(body);
	assert_string_equal(body->summary, "b summary");
	assert_int_equal(body->summary_type, TEXT_HTML);

	/* B is read and retention drops it: its body goes with it */
	by_title(fx, "B")->flags = 0;
	fx->opt.max_articles = 1;
	doc = feeddoc_new();
	add(doc, "urn:a", NULL, "A", T0 - 2 * DAY, "plain new")->summary_type =
	    TEXT_PLAIN;
	merge(fx, doc, T0 + DAY);
	assert_stats(fx, 0, 0, 1);
	assert_int_equal(fx->feed.nitems, 1);
	assert_null(by_title(fx, "B"));
	assert_int_equal(fx->bodies.n, 1);
	assert_string_equal(fx->bodies.v[0].key, fx->feed.items[0].key);
	assert_null(fx->bodies.v[0].content);	/* the feed dropped it */
	assert_consistent(fx);
}

/* Retention by count: only read, unflagged items gone from the feed go. */
static void
test_model_merge_max_articles(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();
	static const char *const gone[] = { "R1", "R2", "R3" };
	size_t i;

	add(doc, "urn:u", NULL, "U", T0 - 100 * DAY, "u");
	add(doc, "urn:f", NULL, "F", T0 - 100 * DAY, "f");
	add(doc, "urn:p", NULL, "P", T0 - 90 * DAY, "p");
	/* out of date order, to see the oldest picked, not the first */
	add(doc, "urn:r3", NULL, "R3", T0 - 30 * DAY, "r3");
	add(doc, "urn:r1", NULL, "R1", T0 - 50 * DAY, "r1");
	add(doc, "urn:r4", NULL, "R4", T0 - 20 * DAY, "r4");
	add(doc, "urn:r2", NULL, "R2", T0 - 40 * DAY, "r2");
	merge(fx, doc, T0 - 10 * DAY);
	assert_stats(fx, 7, 0, 0);		/* no limit yet */
	for (i = 0; i < fx->feed.nitems; i++)
		fx->feed.items[i].flags = 0;	/* all read ... */
	by_title(fx, "U")->flags = ITEM_UNREAD;	/* ... but U */
	by_title(fx, "F")->flags = ITEM_FLAGGED;

	/* 8 items, 5 kept: the 3 oldest of R1..R4 go */
	fx->opt.max_articles = 5;
	doc = feeddoc_new();
	add(doc, "urn:p", NULL, "P", T0 - 90 * DAY, "p");
	add(doc, "urn:n", NULL, "N", T0, "n");
	merge(fx, doc, T0);
	assert_stats(fx, 1, 0, 3);
	assert_int_equal(fx->feed.nitems, 5);
	for (i = 0; i < 3; i++)
		assert_null(by_title(fx, gone[i]));
	item_with_body(fx, "R4");
	assert_int_equal(item_with_body(fx, "U")->flags, ITEM_UNREAD);
	assert_int_equal(item_with_body(fx, "F")->flags, ITEM_FLAGGED);
	assert_int_equal(item_with_body(fx, "P")->flags, 0);
	assert_int_equal(item_with_body(fx, "N")->flags, ITEM_UNREAD);
	assert_int_equal(fx->bodies.n, 5);

	/* a limit below what must stay drops what may go, and no more */
	fx->opt.max_articles = 1;
	doc = feeddoc_new();
	add(doc, "urn:p", NULL, "P", T0 - 90 * DAY, "p");
	add(doc, "urn:n", NULL, "N", T0, "n");
	merge(fx, doc, T0 + DAY);
	assert_stats(fx, 0, 0, 1);
	assert_int_equal(fx->feed.nitems, 4);
	assert_null(by_title(fx, "R4"));
	item_with_body(fx, "U");
	item_with_body(fx, "F");
	item_with_body(fx, "P");
	item_with_body(fx, "N");
	assert_int_equal(fx->bodies.n, 4);
	assert_consistent(fx);

	/* 0 is no limit */
	fx->opt.max_articles = 0;
	merge(fx, feeddoc_new(), T0 + 2 * DAY);
	assert_stats(fx, 0, 0, 0);
	assert_int_equal(fx->feed.nitems, 4);
}

/* Retention by age: published, else updated, else first seen. */
static void
test_model_merge_keep_days(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();
	static const char *const gone[] = { "A", "B", "C" };
	static const char *const kept[] = { "D", "E", "F", "G", "H", "I" };
	struct feed_item *fi;
	size_t i;

	add(doc, "urn:a", NULL, "A", T0 - 40 * DAY, "a");
	fi = add(doc, "urn:b", NULL, "B", DATE_UNKNOWN, "b");
	fi->updated = T0 - 40 * DAY;
	add(doc, "urn:c", NULL, "C", DATE_UNKNOWN, "c");	/* seen then */
	fi = add(doc, "urn:d", NULL, "D", T0 - 10 * DAY, "d");
	fi->updated = T0 - 40 * DAY;			/* published wins */
	add(doc, "urn:e", NULL, "E", T0 - 40 * DAY, "e");	/* unread */
	add(doc, "urn:f", NULL, "F", T0 - 40 * DAY, "f");	/* flagged */
	add(doc, "urn:g", NULL, "G", T0 - 40 * DAY, "g");	/* present */
	merge(fx, doc, T0 - 40 * DAY);
	doc = feeddoc_new();
	add(doc, "urn:h", NULL, "H", DATE_UNKNOWN, "h");	/* seen since */
	add(doc, "urn:i", NULL, "I", T0 - 29 * DAY, "i");
	merge(fx, doc, T0 - 10 * DAY);
	assert_int_equal(fx->feed.nitems, 9);
	for (i = 0; i < fx->feed.nitems; i++)
		fx->feed.items[i].flags = 0;
	by_title(fx, "E")->flags = ITEM_UNREAD;
	by_title(fx, "F")->flags = ITEM_FLAGGED;

	fx->opt.keep_days = 30;
	doc = feeddoc_new();
	add(doc, "urn:g", NULL, "G", T0 - 40 * DAY, "g");
	merge(fx, doc, T0);
	assert_stats(fx, 0, 0, 3);
	assert_int_equal(fx->feed.nitems, 6);
	for (i = 0; i < 3; i++)
		assert_null(by_title(fx, gone[i]));
	for (i = 0; i < 6; i++)
		item_with_body(fx, kept[i]);
	assert_int_equal(by_title(fx, "E")->flags, ITEM_UNREAD);
	assert_int_equal(by_title(fx, "F")->flags, ITEM_FLAGGED);
	assert_int_equal(fx->bodies.n, 6);
	assert_consistent(fx);

	/* G stays only while the feed has it */
	merge(fx, feeddoc_new(), T0);
	assert_stats(fx, 0, 0, 1);
	assert_null(by_title(fx, "G"));
	assert_int_equal(fx->bodies.n, 5);
}

static void
test_model_merge_stats(void **state)
{
	struct fixture *fx = *state;
	struct feed_doc *doc = feeddoc_new();

	add(doc, "urn:same", NULL, "Same", T0 - 2 * DAY, "s");
	add(doc, "urn:changed", NULL, "Before", T0 - 2 * DAY, "c");
	add(doc, "urn:old", NULL, "Old", T0 - 2 * DAY, "o");
	merge(fx, doc, T0 - DAY);
	assert_stats(fx, 3, 0, 0);
	by_title(fx, "Old")->flags = 0;

	fx->opt.max_articles = 3;
	doc = feeddoc_new();
	add(doc, "urn:same", NULL, "Same", T0 - 2 * DAY, "s");
	add(doc, "urn:changed", NULL, "After", T0 - 2 * DAY, "c");
	add(doc, "urn:new", NULL, "New", T0, "n");
	merge(fx, doc, T0);
	assert_stats(fx, 1, 1, 1);
	assert_int_equal(fx->feed.nitems, 3);
	/* stats start from zero on every merge */
	doc = feeddoc_new();
	add(doc, "urn:same", NULL, "Same", T0 - 2 * DAY, "s");
	merge(fx, doc, T0);
	assert_stats(fx, 0, 0, 0);
}

#define MERGE_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		MERGE_TEST(test_model_merge_new_items_unread),
		MERGE_TEST(test_model_merge_identity_by_guid),
		MERGE_TEST(test_model_merge_identity_by_link),
		MERGE_TEST(test_model_merge_identity_by_title_and_date),
		MERGE_TEST(test_model_merge_rotating_guids_keep_marks),
		MERGE_TEST(test_model_merge_duplicate_guids_count_once),
		MERGE_TEST(test_model_merge_same_link_and_title_in_one_fetch),
		MERGE_TEST(test_model_merge_same_link_and_title_known_second),
		MERGE_TEST(test_model_merge_items_that_leave_stay),
		MERGE_TEST(test_model_merge_refetch_updates_headers),
		MERGE_TEST(test_model_merge_feed_title_and_link),
		MERGE_TEST(test_model_merge_bodies_follow_items),
		MERGE_TEST(test_model_merge_max_articles),
		MERGE_TEST(test_model_merge_keep_days),
		MERGE_TEST(test_model_merge_stats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
