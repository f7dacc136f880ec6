/* SPDX-License-Identifier: ISC */
/*
 * The refresh's parsers: a feed that came whole (a 200) is parsed by a
 * thread while the main thread takes the next answers and saves the feeds
 * parsed before; the main thread merges each parsed feed in turn, as it
 * did one it parsed itself (model_take_parsed()).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model-private.h"
#include "parse.h"
#include "util/xmalloc.h"

struct parse_job {
	struct work		 work;		/* first */
	size_t			 idx;		/* the refresh's entry */
	struct fetch_result	 res;		/* the fetcher's, moved */
	char			*base;		/* where the feed came from */
	struct feed_doc		*doc;		/* NULL: not a feed */
	struct strbuf		 why;		/* then why */
};

/* A parser thread's work. */
static void
run_parse(struct work *w)
{
	struct parse_job *job = (struct parse_job *)w;

	job->doc = parse_feed(job->res.body.buf, job->res.body.len,
	    job->base, job->res.charset, &job->why);
}

static void
parse_job_free(struct parse_job *job)
{
	fetch_result_release(&job->res);
	feeddoc_free(job->doc);
	strbuf_release(&job->why);
	free(job->base);
	free(job);
}

int
model_parse_later(struct model *m, size_t idx, struct fetch_result *res,
    const char *base)
{
	struct refresh *r = &m->refresh;
	struct parse_job *job;

	if (r->parsers == NULL && workq_threads() > 0) {
		parse_init();		/* here, in the main thread */
		r->parsers = workq_start(workq_threads());
	}
	if (r->parsers == NULL)
		return -1;
	job = xcalloc(1, sizeof(*job));
	job->work.run = run_parse;
	job->idx = idx;
	job->res = *res;
	memset(res, 0, sizeof(*res));
	job->base = xstrdup(base);
	strbuf_init(&job->why, 0);
	r->parsing++;
	model_parse_take(m, 0);		/* room for it, if they are done */
	workq_put(r->parsers, &job->work);
	return 0;
}

void
model_parse_take(struct model *m, int wait)
{
	struct refresh *r = &m->refresh;
	struct parse_job *job;

	while (r->parsers != NULL && (job = (struct parse_job *)
	    workq_done(r->parsers, wait)) != NULL) {
		r->parsing--;
		model_take_parsed(m, job->idx, &job->res, job->doc,
		    job->why.buf);
		parse_job_free(job);
	}
}

void
model_parse_stop(struct model *m)
{
	struct refresh *r = &m->refresh;
	struct work *w;

	if (r->parsers == NULL)
		return;
	while ((w = workq_done(r->parsers, 1)) != NULL)
		parse_job_free((struct parse_job *)w);
	workq_stop(r->parsers);
	r->parsers = NULL;
	r->parsing = 0;
}
