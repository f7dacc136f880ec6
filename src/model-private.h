/* SPDX-License-Identifier: ISC */
/*
 * What the files of the model share: the model itself, its refresh, and
 * the full-text downloads (model-fulltext.c), which run on the same
 * fetcher as the refresh and end in the same model_wait().
 */
#ifndef TIDINGS_MODEL_PRIVATE_H
#define TIDINGS_MODEL_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "fetch.h"
#include "model.h"
#include "store.h"
#include "subs.h"
#include "util/strbuf.h"
#include "util/workq.h"

/* What becomes of a subscription in a refresh. */
enum entry_state {
	ENTRY_QUEUED,		/* fetched, or read from its file */
	ENTRY_WAITING,		/* skipped: it waits after failures */
	ENTRY_GONE,		/* skipped: it is gone */
};

/* A subscription in a refresh. */
struct entry {
	const char		*url;	/* the subscription's */
	enum entry_state	 state;
	int			 refetched;	/* after a 304 without files */
	char			*fetch_url;	/* the feed a page named,
						   fetched instead of url;
						   or NULL */
	int			 discovered;	/* fetch_url was found on
						   the page in this refresh */
	int			 rediscover;	/* fetch_url came from the
						   store: on failure, ask
						   the page */
	unsigned		 added;		/* new items, being saved */
};

/* A refresh under way: the feeds, the file:// ones still to read. */
struct refresh {
	int			 running;
	struct entry		*entries;	/* every feed of this refresh */
	size_t			 nentries;
	size_t			*files;		/* the file:// ones, in turn */
	size_t			 nfiles;
	size_t			 next_file;
	size_t			 inflight;	/* its transfers not taken */
	size_t			 jobs;		/* its full texts not done */
	struct workq		*parsers;	/* or NULL */
	size_t			 parsing;	/* its feeds with them */
	struct refresh_stats	 stats;
};

/* A full text to download: the article at an item's link. */
struct ft_job {
	struct ft_job		*next;
	char			*feed_url;	/* the subscription's */
	char			*key;		/* the item's */
	char			*link;
	int			 asked;		/* by the user */
	int			 in_refresh;	/* counted in the refresh's
						   jobs */
	char			*html;		/* the text, until stored */
};

/* The full-text downloads: waiting, and in the fetcher. */
struct fulltext {
	struct ft_job		*queued;	/* asked ones first */
	struct ft_job		*running;
	size_t			 nrunning;
	struct ft_job		*done;		/* a refresh's texts, to store
						   when their feed's are in */
	struct strbuf		 error;		/* of the last asked one */
	char			*last_key;	/* the item of the last
						   asked one */
};

struct model {
	struct store		*store;
	struct subs		 subs;
	char			*urls_path;	/* where subs came from */
	struct model_options	 opt;
	struct fetcher		*fetcher;	/* while anything downloads */
	struct refresh		 refresh;
	struct fulltext		 ft;
	struct strbuf		 report;	/* of the current refresh */
	struct refresh_stats	 last;		/* of the last refresh */
	model_event_cb		*cb;
	void			*cb_arg;
};

/* The fetch arg of a full-text job: its address, odd. */
#define FT_ARG_BIT	((uintptr_t)1)

/* Tell the subscriber. */
void model_notify(struct model *m, enum model_event ev, const char *url);

/* The model's fetcher, made when there is none. */
struct fetcher *model_fetcher(struct model *m);

/* The subscription at url, or NULL. */
const struct sub *model_sub_by_url(const struct model *m, const char *url);

/* Start the queued full-text jobs the limit allows. */
void model_ft_start(struct model *m);

/* A finished full-text download: extract, store, tell. */
void model_ft_take(struct model *m, struct ft_job *job,
    struct fetch_result *res);

/* Whether full-text jobs are queued or running. */
int model_ft_busy(const struct model *m);

/*
 * Queue the full texts of the items of feed (of the subscription at url)
 * whose keys are not among the nold sorted old_keys: the new ones of a
 * refresh, at most MODEL_FULLTEXT_AUTO of them.
 */
void model_ft_queue_new(struct model *m, const char *url,
    const struct store_feed *feed, char **old_keys, size_t nold);

/* Drop every job and what the full texts hold. */
void model_ft_release(struct model *m);

/*
 * Parse the feed of res, a 200 for the refresh's idx-th entry, in a
 * parser thread; base is where it came from. The parse takes res (it is
 * left empty). Returns 0, or -1 when there is no parser: parse it then.
 */
int model_parse_later(struct model *m, size_t idx, struct fetch_result *res,
    const char *base);

/* Hand the parsed feeds to model_take_parsed(); with wait, all of them. */
void model_parse_take(struct model *m, int wait);

/* Drop what the parsers have not handed over, and end them. */
void model_parse_stop(struct model *m);

/*
 * The parsed feed of res for the idx-th entry (doc NULL: not a feed, why
 * says why): merged and saved, or the page's feed fetched instead.
 */
void model_take_parsed(struct model *m, size_t idx,
    const struct fetch_result *res, const struct feed_doc *doc,
    const char *why);

#endif
