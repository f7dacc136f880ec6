/* SPDX-License-Identifier: ISC */
/*
 * What the files of the store share: the open store, and the XML side
 * (store-xml.c, the one place that knows mxml).
 */
#ifndef TIDINGS_STORE_PRIVATE_H
#define TIDINGS_STORE_PRIVATE_H

#include "store.h"
#include "util/hash.h"

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
};

enum xml_kind { XML_INDEX, XML_FEED, XML_BODIES };

/*
 * Save the tier kind of store data (the store for the index, a store_feed,
 * a store_bodies) to path atomically, reading the new file back before it
 * replaces the old one. Returns 0, or -1 with the reason in err.
 */
int xml_save(const char *path, enum xml_kind kind, const void *data,
    unsigned flags, struct strbuf *err);

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
