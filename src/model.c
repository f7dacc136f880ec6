/* SPDX-License-Identifier: ISC */
/*
 * The model: subscriptions, the store, and refreshing them.
 */
#include "config.h"

#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "parse.h"
#include "subs.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static void refresh_end(struct model *m);

/* A refresh under way: a fetcher, the file:// feeds still to read. */
struct refresh {
	struct fetcher	*fetcher;
	const char	**queued;	/* every URL of this refresh */
	size_t		 nqueued;
	const char	**files;	/* the file:// ones, read in turn */
	size_t		 nfiles;
	size_t		 next_file;
	unsigned	 total;		/* feeds in this refresh */
	unsigned	 done;
	unsigned	 failed;
	unsigned	 added;
};

struct model {
	struct store		*store;
	struct subs		 subs;
	struct model_options	 opt;
	struct refresh		 refresh;
	struct strbuf		 report;	/* of the current refresh */
	unsigned		 last_failed;	/* by the last refresh */
	model_event_cb		*cb;
	void			*cb_arg;
};

int
model_open(struct model **out, const char *datadir, const char *urls,
    const struct model_options *opt, int read_only, struct strbuf *notes,
    struct strbuf *err)
{
	struct model *m = xcalloc(1, sizeof(*m));

	m->opt = *opt;
	strbuf_init(&m->report, 0);
	*out = NULL;
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
	strbuf_release(&m->report);
	store_close(m->store);
	subs_release(&m->subs);
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

static void
notify(struct model *m, enum model_event ev, const char *url)
{
	if (m->cb != NULL)
		m->cb(ev, url, m->cb_arg);
}

/* A feed of the refresh ended, well or not. */
static void
feed_done(struct model *m, const char *url)
{
	m->refresh.done++;
	notify(m, MODEL_FEED_UPDATED, url);
}

static void
report_failure(struct model *m, const char *url, const char *why)
{
	store_set_fetched(m->store, url, (int64_t)time(NULL), why);
	strbuf_addf(&m->report, "%s: %s\n", url, why);
	m->refresh.failed++;
}

/* Merge the feed doc that came from url and save it. */
static void
save_doc(struct model *m, const char *url, const struct feed_doc *doc,
    const struct fetch_result *res)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct store_feed feed;
	struct store_bodies bodies = { NULL, 0, 0 };
	struct merge_stats stats;
	char *id = store_feed_id(url);
	int64_t now = (int64_t)time(NULL);

	if (store_load_feed(m->store, id, &feed, &notes, &err) == -1 ||
	    store_load_bodies(m->store, id, &bodies, &notes, &err) == -1) {
		report_failure(m, url, err.buf);
		goto out;
	}
	if (feed.url == NULL)
		feed.url = xstrdup(url);
	model_merge(&feed, &bodies, doc, now, &m->opt, &stats);
	if (res != NULL) {
		free(feed.etag);
		free(feed.last_modified);
		feed.etag = res->etag ? xstrdup(res->etag) : NULL;
		feed.last_modified = res->last_modified ?
		    xstrdup(res->last_modified) : NULL;
	}
	if (store_save_feed(m->store, &feed, &bodies, &err) == -1) {
		report_failure(m, url, err.buf);
		goto out;
	}
	store_set_fetched(m->store, url, now, NULL);
	m->refresh.added += stats.added;
out:
	store_feed_release(&feed);
	store_bodies_release(&bodies);
	strbuf_release(&notes);
	strbuf_release(&err);
	free(id);
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
	if (doc == NULL)
		report_failure(m, url, err.buf);	/* the old items stay */
	else
		save_doc(m, url, doc, res);
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
		report_failure(m, url, err.buf);
	else
		take_bytes(m, url, data.buf, data.len, NULL);
	strbuf_release(&data);
	strbuf_release(&err);
	feed_done(m, url);
}

static void
take_result(struct model *m, struct fetch_result *res)
{
	const char *url = res->arg;

	if (res->status == FETCH_OK)
		take_bytes(m, url, res->body.buf, res->body.len, res);
	else if (res->status == FETCH_NOT_MODIFIED)
		store_set_fetched(m->store, url, (int64_t)time(NULL), NULL);
	else
		report_failure(m, url, res->error.buf);
	feed_done(m, url);
}

/* Queue the fetch of url, with the validators of its last fetch. */
static void
queue_fetch(struct model *m, const char *url)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct fetch_request req = { url, NULL, NULL, (void *)url };
	struct store_feed feed;
	char *id = store_feed_id(url);

	if (store_load_feed(m->store, id, &feed, &notes, &err) == 0 &&
	    feed.nitems > 0) {
		req.etag = feed.etag;
		req.last_modified = feed.last_modified;
	}
	fetcher_add(m->refresh.fetcher, &req);
	store_feed_release(&feed);
	strbuf_release(&notes);
	strbuf_release(&err);
	free(id);
}

int
model_refreshing(const struct model *m)
{
	return m->refresh.fetcher != NULL;
}

static void
refresh_end(struct model *m)
{
	struct refresh *r = &m->refresh;

	fetcher_free(r->fetcher);
	free(r->files);
	free(r->queued);
	memset(r, 0, sizeof(*r));
}

/* Queue the subscription at url unless this refresh has it already. */
static void
refresh_add(struct model *m, const char *url)
{
	struct refresh *r = &m->refresh;
	size_t i;

	for (i = 0; i < r->nqueued; i++)
		if (strcmp(r->queued[i], url) == 0)
			return;
	r->queued = xreallocarray(r->queued, r->nqueued + 1,
	    sizeof(*r->queued));
	r->queued[r->nqueued++] = url;
	if (strncmp(url, "file://", 7) == 0) {
		r->files = xreallocarray(r->files, r->nfiles + 1,
		    sizeof(*r->files));
		r->files[r->nfiles++] = url;
	} else {
		queue_fetch(m, url);
	}
	r->total++;
}

void
model_refresh_start(struct model *m, const char *url)
{
	size_t i;

	if (!model_refreshing(m)) {
		strbuf_reset(&m->report);
		m->refresh.fetcher = fetcher_new(&m->opt.limits, NULL,
		    m->opt.parallel);
	}
	for (i = 0; i < m->subs.n; i++)
		if (url == NULL || strcmp(url, m->subs.v[i].url) == 0)
			refresh_add(m, m->subs.v[i].url);
}

void
model_refresh_progress(const struct model *m, unsigned *done,
    unsigned *total)
{
	*done = m->refresh.done;
	*total = m->refresh.total;
}

const char *
model_refresh_report(const struct model *m)
{
	return m->report.buf;
}

/* The refresh has nothing left: write the summary and tell. */
static void
refresh_finish(struct model *m)
{
	struct refresh *r = &m->refresh;

	strbuf_addf(&m->report, ngettext("%u feed refreshed: %u new "
	    "articles, %u failed\n", "%u feeds refreshed: %u new articles, "
	    "%u failed\n", r->total), r->total, r->added, r->failed);
	m->last_failed = r->failed;
	refresh_end(m);
	notify(m, MODEL_REFRESH_DONE, NULL);
}

int
model_wait(struct model *m, struct pollfd *extra, unsigned int nextra,
    int timeout_ms)
{
	struct refresh *r = &m->refresh;
	struct fetch_result res;
	int n;

	if (!model_refreshing(m))
		return poll(extra, nextra, timeout_ms);
	if (r->next_file < r->nfiles) {
		/* One local file a turn, so that keys keep answering. */
		refresh_file(m, r->files[r->next_file++]);
		timeout_ms = 0;
	}
	n = fetcher_wait(r->fetcher, extra, nextra, timeout_ms);
	while (fetcher_next_result(r->fetcher, &res)) {
		take_result(m, &res);
		fetch_result_release(&res);
	}
	if (r->next_file == r->nfiles && fetcher_pending(r->fetcher) == 0)
		refresh_finish(m);
	return n;
}

unsigned
model_refresh_all(struct model *m, struct strbuf *report)
{
	model_refresh_start(m, NULL);
	while (model_refreshing(m))
		model_wait(m, NULL, 0, 1000);
	strbuf_add(report, m->report.buf, m->report.len);
	return m->last_failed;
}
