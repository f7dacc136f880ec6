/* SPDX-License-Identifier: ISC */
/*
 * The store: every article on disk, in tidings' own XML written with mxml,
 * in three tiers so that starting reads little and a change rewrites
 * little (DESIGN.md, "The store"):
 *  - index.xml: one line a feed, enough to draw the feed list;
 *  - feeds/ID.xml: a feed's validators and its items' headers and flags;
 *  - bodies/ID.xml: its items' summaries and contents.
 * ID is a hash of the feed's URL. Every file has a version; older ones
 * are upgraded when read. Every save goes to a new file that is flushed,
 * read back, and renamed over the old one, so that a crash leaves the old
 * file or the new, never a mix. A file that cannot be read is moved aside
 * as NAME.corrupt-TIME and the rest opens. Read and flag marks go to a
 * small journal, marks.log, flushed before store_mark() returns, and are
 * folded into the feed files when those are next saved.
 *
 * One process writes a data folder at a time: store_open() takes a lock
 * that the kernel drops when the process ends, however it ends.
 *
 * The same writer prints a parsed feed for `tidings --dump`: one <feed>
 * with <title>, <link>, <description> and <item> elements, each with
 * <guid>, <title>, <link>, <author>, <published> and <updated> (RFC 3339,
 * UTC), <summary type="html|text">, <content type="html|text"> and
 * <enclosure url= type= length=/>. Elements without a value are left out.
 *
 * A body in a bodies file may hold a <fulltext type="html"> besides its
 * <summary> and <content>: the article tidings fetched from the item's
 * link. A tidings without it skips the element; without the element, a
 * body has no full text.
 */
#ifndef TIDINGS_STORE_H
#define TIDINGS_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "feeddoc.h"
#include "util/strbuf.h"

#define STORE_VERSION	2

enum item_flags {
	ITEM_UNREAD	= 1 << 0,
	ITEM_FLAGGED	= 1 << 1,
	ITEM_DELETED	= 1 << 2,
};

/*
 * One feed as the index knows it. The last five fields are what the
 * fetches of the feed left for the next ones; an index written before
 * they existed reads as no failure, no wait, not gone, not moved.
 */
struct store_feed_info {
	char		*id;
	char		*url;
	char		*title;		/* or NULL */
	unsigned	 total;		/* items, deleted ones left out */
	unsigned	 unread;
	unsigned	 flagged;
	int64_t		 fetched;	/* last fetch, or DATE_UNKNOWN */
	char		*error;		/* the last fetch's error, or NULL */
	unsigned	 failures;	/* fetches failed in a row */
	int64_t		 retry_after;	/* no fetch before, or DATE_UNKNOWN */
	int		 gone;		/* the server said 410: not fetched */
	char		*moved_to;	/* where a 301 or 308 led, or NULL */
	int		 discovered;	/* moved_to is the feed that the page
					   at url names (feed discovery) */
};

/* An item's headers and flags. */
struct store_item {
	char		 *key;		/* identity within the feed */
	char		 *guid;
	char		 *title;
	char		 *link;
	char		 *author;
	int64_t		  published;
	int64_t		  updated;
	int64_t		  first_seen;	/* when tidings first saw it */
	unsigned	  flags;	/* enum item_flags */
	struct enclosure *enclosures;
	size_t		  nenclosures;
};

/* A feed's headers file. */
struct store_feed {
	char			*id;
	char			*url;
	char			*title;
	char			*link;
	char			*etag;		/* HTTP validators */
	char			*last_modified;
	struct store_item	*items;
	size_t			 nitems;
	size_t			 alloc;
};

/*
 * An item's body. full_text is kept apart from what the feed sent: the
 * article found on the page of the item's link (HTML, links absolute),
 * or NULL; a refetch of the feed leaves it as it is. A bodies file
 * written before it existed reads as none.
 */
struct store_body {
	char		*key;
	char		*summary;
	enum text_type	 summary_type;
	char		*content;
	enum text_type	 content_type;
	char		*full_text;
};

/* A feed's bodies file. */
struct store_bodies {
	struct store_body	*v;
	size_t			 n;
	size_t			 alloc;
};

struct store;

/*
 * Open the data folder dir, creating it (0700) if needed, and read the
 * index. Unless read_only, take the lock first: when another tidings holds
 * it, fail with "tidings is already running on DIR". Problems that were
 * mended (a damaged file moved aside, the index rebuilt) are appended to
 * notes, one line each. Returns 0, or -1 with the reason in err.
 */
int store_open(struct store **out, const char *dir, int read_only,
    struct strbuf *notes, struct strbuf *err);

/* Close the store and release the lock. */
void store_close(struct store *st);

/* The number of feeds in the index, and the i-th one. */
size_t store_nfeeds(const struct store *st);
const struct store_feed_info *store_feed_at(const struct store *st,
    size_t i);

/* The index entry of the feed at url, or NULL. */
const struct store_feed_info *store_feed_by_url(const struct store *st,
    const char *url);

/* The id of the feed at url (a hash of it), as a new string. */
char *store_feed_id(const char *url);

/* Record the outcome of a fetch of the feed at url in the index. */
void store_set_fetched(struct store *st, const char *url, int64_t when,
    const char *error);

/*
 * Record in the index how the next fetches of the feed at url wait:
 * failures in a row, the time before which it is not fetched again
 * (DATE_UNKNOWN: none), and whether it is gone for good.
 */
void store_set_backoff(struct store *st, const char *url,
    unsigned failures, int64_t retry_after, int gone);

/* Record where a permanent redirect of url leads (NULL: nowhere). */
void store_set_moved(struct store *st, const char *url,
    const char *moved_to);

/*
 * Record the feed that the page at url names (NULL: none), found by feed
 * discovery: it is the feed's moved_to, with discovered set.
 */
void store_set_discovered(struct store *st, const char *url,
    const char *feed_url);

/*
 * Read the headers of the feed id into feed, with the journal's marks
 * applied. A feed never saved gives an empty feed. A damaged file is moved
 * aside (noted in notes) and gives an empty feed too.
 */
int store_load_feed(struct store *st, const char *id,
    struct store_feed *feed, struct strbuf *notes, struct strbuf *err);

/*
 * Save feed's headers and bodies (bodies may be NULL to keep the file
 * there is) and update the index with its counts. Returns 0, or -1 with
 * the reason in err, and then the old files are as they were.
 */
int store_save_feed(struct store *st, const struct store_feed *feed,
    const struct store_bodies *bodies, struct strbuf *err);

/*
 * In a batch, store_save_feed() but later: the save takes feed and bodies
 * (they are left empty; the caller releases them as ever) and the main
 * thread goes on, while writer threads (one a processor, up to four)
 * write, read back and rename the files. Returns 0 once the save is
 * queued, or -1 with err when it cannot begin (nothing is then saved).
 * The index has the feed's counts once the files are in place; a save
 * that fails leaves the old files, and its feed's URL and the reason for
 * store_take_failure(). Reading a feed, marking one of its items or
 * saving it again waits for its save. Outside a batch, store_save_feed().
 */
int store_save_feed_later(struct store *st, struct store_feed *feed,
    struct store_bodies *bodies, struct strbuf *err);

/* Wait for every save store_save_feed_later() queued. */
void store_wait_saves(struct store *st);

/*
 * Take the oldest save of store_save_feed_later() that failed: 1 with
 * its feed's URL in *url (the caller's to free) and why added to why;
 * 0 when there is none. Call store_wait_saves() first to have them all.
 */
int store_take_failure(struct store *st, char **url, struct strbuf *why);

/* Whether the feed id has both its files on disk, headers and bodies. */
int store_has_files(struct store *st, const char *id);

/*
 * Between these two, store_save_feed() writes the feed's files but
 * leaves the index (in memory) and the journal's save marker for
 * store_end_batch(), which saves the index once and clears the markers:
 * a refresh of a thousand feeds writes the index once, not a thousand
 * times. A crash in between leaves the markers, and the next start
 * recounts those feeds from their files. store_end_batch() waits for the
 * saves store_save_feed_later() queued; it returns 0, or -1 with err.
 */
void store_begin_batch(struct store *st);
int store_end_batch(struct store *st, struct strbuf *err);

/* Read the bodies of the feed id. */
int store_load_bodies(struct store *st, const char *id,
    struct store_bodies *bodies, struct strbuf *notes, struct strbuf *err);

/*
 * Set the flags of item key of feed id, on disk (in the journal) before
 * it returns, and in the index's counts. Returns 0, or -1 with err.
 */
int store_mark(struct store *st, const char *id, const char *key,
    unsigned old_flags, unsigned flags, struct strbuf *err);

/* Save the index now (it is saved with every feed and at close). */
int store_save_index(struct store *st, struct strbuf *err);

/* Free what item holds. */
void store_item_release(struct store_item *item);

/* Free what feed, bodies hold; they are then empty. */
void store_feed_release(struct store_feed *feed);
void store_bodies_release(struct store_bodies *bodies);

/* Append an empty item (dates unknown) to feed and return it. */
struct store_item *store_feed_add_item(struct store_feed *feed);

/* Append an empty body to bodies and return it. */
struct store_body *store_bodies_add(struct store_bodies *bodies);

/* The item of feed, the body of bodies, whose key is key; or NULL. */
struct store_item *store_feed_find(const struct store_feed *feed,
    const char *key);
struct store_body *store_bodies_find(const struct store_bodies *bodies,
    const char *key);

/* Write doc to out in the store's XML form; 0, or -1 with err. */
int store_write_feed(const struct feed_doc *doc, FILE *out,
    struct strbuf *err);

#endif
