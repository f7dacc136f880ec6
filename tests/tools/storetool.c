/* SPDX-License-Identifier: ISC */
/*
 * storetool: the store and the model from the command line, for the
 * store's crash and full-disk tests (tests/store/) and its benchmark
 * (bench/store.sh).
 *
 *   storetool writer DATADIR URLS [ROUNDS]
 *	Refresh every feed of URLS, then mark the first few unread items of
 *	every feed read, printing "saved FEEDID KEY" as soon as each mark is
 *	on disk; again and again, until killed (or ROUNDS rounds are done).
 *	What failed goes to stderr.
 *   storetool check DATADIR
 *	Open the store (taking the lock) and print, for every feed of the
 *	index and every feed file the index lost ("orphan FEEDID"): "read
 *	FEEDID KEY" for each item not unread, "nobody FEEDID KEY" for each
 *	item without a body, "count FEEDID index=T/U/F file=T/U/F" when the
 *	index's counts are not the file's; then "corrupt NAME" for every file
 *	moved aside and "temp NAME" for every temporary file left over. The
 *	store's notes go to stderr. Exit 0 when the store opened, else 1.
 *   storetool mark [-u FILE] DATADIR FEEDID KEY...
 *	Mark items read, one after the other, printing "saved FEEDID KEY"
 *	for each mark saved; exit 1 if one failed. -u removes FILE after the
 *	first mark, to make room on a full disk.
 *   storetool gen [-b BIG] [-u URLS] DATADIR NFEEDS NITEMS
 *	Make a store of NFEEDS feeds of NITEMS items, each with a body of
 *	1 to 4 KB (deterministic), and one more feed of BIG items with -b;
 *	write the feeds' URLs to the urls file URLS with -u.
 *   storetool bench DATADIR
 *	Time opening the store, loading the biggest feed (headers, then
 *	bodies) and saving one mark; one "NAME VALUE" line a figure.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "model.h"
#include "store.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* Items the writer marks in each feed each round. */
#define MARKS_PER_FEED	3

/* When the generated feeds' articles start: 2026-01-01T00:00:00Z. */
#define GEN_EPOCH	INT64_C(1767225600)

static void
usage(void)
{
	fputs("usage: storetool writer DATADIR URLS [ROUNDS]\n"
	    "       storetool check DATADIR\n"
	    "       storetool mark [-u FILE] DATADIR FEEDID KEY...\n"
	    "       storetool gen [-b BIG] [-u URLS] DATADIR NFEEDS NITEMS\n"
	    "       storetool bench DATADIR\n", stderr);
	exit(2);
}

/* The unsigned number in s, or usage(). */
static unsigned long
number(const char *s)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0')
		usage();
	return v;
}

/* Print notes, one problem a line, to stderr. */
static void
print_notes(struct strbuf *notes)
{
	if (notes->len > 0)
		fprintf(stderr, "note: %s%s", notes->buf,
		    notes->buf[notes->len - 1] == '\n' ? "" : "\n");
	strbuf_reset(notes);
}

static struct store *
open_store(const char *dir)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct store *st;

	if (store_open(&st, dir, 0, &notes, &err) == -1) {
		fprintf(stderr, "storetool: %s\n", err.buf);
		st = NULL;
	}
	print_notes(&notes);
	strbuf_release(&notes);
	strbuf_release(&err);
	return st;
}

/* Mark the first few unread items of the feed id read, saying so. */
static void
mark_some(struct model *m, const char *id)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct store_feed feed;
	struct store_item *it;
	size_t i;
	int marked = 0;

	if (store_load_feed(model_store(m), id, &feed, &notes, &err) == -1)
		fprintf(stderr, "storetool: %s\n", err.buf);
	for (i = 0; i < feed.nitems && marked < MARKS_PER_FEED; i++) {
		it = &feed.items[i];
		if (!(it->flags & ITEM_UNREAD))
			continue;
		strbuf_reset(&err);
		if (model_set_flags(m, id, it->key, it->flags,
		    it->flags & ~(unsigned)ITEM_UNREAD, &err) != 0) {
			fprintf(stderr, "storetool: %s\n", err.buf);
			continue;
		}
		printf("saved %s %s\n", id, it->key);
		fflush(stdout);
		marked++;
	}
	print_notes(&notes);
	store_feed_release(&feed);
	strbuf_release(&notes);
	strbuf_release(&err);
}

static int
cmd_writer(int argc, char **argv)
{
	struct model_options opt = MODEL_OPTIONS_DEFAULT;
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct strbuf report = STRBUF_INIT;
	struct model *m;
	struct store *st;
	unsigned long rounds, round;
	size_t i;
	char *id;

	if (argc != 3 && argc != 4)
		usage();
	rounds = argc == 4 ? number(argv[3]) : 0;
	if (model_open(&m, argv[1], argv[2], &opt, 0, &notes, &err) == -1) {
		fprintf(stderr, "storetool: %s\n", err.buf);
		return 1;
	}
	print_notes(&notes);
	for (round = 0; rounds == 0 || round < rounds; round++) {
		strbuf_reset(&report);
		if (model_refresh_all(m, &report) > 0)
			fputs(report.buf, stderr);
		st = model_store(m);
		for (i = 0; i < store_nfeeds(st); i++) {
			id = xstrdup(store_feed_at(st, i)->id);
			mark_some(m, id);
			free(id);
		}
	}
	model_close(m);
	strbuf_release(&report);
	strbuf_release(&notes);
	strbuf_release(&err);
	return 0;
}

/* Print what check says of the feed id, whose index entry is f or NULL. */
static void
check_feed(struct store *st, const char *id,
    const struct store_feed_info *f)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct store_feed feed;
	struct store_bodies bodies;
	unsigned total = 0, unread = 0, flagged = 0;
	size_t i;
	int have_bodies;

	if (store_load_feed(st, id, &feed, &notes, &err) == -1)
		printf("unreadable %s %s\n", id, err.buf);
	have_bodies = store_load_bodies(st, id, &bodies, &notes, &err) == 0;
	if (!have_bodies)
		printf("unreadable %s %s\n", id, err.buf);
	print_notes(&notes);
	if (f == NULL)
		printf("orphan %s\n", id);
	for (i = 0; i < feed.nitems; i++) {
		if (!(feed.items[i].flags & ITEM_UNREAD))
			printf("read %s %s\n", id, feed.items[i].key);
		if (have_bodies && store_bodies_find(&bodies, feed.items[i].key) ==
		    NULL)
			printf("nobody %s %s\n", id, feed.items[i].key);
		if (feed.items[i].flags & ITEM_DELETED)
			continue;
		total++;
		unread += (feed.items[i].flags & ITEM_UNREAD) != 0;
		flagged += (feed.items[i].flags & ITEM_FLAGGED) != 0;
	}
	if (f != NULL && (f->total != total || f->unread != unread ||
	    f->flagged != flagged))
		printf("count %s index=%u/%u/%u file=%u/%u/%u\n", id,
		    f->total, f->unread, f->flagged, total, unread, flagged);
	store_feed_release(&feed);
	store_bodies_release(&bodies);
	strbuf_release(&notes);
	strbuf_release(&err);
}

/*
 * Look through the folder dir/sub (or dir) for files moved aside and
 * temporary files; with st, check each feed file that st's index lacks.
 */
static void
scan_folder(const char *dir, const char *sub, struct store *st)
{
	char *path = sub != NULL ? path_join(dir, sub) : xstrdup(dir);
	struct dirent *de;
	DIR *d = opendir(path);
	const char *name, *dot;
	char *id;
	size_t i, len;

	while (d != NULL && (de = readdir(d)) != NULL) {
		name = de->d_name;
		len = strlen(name);
		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			continue;
		if (strstr(name, ".corrupt-") != NULL)
			printf("corrupt %s%s%s\n", sub ? sub : "",
			    sub ? "/" : "", name);
		else if (name[0] == '.')
			printf("temp %s%s%s\n", sub ? sub : "", sub ? "/" : "",
			    name);
		else if (st != NULL && (dot = strchr(name, '.')) != NULL &&
		    strcmp(dot, ".xml") == 0 && len == HASH_HEX_SIZE - 1 + 4) {
			id = xstrndup(name, HASH_HEX_SIZE - 1);
			for (i = 0; i < store_nfeeds(st); i++)
				if (strcmp(store_feed_at(st, i)->id, id) == 0)
					break;
			if (i == store_nfeeds(st))
				check_feed(st, id, NULL);
			free(id);
		}
	}
	if (d != NULL)
		closedir(d);
	free(path);
}

static int
cmd_check(int argc, char **argv)
{
	struct store *st;
	size_t i;

	if (argc != 2)
		usage();
	st = open_store(argv[1]);
	if (st == NULL)
		return 1;
	for (i = 0; i < store_nfeeds(st); i++)
		check_feed(st, store_feed_at(st, i)->id, store_feed_at(st, i));
	scan_folder(argv[1], "feeds", st);
	scan_folder(argv[1], "bodies", NULL);
	scan_folder(argv[1], NULL, NULL);
	store_close(st);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

/* Mark item key of feed id read; 0, or -1 with err. */
static int
mark_read(struct store *st, const char *id, const char *key,
    struct strbuf *err)
{
	struct strbuf notes = STRBUF_INIT;
	struct store_feed feed;
	struct store_item *it;
	int rc = -1;

	if (store_load_feed(st, id, &feed, &notes, err) == 0) {
		if ((it = store_feed_find(&feed, key)) == NULL)
			strbuf_addf(err, "no item '%s' in feed %s", key, id);
		else
			rc = store_mark(st, id, key, it->flags,
			    it->flags & ~(unsigned)ITEM_UNREAD, err);
	}
	print_notes(&notes);
	store_feed_release(&feed);
	strbuf_release(&notes);
	return rc;
}

static int
cmd_mark(int argc, char **argv)
{
	struct strbuf err = STRBUF_INIT;
	struct store *st;
	const char *room = NULL;
	int c, i, rc = 0;

	while ((c = getopt(argc, argv, "u:")) != -1) {
		if (c != 'u')
			usage();
		room = optarg;
	}
	if (argc - optind < 3)
		usage();
	st = open_store(argv[optind]);
	if (st == NULL)
		return 1;
	for (i = optind + 2; i < argc; i++) {
		if (i > optind + 2 && room != NULL && unlink(room) == -1 &&
		    errno != ENOENT)
			perror(room);
		strbuf_reset(&err);
		if (mark_read(st, argv[optind + 1], argv[i], &err) == 0) {
			printf("saved %s %s\n", argv[optind + 1], argv[i]);
		} else {
			fprintf(stderr, "storetool: %s\n", err.buf);
			rc = 1;
		}
		fflush(stdout);
	}
	store_close(st);
	strbuf_release(&err);
	return rc;
}

/* The next number of a xorshift64 sequence. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

/* Words for the generated articles. */
static const char *const words[] = {
	"the", "council", "met", "on", "Tuesday", "to", "discuss", "budget",
	"for", "coming", "year", "including", "funds", "schools", "roads",
	"harbour", "members", "debated", "hours", "before", "a", "vote",
	"was", "taken", "&", "residents", "said", "they", "were", "pleased",
	"with", "result", "caf\xc3\xa9", "weather", "station", "reported",
	"rain",
};

/* Append about len bytes of paragraphs of text to sb. */
static void
gen_text(struct strbuf *sb, size_t len, uint64_t *state)
{
	size_t start = sb->len, n = 0;

	while (sb->len - start < len) {
		if (n % 60 == 0)
			strbuf_addstr(sb, n == 0 ? "<p>" : ".</p>\n<p>");
		else
			strbuf_addch(sb, ' ');
		strbuf_addstr(sb, words[next_random(state) %
		    (sizeof(words) / sizeof(words[0]))]);
		n++;
	}
	strbuf_addstr(sb, ".</p>");
}

/* Make the feed number n of nitems items and save it. */
static int
gen_feed(struct store *st, unsigned long n, unsigned long nitems,
    FILE *urls, struct strbuf *err)
{
	struct store_feed feed;
	struct store_bodies bodies;
	struct store_item *it;
	struct store_body *body;
	struct strbuf text = STRBUF_INIT;
	char hex[HASH_HEX_SIZE];
	uint64_t state = UINT64_C(0x9E3779B97F4A7C15) ^ (n + 1) * 7919;
	unsigned long i;
	int rc;

	memset(&feed, 0, sizeof(feed));
	memset(&bodies, 0, sizeof(bodies));
	feed.url = xasprintf("https://bench.invalid/feed/%lu.xml", n);
	feed.id = store_feed_id(feed.url);
	feed.title = xasprintf("Generated feed %lu", n);
	feed.link = xasprintf("https://bench.invalid/%lu/", n);
	feed.etag = xasprintf("\"%lu-1\"", n);
	for (i = 0; i < nitems; i++) {
		it = store_feed_add_item(&feed);
		it->guid = xasprintf("https://bench.invalid/%lu/%lu", n, i);
		it->key = xasprintf("g%s", hash_hex(hash_fnv1a(
		    HASH_FNV1A_INIT, it->guid, strlen(it->guid)), hex));
		it->title = xasprintf("Article %lu of feed %lu: the council "
		    "met & voted", i, n);
		it->link = xstrdup(it->guid);
		it->author = xasprintf("Desk %lu", i % 7);
		it->published = GEN_EPOCH + (int64_t)(n * 3600 + i * 600);
		it->updated = DATE_UNKNOWN;
		it->first_seen = it->published;
		it->flags = i % 3 == 0 ? 0 : ITEM_UNREAD;
		body = store_bodies_add(&bodies);
		body->key = xstrdup(it->key);
		body->summary = xasprintf("Summary of article %lu.", i);
		body->summary_type = TEXT_PLAIN;
		strbuf_reset(&text);
		gen_text(&text, 1000 + next_random(&state) % 3000, &state);
		body->content = strbuf_detach(&text, NULL);
		body->content_type = TEXT_HTML;
	}
	rc = store_save_feed(st, &feed, &bodies, err);
	if (rc == 0 && urls != NULL)
		fprintf(urls, "%s\n", feed.url);
	store_feed_release(&feed);
	store_bodies_release(&bodies);
	strbuf_release(&text);
	return rc;
}

static int
cmd_gen(int argc, char **argv)
{
	struct strbuf err = STRBUF_INIT;
	struct store *st;
	FILE *urls = NULL;
	const char *urls_path = NULL;
	unsigned long nfeeds, nitems, big = 0, i;
	int c, rc = 0;

	while ((c = getopt(argc, argv, "b:u:")) != -1) {
		switch (c) {
		case 'b':
			big = number(optarg);
			break;
		case 'u':
			urls_path = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 3)
		usage();
	nfeeds = number(argv[optind + 1]);
	nitems = number(argv[optind + 2]);
	if (urls_path != NULL && (urls = fopen(urls_path, "w")) == NULL) {
		perror(urls_path);
		return 1;
	}
	st = open_store(argv[optind]);
	if (st == NULL)
		rc = 1;
	for (i = 0; rc == 0 && i < nfeeds + (big > 0); i++)
		rc = gen_feed(st, i, i < nfeeds ? nitems : big, urls, &err);
	if (rc != 0 && st != NULL)
		fprintf(stderr, "storetool: %s\n", err.buf);
	store_close(st);
	if (urls != NULL && fclose(urls) == EOF) {
		perror(urls_path);
		rc = 1;
	}
	strbuf_release(&err);
	return rc == 0 ? 0 : 1;
}

/* Milliseconds on the monotonic clock. */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The peak resident set so far, in KiB. */
static long
peak_rss_kb(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

static int
cmd_bench(int argc, char **argv)
{
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	const struct store_feed_info *f;
	struct store_feed feed;
	struct store_bodies bodies;
	struct store *st;
	char *id = NULL;
	size_t i, items = 0;
	double t0, t_open, t_feed, t_bodies, t_mark, t_close;
	long rss_open;
	int rc = 1;

	if (argc != 2)
		usage();
	t0 = now_ms();
	if (store_open(&st, argv[1], 0, &notes, &err) == -1) {
		fprintf(stderr, "storetool: %s\n", err.buf);
		return 1;
	}
	t_open = now_ms() - t0;
	rss_open = peak_rss_kb();
	print_notes(&notes);
	for (i = 0; i < store_nfeeds(st); i++) {
		f = store_feed_at(st, i);
		if (id == NULL || f->total > items) {
			free(id);
			id = xstrdup(f->id);
			items = f->total;
		}
	}
	if (id == NULL) {
		fputs("storetool: the store has no feeds\n", stderr);
		store_close(st);
		return 1;
	}
	t0 = now_ms();
	if (store_load_feed(st, id, &feed, &notes, &err) == -1)
		goto out;
	t_feed = now_ms() - t0;
	t0 = now_ms();
	if (store_load_bodies(st, id, &bodies, &notes, &err) == -1)
		goto out_feed;
	t_bodies = now_ms() - t0;
	if (feed.nitems == 0) {
		strbuf_addf(&err, "feed %s has no items", id);
		goto out_bodies;
	}
	t0 = now_ms();
	if (store_mark(st, id, feed.items[0].key, feed.items[0].flags,
	    feed.items[0].flags ^ ITEM_UNREAD, &err) == -1)
		goto out_bodies;
	t_mark = now_ms() - t0;
	printf("feeds %zu\n", store_nfeeds(st));
	printf("feed_items %zu\n", feed.nitems);
	printf("open_ms %.3f\n", t_open);
	printf("rss_open_kb %ld\n", rss_open);
	printf("load_feed_ms %.3f\n", t_feed);
	printf("load_bodies_ms %.3f\n", t_bodies);
	printf("mark_ms %.3f\n", t_mark);
	rc = 0;
out_bodies:
	store_bodies_release(&bodies);
out_feed:
	store_feed_release(&feed);
out:
	print_notes(&notes);
	if (rc != 0)
		fprintf(stderr, "storetool: %s\n", err.buf);
	t0 = now_ms();
	store_close(st);
	t_close = now_ms() - t0;
	if (rc == 0) {
		printf("close_ms %.3f\n", t_close);
		printf("rss_peak_kb %ld\n", peak_rss_kb());
	}
	free(id);
	strbuf_release(&notes);
	strbuf_release(&err);
	return rc;
}

int
main(int argc, char **argv)
{
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "writer") == 0)
		return cmd_writer(argc - 1, argv + 1);
	if (strcmp(argv[1], "check") == 0)
		return cmd_check(argc - 1, argv + 1);
	if (strcmp(argv[1], "mark") == 0)
		return cmd_mark(argc - 1, argv + 1);
	if (strcmp(argv[1], "gen") == 0)
		return cmd_gen(argc - 1, argv + 1);
	if (strcmp(argv[1], "bench") == 0)
		return cmd_bench(argc - 1, argv + 1);
	usage();
	return 2;
}
