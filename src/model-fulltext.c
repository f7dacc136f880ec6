/* SPDX-License-Identifier: ISC */
/*
 * Full texts: the article at an item's link, downloaded on the model's
 * fetcher, found by the extract module and stored with the item's body,
 * apart from what the feed sent. The user asks for one (the reader's F);
 * a refresh asks for those of the new items of a feed tagged "fulltext".
 * At most MODEL_FULLTEXT_PARALLEL run at once; the user's go first.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "model-private.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

static void flush_feed(struct model *m, const char *url);

static void
job_free(struct ft_job *job)
{
	if (job == NULL)
		return;
	free(job->feed_url);
	free(job->key);
	free(job->link);
	free(job->html);
	free(job);
}

static void
free_list(struct ft_job *job)
{
	struct ft_job *next;

	for (; job != NULL; job = next) {
		next = job->next;
		job_free(job);
	}
}

void
model_ft_release(struct model *m)
{
	while (m->ft.done != NULL)
		flush_feed(m, m->ft.done->feed_url);
	free_list(m->ft.queued);
	free_list(m->ft.running);
	strbuf_release(&m->ft.error);
	free(m->ft.last_key);
	memset(&m->ft, 0, sizeof(m->ft));
}

int
model_ft_busy(const struct model *m)
{
	return m->ft.queued != NULL || m->ft.running != NULL;
}

/* The job of list for the item key of the feed at url, or NULL. */
static struct ft_job *
find_job(struct ft_job *list, const char *url, const char *key)
{
	for (; list != NULL; list = list->next)
		if (strcmp(list->feed_url, url) == 0 &&
		    strcmp(list->key, key) == 0)
			return list;
	return NULL;
}

/* Take job out of the list at *head. */
static void
unlink_job(struct ft_job **head, struct ft_job *job)
{
	for (; *head != NULL; head = &(*head)->next)
		if (*head == job) {
			*head = job->next;
			job->next = NULL;
			return;
		}
}

/* Queue job: one the user asked for after the others asked, else last. */
static void
enqueue(struct model *m, struct ft_job *job)
{
	struct ft_job **p = &m->ft.queued;

	while (*p != NULL && (!job->asked || (*p)->asked))
		p = &(*p)->next;
	job->next = *p;
	*p = job;
}

static struct ft_job *
new_job(const char *url, const char *key, const char *link, int asked)
{
	struct ft_job *job = xcalloc(1, sizeof(*job));

	job->feed_url = xstrdup(url);
	job->key = xstrdup(key);
	job->link = xstrdup(link);
	job->asked = asked;
	job->in_refresh = !asked;
	return job;
}

void
model_ft_start(struct model *m)
{
	struct ft_job *job;
	struct fetch_request req;

	while (m->ft.queued != NULL &&
	    m->ft.nrunning < MODEL_FULLTEXT_PARALLEL) {
		job = m->ft.queued;
		m->ft.queued = job->next;
		job->next = m->ft.running;
		m->ft.running = job;
		m->ft.nrunning++;
		memset(&req, 0, sizeof(req));
		req.url = job->link;
		req.arg = (void *)((uintptr_t)job | FT_ARG_BIT);
		fetcher_add(model_fetcher(m), &req);
	}
}

/*
 * Store the full texts of the jobs of list that are of the feed at url,
 * in one save: the number stored (an item no longer stored is passed
 * over), or -1 with err.
 */
static int
store_texts(struct model *m, const char *url, struct ft_job *list,
    struct strbuf *err)
{
	struct strbuf notes = STRBUF_INIT;
	struct store_feed feed;
	struct store_bodies bodies = { NULL, 0, 0 };
	struct store_body *body;
	struct ft_job *j;
	char *id = store_feed_id(url);
	int n = 0, rc = -1;

	if (store_load_feed(m->store, id, &feed, &notes, err) == -1 ||
	    store_load_bodies(m->store, id, &bodies, &notes, err) == -1)
		goto out;
	for (j = list; j != NULL; j = j->next) {
		if (strcmp(j->feed_url, url) != 0 || j->html == NULL ||
		    store_feed_find(&feed, j->key) == NULL)
			continue;
		body = store_bodies_find(&bodies, j->key);
		if (body == NULL) {
			body = store_bodies_add(&bodies);
			body->key = xstrdup(j->key);
		}
		free(body->full_text);
		body->full_text = j->html;
		j->html = NULL;
		n++;
	}
	rc = n == 0 ? 0 : store_save_feed(m->store, &feed, &bodies, err) ==
	    -1 ? -1 : n;
out:
	store_feed_release(&feed);
	store_bodies_release(&bodies);
	strbuf_release(&notes);
	free(id);
	return rc;
}

/* The article in the page res brought into job->html; 0, or -1 with err. */
static int
take_page(struct ft_job *job, const struct fetch_result *res,
    struct strbuf *err)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;

	if (res->status != FETCH_OK) {
		strbuf_add(err, res->error.buf, res->error.len);
		if (err->len == 0)
			strbuf_addstr(err, fetch_status_name(res->status));
		return -1;
	}
	if (!extract_type_ok(res->content_type)) {
		strbuf_addf(err, _("not a web page but %s"),
		    res->content_type);
		return -1;
	}
	if (extract_article(res->body.buf, res->body.len,
	    res->final_url != NULL ? res->final_url : job->link,
	    res->charset, 0, &a, err) == -1)
		return -1;
	job->html = a.html;
	a.html = NULL;
	extract_article_release(&a);
	return 0;
}

/* Whether a job of the feed at url is queued or running. */
static int
feed_busy(const struct model *m, const char *url)
{
	const struct ft_job *j;

	for (j = m->ft.queued; j != NULL; j = j->next)
		if (strcmp(j->feed_url, url) == 0)
			return 1;
	for (j = m->ft.running; j != NULL; j = j->next)
		if (strcmp(j->feed_url, url) == 0)
			return 1;
	return 0;
}

/* Store the texts the refresh got for the feed at url, in one save. */
static void
flush_feed(struct model *m, const char *url)
{
	struct strbuf err = STRBUF_INIT;
	struct ft_job *mine = NULL, **p = &m->ft.done, *j;
	char *feed_url = xstrdup(url);
	int n;

	while (*p != NULL) {
		j = *p;
		if (strcmp(j->feed_url, feed_url) != 0) {
			p = &j->next;
			continue;
		}
		*p = j->next;
		j->next = mine;
		mine = j;
	}
	if (mine == NULL) {
		free(feed_url);
		return;
	}
	n = store_texts(m, feed_url, mine, &err);
	if (n > 0 && m->refresh.running)
		m->refresh.stats.fulltext += (unsigned)n;
	if (n > 0)
		model_notify(m, MODEL_FEED_UPDATED, feed_url);
	free_list(mine);
	free(feed_url);
	strbuf_release(&err);
}

/* What the user's job ended in, for model_full_text_error(). */
static void
set_outcome(struct model *m, const struct ft_job *job, int rc,
    const struct strbuf *err)
{
	char *clean;

	strbuf_reset(&m->ft.error);
	free(m->ft.last_key);
	m->ft.last_key = xstrdup(job->key);
	if (rc == 0)
		return;
	clean = sanitize(err->len > 0 ? err->buf : _("unknown error"),
	    SANITIZE_LINE);
	strbuf_addf(&m->ft.error, _("cannot fetch the full text: %s"), clean);
	free(clean);
}

/* A job the user asked for: its text stored now, and the outcome told. */
static void
take_asked(struct model *m, struct ft_job *job, int rc, struct strbuf *err)
{
	if (rc == 0) {
		rc = store_texts(m, job->feed_url, job, err);
		if (rc == 0)
			strbuf_addstr(err, _("the article is no longer stored"));
		rc = rc > 0 ? 0 : -1;
	}
	if (rc == 0)
		model_notify(m, MODEL_FEED_UPDATED, job->feed_url);
	set_outcome(m, job, rc, err);
	model_notify(m, MODEL_FULL_TEXT_DONE, job->feed_url);
	job_free(job);
}

void
model_ft_take(struct model *m, struct ft_job *job, struct fetch_result *res)
{
	struct strbuf err = STRBUF_INIT;
	char *url;
	int rc;

	unlink_job(&m->ft.running, job);
	m->ft.nrunning--;
	rc = take_page(job, res, &err);
	if (job->in_refresh && m->refresh.jobs > 0)
		m->refresh.jobs--;
	/* the refresh's texts of a feed go to the store together */
	url = xstrdup(job->feed_url);
	if (job->asked)
		take_asked(m, job, rc, &err);
	else if (rc == 0) {
		job->next = m->ft.done;
		m->ft.done = job;
	} else
		job_free(job);
	if (!feed_busy(m, url))
		flush_feed(m, url);
	free(url);
	strbuf_release(&err);
}

/* Compare two strings through pointers to them, for bsearch(). */
static int
key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
model_ft_queue_new(struct model *m, const char *url,
    const struct store_feed *feed, char **old_keys, size_t nold)
{
	const struct store_item *it;
	size_t i, queued = 0;
	char *key;

	for (i = 0; i < feed->nitems && queued < MODEL_FULLTEXT_AUTO; i++) {
		it = &feed->items[i];
		key = it->key;
		if (it->link == NULL || bsearch(&key, old_keys, nold,
		    sizeof(*old_keys), key_cmp) != NULL ||
		    find_job(m->ft.queued, url, key) != NULL ||
		    find_job(m->ft.running, url, key) != NULL)
			continue;
		enqueue(m, new_job(url, key, it->link, 0));
		m->refresh.jobs++;
		queued++;
	}
}

/* Look up item_key of the feed at url: its link, and whether it has a
 * full text already. Returns 0, or -1 with m->ft.error set. */
static int
item_link(struct model *m, const char *url, const char *key, char **link,
    int *has_text)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct store_feed feed;
	struct store_bodies bodies = { NULL, 0, 0 };
	const struct store_item *it;
	const struct store_body *body;
	char *id = store_feed_id(url);
	int rc = -1;

	*link = NULL;
	*has_text = 0;
	if (store_load_feed(m->store, id, &feed, &notes, &err) == -1 ||
	    store_load_bodies(m->store, id, &bodies, &notes, &err) == -1)
		strbuf_add(&m->ft.error, err.buf, err.len);
	else if ((it = store_feed_find(&feed, key)) == NULL)
		strbuf_addstr(&m->ft.error, _("no such article"));
	else if (it->link == NULL)
		strbuf_addstr(&m->ft.error, _("the article has no link"));
	else {
		body = store_bodies_find(&bodies, key);
		*has_text = body != NULL && body->full_text != NULL;
		*link = xstrdup(it->link);
		rc = 0;
	}
	store_feed_release(&feed);
	store_bodies_release(&bodies);
	strbuf_release(&notes);
	strbuf_release(&err);
	free(id);
	return rc;
}

int
model_fetch_full_start(struct model *m, size_t feed_index,
    const char *item_key)
{
	const char *url;
	struct ft_job *job;
	char *link;
	int has_text;

	strbuf_reset(&m->ft.error);
	if (feed_index >= m->subs.n || item_key == NULL) {
		strbuf_addstr(&m->ft.error, _("no such article"));
		return -1;
	}
	url = m->subs.v[feed_index].url;
	if ((job = find_job(m->ft.running, url, item_key)) != NULL) {
		job->asked = 1;
		return 0;
	}
	if ((job = find_job(m->ft.queued, url, item_key)) != NULL) {
		unlink_job(&m->ft.queued, job);
		job->asked = 1;
		enqueue(m, job);
		return 0;
	}
	if (find_job(m->ft.done, url, item_key) != NULL)
		flush_feed(m, url);	/* a refresh has it: store it now */
	if (item_link(m, url, item_key, &link, &has_text) == -1)
		return -1;
	if (!has_text)
		enqueue(m, new_job(url, item_key, link, 1));
	free(link);
	if (has_text)
		return 1;
	model_ft_start(m);
	return 0;
}

const char *
model_full_text_error(const struct model *m)
{
	return m->ft.error.len > 0 ? m->ft.error.buf : NULL;
}

const char *
model_full_text_item(const struct model *m)
{
	return m->ft.last_key;
}
