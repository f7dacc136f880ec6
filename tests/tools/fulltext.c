/* SPDX-License-Identifier: ISC */
/*
 * fulltext: the model's full texts from the command line, for
 * tests/cli/fulltext.sh (what the reader's F key does).
 *
 *   fulltext DATADIR URLS FEED ITEM [during-refresh]
 *	Open the model, refresh every feed and wait for it; then ask for
 *	the full text of the ITEM-th item (from 0) of the FEED-th
 *	subscription (from 0) -- while a second refresh runs, with
 *	"during-refresh" -- and call model_wait() until nothing downloads.
 *	Prints, a line each: "start N" (what model_fetch_full_start()
 *	returned), every event after it ("updated URL", "done URL",
 *	"refreshed"), "stored" or "error TEXT", "item KEY", then "again N"
 *	for a second request of the same item, then "text" and the stored
 *	full text. Exit 0, or 1 when the model cannot be opened or the item
 *	is not there.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "store.h"
#include "util/strbuf.h"

static void
on_event(enum model_event ev, const char *url, void *arg)
{
	int *printing = arg;

	if (!*printing)
		return;
	if (ev == MODEL_FEED_UPDATED)
		printf("updated %s\n", url);
	else if (ev == MODEL_FULL_TEXT_DONE)
		printf("done %s\n", url);
	else
		printf("refreshed\n");
}

/* Call model_wait() until nothing downloads. */
static void
drain(struct model *m)
{
	int turns = 0;

	while (model_busy(m) && turns++ < 2000)
		model_wait(m, NULL, 0, 50);
}

/* The key of the item-th item of the feed-th subscription, or NULL. */
static char *
item_key(struct model *m, size_t feed, size_t item)
{
	struct strbuf err = STRBUF_INIT;
	struct store_feed f;
	char *key = NULL;

	if (model_load_feed(m, feed, &f, &err) == 0 && item < f.nitems)
		key = strdup(f.items[item].key);
	store_feed_release(&f);
	strbuf_release(&err);
	return key;
}

/* Print the full text of item key of the feed-th subscription. */
static void
print_text(struct model *m, size_t feed, const char *key)
{
	struct strbuf err = STRBUF_INIT;
	struct store_bodies b;
	size_t i;

	puts("text");
	if (model_load_bodies(m, feed, &b, &err) == 0)
		for (i = 0; i < b.n; i++)
			if (strcmp(b.v[i].key, key) == 0 &&
			    b.v[i].full_text != NULL)
				puts(b.v[i].full_text);
	store_bodies_release(&b);
	strbuf_release(&err);
}

int
main(int argc, char **argv)
{
	struct model_options opt = MODEL_OPTIONS_DEFAULT;
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct model *m;
	size_t feed, item;
	char *key;
	int printing = 0, rc;

	if (argc < 5) {
		fputs("usage: fulltext DATADIR URLS FEED ITEM "
		    "[during-refresh]\n", stderr);
		return 2;
	}
	feed = strtoul(argv[3], NULL, 10);
	item = strtoul(argv[4], NULL, 10);
	if (model_open(&m, argv[1], argv[2], &opt, 0, &notes, &err) == -1) {
		fprintf(stderr, "fulltext: %s\n", err.buf);
		return 1;
	}
	model_subscribe(m, on_event, &printing);
	model_refresh_start(m, NULL);
	drain(m);
	key = item_key(m, feed, item);
	if (key == NULL) {
		fputs("fulltext: no such item\n", stderr);
		model_close(m);
		return 1;
	}
	if (argc > 5 && strcmp(argv[5], "during-refresh") == 0)
		model_refresh_start(m, NULL);
	printing = 1;
	rc = model_fetch_full_start(m, feed, key);
	printf("start %d\n", rc);
	drain(m);
	if (model_full_text_error(m) != NULL)
		printf("error %s\n", model_full_text_error(m));
	else
		puts("stored");
	printf("item %s\n", model_full_text_item(m) != NULL ?
	    model_full_text_item(m) : "(none)");
	printf("again %d\n", model_fetch_full_start(m, feed, key));
	drain(m);
	print_text(m, feed, key);
	free(key);
	model_close(m);
	strbuf_release(&notes);
	strbuf_release(&err);
	return 0;
}
