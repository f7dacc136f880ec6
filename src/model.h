/* SPDX-License-Identifier: ISC */
/*
 * The model: the subscriptions and the store together, and what happens
 * to them. A refresh fetches every feed (in parallel), parses what came,
 * merges it into the stored items by the identity rules of DESIGN.md, and
 * saves; a feed that fails keeps its items and records the error. Marks
 * (read, flagged, deleted) are on disk before model_set_flags() returns.
 *
 * What a fetch ends in is kept with the feed in the store's index
 * (struct store_feed_info): 304, nothing to do; 200, parsed and merged;
 * any failure (an HTTP error, a timeout, TLS, a page that is not a feed)
 * keeps the old items, records the error and makes the feed wait before
 * it is fetched again: 10 minutes after one failure, twice as long after
 * each more, at most a day, or longer when a 429 or 503 said so in
 * Retry-After; 410 marks the feed gone, and it is not fetched again; a
 * permanent redirect (301, 308) is noted as moved-to, the urls file left
 * as it is. A refresh of every feed skips those that wait or are gone; a
 * refresh the user asks for by a feed's URL always fetches it. Feeds of
 * the user's own files (file://) never wait.
 *
 * Feed discovery: when a subscription's URL gives a web page rather than
 * a feed, and the page names feeds in <link rel="alternate">, the first
 * of them is fetched in the same refresh and its items merged into the
 * subscription; the store notes it as the feed's moved-to, discovered,
 * and later refreshes fetch it directly (asking the page again if it
 * fails). The urls file is left as it is.
 *
 * Full texts: the article at an item's link, downloaded on the same
 * fetcher as the refresh (model_wait() drives both), found by the
 * extract module, and kept in the bodies tier apart from the feed's own
 * content (struct store_body's full_text): a second request uses the
 * stored text. A subscription tagged "fulltext" in the urls file gets
 * the full text of its new items with every refresh, at most
 * MODEL_FULLTEXT_PARALLEL downloads at once; the refresh ends when they
 * have.
 */
#ifndef TIDINGS_MODEL_H
#define TIDINGS_MODEL_H

#include <poll.h>
#include <stddef.h>
#include <stdint.h>

#include "feeddoc.h"
#include "fetch.h"
#include "store.h"
#include "subs.h"
#include "util/strbuf.h"

struct model_options {
	unsigned		max_articles;	/* a feed, 0: no limit */
	unsigned		keep_days;	/* 0: forever */
	int			parallel;	/* transfers at once */
	struct fetch_limits	limits;
	const char		*user_agent;	/* NULL: tidings/VERSION */
};

#define MODEL_OPTIONS_DEFAULT { 0, 0, 16, FETCH_LIMITS_DEFAULT, NULL }

/* How long a feed waits after the first failure, and at most (seconds). */
#define MODEL_BACKOFF_MIN	(10 * 60)
#define MODEL_BACKOFF_MAX	(24 * 60 * 60)

/* What a refresh did, for its summary and a status line. */
struct refresh_stats {
	unsigned	total;		/* feeds fetched or read */
	unsigned	done;		/* of those, finished */
	unsigned	added;		/* new articles */
	unsigned	failed;		/* feeds that failed */
	unsigned	waiting;	/* skipped: waiting after failures */
	unsigned	gone;		/* skipped: gone */
	unsigned	moved;		/* through a permanent redirect */
	unsigned	fulltext;	/* full texts of new articles stored */
};

/* What a merge changed. */
struct merge_stats {
	unsigned	added;
	unsigned	updated;
	unsigned	dropped;
};

struct model;

/* The urls-file tag of feeds whose new articles get their full text. */
#define MODEL_FULLTEXT_TAG	"fulltext"

/* Full-text downloads at once; the most a refresh starts for one feed. */
#define MODEL_FULLTEXT_PARALLEL	4
#define MODEL_FULLTEXT_AUTO	50

/* What the model tells its subscriber. */
enum model_event {
	MODEL_FEED_UPDATED,	/* a feed's fetch ended, or a full text was
				   stored; url says which feed */
	MODEL_REFRESH_DONE,	/* the refresh ended; url is NULL */
	MODEL_FULL_TEXT_DONE,	/* a full text asked for with
				   model_fetch_full_start() ended, stored or
				   not (model_full_text_error()); url is
				   its feed */
};

typedef void model_event_cb(enum model_event ev, const char *url,
    void *arg);

/*
 * Open the store in datadir and read the subscriptions in urls. Problems
 * that were mended go to notes. Returns 0, or -1 with the reason in err.
 */
int model_open(struct model **out, const char *datadir, const char *urls,
    const struct model_options *opt, int read_only, struct strbuf *notes,
    struct strbuf *err);

/* Save what is not saved yet and close. */
void model_close(struct model *m);

/* The store under the model. */
struct store *model_store(struct model *m);

/*
 * Refresh every subscribed feed that is due and wait for all of them.
 * The refresh's report (model_refresh_report()) is appended to report.
 * Returns the number of feeds that failed.
 */
unsigned model_refresh_all(struct model *m, struct strbuf *report);

/* The number of subscriptions, and the i-th one, in the urls file's order. */
size_t model_nfeeds(const struct model *m);
const struct sub *model_sub(const struct model *m, size_t i);

/* What the store knows of the i-th subscription, or NULL if nothing yet. */
const struct store_feed_info *model_info(const struct model *m, size_t i);

/*
 * Read the headers of the i-th subscription's items, with their marks.
 * Returns 0, or -1 with err (and then an empty feed).
 */
int model_load_feed(struct model *m, size_t i, struct store_feed *feed,
    struct strbuf *err);

/* Read the bodies of the i-th subscription's items; 0, or -1 with err. */
int model_load_bodies(struct model *m, size_t i,
    struct store_bodies *bodies, struct strbuf *err);

/*
 * Subscribe to url with its tags: a line appended to the urls file and
 * the feed fetched at once (a web page is searched for the feed it
 * names). Returns 0, or -1 with the reason in err.
 */
int model_add_feed(struct model *m, const char *url, char *const *tags,
    size_t ntags, struct strbuf *err);

/* Have cb called with arg for every event (one subscriber). */
void model_subscribe(struct model *m, model_event_cb *cb, void *arg);

/*
 * Start refreshing the feed at url, or every feed when url is NULL; a
 * feed already in the running refresh is not queued twice. Every feed
 * skips those that wait after failures or are gone (counted in the
 * stats); a feed asked for by its url is always fetched. The work is
 * done in model_wait().
 */
void model_refresh_start(struct model *m, const char *url);

/* The figures of the running refresh, or of the last one. */
void model_refresh_stats(const struct model *m, struct refresh_stats *out);

/*
 * How long a feed waits after failures failed fetches in a row:
 * MODEL_BACKOFF_MIN doubled for each failure after the first, at most
 * MODEL_BACKOFF_MAX; 0 for none.
 */
int64_t model_backoff(unsigned failures);

/* Whether a refresh of every feed fetches the i-th subscription at now. */
int model_due(const struct model *m, size_t i, int64_t now);

/*
 * Append to out, in words, what is wrong with the i-th subscription at
 * now (for the interface): its last error, when it is tried again or
 * that it is gone, and where it moved; nothing when all is well.
 */
void model_describe(const struct model *m, size_t i, int64_t now,
    struct strbuf *out);

/* Whether a refresh is running. */
int model_refreshing(const struct model *m);

/* How many feeds of the running refresh are done, of how many. */
void model_refresh_progress(const struct model *m, unsigned *done,
    unsigned *total);

/*
 * The report of the running or last refresh: a line "URL: what" for each
 * feed that failed, moved or is gone (as model_describe() puts it), then
 * one summary line, "N feeds refreshed: N new articles, N failed", with
 * "; N skipped: N waiting after failures, N gone" when feeds were
 * skipped. Text from servers is in it: sanitise it before it is shown.
 */
const char *model_refresh_report(const struct model *m);

/*
 * Wait at most timeout_ms for the network or one of the nextra
 * descriptors of extra, then take what the refresh finished (events go
 * to the subscriber). Returns what poll() would for extra.
 */
int model_wait(struct model *m, struct pollfd *extra, unsigned int nextra,
    int timeout_ms);

/* Unread articles over all subscribed feeds. */
unsigned model_unread(const struct model *m);

/*
 * Merge the parsed doc into feed and its bodies, as fetched at now:
 * items are matched by guid, else link, else title and date; an item whose
 * guid changed but whose link and title match keeps its marks; duplicates
 * within doc count once; old read items go by opt's retention, never
 * unread, flagged or still-published ones.
 */
void model_merge(struct store_feed *feed, struct store_bodies *bodies,
    const struct feed_doc *doc, int64_t now,
    const struct model_options *opt, struct merge_stats *stats);

/* Set the flags of item key of feed id, on disk before this returns. */
int model_set_flags(struct model *m, const char *id, const char *key,
    unsigned old_flags, unsigned flags, struct strbuf *err);

/*
 * Start downloading the full text of item item_key of the
 * feed_index-th subscription (from its link), whether a refresh runs or
 * not; the work is done in model_wait(), which emits MODEL_FEED_UPDATED
 * when the text is stored and MODEL_FULL_TEXT_DONE when it ends either
 * way. Returns 0 when it is queued (or already was), 1 when the store
 * has the full text already (nothing to do, no event), or -1 when it
 * cannot be fetched (no such item, no link), with the reason given by
 * model_full_text_error().
 */
int model_fetch_full_start(struct model *m, size_t feed_index,
    const char *item_key);

/*
 * Why the last full text asked for failed, as one translated line (text
 * from a server in it is sanitised), or NULL when it was stored (or none
 * was asked for yet).
 */
const char *model_full_text_error(const struct model *m);

/* The item key of the last full text asked for that ended, or NULL. */
const char *model_full_text_item(const struct model *m);

/*
 * Whether anything downloads: a refresh, or full texts. While full texts
 * do, model_wait() waits 500 ms at most, whatever its timeout.
 */
int model_busy(const struct model *m);

#endif
