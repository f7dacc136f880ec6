/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the store's loader on files it did not write: the
 * first byte of the input picks the file of a store in a temporary folder
 * that the rest becomes (the index, a feed's headers, its bodies, or the
 * journal of marks; the other files are the good ones of a small store),
 * then the store is opened and every feed in it is read. Nothing may
 * crash, leak or hang, and a damaged file must be moved aside, not
 * trusted. Whatever was read must be clean -- well-formed UTF-8 without
 * controls (but for new lines and tabs in bodies), C1 or bidi controls,
 * since a file changed by hand or damage is not trusted -- and must save and
 * read back unchanged: a store that opened once opens again. The folder
 * is made once per process, emptied for each input, and removed at exit.
 */
#include "config.h"

#include "fuzz-check.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "store.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define FUZZ_URL	"http://fuzz.invalid/feed"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* in memory when there is a tmpfs: a save flushes its files */
static char top[64] = "/dev/shm/fuzz-store-load.XXXXXX";
static char *dir;
static char *feed_id;

static void
write_file(const char *name, const void *data, size_t size)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		fuzz_fail("cannot write", path);
	free(path);
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
remove_all(void)
{
	nftw(top, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* A good small store, as tidings writes it, one feed of two items. */
static void
good_store(void)
{
	char *s;

	if (mkdir(dir, 0700) == -1)
		fuzz_fail("mkdir", dir);
	s = xasprintf("%s/feeds", dir);
	mkdir(s, 0700);
	free(s);
	s = xasprintf("%s/bodies", dir);
	mkdir(s, 0700);
	free(s);
	s = xasprintf("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<index version=\"1\">\n  <feed id=\"%s\" url=\"%s\" "
	    "title=\"Fuzz\" total=\"2\" unread=\"1\" flagged=\"0\" "
	    "fetched=\"2026-11-27T10:00:00Z\"/>\n</index>\n", feed_id,
	    FUZZ_URL);
	write_file("index.xml", s, strlen(s));
	free(s);
	s = xasprintf("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed version=\"1\" url=\"%s\">\n  <title>Fuzz</title>\n"
	    "  <item key=\"g0123456789abcdef\" flags=\"u\" "
	    "seen=\"2026-11-27T10:00:00Z\">\n    <guid>a</guid>\n"
	    "    <title>One &amp; two</title>\n"
	    "    <link>http://fuzz.invalid/1</link>\n"
	    "    <published>2026-11-27T09:00:00Z</published>\n"
	    "    <enclosure url=\"http://fuzz.invalid/a.mp3\" "
	    "type=\"audio/mpeg\" length=\"3\"/>\n  </item>\n"
	    "  <item key=\"l0123456789abcdee\" flags=\"\">\n"
	    "    <title>Two</title>\n  </item>\n</feed>\n", FUZZ_URL);
	write_file("feeds/F.xml", s, strlen(s));
	free(s);
	s = xasprintf("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<bodies version=\"1\">\n  <body key=\"g0123456789abcdef\">\n"
	    "    <summary type=\"html\">&lt;p&gt;Hi&lt;/p&gt;</summary>\n"
	    "  </body>\n</bodies>\n");
	write_file("bodies/F.xml", s, strlen(s));
	free(s);
	s = xasprintf("%s l0123456789abcdee 1\n", feed_id);
	write_file("marks.log", s, strlen(s));
	free(s);
}

static void
check_feed(const struct store_feed *f)
{
	size_t i, j;

	fuzz_check_str("feed url", f->url, 0);
	fuzz_check_str("feed title", f->title, 0);
	fuzz_check_str("feed link", f->link, 0);
	for (i = 0; i < f->nitems; i++) {
		if (f->items[i].key == NULL)
			fuzz_fail("an item without a key", "key");
		fuzz_check_str("key", f->items[i].key, 0);
		fuzz_check_str("guid", f->items[i].guid, 0);
		fuzz_check_str("title", f->items[i].title, 0);
		fuzz_check_str("link", f->items[i].link, 0);
		fuzz_check_str("author", f->items[i].author, 0);
		for (j = 0; j < f->items[i].nenclosures; j++)
			if (f->items[i].enclosures[j].url == NULL)
				fuzz_fail("an enclosure without a URL", "url");
	}
}

static void
check_bodies(const struct store_bodies *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (b->v[i].key == NULL)
			fuzz_fail("a body without a key", "key");
		fuzz_check_str("summary", b->v[i].summary, 1);
		fuzz_check_str("content", b->v[i].content, 1);
	}
}

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* What was read saves and reads back the same. */
static void
resave(struct store *st, struct store_feed *f, struct store_bodies *b)
{
	struct strbuf err = STRBUF_INIT, notes = STRBUF_INIT;
	struct store_feed f2;
	struct store_bodies b2;
	size_t i;

	if (f->url == NULL)
		return;		/* a feed tidings never saved */
	if (store_save_feed(st, f, b, &err) == -1)
		fuzz_fail("what was read cannot be saved", err.buf);
	if (store_load_feed(st, f->id, &f2, &notes, &err) == -1 ||
	    store_load_bodies(st, f->id, &b2, &notes, &err) == -1)
		fuzz_fail("what was saved cannot be read", err.buf);
	if (notes.len > 0)
		fuzz_fail("what was saved reads as damaged", notes.buf);
	if (!same(f->url, f2.url) || !same(f->title, f2.title) ||
	    !same(f->link, f2.link) || !same(f->etag, f2.etag) ||
	    !same(f->last_modified, f2.last_modified) ||
	    f->nitems != f2.nitems || b->n != b2.n)
		fuzz_fail("a save changed the feed", f->id);
	for (i = 0; i < f->nitems; i++)
		if (!same(f->items[i].key, f2.items[i].key) ||
		    !same(f->items[i].title, f2.items[i].title) ||
		    !same(f->items[i].guid, f2.items[i].guid) ||
		    !same(f->items[i].link, f2.items[i].link) ||
		    !same(f->items[i].author, f2.items[i].author) ||
		    f->items[i].flags != f2.items[i].flags ||
		    f->items[i].published != f2.items[i].published ||
		    f->items[i].updated != f2.items[i].updated ||
		    f->items[i].first_seen != f2.items[i].first_seen ||
		    f->items[i].nenclosures != f2.items[i].nenclosures)
			fuzz_fail("a save changed an item", f->items[i].key);
	for (i = 0; i < b->n; i++)
		if (!same(b->v[i].key, b2.v[i].key) ||
		    !same(b->v[i].summary, b2.v[i].summary) ||
		    !same(b->v[i].content, b2.v[i].content))
			fuzz_fail("a save changed a body", b->v[i].key);
	store_feed_release(&f2);
	store_bodies_release(&b2);
	strbuf_release(&err);
	strbuf_release(&notes);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = getenv("FUZZ_TMPDIR");	/* run.sh removes it */

	(void)argc;
	(void)argv;
	if (base != NULL && base[0] == '/')
		snprintf(top, sizeof(top), "%.40s/store-load.XXXXXX", base);
	else if (access("/dev/shm", W_OK) == -1)
		snprintf(top, sizeof(top), "/tmp/fuzz-store-load.XXXXXX");
	if (mkdtemp(top) == NULL)
		fuzz_fail("mkdtemp", top);
	dir = xasprintf("%s/store", top);
	feed_id = store_feed_id(FUZZ_URL);
	atexit(remove_all);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"index.xml", "feeds/F.xml", "bodies/F.xml", "marks.log"
	};
	struct strbuf err = STRBUF_INIT, notes = STRBUF_INIT;
	struct store_feed feed;
	struct store_bodies bodies;
	struct store *st;
	char *name;
	size_t i, n;

	if (size == 0)
		return 0;
	remove_all();
	mkdir(top, 0700);
	good_store();
	name = xstrdup(names[data[0] % 4]);
	if (strstr(name, "/F.") != NULL) {
		free(name);
		name = xasprintf("%s/%s.xml", data[0] % 4 == 1 ? "feeds" :
		    "bodies", feed_id);
	}
	write_file(name, data + 1, size - 1);
	free(name);
	/* the good files under their real names */
	name = xasprintf("%s/feeds/%s.xml", dir, feed_id);
	if (access(name, F_OK) == -1) {
		char *from = xasprintf("%s/feeds/F.xml", dir);
		rename(from, name);
		free(from);
	}
	free(name);
	name = xasprintf("%s/bodies/%s.xml", dir, feed_id);
	if (access(name, F_OK) == -1) {
		char *from = xasprintf("%s/bodies/F.xml", dir);
		rename(from, name);
		free(from);
	}
	free(name);

	if (store_open(&st, dir, 0, &notes, &err) == -1)
		fuzz_fail("store_open", err.buf);
	n = store_nfeeds(st);
	for (i = 0; i < n; i++) {
		const struct store_feed_info *fi = store_feed_at(st, i);
		char *id = xstrdup(fi->id);

		fuzz_check_str("index url", fi->url, 0);
		fuzz_check_str("index title", fi->title, 0);
		fuzz_check_str("index error", fi->error, 0);
		if (store_load_feed(st, id, &feed, &notes, &err) == -1 ||
		    store_load_bodies(st, id, &bodies, &notes, &err) == -1)
			fuzz_fail("cannot read a feed", err.buf);
		check_feed(&feed);
		check_bodies(&bodies);
		resave(st, &feed, &bodies);
		store_feed_release(&feed);
		store_bodies_release(&bodies);
		free(id);
	}
	store_close(st);
	/* and it opens again */
	if (store_open(&st, dir, 0, &notes, &err) == -1)
		fuzz_fail("store_open, again", err.buf);
	store_close(st);
	strbuf_release(&err);
	strbuf_release(&notes);
	return 0;
}
