/* SPDX-License-Identifier: ISC */
/*
 * The lists behind the views: the rows of the feed list (the virtual
 * "All articles" and "Flagged" first), each feed's items and bodies read
 * from the model when first needed and again when a reload changed them,
 * and the headline list of the row that was opened, newest first, with
 * the cursor kept on the same article when the list is rebuilt.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ui/view.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void
data_init(struct ui *ui)
{
	ui->ncache = model_nfeeds(ui->m);
	ui->cache = xcalloc(ui->ncache + 1, sizeof(*ui->cache));
	data_build_feeds(ui);
	/* The first feed, not All articles: starting reads one feed only. */
	if (ui->feeds.n > 2)
		ui->feeds.cur = 2;
}

void
data_grow(struct ui *ui)
{
	size_t n = model_nfeeds(ui->m);

	if (n <= ui->ncache)
		return;
	ui->cache = xreallocarray(ui->cache, n + 1, sizeof(*ui->cache));
	memset(ui->cache + ui->ncache, 0,
	    (n + 1 - ui->ncache) * sizeof(*ui->cache));
	ui->ncache = n;
	data_build_feeds(ui);
}

static void
cache_drop(struct feed_cache *c)
{
	if (c->loaded)
		store_feed_release(&c->feed);
	if (c->bodies_loaded)
		store_bodies_release(&c->bodies);
	c->loaded = c->bodies_loaded = 0;
}

void
data_release(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->ncache; i++)
		cache_drop(&ui->cache[i]);
	free(ui->cache);
	free(ui->frows);
	free(ui->irows);
}

const char *
data_feed_name(const struct ui *ui, size_t feed)
{
	const struct sub *sub = model_sub(ui->m, feed);
	const struct store_feed_info *info = model_info(ui->m, feed);

	if (sub->title != NULL)
		return sub->title;
	if (info != NULL && info->title != NULL && info->title[0] != '\0')
		return info->title;
	return sub->url;
}

struct store_feed *
data_feed(struct ui *ui, size_t feed)
{
	struct feed_cache *c = &ui->cache[feed];
	struct strbuf err = STRBUF_INIT;

	if (!c->loaded) {
		if (model_load_feed(ui->m, feed, &c->feed, &err) == -1)
			ui_message(ui, 1, "%s", err.buf);
		c->loaded = 1;
	}
	strbuf_release(&err);
	return &c->feed;
}

struct store_body *
data_body(struct ui *ui, size_t feed, const char *key)
{
	struct feed_cache *c = &ui->cache[feed];
	struct strbuf err = STRBUF_INIT;
	size_t i;

	if (!c->bodies_loaded) {
		if (model_load_bodies(ui->m, feed, &c->bodies, &err) == -1)
			ui_message(ui, 1, "%s", err.buf);
		c->bodies_loaded = 1;
	}
	strbuf_release(&err);
	for (i = 0; i < c->bodies.n; i++)
		if (strcmp(c->bodies.v[i].key, key) == 0)
			return &c->bodies.v[i];
	return NULL;
}

struct store_item *
data_item(struct ui *ui, const struct item_ref *ref)
{
	return &data_feed(ui, ref->feed)->items[ref->item];
}

/* Whether the subscription shows in the feed list as it is filtered. */
static int
feed_shown(struct ui *ui, size_t feed)
{
	const struct sub *sub = model_sub(ui->m, feed);
	const struct store_feed_info *info = model_info(ui->m, feed);
	size_t i;

	if (sub->hidden)
		return 0;
	if (ui->unread_only && (info == NULL || info->unread == 0))
		return 0;
	if (ui->tag == NULL)
		return 1;
	for (i = 0; i < sub->ntags; i++)
		if (strcmp(sub->tags[i], ui->tag) == 0)
			return 1;
	return 0;
}

void
data_build_feeds(struct ui *ui)
{
	size_t i, n = 0, nfeeds = model_nfeeds(ui->m);
	size_t was = ui->feeds.n > 0 ? ui->frows[ui->feeds.cur].feed : 0;
	enum feed_row_kind was_kind = ui->feeds.n > 0 ?
	    ui->frows[ui->feeds.cur].kind : ROW_ALL;

	ui->frows = xreallocarray(ui->frows, nfeeds + 2, sizeof(*ui->frows));
	ui->frows[n++].kind = ROW_ALL;
	ui->frows[n++].kind = ROW_FLAGGED;
	for (i = 0; i < nfeeds; i++)
		if (feed_shown(ui, i)) {
			ui->frows[n].kind = ROW_FEED;
			ui->frows[n++].feed = i;
		}
	list_set_count(&ui->feeds, n);
	for (i = 0; i < n; i++)
		if (ui->frows[i].kind == was_kind &&
		    (was_kind != ROW_FEED || ui->frows[i].feed == was))
			ui->feeds.cur = i;
}

size_t
data_row_unread(struct ui *ui, const struct feed_row *row)
{
	const struct store_feed_info *info;
	size_t i, n = 0;

	for (i = 0; i < ui->ncache; i++) {
		if (row->kind == ROW_FEED ? row->feed != i :
		    !feed_shown(ui, i))
			continue;
		info = model_info(ui->m, i);
		if (info != NULL)
			n += row->kind == ROW_FLAGGED ? info->flagged :
			    info->unread;
	}
	return n;
}

static int64_t
item_date(const struct store_item *it)
{
	if (it->published != DATE_UNKNOWN)
		return it->published;
	if (it->updated != DATE_UNKNOWN)
		return it->updated;
	return it->first_seen;
}

static struct ui *sort_ui;

/* Newest first; the store's order breaks ties. */
static int
cmp_refs(const void *a, const void *b)
{
	const struct item_ref *x = a, *y = b;
	int64_t dx = item_date(data_item(sort_ui, x));
	int64_t dy = item_date(data_item(sort_ui, y));

	if (dx != dy)
		return dx < dy ? 1 : -1;
	if (x->feed != y->feed)
		return x->feed < y->feed ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

/* Whether the item goes in the list of row. */
static int
item_listed(struct ui *ui, const struct feed_row *row,
    const struct store_item *it, const char *keep)
{
	if (it->flags & ITEM_DELETED)
		return 0;
	if (keep != NULL && strcmp(it->key, keep) == 0)
		return 1;
	if (row->kind == ROW_FLAGGED && !(it->flags & ITEM_FLAGGED))
		return 0;
	if (ui->unread_only && !(it->flags & ITEM_UNREAD))
		return 0;
	return 1;
}

/* Fill the headline list of row; keep: the key that stays listed. */
static void
build_items(struct ui *ui, const struct feed_row *row, size_t keep_feed,
    const char *keep)
{
	struct store_feed *f;
	size_t i, j, n = 0, alloc = 0;

	for (i = 0; i < ui->ncache; i++) {
		if (row->kind == ROW_FEED ? row->feed != i :
		    !feed_shown(ui, i))
			continue;
		f = data_feed(ui, i);
		for (j = 0; j < f->nitems; j++) {
			if (!item_listed(ui, row, &f->items[j],
			    keep_feed == i ? keep : NULL))
				continue;
			if (n == alloc) {
				alloc = alloc ? 2 * alloc : 64;
				ui->irows = xreallocarray(ui->irows, alloc,
				    sizeof(*ui->irows));
			}
			ui->irows[n].feed = i;
			ui->irows[n++].item = j;
		}
	}
	sort_ui = ui;
	if (n > 1)
		qsort(ui->irows, n, sizeof(*ui->irows), cmp_refs);
	ui->items.n = n;
}

void
data_open_items(struct ui *ui, size_t row)
{
	ui->items_of = row;
	ui->items_open = 1;
	ui->items.cur = ui->items.top = 0;
	build_items(ui, &ui->frows[row], (size_t)-1, NULL);
	list_set_count(&ui->items, ui->items.n);
}

/* Rebuild the open list with the cursor on the same article, if any. */
static void
rebuild_items(struct ui *ui, size_t feed, const char *key)
{
	size_t screen_row = ui->items.cur - ui->items.top, i;

	build_items(ui, &ui->frows[ui->items_of], feed, key);
	list_set_count(&ui->items, ui->items.n);
	for (i = 0; key != NULL && i < ui->items.n; i++)
		if (ui->irows[i].feed == feed &&
		    strcmp(data_item(ui, &ui->irows[i])->key, key) == 0) {
			ui->items.cur = i;
			ui->items.top = i >= screen_row ? i - screen_row : 0;
			break;
		}
}

/* Rebuild the open list, first dropping feed's cache (or none: -1). */
static void
rebuild_dropping(struct ui *ui, size_t feed)
{
	char *key = NULL;
	size_t cur_feed = (size_t)-1;

	if (ui->items_open && ui->items.n > 0) {
		cur_feed = ui->irows[ui->items.cur].feed;
		key = xstrdup(data_item(ui, &ui->irows[ui->items.cur])->key);
	}
	if (feed != (size_t)-1)
		cache_drop(&ui->cache[feed]);
	if (ui->items_open)
		rebuild_items(ui, cur_feed, key);
	free(key);
}

void
data_rebuild_items(struct ui *ui)
{
	rebuild_dropping(ui, (size_t)-1);
}

void
data_reload_feed(struct ui *ui, size_t feed)
{
	rebuild_dropping(ui, feed);
}

int
data_set_flags(struct ui *ui, const struct item_ref *ref, unsigned flags)
{
	struct store_feed *f = data_feed(ui, ref->feed);
	struct store_item *it = &f->items[ref->item];
	struct strbuf err = STRBUF_INIT;
	int ret = 0;

	if (flags != it->flags) {
		ret = model_set_flags(ui->m, f->id, it->key, it->flags, flags,
		    &err);
		if (ret == 0)
			it->flags = flags;
		else
			ui_message(ui, 1, "%s", err.buf);
	}
	strbuf_release(&err);
	return ret;
}

/* Open the next (dir 1) or previous (-1) feed row with unread items. */
static int
next_unread_feed(struct ui *ui, int dir)
{
	size_t i = ui->items_open ? ui->items_of : ui->feeds.cur;
	struct feed_row *row;

	while (dir > 0 ? i + 1 < ui->feeds.n : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		row = &ui->frows[i];
		if (row->kind == ROW_FEED && data_row_unread(ui, row) > 0) {
			ui->feeds.cur = i;
			data_open_items(ui, i);
			return 1;
		}
	}
	return 0;
}

/* The next unread row of the open list from cur, in dir; -1 if none. */
static long
unread_in_list(struct ui *ui, size_t from, int dir, int inclusive)
{
	size_t i = from;

	if (!inclusive && (dir > 0 ? i + 1 >= ui->items.n : i == 0))
		return -1;
	if (!inclusive)
		i = dir > 0 ? i + 1 : i - 1;
	for (;;) {
		if (data_item(ui, &ui->irows[i])->flags & ITEM_UNREAD)
			return (long)i;
		if (dir > 0 ? i + 1 >= ui->items.n : i == 0)
			return -1;
		i = dir > 0 ? i + 1 : i - 1;
	}
}

int
data_find_unread(struct ui *ui, int dir)
{
	long i = -1;

	if (ui->focus == PANE_FEEDS) {
		data_open_items(ui, ui->feeds.cur);
		if (ui->items.n > 0)
			i = unread_in_list(ui, dir > 0 ? 0 : ui->items.n - 1,
			    dir, 1);
	} else if (ui->items_open && ui->items.n > 0) {
		i = unread_in_list(ui, ui->items.cur, dir, 0);
	}
	while (i < 0) {
		if (!next_unread_feed(ui, dir))
			return 0;
		if (ui->items.n > 0)
			i = unread_in_list(ui, dir > 0 ? 0 : ui->items.n - 1,
			    dir, 1);
	}
	ui->items.cur = (size_t)i;
	return 1;
}

void
data_mark_list_read(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->items.n; i++)
		data_set_flags(ui, &ui->irows[i],
		    data_item(ui, &ui->irows[i])->flags & ~ITEM_UNREAD);
}

void
data_reload_row(struct ui *ui, size_t row)
{
	const struct feed_row *r = &ui->frows[row];

	model_refresh_start(ui->m, r->kind == ROW_FEED ?
	    model_sub(ui->m, r->feed)->url : NULL);
}

int
data_find_key(struct ui *ui, size_t feed, const char *key, size_t *item)
{
	struct store_feed *f = data_feed(ui, feed);
	size_t i;

	for (i = 0; i < f->nitems; i++)
		if (strcmp(f->items[i].key, key) == 0) {
			*item = i;
			return 1;
		}
	return 0;
}

int
data_current(struct ui *ui, struct item_ref *ref)
{
	if (ui->focus != PANE_ARTICLE && ui->items_open && ui->items.n > 0) {
		*ref = ui->irows[ui->items.cur];
		return 1;
	}
	ref->feed = ui->art.feed;
	return ui->art.shown && data_find_key(ui, ui->art.feed, ui->art.key,
	    &ref->item);
}

void
data_toggle(struct ui *ui, unsigned flag)
{
	struct item_ref ref;

	if (data_current(ui, &ref))
		data_set_flags(ui, &ref, data_item(ui, &ref)->flags ^ flag);
}
