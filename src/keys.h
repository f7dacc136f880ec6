/* SPDX-License-Identifier: ISC */
/*
 * Keys and what they do: the actions of the reader, their names (as the
 * config file's "bind" and the help screen say them), the default
 * bindings of DESIGN.md, and key names both ways ("j", "Space", "Down",
 * "^L", "F5"). A key is a Unicode code point, or one of the KEYS_*
 * codes for keys that have none; the interface turns what curses reads
 * into these. No curses here.
 */
#ifndef TIDINGS_KEYS_H
#define TIDINGS_KEYS_H

#include <stddef.h>

#include "util/strbuf.h"

/* Keys without a code point of their own, above Unicode's range. */
enum keys_special {
	KEYS_UP = 0x110000, KEYS_DOWN, KEYS_LEFT, KEYS_RIGHT,
	KEYS_PGUP, KEYS_PGDN, KEYS_HOME, KEYS_END, KEYS_ENTER,
	KEYS_BACKSPACE, KEYS_DELETE, KEYS_TAB, KEYS_ESC, KEYS_RESIZE,
	KEYS_F0,		/* F1 is KEYS_F0 + 1, up to F12 */
	KEYS_NONE = KEYS_F0 + 13,
};

enum action {
	ACT_NONE,
	ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_FIRST, ACT_LAST,
	ACT_OPEN, ACT_BACK, ACT_QUIT,
	ACT_NEXT_UNREAD, ACT_PREV_UNREAD, ACT_TOGGLE_READ, ACT_MARK_ALL_READ,
	ACT_TOGGLE_FLAG, ACT_RELOAD, ACT_RELOAD_ALL,
	ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_HELP, ACT_COMMAND,
	ACT_OPEN_BROWSER, ACT_LINKS, ACT_SAVE, ACT_TOGGLE_KEYFACTS,
	ACT_FULL_ARTICLE, ACT_SELECT_TAG, ACT_TOGGLE_UNREAD_ONLY,
	ACT_NEXT_PANE, ACT_REDRAW,
	ACT_LINK_1, ACT_LINK_2, ACT_LINK_3, ACT_LINK_4, ACT_LINK_5,
	ACT_LINK_6, ACT_LINK_7, ACT_LINK_8, ACT_LINK_9,
	ACT_COUNT
};

/*
 * The views a binding can be limited to; KEYS_VIEW_ALL binds in every
 * view. A binding for the view wins over one for all.
 */
enum keys_view {
	KEYS_VIEW_ALL,
	KEYS_VIEW_FEEDS,
	KEYS_VIEW_HEADLINES,
	KEYS_VIEW_ARTICLE,
	KEYS_VIEW_HELP,
	KEYS_VIEW_LINKS,
	KEYS_VIEW_TAGS,
	KEYS_VIEW_COUNT
};

/* The action bound to key in view, or ACT_NONE. */
enum action keys_action(int key, enum keys_view view);

/* The view called name ("feeds", "headlines", "article", "help",
 * "links", "tags"), or -1. */
int keys_view_by_name(const char *name);

/* The action called name ("next-unread"), or ACT_NONE. */
enum action keys_action_by_name(const char *name);

/* The name and the one-line description (untranslated) of action. */
const char *keys_action_name(enum action action);
const char *keys_action_help(enum action action);

/* The key called name ("j", "Down", "^L", "F5"), or KEYS_NONE. */
int keys_by_name(const char *name);

/* Append the name of key to sb. */
void keys_name(int key, struct strbuf *sb);

/*
 * Append the names of the keys bound to action in view (those for every
 * view and those for it), ", " between, to sb.
 */
void keys_names_of(enum action action, enum keys_view view,
    struct strbuf *sb);

/*
 * Bind the key called key_name to the action called action_name in the
 * view called view_name (NULL: every view); action "none" unbinds it
 * there. Returns 0, or -1 with the reason in err.
 */
int keys_bind(const char *key_name, const char *action_name,
    const char *view_name, struct strbuf *err);

/* Back to the default bindings. */
void keys_reset(void);

#endif
