/* SPDX-License-Identifier: ISC */
/*
 * What the files of the store share: the open store, and the XML side
 * (store-xml.c, the one place that knows mxml).
 */
#ifndef TIDINGS_STORE_PRIVATE_H
#define TIDINGS_STORE_PRIVATE_H

#include "store.h"
#include "util/hash.h"
#include "util/workq.h"

/* One mark of the journal not yet folded into its feed's file. */
struct store_mark {
	char		id[HASH_HEX_SIZE];
	char		*key;
	unsigned	 flags;
};

/*
 * The index's feeds by URL: open addressing over indices into the feeds
 * array (plus one; 0 is a free slot). Feeds are only ever appended, so it
 * is brought up to date when looked in; it is rebuilt when it fills.
 */
struct url_index {
	size_t	*slots;
	size_t	 cap;		/* a power of two, or 0 */
	size_t	 hashed;	/* feeds[0 .. hashed - 1] are in it */
};

struct store {
	char			*dir;
	int			 read_only;
	int			 lock_fd;
	int			 journal_fd;
	struct store_feed_info	*feeds;
	size_t			 nfeeds;
	size_t			 alloc;
	struct url_index	*by_url;	/* never NULL once open */
	int			 index_dirty;
	int			 batch;		/* store_begin_batch() */
	size_t			 batch_saved;	/* feeds saved in it */
	struct store_mark	*marks;
	size_t			 nmarks;
	size_t			 marks_alloc;
	struct workq		*writer;	/* a batch's writers, or NULL */
	struct save_failure	*failures;	/* of the writer's jobs */
	size_t			 nfailures;
};

enum xml_kind { XML_INDEX, XML_FEED, XML_BODIES };

/*
 * The journal's line that says a save of a feed began: where it starts
 * (-1 once taken back, or when unknown) and ends, and whether the journal
 * had one for the feed before it.
 */
struct save_line {
	off_t	 start;
	off_t	 end;
	int	 had_marker;
};

/* A feed's saved files that could not be: its URL and why. */
struct save_failure {
	char		*url;
	char		*why;
	char		 id[HASH_HEX_SIZE];
	struct save_line line;	/* start -1: nothing to take back */
};

/*
 * The save of a feed's two files, and what the index learns from it once
 * they are in place. Made by the main thread; in a batch, written by a
 * writer thread, which touches nothing else.
 */
struct save_job {
	struct work	 work;		/* first: key is id */
	char		 id[HASH_HEX_SIZE];
	char		*url;
	char		*feed_path;
	char		*bodies_path;
	const struct store_feed *feed;	/* what the files are to hold */
	const struct store_bodies *bodies; /* NULL: the bodies stay */
	struct store_feed own_feed;	/* in a batch, they are the job's */
	struct store_bodies own_bodies;
	unsigned	 flags;		/* for file_replace_flags() */
	int		 rc;		/* 0; -2, in place but a folder not
					   flushed; -1, nothing replaced */
	struct strbuf	 err;
	char		*title;		/* for the index, or NULL */
	unsigned	 total, unread, flagged;
	struct save_line line;		/* the journal's, of the save */
};

/*
 * Write the job's files, bodies first, each read back before it replaces
 * the old; when the headers cannot follow, the old bodies go back. Sets
 * job->rc and job->err.
 */
void store_write_files(struct save_job *job);

/*
 * Save the tier kind of store data (the store for the index, a store_feed,
 * a store_bodies) to path atomically, reading the new file back before it
 * replaces the old one. Returns 0, or -1 with the reason in err (-2: in
 * place, but its folder not flushed). A writer thread may call it.
 */
int xml_save(const char *path, enum xml_kind kind, const void *data,
    unsigned flags, struct strbuf *err);

/*
 * Set mxml up for the calling thread (xml_save() and xml_load() do);
 * the main thread calls it before the writers start, so that mxml's
 * state for threads is made before there are any.
 */
void mxml_setup(void);

/*
 * Read the file at path, of tier kind, into data (the store for the index,
 * a store_feed, a store_bodies). Returns 0; 1 when there is no such file;
 * -1 when it cannot be opened, -2 when it is damaged or of a version this
 * tidings does not know, with the reason in err.
 */
int xml_load(const char *path, enum xml_kind kind, void *data,
    struct strbuf *err);

/* Add a feed to the index of st and return it. */
struct store_feed_info *store_index_add(struct store *st);

#endif
