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

struct model {
	struct store		*store;
	struct subs		 subs;
	struct model_options	 opt;
};

int
model_open(struct model **out, const char *datadir, const char *urls,
    const struct model_options *opt, int read_only, struct strbuf *notes,
    struct strbuf *err)
{
	struct model *m = xcalloc(1, sizeof(*m));

	m->opt = *opt;
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

int
model_set_flags(struct model *m, const char *id, const char *key,
    unsigned old_flags, unsigned flags, struct strbuf *err)
{
	return store_mark(m->store, id, key, old_flags, flags, err);
}

/* One feed of a refresh, from request to saved result. */
struct refresh {
	struct model	*m;
	struct strbuf	*report;
	unsigned	 failed;
	unsigned	 added;
};

static void
report_failure(struct refresh *r, const char *url, const char *why)
{
	store_set_fetched(r->m->store, url, (int64_t)time(NULL), why);
	strbuf_addf(r->report, "%s: %s\n", url, why);
	r->failed++;
}

/* Merge the feed doc that came from url and save it. */
static void
save_doc(struct refresh *r, const char *url, const struct feed_doc *doc,
    const struct fetch_result *res)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct store_feed feed;
	struct store_bodies bodies = { NULL, 0, 0 };
	struct merge_stats stats;
	char *id = store_feed_id(url);
	int64_t now = (int64_t)time(NULL);

	if (store_load_feed(r->m->store, id, &feed, &notes, &err) == -1 ||
	    store_load_bodies(r->m->store, id, &bodies, &notes, &err) == -1) {
		report_failure(r, url, err.buf);
		goto out;
	}
	if (feed.url == NULL)
		feed.url = xstrdup(url);
	model_merge(&feed, &bodies, doc, now, &r->m->opt, &stats);
	if (res != NULL) {
		free(feed.etag);
		free(feed.last_modified);
		feed.etag = res->etag ? xstrdup(res->etag) : NULL;
		feed.last_modified = res->last_modified ?
		    xstrdup(res->last_modified) : NULL;
	}
	if (store_save_feed(r->m->store, &feed, &bodies, &err) == -1) {
		report_failure(r, url, err.buf);
		goto out;
	}
	store_set_fetched(r->m->store, url, now, NULL);
	r->added += stats.added;
out:
	store_feed_release(&feed);
	store_bodies_release(&bodies);
	strbuf_release(&notes);
	strbuf_release(&err);
	free(id);
}

/* Parse the bytes of a feed and merge them, or record why not. */
static void
take_bytes(struct refresh *r, const char *url, const char *data,
    size_t len, const struct fetch_result *res)
{
	struct strbuf err = STRBUF_INIT;
	struct feed_doc *doc;

	doc = parse_feed(data, len, res != NULL && res->final_url != NULL ?
	    res->final_url : url, res != NULL ? res->charset : NULL, &err);
	if (doc == NULL)
		report_failure(r, url, err.buf);	/* the old items stay */
	else
		save_doc(r, url, doc, res);
	feeddoc_free(doc);
	strbuf_release(&err);
}

/* A feed of the user's own file:// subscription: read it directly. */
static void
refresh_file(struct refresh *r, const char *url)
{
	struct strbuf data, err = STRBUF_INIT;

	strbuf_init_capped(&data, r->m->opt.limits.max_bytes);
	if (file_read(url + 7, &data, &err) == -1)
		report_failure(r, url, err.buf);
	else
		take_bytes(r, url, data.buf, data.len, NULL);
	strbuf_release(&data);
	strbuf_release(&err);
}

static void
take_result(struct refresh *r, struct fetch_result *res)
{
	const char *url = res->arg;

	if (res->status == FETCH_OK)
		take_bytes(r, url, res->body.buf, res->body.len, res);
	else if (res->status == FETCH_NOT_MODIFIED)
		store_set_fetched(r->m->store, url, (int64_t)time(NULL), NULL);
	else
		report_failure(r, url, res->error.buf);
}

/* Queue the fetch of url, with the validators of its last fetch. */
static void
queue_fetch(struct refresh *r, struct fetcher *f, const char *url)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct fetch_request req = { url, NULL, NULL, (void *)url };
	struct store_feed feed;
	char *id = store_feed_id(url);

	if (store_load_feed(r->m->store, id, &feed, &notes, &err) == 0 &&
	    feed.nitems > 0) {
		req.etag = feed.etag;
		req.last_modified = feed.last_modified;
	}
	fetcher_add(f, &req);
	store_feed_release(&feed);
	strbuf_release(&notes);
	strbuf_release(&err);
	free(id);
}

unsigned
model_refresh_all(struct model *m, struct strbuf *report)
{
	struct refresh r = { m, report, 0, 0 };
	struct fetcher *f = fetcher_new(&m->opt.limits, NULL,
	    m->opt.parallel);
	struct fetch_result res;
	const char *url;
	size_t i;

	for (i = 0; i < m->subs.n; i++) {
		url = m->subs.v[i].url;
		if (strncmp(url, "file://", 7) == 0)
			refresh_file(&r, url);
		else
			queue_fetch(&r, f, url);
	}
	while (fetcher_pending(f) > 0) {
		fetcher_wait(f, NULL, 0, 1000);
		while (fetcher_next_result(f, &res)) {
			take_result(&r, &res);
			fetch_result_release(&res);
		}
	}
	fetcher_free(f);
	strbuf_addf(report, ngettext("%zu feed refreshed: %u new articles, "
	    "%u failed\n", "%zu feeds refreshed: %u new articles, %u failed\n",
	    m->subs.n), m->subs.n, r.added, r.failed);
	return r.failed;
}
