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
#include <time.h>

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

/* Whether a URL may be subscribed to from an import or a command. */
enum subs_verdict {
	SUBS_OK,		/* an http, https or file URL */
	SUBS_COMMAND,		/* exec:, filter:, "|" or a filter command */
	SUBS_QUERY,		/* a newsboat query feed, "query:" */
	SUBS_NOT_URL,		/* another scheme, or no URL at all */
	SUBS_NOT_FEED,		/* an OPML outline of a type other than rss */
	SUBS_LOCAL,		/* a file:// URL in OPML: only the user's own
				   urls file may name a local file */
};

/* What an import could not take, and why. */
struct subs_refusal {
	char			*what;	/* the URL as given, cleaned */
	enum subs_verdict	 why;
};

/*
 * What an import read: the feeds it may add, in order (some may be
 * subscribed already, or listed twice), and the entries it refused.
 */
struct subs_import {
	struct subs		 found;
	struct subs_refusal	*refused;
	size_t			 nrefused;
};

#define SUBS_IMPORT_INIT { SUBS_INIT, NULL, 0 }

/* Free what imp holds; it is then empty. */
void subs_import_release(struct subs_import *imp);

/*
 * Add sub to imp, taking what it holds: to imp->found when
 * subs_check_url() accepts its URL, else to imp->refused. Its tags are
 * tidied on the way: empty ones and repeats go, a leading '~' goes (it
 * would make a title), and a tag "!" hides the feed; a title that is
 * empty or only repeats the URL goes too.
 */
void subs_import_add(struct subs_import *imp, struct sub *sub);

/* Add a copy of what to imp->refused, for why. */
void subs_import_refuse(struct subs_import *imp, const char *what,
    enum subs_verdict why);

/*
 * The verdict on url: SUBS_OK for http://, https:// and file:// URLs
 * without blanks; never SUBS_NOT_FEED.
 */
enum subs_verdict subs_check_url(const char *url);

/* Why verdict keeps a URL out, in a few translated words. */
const char *subs_verdict_text(enum subs_verdict verdict);

/*
 * Take the subscriptions of a newsboat urls file (its text, len bytes)
 * into imp: those subs_check_url() accepts go to imp->found with their
 * tags, title and "!", the others to imp->refused. Lines that cannot be
 * read are reported in warn, as subs_parse() does.
 */
void subs_import_urls(struct subs_import *imp, const char *text,
    size_t len, struct strbuf *warn);

/*
 * Read an OPML document (len bytes; name is the file, for messages) into
 * imp. Every outline with an xmlUrl is a feed: its title or text names
 * it, the titles of the outlines around it and its OPML 2.0 categories
 * are its tags (a tag "!" hides it), and a URL that is not SUBS_OK is
 * refused, as is an outline with a filter command or a type other than
 * rss or atom. The document is parsed without the network and without
 * expanding entities from a DTD. Returns 0, or -1 with the reason in err
 * when it is not well-formed XML or not OPML; imp is then unchanged.
 */
int subs_opml_read(struct subs_import *imp, const char *data, size_t len,
    const char *name, struct strbuf *err);

/*
 * Append subs to out as an OPML 2.0 document, dated created: an outline
 * for each feed subs_check_url() accepts, with its title, its URL and its
 * tags as categories, "!" among them for a hidden feed.
 */
void subs_opml_write(const struct subs *subs, time_t created,
    struct strbuf *out);

/*
 * Append the feeds found by imp that the urls file at path does not
 * hold yet to it, in newsboat's format, keeping every byte it had; a
 * missing file is created, and nothing is written when there is nothing
 * to add. The file is replaced atomically. The numbers of feeds added,
 * and skipped as already subscribed or listed twice, go to *added and
 * *skipped. Returns 0, or -1 with the reason in err.
 */
int subs_import_write(const char *path, const struct subs_import *imp,
    size_t *added, size_t *skipped, struct strbuf *err);

/*
 * Append one subscription to the urls file at path (created when
 * missing), atomically: url, then the ntags tags, then title when not
 * NULL, quoted as needed. Refuses a URL that subs_check_url() does not
 * accept or that the file holds already. Returns 0, or -1 with the
 * reason in err.
 */
int subs_append(const char *path, const char *url, char *const *tags,
    size_t ntags, const char *title, struct strbuf *err);

#endif
