/* SPDX-License-Identifier: ISC */
/*
 * The model: subscriptions, the store, and refreshing them: what each
 * fetch ends in, kept with the feed, and how long a feed that failed
 * waits before it is fetched again; a page in place of a feed, and the
 * feed it names. The fetcher is the model's: made when a refresh or a
 * full text starts, freed when nothing downloads any more.
 */
#include "config.h"

#include "model.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "extract.h"
#include "model-private.h"
#include "parse.h"
#include "subs.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The longest wait of model_wait() while full texts download. */
#define FT_TURN_MS	500

/* The longest wait of model_wait() while feeds are being parsed. */
#define PARSE_TURN_MS	5

static void refresh_end(struct model *m);
static struct entry *entry_of(struct refresh *r, const char *url);

int
model_open(struct model **out, const char *datadir, const char *urls,
    const struct model_options *opt, int read_only, struct strbuf *notes,
    struct strbuf *err)
{
	struct model *m = xcalloc(1, sizeof(*m));

	m->opt = *opt;
	strbuf_init(&m->report, 0);
	strbuf_init(&m->ft.error, 0);
	*out = NULL;
	m->urls_path = xstrdup(urls);
	if (subs_load(&m->subs, urls, notes, err) == -1 ||
	    store_open(&m->store, datadir, read_only, notes, err) == -1) {
		model_close(m);
		return -1;
	}
	*out = m;
	return 0;
}

void
model_close(struct model *m)
{
	if (m == NULL)
		return;
	refresh_end(m);
	model_ft_release(m);
	fetcher_free(m->fetcher);
	strbuf_release(&m->report);
	store_close(m->store);
	subs_release(&m->subs);
	free(m->urls_path);
	free(m);
}

struct store *
model_store(struct model *m)
{
	return m->store;
}

unsigned
model_unread(const struct model *m)
{
	const struct store_feed_info *f;
	unsigned n = 0;
	size_t i;

	for (i = 0; i < m->subs.n; i++) {
		f = store_feed_by_url(m->store, m->subs.v[i].url);
		if (f != NULL)
			n += f->unread;
	}
	return n;
}

size_t
model_nfeeds(const struct model *m)
{
	return m->subs.n;
}

const struct sub *
model_sub(const struct model *m, size_t i)
{
	return &m->subs.v[i];
}

const struct store_feed_info *
model_info(const struct model *m, size_t i)
{
	return store_feed_by_url(m->store, m->subs.v[i].url);
}

int
model_load_feed(struct model *m, size_t i, struct store_feed *feed,
    struct strbuf *err)
{
	struct strbuf notes = STRBUF_INIT;
	char *id = store_feed_id(m->subs.v[i].url);
	int ret = store_load_feed(m->store, id, feed, &notes, err);

	free(id);
	strbuf_release(&notes);
	return ret;
}

int
model_load_bodies(struct model *m, size_t i, struct store_bodies *bodies,
    struct strbuf *err)
{
	struct strbuf notes = STRBUF_INIT;
	char *id = store_feed_id(m->subs.v[i].url);
	int ret = store_load_bodies(m->store, id, bodies, &notes, err);

	free(id);
	strbuf_release(&notes);
	return ret;
}

int
model_set_flags(struct model *m, const char *id, const char *key,
    unsigned old_flags, unsigned flags, struct strbuf *err)
{
	return store_mark(m->store, id, key, old_flags, flags, err);
}


void
model_subscribe(struct model *m, model_event_cb *cb, void *arg)
{
	m->cb = cb;
	m->cb_arg = arg;
}

void
model_notify(struct model *m, enum model_event ev, const char *url)
{
	if (m->cb != NULL)
		m->cb(ev, url, m->cb_arg);
}

struct fetcher *
model_fetcher(struct model *m)
{
	if (m->fetcher == NULL)
		m->fetcher = fetcher_new(&m->opt.limits, m->opt.user_agent,
		    m->opt.parallel);
	return m->fetcher;
}

const struct sub *
model_sub_by_url(const struct model *m, const char *url)
{
	size_t i;

	for (i = 0; i < m->subs.n; i++)
		if (strcmp(m->subs.v[i].url, url) == 0)
			return &m->subs.v[i];
	return NULL;
}

static int64_t
clock_now(void)
{
	return (int64_t)time(NULL);
}

static int
is_file(const char *url)
{
	return strncmp(url, "file://", 7) == 0;
}

int64_t
model_backoff(unsigned failures)
{
	int64_t wait = MODEL_BACKOFF_MIN;
	unsigned i;

	if (failures == 0)
		return 0;
	for (i = 1; i < failures && wait < MODEL_BACKOFF_MAX; i++)
		wait *= 2;
	return wait < MODEL_BACKOFF_MAX ? wait : MODEL_BACKOFF_MAX;
}

/* What a refresh of every feed does with the feed f at now. */
static enum entry_state
skip_state(const struct store_feed_info *f, int64_t now)
{
	if (f == NULL)
		return ENTRY_QUEUED;
	if (f->gone)
		return ENTRY_GONE;
	if (f->retry_after != DATE_UNKNOWN && now < f->retry_after)
		return ENTRY_WAITING;
	return ENTRY_QUEUED;
}

int
model_due(const struct model *m, size_t i, int64_t now)
{
	return skip_state(model_info(m, i), now) == ENTRY_QUEUED;
}

/* Start a part of a text: "; " after the parts out has past start. */
static void
add_part(struct strbuf *out, size_t start)
{
	if (out->len > start)
		strbuf_addstr(out, "; ");
}

/* The local time t, to the minute, in when (size bytes). */
static const char *
local_time(int64_t t, char *when, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(when, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(when, size, "?");
	return when;
}

/* Append to out, in words, what is wrong with the feed f at now. */
static void
describe(const struct store_feed_info *f, int64_t now, struct strbuf *out)
{
	size_t start = out->len;
	char when[64];

	if (f->error != NULL)
		strbuf_addstr(out, f->error);
	if (f->gone) {
		add_part(out, start);
		strbuf_addstr(out, f->error != NULL ?
		    _("not fetched any more") :
		    _("gone: not fetched any more"));
	} else if (f->retry_after != DATE_UNKNOWN && now < f->retry_after) {
		add_part(out, start);
		strbuf_addf(out, _("next try after %s"),
		    local_time(f->retry_after, when, sizeof(when)));
	}
	if (f->moved_to != NULL && f->discovered) {
		add_part(out, start);
		strbuf_addf(out, _("a web page: read from the feed it names, "
		    "%s"), f->moved_to);
	} else if (f->moved_to != NULL) {
		add_part(out, start);
		strbuf_addf(out, _("moved to %s"), f->moved_to);
	}
}

void
model_describe(const struct model *m, size_t i, int64_t now,
    struct strbuf *out)
{
	const struct store_feed_info *f = model_info(m, i);

	if (f != NULL)
		describe(f, now, out);
}

/* Add a line "URL: what is wrong" to the report, if anything is. */
static void
report_feed(struct model *m, const char *url)
{
	const struct store_feed_info *f = store_feed_by_url(m->store, url);
	struct strbuf text = STRBUF_INIT;

	if (f != NULL)
		describe(f, clock_now(), &text);
	if (text.len > 0)
		strbuf_addf(&m->report, "%s: %s\n", url, text.buf);
	strbuf_release(&text);
}

/* A feed of the refresh ended, well or not. */
static void
feed_done(struct model *m, const char *url)
{
	report_feed(m, url);
	m->refresh.stats.done++;
	model_notify(m, MODEL_FEED_UPDATED, url);
}

/* The feed at url was fetched (and merged, or not modified). */
static void
fetch_ok(struct model *m, const char *url)
{
	store_set_fetched(m->store, url, clock_now(), NULL);
	store_set_backoff(m->store, url, 0, DATE_UNKNOWN, 0);
}

/*
 * The fetch of url failed for why: the old items stay, and the feed waits
 * its backoff, or retry_after_s seconds when the server asked for longer;
 * or, when gone, is not fetched any more. A file of the user's never
 * waits.
 */
static void
fetch_failed(struct model *m, const char *url, const char *why,
    long retry_after_s, int gone)
{
	const struct store_feed_info *f = store_feed_by_url(m->store, url);
	unsigned failures = f != NULL ? f->failures : 0;
	int64_t now = clock_now(), wait;

	if (failures < UINT_MAX)
		failures++;
	wait = model_backoff(failures);
	if (wait < retry_after_s)
		wait = retry_after_s;
	store_set_fetched(m->store, url, now, why);
	store_set_backoff(m->store, url, failures, gone || is_file(url) ?
	    DATE_UNKNOWN : now + wait, gone);
	m->refresh.stats.failed++;
}

/* What came for url could not be stored: no fault of the server's. */
static void
store_failed(struct model *m, const char *url, const char *why)
{
	store_set_fetched(m->store, url, clock_now(), why);
	m->refresh.stats.failed++;
}

/* Compare two strings through pointers to them, for qsort and bsearch. */
static int
key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The keys of feed's items, sorted (the strings are feed's). */
static char **
item_keys(const struct store_feed *feed)
{
	char **keys = xcalloc(feed->nitems + 1, sizeof(*keys));
	size_t i;

	for (i = 0; i < feed->nitems; i++)
		keys[i] = feed->items[i].key;
	qsort(keys, feed->nitems, sizeof(*keys), key_cmp);
	return keys;
}

/* Whether the subscription at url has the tag "fulltext". */
static int
wants_full_text(const struct model *m, const char *url)
{
	const struct sub *sub = model_sub_by_url(m, url);
	size_t i;

	for (i = 0; sub != NULL && i < sub->ntags; i++)
		if (strcmp(sub->tags[i], MODEL_FULLTEXT_TAG) == 0)
			return 1;
	return 0;
}

/*
 * Merge the feed doc that came from url and save it; 0, or -1 with err.
 * A feed tagged "fulltext" has the full texts of its new items queued.
 */
static int
save_doc(struct model *m, const char *url, const struct feed_doc *doc,
    const struct fetch_result *res, struct strbuf *err)
{
	struct strbuf notes = STRBUF_INIT;
	struct store_feed feed;
	struct store_bodies bodies = { NULL, 0, 0 };
	struct merge_stats stats;
	struct entry *e;
	char *id = store_feed_id(url), **old = NULL, **old_keys = NULL;
	size_t nold = 0, i;
	int rc = -1;

	if (store_load_feed(m->store, id, &feed, &notes, err) == -1 ||
	    store_load_bodies(m->store, id, &bodies, &notes, err) == -1)
		goto out;
	if (feed.url == NULL)
		feed.url = xstrdup(url);
	if (wants_full_text(m, url)) {
		nold = feed.nitems;
		old = item_keys(&feed);
		old_keys = xcalloc(nold + 1, sizeof(*old_keys));
		for (i = 0; i < nold; i++)	/* merging frees some */
			old_keys[i] = xstrdup(old[i]);
	}
	model_merge(&feed, &bodies, doc, clock_now(), &m->opt, &stats);
	if (res != NULL) {
		free(feed.etag);
		free(feed.last_modified);
		feed.etag = res->etag ? xstrdup(res->etag) : NULL;
		feed.last_modified = res->last_modified ?
		    xstrdup(res->last_modified) : NULL;
	}
	/* first, since the feed goes to the store's writer: the full texts
	 * of items whose save fails find no item to go with, and are let go */
	if (old_keys != NULL && stats.added > 0)
		model_ft_queue_new(m, url, &feed, old_keys, nold);
	if (store_save_feed_later(m->store, &feed, &bodies, err) == -1)
		goto out;
	m->refresh.stats.added += stats.added;
	if ((e = entry_of(&m->refresh, url)) != NULL)
		e->added = stats.added;	/* taken back if the save fails */
	rc = 0;
out:
	for (i = 0; i < nold; i++)
		free(old_keys[i]);
	free(old_keys);
	free(old);
	store_feed_release(&feed);
	store_bodies_release(&bodies);
	strbuf_release(&notes);
	free(id);
	return rc;
}

/*
 * Merge the parsed doc (NULL when the bytes were not a feed, why says
 * why), or record why not; a document that is not a feed never replaces
 * the stored items.
 */
static void
take_doc(struct model *m, const char *url, const struct feed_doc *doc,
    const char *why, const struct fetch_result *res)
{
	struct strbuf err = STRBUF_INIT;

	if (doc == NULL)
		fetch_failed(m, url, why, 0, 0);
	else if (save_doc(m, url, doc, res, &err) == -1)
		store_failed(m, url, err.buf);
	else
		fetch_ok(m, url);
	strbuf_release(&err);
}

/* Parse the bytes of a feed and merge them, or record why not. */
static void
take_bytes(struct model *m, const char *url, const char *data,
    size_t len, const struct fetch_result *res)
{
	struct strbuf err = STRBUF_INIT;
	struct feed_doc *doc;

	doc = parse_feed(data, len, res != NULL && res->final_url != NULL ?
	    res->final_url : url, res != NULL ? res->charset : NULL, &err);
	take_doc(m, url, doc, err.buf, res);
	feeddoc_free(doc);
	strbuf_release(&err);
}

/* A feed of the user's own file:// subscription: read it directly. */
static void
refresh_file(struct model *m, const char *url)
{
	struct strbuf data, err = STRBUF_INIT;

	strbuf_init_capped(&data, m->opt.limits.max_bytes);
	if (file_read(url + 7, &data, &err) == -1)
		fetch_failed(m, url, err.buf, 0, 0);
	else
		take_bytes(m, url, data.buf, data.len, NULL);
	strbuf_release(&data);
	strbuf_release(&err);
	feed_done(m, url);
}

/* Where a permanent redirect (301, 308) took the fetch of url, or NULL. */
static const char *
moved_to(const char *url, const struct fetch_result *res)
{
	return res->moved_to != NULL && strcmp(res->moved_to, url) != 0 ?
	    res->moved_to : NULL;
}

/* Whether the feed at url has both its files. */
static int
has_files(const struct model *m, const char *url)
{
	char *id = store_feed_id(url);
	int has = store_has_files(m->store, id);

	free(id);
	return has;
}

/*
 * Queue the fetch of the idx-th feed of the refresh (or of the feed its
 * page names), conditional on the validators of its last fetch when the
 * store has its items.
 */
static void
queue_fetch(struct model *m, size_t idx, int conditional)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct entry *e = &m->refresh.entries[idx];
	struct fetch_request req = {
		e->fetch_url != NULL ? e->fetch_url : e->url, NULL, NULL,
		(void *)((uintptr_t)idx << 1)
	};
	struct store_feed feed;
	char *id = store_feed_id(e->url);

	if (store_load_feed(m->store, id, &feed, &notes, &err) == 0 &&
	    feed.nitems > 0 && conditional) {
		req.etag = feed.etag;
		req.last_modified = feed.last_modified;
	}
	fetcher_add(model_fetcher(m), &req);
	m->refresh.inflight++;
	store_feed_release(&feed);
	strbuf_release(&notes);
	strbuf_release(&err);
	free(id);
}

/*
 * The body of res, which is not a feed, may be a page that names one:
 * when it does (a feed other than the one fetched), fetch that instead,
 * note it in the store, and return 1.
 */
static int
discover(struct model *m, size_t idx, const struct fetch_result *res)
{
	struct entry *e = &m->refresh.entries[idx];
	const char *fetched = e->fetch_url != NULL ? e->fetch_url : e->url;
	char **urls;
	size_t n, i;
	int found = 0;

	if (e->discovered || extract_feed_links(res->body.buf, res->body.len,
	    res->final_url != NULL ? res->final_url : fetched, &urls,
	    &n) == -1)
		return 0;
	for (i = 0; i < n && !found; i++) {
		if (strcmp(urls[i], fetched) == 0 ||
		    strcmp(urls[i], e->url) == 0)
			continue;
		free(e->fetch_url);
		e->fetch_url = xstrdup(urls[i]);
		found = 1;
	}
	extract_feed_links_free(urls, n);
	if (!found)
		return 0;
	e->discovered = 1;
	e->rediscover = 0;
	store_set_discovered(m->store, e->url, e->fetch_url);
	queue_fetch(m, idx, 0);
	return 1;
}

/*
 * The feed a page named, as the store had it, failed: forget it and ask
 * the page again (once); returns 1 when that was queued.
 */
static int
ask_page_again(struct model *m, size_t idx)
{
	struct entry *e = &m->refresh.entries[idx];

	if (!e->rediscover)
		return 0;
	e->rediscover = 0;
	free(e->fetch_url);
	e->fetch_url = NULL;
	store_set_discovered(m->store, e->url, NULL);
	queue_fetch(m, idx, 0);
	return 1;
}

void
model_take_parsed(struct model *m, size_t idx,
    const struct fetch_result *res, const struct feed_doc *doc,
    const char *why)
{
	struct entry *e = &m->refresh.entries[idx];

	if (doc == NULL && (ask_page_again(m, idx) || discover(m, idx, res)))
		return;		/* the page's feed is fetched next */
	take_doc(m, e->url, doc, why, res);
	feed_done(m, e->url);
}

/*
 * A 200 for the idx-th feed, parsed by a parser thread, or here when
 * there is none: then merged when it is a feed, or, when it is a page
 * that names one, that is fetched next.
 */
static void
take_ok(struct model *m, size_t idx, struct fetch_result *res)
{
	struct entry *e = &m->refresh.entries[idx];
	const char *base = res->final_url != NULL ? res->final_url :
	    e->fetch_url != NULL ? e->fetch_url : e->url;
	struct strbuf err = STRBUF_INIT;
	struct feed_doc *doc;

	if (model_parse_later(m, idx, res, base) == 0)
		return;
	doc = parse_feed(res->body.buf, res->body.len, base, res->charset,
	    &err);
	model_take_parsed(m, idx, res, doc, err.buf);
	feeddoc_free(doc);
	strbuf_release(&err);
}

/*
 * A finished fetch. A 304 for a feed whose files are gone (a damaged
 * bodies file moved aside) is fetched again once, without validators.
 */
static void
take_result(struct model *m, struct fetch_result *res)
{
	size_t idx = (size_t)((uintptr_t)res->arg >> 1);
	struct entry *e = &m->refresh.entries[idx];
	const char *moved = moved_to(e->url, res);

	m->refresh.inflight--;
	if (res->status == FETCH_NOT_MODIFIED && !e->refetched &&
	    !has_files(m, e->url)) {
		e->refetched = 1;
		queue_fetch(m, idx, 0);
		return;
	}
	if (res->status != FETCH_OK && res->status != FETCH_NOT_MODIFIED &&
	    ask_page_again(m, idx))
		return;
	/* a server answered: it says; a page's feed keeps its note */
	if (res->http_code != 0 && e->fetch_url == NULL)
		store_set_moved(m->store, e->url, moved);
	m->refresh.stats.moved += moved != NULL;
	if (res->status == FETCH_OK) {
		take_ok(m, idx, res);
		return;
	} else if (res->status == FETCH_NOT_MODIFIED)
		fetch_ok(m, e->url);
	else
		fetch_failed(m, e->url, res->error.buf, res->retry_after_s,
		    res->status == FETCH_GONE);
	feed_done(m, e->url);
}

int
model_refreshing(const struct model *m)
{
	return m->refresh.running;
}

int
model_busy(const struct model *m)
{
	return m->refresh.running || model_ft_busy(m);
}

static void
refresh_end(struct model *m)
{
	struct refresh *r = &m->refresh;
	size_t i;

	model_parse_stop(m);
	for (i = 0; i < r->nentries; i++)
		free(r->entries[i].fetch_url);
	free(r->files);
	free(r->entries);
	memset(r, 0, sizeof(*r));
}

static struct entry *
entry_of(struct refresh *r, const char *url)
{
	size_t i;

	for (i = 0; i < r->nentries; i++)
		if (strcmp(r->entries[i].url, url) == 0)
			return &r->entries[i];
	return NULL;
}

/* Count a skipped feed of state in stats (sign 1), or take it back. */
static void
count_skip(struct refresh_stats *stats, enum entry_state state, int sign)
{
	if (state == ENTRY_WAITING)
		stats->waiting += (unsigned)sign;
	else if (state == ENTRY_GONE)
		stats->gone += (unsigned)sign;
}

/*
 * Fetch the idx-th feed of the refresh, or read it from its file; a feed
 * that its page named is fetched directly.
 */
static void
start_entry(struct model *m, size_t idx)
{
	struct refresh *r = &m->refresh;
	struct entry *e = &r->entries[idx];
	const struct store_feed_info *f = store_feed_by_url(m->store, e->url);

	if (is_file(e->url)) {
		r->files = xreallocarray(r->files, r->nfiles + 1,
		    sizeof(*r->files));
		r->files[r->nfiles++] = idx;
	} else {
		if (f != NULL && f->discovered && f->moved_to != NULL &&
		    e->fetch_url == NULL) {
			e->fetch_url = xstrdup(f->moved_to);
			e->rediscover = 1;
		}
		queue_fetch(m, idx, 1);
	}
	r->stats.total++;
}

/*
 * Add the subscription at url to the refresh, unless it has it already;
 * it is skipped when it waits or is gone, unless force. A forced feed
 * that was skipped is fetched after all.
 */
static void
refresh_add(struct model *m, const char *url, int force)
{
	struct refresh *r = &m->refresh;
	struct entry *e = entry_of(r, url);
	enum entry_state state = force ? ENTRY_QUEUED :
	    skip_state(store_feed_by_url(m->store, url), clock_now());

	if (e != NULL && (e->state == ENTRY_QUEUED || state != ENTRY_QUEUED))
		return;
	if (e != NULL) {
		count_skip(&r->stats, e->state, -1);
	} else {
		r->entries = xreallocarray(r->entries, r->nentries + 1,
		    sizeof(*r->entries));
		e = &r->entries[r->nentries++];
		memset(e, 0, sizeof(*e));
		e->url = url;
	}
	e->state = state;
	if (state == ENTRY_QUEUED)
		start_entry(m, (size_t)(e - r->entries));
	else
		count_skip(&r->stats, state, 1);
}

void
model_refresh_start(struct model *m, const char *url)
{
	size_t i;

	if (!model_refreshing(m)) {
		strbuf_reset(&m->report);
		m->refresh.running = 1;
		store_begin_batch(m->store);
		model_fetcher(m);
	}
	for (i = 0; i < m->subs.n; i++)
		if (url == NULL || strcmp(url, m->subs.v[i].url) == 0)
			refresh_add(m, m->subs.v[i].url, url != NULL);
}

void
model_refresh_progress(const struct model *m, unsigned *done,
    unsigned *total)
{
	*done = m->refresh.stats.done;
	*total = m->refresh.stats.total;
}

void
model_refresh_stats(const struct model *m, struct refresh_stats *out)
{
	*out = model_refreshing(m) ? m->refresh.stats : m->last;
}

const char *
model_refresh_report(const struct model *m)
{
	return m->report.buf;
}

/*
 * Wait for the feeds still being saved; those whose files could not be
 * written failed after all, and their new articles are not.
 */
static void
take_save_failures(struct model *m)
{
	struct strbuf why = STRBUF_INIT;
	struct entry *e;
	char *url;

	store_wait_saves(m->store);
	while (store_take_failure(m->store, &url, &why)) {
		if ((e = entry_of(&m->refresh, url)) != NULL) {
			m->refresh.stats.added -= e->added;
			e->added = 0;
		}
		store_failed(m, url, why.buf);
		report_feed(m, url);
		model_notify(m, MODEL_FEED_UPDATED, url);
		strbuf_reset(&why);
		free(url);
	}
	strbuf_release(&why);
}

/* The refresh has nothing left: write the summary and tell. */
static void
refresh_finish(struct model *m)
{
	struct refresh *r = &m->refresh;
	const struct refresh_stats *s = &r->stats;
	struct strbuf err = STRBUF_INIT;
	size_t i;

	take_save_failures(m);
	for (i = 0; i < r->nentries; i++)
		if (r->entries[i].state == ENTRY_GONE)
			report_feed(m, r->entries[i].url);
	if (store_end_batch(m->store, &err) == -1) {
		strbuf_addf(&m->report, "%s\n", err.buf);
		r->stats.failed++;	/* the marks wait for the next start */
	}
	strbuf_release(&err);
	strbuf_addf(&m->report, ngettext("%u feed refreshed: %u new "
	    "articles, %u failed", "%u feeds refreshed: %u new articles, "
	    "%u failed", s->total), s->total, s->added, s->failed);
	if (s->waiting + s->gone > 0)
		strbuf_addf(&m->report, ngettext("; %u skipped: %u waiting "
		    "after failures, %u gone", "; %u skipped: %u waiting after "
		    "failures, %u gone", s->waiting + s->gone),
		    s->waiting + s->gone, s->waiting, s->gone);
	strbuf_addch(&m->report, '\n');
	m->last = *s;
	refresh_end(m);
	model_notify(m, MODEL_REFRESH_DONE, NULL);
}

/* Take what the fetcher finished: feeds of the refresh, full texts. */
static void
take_results(struct model *m)
{
	struct fetch_result res;
	uintptr_t arg;

	while (fetcher_next_result(m->fetcher, &res)) {
		arg = (uintptr_t)res.arg;
		if (arg & FT_ARG_BIT)
			model_ft_take(m, (struct ft_job *)(arg & ~FT_ARG_BIT),
			    &res);
		else
			take_result(m, &res);
		fetch_result_release(&res);
	}
}

int
model_wait(struct model *m, struct pollfd *extra, unsigned int nextra,
    int timeout_ms)
{
	struct refresh *r = &m->refresh;
	int n;

	if (!model_busy(m))
		return poll(extra, nextra, timeout_ms);
	if (r->running && r->next_file < r->nfiles) {
		/* One local file a turn, so that keys keep answering. */
		refresh_file(m, r->entries[r->files[r->next_file++]].url);
		timeout_ms = 0;
	}
	/* full texts end in this turn or a next one, soon */
	if (model_ft_busy(m) && (timeout_ms < 0 || timeout_ms > FT_TURN_MS))
		timeout_ms = FT_TURN_MS;
	model_ft_start(m);
	/* the parsers' feeds are taken at this pace, or with the answers */
	if (r->parsing > 0 && (timeout_ms < 0 || timeout_ms > PARSE_TURN_MS))
		timeout_ms = PARSE_TURN_MS;
	n = fetcher_wait(model_fetcher(m), extra, nextra, timeout_ms);
	take_results(m);
	model_parse_take(m, r->inflight == 0 && r->next_file == r->nfiles);
	model_ft_start(m);
	if (r->running && r->next_file == r->nfiles && r->inflight == 0 &&
	    r->jobs == 0 && r->parsing == 0)
		refresh_finish(m);
	if (!model_busy(m)) {
		fetcher_free(m->fetcher);
		m->fetcher = NULL;
	}
	return n;
}

unsigned
model_refresh_all(struct model *m, struct strbuf *report)
{
	model_refresh_start(m, NULL);
	while (model_refreshing(m))
		model_wait(m, NULL, 0, 1000);
	strbuf_add(report, m->report.buf, m->report.len);
	return m->last.failed;
}

int
model_add_feed(struct model *m, const char *url, char *const *tags,
    size_t ntags, struct strbuf *err)
{
	struct sub *sub;
	size_t i;

	if (model_sub_by_url(m, url) != NULL) {
		strbuf_addf(err, _("already subscribed to %s"), url);
		return -1;
	}
	if (subs_append(m->urls_path, url, tags, ntags, NULL, err) == -1)
		return -1;
	/* the strings of the other subscriptions stay where they are */
	m->subs.v = xreallocarray(m->subs.v, m->subs.n + 1,
	    sizeof(*m->subs.v));
	sub = &m->subs.v[m->subs.n++];
	memset(sub, 0, sizeof(*sub));
	sub->url = xstrdup(url);
	sub->tags = xreallocarray(NULL, ntags + 1, sizeof(*sub->tags));
	for (i = 0; i < ntags; i++)
		sub->tags[i] = xstrdup(tags[i]);
	sub->ntags = ntags;
	m->subs.alloc = m->subs.n;
	model_refresh_start(m, url);
	return 0;
}
