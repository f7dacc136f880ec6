/* SPDX-License-Identifier: ISC */
/*
 * The model's refresh and what its fetches end in, on feeds of local
 * files in a fresh folder per test: the backoff schedule, feeds that wait
 * or are gone skipped by a refresh of every feed and fetched when asked
 * for by URL, a feed of a file that fails and never waits, the summary,
 * the events, and the words model_describe() finds for a feed's state.
 * (tests/cli/outcomes.sh has the same over HTTP.)
 */
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "date.h"
#include "model.h"
#include "store.h"
#include "util/fileio.h"
#include "util/xmalloc.h"

#define NFEEDS	3

/* A folder with NFEEDS feed files, a urls file, and a model on them. */
struct fixture {
	char		*top;
	char		*url[NFEEDS];
	struct model	*m;
	unsigned	 updated;	/* MODEL_FEED_UPDATED events */
	unsigned	 finished;	/* MODEL_REFRESH_DONE events */
};

/* Write s to path, which must work. */
static void
spew(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_true(fputs(s, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* The feed file of the i-th feed: i + 1 items. */
static void
write_feed(const struct fixture *fx, int i)
{
	struct strbuf sb = STRBUF_INIT;
	int j;

	strbuf_addf(&sb, "<rss version=\"2.0\"><channel><title>Feed %d"
	    "</title>\n", i);
	for (j = 0; j <= i; j++)
		strbuf_addf(&sb, "<item><guid>f%d-%d</guid><title>Item %d"
		    "</title></item>\n", i, j, j);
	strbuf_addstr(&sb, "</channel></rss>\n");
	spew(fx->url[i] + 7, sb.buf);
	strbuf_release(&sb);
}

static void
on_event(enum model_event ev, const char *url, void *arg)
{
	struct fixture *fx = arg;

	if (ev == MODEL_FEED_UPDATED && url != NULL)
		fx->updated++;
	else if (ev == MODEL_REFRESH_DONE && url == NULL)
		fx->finished++;
}

static int
setup(void **state)
{
	struct model_options opt = MODEL_OPTIONS_DEFAULT;
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct strbuf urls = STRBUF_INIT;
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	char *path, *data;
	int i;

	fx->top = xstrdup("/tmp/tidings-test-model.XXXXXX");
	if (mkdtemp(fx->top) == NULL)
		return -1;
	for (i = 0; i < NFEEDS; i++) {
		fx->url[i] = xasprintf("file://%s/feed%d.xml", fx->top, i);
		write_feed(fx, i);
		strbuf_addf(&urls, "%s\n", fx->url[i]);
	}
	path = xasprintf("%s/urls", fx->top);
	spew(path, urls.buf);
	data = xasprintf("%s/data", fx->top);
	if (model_open(&fx->m, data, path, &opt, 0, &notes, &err) == -1)
		fail_msg("model_open: %s", err.buf);
	model_subscribe(fx->m, on_event, fx);
	free(data);
	free(path);
	strbuf_release(&urls);
	strbuf_release(&notes);
	strbuf_release(&err);
	*state = fx;
	return 0;
}

/* Remove the folder path and the files and folders in it. */
static void
remove_tree(const char *path)
{
	struct dirent *de;
	struct stat sb;
	char *sub;
	DIR *d;

	if (lstat(path, &sb) == -1)
		return;
	if (!S_ISDIR(sb.st_mode)) {
		unlink(path);
		return;
	}
	if ((d = opendir(path)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			sub = xasprintf("%s/%s", path, de->d_name);
			remove_tree(sub);
			free(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	int i;

	model_close(fx->m);
	remove_tree(fx->top);
	for (i = 0; i < NFEEDS; i++)
		free(fx->url[i]);
	free(fx->top);
	free(fx);
	return 0;
}

/* Run the refresh that was started to its end. */
static void
finish(struct fixture *fx)
{
	int turns = 0;

	while (model_refreshing(fx->m) && turns++ < 1000)
		model_wait(fx->m, NULL, 0, 100);
	assert_false(model_refreshing(fx->m));
}

static const struct store_feed_info *
info(const struct fixture *fx, int i)
{
	const struct store_feed_info *f = model_info(fx->m, (size_t)i);

	assert_non_null(f);
	return f;
}

static void
assert_stats(const struct fixture *fx, unsigned total, unsigned added,
    unsigned failed, unsigned waiting, unsigned gone)
{
	struct refresh_stats s;

	model_refresh_stats(fx->m, &s);
	assert_int_equal(s.total, total);
	assert_int_equal(s.done, total);
	assert_int_equal(s.added, added);
	assert_int_equal(s.failed, failed);
	assert_int_equal(s.waiting, waiting);
	assert_int_equal(s.gone, gone);
	assert_int_equal(s.moved, 0);
}

/* The report of the last refresh has the line want. */
static void
assert_report(const struct fixture *fx, const char *want)
{
	const char *report = model_refresh_report(fx->m);

	if (strstr(report, want) == NULL)
		fail_msg("no '%s' in the report:\n%s", want, report);
}

static void
test_model_backoff_doubles(void **state)
{
	(void)state;
	assert_int_equal(model_backoff(0), 0);
	assert_int_equal(model_backoff(1), 10 * 60);
	assert_int_equal(model_backoff(2), 20 * 60);
	assert_int_equal(model_backoff(3), 40 * 60);
	assert_int_equal(model_backoff(8), 1280 * 60);
	assert_int_equal(model_backoff(9), 24 * 60 * 60);
	assert_int_equal(model_backoff(100), MODEL_BACKOFF_MAX);
	assert_int_equal(model_backoff(UINT_MAX), MODEL_BACKOFF_MAX);
}

/*
 * Feed 1 waits after failures, feed 2 is gone: a refresh of every feed
 * reads feed 0 only, lists the gone one and counts both; asked for by
 * its URL, the gone one is read, and is not gone any more.
 */
static void
test_model_refresh_start_skips_waiting_and_gone(void **state)
{
	struct fixture *fx = *state;
	struct store *st = model_store(fx->m);
	int64_t now = (int64_t)time(NULL);
	struct strbuf line = STRBUF_INIT;

	store_set_backoff(st, fx->url[1], 2, now + 3600, 0);
	store_set_fetched(st, fx->url[2], now, "HTTP 410 Gone");
	store_set_backoff(st, fx->url[2], 1, DATE_UNKNOWN, 1);
	assert_true(model_due(fx->m, 0, now));
	assert_false(model_due(fx->m, 1, now));
	assert_true(model_due(fx->m, 1, now + 3600));
	assert_false(model_due(fx->m, 2, now + 3600 * 24 * 365));

	model_refresh_start(fx->m, NULL);
	finish(fx);
	assert_stats(fx, 1, 1, 0, 1, 1);
	assert_int_equal(fx->updated, 1);
	assert_int_equal(fx->finished, 1);
	strbuf_addf(&line, "%s: HTTP 410 Gone; not fetched any more\n",
	    fx->url[2]);
	assert_report(fx, line.buf);
	assert_report(fx, "1 feed refreshed: 1 new articles, 0 failed; "
	    "2 skipped: 1 waiting after failures, 1 gone\n");
	assert_null(strstr(model_refresh_report(fx->m), fx->url[1]));
	assert_int_equal(info(fx, 1)->total, 0);

	model_refresh_start(fx->m, fx->url[2]);
	finish(fx);
	assert_stats(fx, 1, 3, 0, 0, 0);
	assert_int_equal(info(fx, 2)->gone, 0);
	assert_int_equal(info(fx, 2)->failures, 0);
	assert_null(info(fx, 2)->error);
	assert_int_equal(info(fx, 2)->total, 3);
	assert_report(fx, "1 feed refreshed: 3 new articles, 0 failed\n");
	assert_null(strstr(model_refresh_report(fx->m), "skipped"));
	strbuf_release(&line);
}

/* A feed skipped by the running refresh is read when asked for. */
static void
test_model_refresh_start_forces_a_skipped_feed(void **state)
{
	struct fixture *fx = *state;
	int64_t now = (int64_t)time(NULL);
	struct refresh_stats s;
	unsigned done, total;

	store_set_backoff(model_store(fx->m), fx->url[1], 1, now + 600, 0);
	model_refresh_start(fx->m, NULL);
	model_refresh_stats(fx->m, &s);
	assert_int_equal(s.waiting, 1);
	model_refresh_start(fx->m, fx->url[1]);
	model_refresh_start(fx->m, fx->url[1]);	/* not twice */
	model_refresh_start(fx->m, NULL);	/* nor skipped again */
	model_refresh_progress(fx->m, &done, &total);
	assert_int_equal(total, 3);
	finish(fx);
	assert_stats(fx, 3, 6, 0, 0, 0);
	assert_int_equal(info(fx, 1)->failures, 0);
	assert_true(info(fx, 1)->retry_after == DATE_UNKNOWN);
	assert_int_equal(info(fx, 1)->total, 2);
}

/*
 * A feed of a file that cannot be read fails, keeps what it had, and is
 * read again at the next refresh: nobody's server to spare.
 */
static void
test_model_refresh_file_failure_never_waits(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT;

	model_refresh_start(fx->m, NULL);
	finish(fx);
	assert_stats(fx, 3, 6, 0, 0, 0);
	assert_int_equal(unlink(fx->url[0] + 7), 0);
	spew(fx->url[1] + 7, "<html><body>Sign in</body></html>\n");
	model_refresh_start(fx->m, NULL);
	finish(fx);
	assert_stats(fx, 3, 0, 2, 0, 0);
	assert_int_equal(info(fx, 0)->failures, 1);
	assert_true(info(fx, 0)->retry_after == DATE_UNKNOWN);
	assert_non_null(info(fx, 0)->error);
	assert_int_equal(info(fx, 0)->total, 1);	/* kept */
	assert_int_equal(info(fx, 1)->total, 2);
	assert_report(fx, "3 feeds refreshed: 0 new articles, 2 failed\n");
	model_describe(fx->m, 1, (int64_t)time(NULL), &text);
	assert_non_null(strstr(text.buf, "not a feed"));
	assert_null(strstr(text.buf, "next try"));

	model_refresh_start(fx->m, NULL);
	finish(fx);
	assert_stats(fx, 3, 0, 2, 0, 0);
	assert_int_equal(info(fx, 0)->failures, 2);
	write_feed(fx, 1);
	model_refresh_start(fx->m, NULL);
	finish(fx);
	assert_int_equal(info(fx, 1)->failures, 0);
	assert_null(info(fx, 1)->error);
	strbuf_release(&text);
}

/* What model_describe() says of the feed i at now. */
static void
assert_describe(const struct fixture *fx, int i, int64_t now,
    const char *want)
{
	struct strbuf text = STRBUF_INIT;

	strbuf_addstr(&text, "[");
	model_describe(fx->m, (size_t)i, now, &text);
	if (strncmp(text.buf + 1, want, strlen(want)) != 0)
		fail_msg("'%s' is not '%s...'", text.buf + 1, want);
	strbuf_release(&text);
}

static void
test_model_describe(void **state)
{
	struct fixture *fx = *state;
	struct store *st = model_store(fx->m);
	struct strbuf text = STRBUF_INIT;

	model_describe(fx->m, 0, 0, &text);	/* not in the store yet */
	assert_int_equal(text.len, 0);
	store_set_fetched(st, fx->url[0], 1000, NULL);
	model_describe(fx->m, 0, 0, &text);	/* all is well */
	assert_int_equal(text.len, 0);

	store_set_fetched(st, fx->url[0], 1000, "HTTP 500");
	store_set_backoff(st, fx->url[0], 1, 1600, 0);
	assert_describe(fx, 0, 1000, "HTTP 500; next try after ");
	assert_describe(fx, 0, 1600, "HTTP 500");
	store_set_moved(st, fx->url[0], "http://example.org/new");
	assert_describe(fx, 0, 1600, "HTTP 500; moved to "
	    "http://example.org/new");
	store_set_fetched(st, fx->url[0], 1000, NULL);
	assert_describe(fx, 0, 1000, "next try after ");
	store_set_backoff(st, fx->url[0], 0, DATE_UNKNOWN, 0);
	assert_describe(fx, 0, 1000, "moved to http://example.org/new");

	store_set_backoff(st, fx->url[1], 1, DATE_UNKNOWN, 1);
	assert_describe(fx, 1, 0, "gone: not fetched any more");
	store_set_fetched(st, fx->url[1], 1000, "HTTP 410 Gone");
	assert_describe(fx, 1, 0, "HTTP 410 Gone; not fetched any more");
	strbuf_release(&text);
}

#define MODEL_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_backoff_doubles),
		MODEL_TEST(test_model_refresh_start_skips_waiting_and_gone),
		MODEL_TEST(test_model_refresh_start_forces_a_skipped_feed),
		MODEL_TEST(test_model_refresh_file_failure_never_waits),
		MODEL_TEST(test_model_describe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
