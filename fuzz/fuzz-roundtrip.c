/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the way a fetched feed reaches the disk: bytes are
 * parsed, merged into an empty stored feed, saved to a store in a
 * temporary folder, and loaded back, which must give exactly what was
 * saved: every header, flag, date, enclosure and body, in order. Merging
 * the same document again must add nothing, and what was loaded must be
 * well-formed UTF-8 free of controls (but for new lines and tabs in
 * bodies). The store's folder is made once per process and removed at
 * exit; each input replaces the one feed in it.
 */
#include "config.h"

#include "fuzz-check.h"

#include <ftw.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "feeddoc.h"
#include "model.h"
#include "parse.h"
#include "store.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define FUZZ_URL	"http://fuzz.invalid/feed"
#define FUZZ_NOW	INT64_C(1790000000)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* in memory when there is a tmpfs: a save flushes its files */
static char store_dir[64] = "/dev/shm/fuzz-roundtrip.XXXXXX";

/* a and b are the same string; NULL and "" are the same (not stored). */
static void
same(const char *what, const char *a, const char *b)
{
	if (a == NULL)
		a = "";
	if (b == NULL)
		b = "";
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "saved:  '%s'\nloaded: '%s'\n", a, b);
		fuzz_fail("the store changed", what);
	}
}

static void
same_date(const char *what, int64_t a, int64_t b)
{
	if (a != b) {
		fprintf(stderr, "saved %lld, loaded %lld\n", (long long)a,
		    (long long)b);
		fuzz_fail("the store changed a date", what);
	}
}

static void
compare_feeds(const struct store_feed *a, const struct store_feed *b)
{
	const struct store_item *x, *y;
	size_t i, j;

	same("feed url", a->url, b->url);
	same("feed title", a->title, b->title);
	same("feed link", a->link, b->link);
	fuzz_check_str("feed title", b->title, 0);
	fuzz_check_str("feed link", b->link, 0);
	if (a->nitems != b->nitems)
		fuzz_fail("the store changed the number of items", "nitems");
	for (i = 0; i < a->nitems; i++) {
		x = &a->items[i];
		y = &b->items[i];
		same("key", x->key, y->key);
		same("guid", x->guid, y->guid);
		same("title", x->title, y->title);
		same("link", x->link, y->link);
		same("author", x->author, y->author);
		fuzz_check_str("guid", y->guid, 0);
		fuzz_check_str("title", y->title, 0);
		fuzz_check_str("link", y->link, 0);
		fuzz_check_str("author", y->author, 0);
		same_date("published", x->published, y->published);
		same_date("updated", x->updated, y->updated);
		same_date("first seen", x->first_seen, y->first_seen);
		if (x->flags != y->flags)
			fuzz_fail("the store changed the flags", x->key);
		if (x->nenclosures != y->nenclosures)
			fuzz_fail("the store changed the enclosures", x->key);
		for (j = 0; j < x->nenclosures; j++) {
			same("enclosure url", x->enclosures[j].url,
			    y->enclosures[j].url);
			same("enclosure type", x->enclosures[j].type,
			    y->enclosures[j].type);
			same("enclosure length", x->enclosures[j].length,
			    y->enclosures[j].length);
			fuzz_check_str("enclosure url", y->enclosures[j].url, 0);
		}
	}
}

static void
compare_bodies(const struct store_bodies *a, const struct store_bodies *b)
{
	const struct store_body *x, *y;
	size_t i;

	if (a->n != b->n)
		fuzz_fail("the store changed the number of bodies", "n");
	for (i = 0; i < a->n; i++) {
		x = &a->v[i];
		y = &b->v[i];
		same("body key", x->key, y->key);
		same("summary", x->summary, y->summary);
		same("content", x->content, y->content);
		fuzz_check_str("summary", y->summary, 1);
		fuzz_check_str("content", y->content, 1);
		if (x->summary != NULL && x->summary[0] != '\0' &&
		    x->summary_type != y->summary_type)
			fuzz_fail("the store changed a summary's type", x->key);
		if (x->content != NULL && x->content[0] != '\0' &&
		    x->content_type != y->content_type)
			fuzz_fail("the store changed a content's type", x->key);
	}
}

static int
remove_one(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
remove_store(void)
{
	nftw(store_dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = getenv("FUZZ_TMPDIR");	/* run.sh removes it */

	(void)argc;
	(void)argv;
	setlocale(LC_CTYPE, "C.UTF-8");
	if (base != NULL && base[0] == '/')
		snprintf(store_dir, sizeof(store_dir), "%.40s/roundtrip.XXXXXX",
		    base);
	else if (access("/dev/shm", W_OK) == -1)
		snprintf(store_dir, sizeof(store_dir),
		    "/tmp/fuzz-roundtrip.XXXXXX");
	if (mkdtemp(store_dir) == NULL)
		fuzz_fail("mkdtemp", store_dir);
	atexit(remove_store);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model_options opt = MODEL_OPTIONS_DEFAULT;
	struct strbuf err = STRBUF_INIT, notes = STRBUF_INIT;
	struct store_feed feed, back;
	struct store_bodies bodies = { NULL, 0, 0 }, bback;
	struct merge_stats stats;
	struct feed_doc *doc;
	struct store *st;

	doc = parse_feed((const char *)data, size, FUZZ_URL, NULL, &err);
	if (doc == NULL) {
		strbuf_release(&err);
		return 0;
	}
	memset(&feed, 0, sizeof(feed));
	feed.url = xstrdup(FUZZ_URL);
	feed.id = store_feed_id(FUZZ_URL);
	model_merge(&feed, &bodies, doc, FUZZ_NOW, &opt, &stats);
	if (stats.added != feed.nitems)
		fuzz_fail("a merge into nothing did not add every item", "added");
	/* the same document again is nothing new */
	model_merge(&feed, &bodies, doc, FUZZ_NOW + 60, &opt, &stats);
	if (stats.added != 0)
		fuzz_fail("merging the same document twice added items", "added");

	if (store_open(&st, store_dir, 0, &notes, &err) == -1)
		fuzz_fail("store_open", err.buf);
	if (store_save_feed(st, &feed, &bodies, &err) == -1)
		fuzz_fail("store_save_feed", err.buf);
	if (store_load_feed(st, feed.id, &back, &notes, &err) == -1)
		fuzz_fail("store_load_feed", err.buf);
	if (store_load_bodies(st, feed.id, &bback, &notes, &err) == -1)
		fuzz_fail("store_load_bodies", err.buf);
	if (notes.len > 0)
		fuzz_fail("notes on loading what was just saved", notes.buf);
	compare_feeds(&feed, &back);
	compare_bodies(&bodies, &bback);
	store_close(st);

	store_feed_release(&feed);
	store_feed_release(&back);
	store_bodies_release(&bodies);
	store_bodies_release(&bback);
	feeddoc_free(doc);
	strbuf_release(&err);
	strbuf_release(&notes);
	return 0;
}
