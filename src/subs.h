/* SPDX-License-Identifier: ISC */
/*
 * The subscription list, kept in the urls file in newsboat's format: one
 * feed a line, its URL first, then its tags; a tag "~Title" names the
 * feed, a tag "!" hides it from the feed list; a token holding spaces is
 * written in double quotes; lines starting with '#' are comments.
 */
#ifndef TIDINGS_SUBS_H
#define TIDINGS_SUBS_H

#include <stddef.h>

#include "util/strbuf.h"

struct sub {
	char	 *url;
	char	 *title;	/* from "~Title", or NULL */
	char	**tags;
	size_t	  ntags;
	int	  hidden;	/* the "!" tag */
	int	  line;		/* where it stands in the urls file */
};

struct subs {
	struct sub	*v;
	size_t		 n;
	size_t		 alloc;
};

#define SUBS_INIT { NULL, 0, 0 }

/* Free what subs holds; it is then empty. */
void subs_release(struct subs *subs);

/*
 * Add the subscriptions in the text of a urls file. A line that cannot be
 * read is skipped, and its number and reason appended to warn, one line
 * each. Duplicated URLs are kept once.
 */
void subs_parse(struct subs *subs, const char *text, size_t len,
    struct strbuf *warn);

/* Read the urls file at path; 0, or -1 with the reason in err. */
int subs_load(struct subs *subs, const char *path, struct strbuf *warn,
    struct strbuf *err);

/* The name to show for sub: its title, else its URL. */
const char *sub_name(const struct sub *sub);

/*
 * Write a new urls file at path that subscribes to the demo feeds listed in
 * demo_dir/urls (whose URLs are file names inside demo_dir). Returns 0, or
 * -1 with the reason in err.
 */
int subs_write_demo(const char *path, const char *demo_dir,
    struct strbuf *err);

#endif
