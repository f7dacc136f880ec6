/* SPDX-License-Identifier: ISC */
/*
 * Inside the reader: the state the views share, the view operations, and
 * the helpers every view uses. A view is one file exporting one const
 * struct view_ops; it draws itself into a rectangle and takes the actions
 * the keys module maps keys to.
 */
#ifndef TIDINGS_UI_VIEW_H
#define TIDINGS_UI_VIEW_H

#include <curses.h>
#include <stddef.h>

#include "html.h"
#include "keyfacts.h"
#include "keys.h"
#include "model.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "util/strbuf.h"

struct rect {
	int	y, x, h, w;
};

struct ui;

struct view_ops {
	const char	*name;
	enum keys_view	 view;		/* for its own key bindings */
	void		(*draw)(struct ui *, const struct rect *);
	int		(*key)(struct ui *, enum action);	/* 1: taken */
};

/* What a view does for an action: one row of its table. */
struct view_fn {
	enum action	 action;
	void		(*fn)(struct ui *);
};

/* Run the function of the n in fns for action; 1 if there was one. */
int view_dispatch(struct ui *ui, const struct view_fn *fns, size_t n,
    enum action action);

#define VIEW_DISPATCH(ui, fns, a) \
	view_dispatch((ui), (fns), sizeof(fns) / sizeof((fns)[0]), (a))

extern const struct view_ops view_feeds_ops;
extern const struct view_ops view_items_ops;
extern const struct view_ops view_article_ops;
extern const struct view_ops view_help_ops;
extern const struct view_ops view_links_ops;
extern const struct view_ops view_tags_ops;

enum pane {
	PANE_FEEDS,
	PANE_ITEMS,
	PANE_ARTICLE,
};

/* A row of the feed list. */
enum feed_row_kind {
	ROW_ALL,	/* every article of the feeds shown */
	ROW_FLAGGED,	/* every flagged article */
	ROW_FEED,
};

struct feed_row {
	enum feed_row_kind	kind;
	size_t			feed;	/* ROW_FEED: the model's index */
};

/* An article in a headline list: a feed and an item of its cache. */
struct item_ref {
	size_t	feed;
	size_t	item;
};

/* A feed's items as last read from the store, loaded when needed. */
struct feed_cache {
	struct store_feed	feed;
	struct store_bodies	bodies;
	int			loaded;
	int			bodies_loaded;
};

/* A line of the article pane. */
enum art_attr {
	ART_TEXT,
	ART_TITLE,
	ART_META,
	ART_HEADING,
	ART_FACT,
	ART_BOX,
	ART_LINK,
};

struct art_line {
	enum art_attr	 attr;
	char		*text;
};

/* The article shown, rendered for the width it was last drawn at. */
struct article {
	int		 shown;
	size_t		 feed;
	char		*key;
	struct html_doc	 doc;
	struct keyfacts	 kf;
	struct art_line	*lines;
	size_t		 nlines;
	size_t		 alloc;
	int		 width;		/* of lines; 0: not laid out */
	int		 boxed;		/* the facts are in lines */
	size_t		 scroll;
};

enum overlay {
	OVERLAY_NONE,
	OVERLAY_HELP,
	OVERLAY_LINKS,
	OVERLAY_TAGS,
};

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_SEARCH,
	PROMPT_COMMAND,
	PROMPT_CONFIRM,		/* "Quit tidings? (y/n)" */
};

enum draw_attr {
	DRAW_NORMAL,	/* the "normal" colour */
	DRAW_BOLD,	/* it, bold: headings */
	DRAW_DIM,	/* "meta": dates, authors, links */
	DRAW_REVERSE,	/* "cursor" */
	DRAW_ERROR,	/* "error" */
	DRAW_ACCENT,	/* "accent": the key facts */
	DRAW_UNREAD,	/* "unread" feeds and articles */
	DRAW_TITLE,	/* "title-bar" */
	DRAW_STATUS,	/* "status" */
	DRAW_FRAME,	/* "frame" */
	DRAW_COUNT
};

struct ui {
	struct model		*m;
	struct config		*cfg;
	int			 rows, cols;
	int			 wide;		/* the layout in use */
	int			 ascii;		/* no UTF-8 terminal */
	int			 color;
	attr_t			 attrs[DRAW_COUNT];	/* by draw.c */
	enum pane		 focus;		/* narrow: the view shown */
	enum overlay		 overlay;
	int			 sidebar;	/* key facts beside it */
	int			 unread_only;
	char			*tag;		/* feeds shown, or NULL: all */

	struct feed_row		*frows;
	struct list		 feeds;
	struct item_ref		*irows;
	struct list		 items;
	size_t			 items_of;	/* the feed row listed */
	int			 items_open;
	struct feed_cache	*cache;		/* one per subscription */
	size_t			 ncache;
	struct article		 art;

	struct list		 help;
	enum keys_view		 help_view;	/* whose keys it lists */
	struct list		 links;
	struct list		 tags;
	char			**tag_names;

	enum prompt_kind	 prompt;
	struct strbuf		 input;
	char			*search;
	struct strbuf		 msg;		/* the status line's message */
	int			 msg_error;
	int			 quit;
	int			 page;		/* rows of the focused list */
	int			 date_cols;	/* of the headline list */
};

/* ui.c */
void ui_message(struct ui *ui, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_open_url(struct ui *ui, const char *url);
void ui_run_command(struct ui *ui, const char *line);
void ui_global_action(struct ui *ui, enum action a);
/* Quit, or ask first when confirm-quit is set. */
void ui_request_quit(struct ui *ui);
void ui_search(struct ui *ui, int dir);

/* prompt.c: the status line, and the prompt in its place. */
void prompt_key(struct ui *ui, int key);

/* draw.c: text, sanitised and cut to a width, at a place. */
void draw_init(struct ui *ui);
/* Take the colours of the settings again. */
void draw_colors(struct ui *ui);
void draw_text(struct ui *ui, int y, int x, int w, const char *s,
    enum draw_attr attr);
void draw_fill(struct ui *ui, int y, int x, int w, enum draw_attr attr);
void draw_hline(struct ui *ui, int y, int x, int w);
void draw_vline(struct ui *ui, int y, int x, int h);
void draw_frame_char(struct ui *ui, int y, int x, chtype c);
void draw_frame(struct ui *ui);
void draw_status(struct ui *ui);
void draw_date(const struct ui *ui, int64_t t, char *buf, size_t size);
#define DATE_BUF	160	/* room for any date-format */

/* data.c: the lists behind the views. */
void data_init(struct ui *ui);
void data_release(struct ui *ui);
void data_build_feeds(struct ui *ui);
/* Make room for subscriptions added while the reader runs. */
void data_grow(struct ui *ui);
struct store_feed *data_feed(struct ui *ui, size_t feed);
struct store_body *data_body(struct ui *ui, size_t feed, const char *key);
struct store_item *data_item(struct ui *ui, const struct item_ref *ref);
void data_open_items(struct ui *ui, size_t row);
void data_reload_feed(struct ui *ui, size_t feed);
void data_rebuild_items(struct ui *ui);
const char *data_feed_name(const struct ui *ui, size_t feed);
int data_set_flags(struct ui *ui, const struct item_ref *ref,
    unsigned flags);
size_t data_row_unread(struct ui *ui, const struct feed_row *row);
int data_find_unread(struct ui *ui, int dir);
void data_mark_list_read(struct ui *ui);
/* The article the keys act on: the one shown in the article pane when
 * it has the focus, else the one under the headline cursor. */
int data_current(struct ui *ui, struct item_ref *ref);
/* The index of item key in the feed's cache, in *item; 0 if none. */
int data_find_key(struct ui *ui, size_t feed, const char *key,
    size_t *item);
/* Toggle flag (ITEM_UNREAD, ITEM_FLAGGED) of the current article. */
void data_toggle(struct ui *ui, unsigned flag);
void data_reload_row(struct ui *ui, size_t row);

/* view-article.c */
void article_show(struct ui *ui, const struct item_ref *ref);
void view_items_open(struct ui *ui);
void view_tags_enter(struct ui *ui);
void article_clear(struct ui *ui);
void view_article_facts_draw(struct ui *ui, const struct rect *r);
void article_save(struct ui *ui);
/* Lay the article out for width columns, the facts boxed or not. */
void article_layout(struct ui *ui, int width, int boxed);
const char *article_title(struct ui *ui);
/* Whether needle is in s, ASCII letters matched in either case. */
int text_contains(const char *s, const char *needle);
int article_matches(struct ui *ui, const struct item_ref *ref,
    const char *needle);

/* layout.c */
void layout_compute(struct ui *ui, struct rect *feeds, struct rect *items,
    struct rect *article, struct rect *facts);
void layout_draw(struct ui *ui);
int layout_key(struct ui *ui, enum action action);
/* The view that has the keys now. */
enum keys_view layout_view(const struct ui *ui);

#endif
