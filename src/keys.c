/* SPDX-License-Identifier: ISC */
/*
 * The actions, their names, the default key bindings and key names.
 */
#include "config.h"

#include "keys.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"

struct action_info {
	const char	*name;
	const char	*help;
};

static const struct action_info actions[ACT_COUNT] = {
	[ACT_NONE] =		{ "none", N_("nothing") },
	[ACT_DOWN] =		{ "down", N_("next line") },
	[ACT_UP] =		{ "up", N_("previous line") },
	[ACT_PAGE_DOWN] =	{ "page-down", N_("page down") },
	[ACT_PAGE_UP] =		{ "page-up", N_("page up") },
	[ACT_FIRST] =		{ "first", N_("first line") },
	[ACT_LAST] =		{ "last", N_("last line") },
	[ACT_OPEN] =		{ "open", N_("open the feed or article") },
	[ACT_BACK] =		{ "back", N_("back; quit from the feed list") },
	[ACT_QUIT] =		{ "quit", N_("quit from anywhere") },
	[ACT_NEXT_UNREAD] =	{ "next-unread",
	    N_("next unread article, across feeds") },
	[ACT_PREV_UNREAD] =	{ "prev-unread",
	    N_("previous unread article, across feeds") },
	[ACT_TOGGLE_READ] =	{ "toggle-read", N_("mark read or unread") },
	[ACT_MARK_ALL_READ] =	{ "mark-all-read",
	    N_("mark the feed or the whole list read") },
	[ACT_TOGGLE_FLAG] =	{ "toggle-flag", N_("flag or unflag") },
	[ACT_RELOAD] =		{ "reload", N_("reload this feed") },
	[ACT_RELOAD_ALL] =	{ "reload-all", N_("reload all feeds") },
	[ACT_SEARCH] =		{ "search", N_("search titles and text") },
	[ACT_SEARCH_NEXT] =	{ "search-next", N_("next match") },
	[ACT_SEARCH_PREV] =	{ "search-prev", N_("previous match") },
	[ACT_HELP] =		{ "help", N_("this help") },
	[ACT_COMMAND] =		{ "command", N_("command line") },
	[ACT_OPEN_BROWSER] =	{ "open-in-browser",
	    N_("open the article's link in the browser") },
	[ACT_LINKS] =		{ "links", N_("list the article's links") },
	[ACT_SAVE] =		{ "save", N_("save the article as text") },
	[ACT_TOGGLE_KEYFACTS] =	{ "toggle-keyfacts",
	    N_("show or hide the key facts sidebar") },
	[ACT_FULL_ARTICLE] =	{ "full-article",
	    N_("fetch the full article from its link") },
	[ACT_SELECT_TAG] =	{ "select-tag",
	    N_("show only the feeds with a tag") },
	[ACT_TOGGLE_UNREAD_ONLY] = { "toggle-unread-only",
	    N_("show only unread, or everything") },
	[ACT_NEXT_PANE] =	{ "next-pane", N_("move to the next pane") },
	[ACT_REDRAW] =		{ "redraw", N_("redraw the screen") },
	[ACT_LINK_1] =		{ "open-link-1", N_("open link 1") },
	[ACT_LINK_2] =		{ "open-link-2", N_("open link 2") },
	[ACT_LINK_3] =		{ "open-link-3", N_("open link 3") },
	[ACT_LINK_4] =		{ "open-link-4", N_("open link 4") },
	[ACT_LINK_5] =		{ "open-link-5", N_("open link 5") },
	[ACT_LINK_6] =		{ "open-link-6", N_("open link 6") },
	[ACT_LINK_7] =		{ "open-link-7", N_("open link 7") },
	[ACT_LINK_8] =		{ "open-link-8", N_("open link 8") },
	[ACT_LINK_9] =		{ "open-link-9", N_("open link 9") },
};

struct binding {
	int		key;
	enum action	action;
	enum keys_view	view;
};

static const struct {
	int		key;
	enum action	action;
} defaults[] = {
	{ 'j', ACT_DOWN }, { KEYS_DOWN, ACT_DOWN },
	{ 'k', ACT_UP }, { KEYS_UP, ACT_UP },
	{ KEYS_PGDN, ACT_PAGE_DOWN }, { ' ', ACT_PAGE_DOWN },
	{ KEYS_PGUP, ACT_PAGE_UP }, { 'b', ACT_PAGE_UP },
	{ 'g', ACT_FIRST }, { KEYS_HOME, ACT_FIRST },
	{ 'G', ACT_LAST }, { KEYS_END, ACT_LAST },
	{ KEYS_ENTER, ACT_OPEN }, { 'l', ACT_OPEN }, { KEYS_RIGHT, ACT_OPEN },
	{ 'q', ACT_BACK }, { 'h', ACT_BACK }, { KEYS_LEFT, ACT_BACK },
	{ 'Q', ACT_QUIT },
	{ 'n', ACT_NEXT_UNREAD }, { 'p', ACT_PREV_UNREAD },
	{ 'N', ACT_TOGGLE_READ }, { 'A', ACT_MARK_ALL_READ },
	{ 'f', ACT_TOGGLE_FLAG },
	{ 'r', ACT_RELOAD }, { 'R', ACT_RELOAD_ALL },
	{ '/', ACT_SEARCH }, { ']', ACT_SEARCH_NEXT },
	{ '[', ACT_SEARCH_PREV },
	{ '?', ACT_HELP }, { ':', ACT_COMMAND },
	{ 'o', ACT_OPEN_BROWSER }, { 'u', ACT_LINKS }, { 's', ACT_SAVE },
	{ 'K', ACT_TOGGLE_KEYFACTS }, { 'F', ACT_FULL_ARTICLE },
	{ 't', ACT_SELECT_TAG }, { 'U', ACT_TOGGLE_UNREAD_ONLY },
	{ KEYS_TAB, ACT_NEXT_PANE }, { 'L' - '@', ACT_REDRAW },
	{ '1', ACT_LINK_1 }, { '2', ACT_LINK_2 }, { '3', ACT_LINK_3 },
	{ '4', ACT_LINK_4 }, { '5', ACT_LINK_5 }, { '6', ACT_LINK_6 },
	{ '7', ACT_LINK_7 }, { '8', ACT_LINK_8 }, { '9', ACT_LINK_9 },
};

#define NDEFAULTS	(sizeof(defaults) / sizeof(defaults[0]))
#define MAX_BINDINGS	256

static struct binding table[MAX_BINDINGS];
static size_t ntable;
static int table_ready;

void
keys_reset(void)
{
	size_t i;

	for (i = 0; i < NDEFAULTS; i++) {
		table[i].key = defaults[i].key;
		table[i].action = defaults[i].action;
		table[i].view = KEYS_VIEW_ALL;
	}
	ntable = NDEFAULTS;
	table_ready = 1;
}

static void
ready(void)
{
	if (!table_ready)
		keys_reset();
}

static const char *const view_names[KEYS_VIEW_COUNT] = {
	"all", "feeds", "headlines", "article", "help", "links", "tags",
};

int
keys_view_by_name(const char *name)
{
	int v;

	for (v = 0; v < KEYS_VIEW_COUNT; v++)
		if (strcmp(view_names[v], name) == 0)
			return v;
	return -1;
}

/* The binding of key in exactly view, or -1. */
static long
find(int key, enum keys_view view)
{
	size_t i;

	ready();
	for (i = 0; i < ntable; i++)
		if (table[i].key == key && table[i].view == view)
			return (long)i;
	return -1;
}

enum action
keys_action(int key, enum keys_view view)
{
	long i = find(key, view);

	if (i < 0 && view != KEYS_VIEW_ALL)
		i = find(key, KEYS_VIEW_ALL);
	return i < 0 ? ACT_NONE : table[i].action;
}

enum action
keys_action_by_name(const char *name)
{
	int a;

	for (a = 0; a < ACT_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (enum action)a;
	return ACT_NONE;
}

const char *
keys_action_name(enum action action)
{
	return actions[action].name;
}

const char *
keys_action_help(enum action action)
{
	return actions[action].help;
}

static const struct {
	const char	*name;
	int		 key;
} key_names[] = {
	{ "Up", KEYS_UP }, { "Down", KEYS_DOWN }, { "Left", KEYS_LEFT },
	{ "Right", KEYS_RIGHT }, { "PgUp", KEYS_PGUP }, { "PgDn", KEYS_PGDN },
	{ "Home", KEYS_HOME }, { "End", KEYS_END }, { "Enter", KEYS_ENTER },
	{ "Backspace", KEYS_BACKSPACE }, { "Delete", KEYS_DELETE },
	{ "Tab", KEYS_TAB }, { "Esc", KEYS_ESC }, { "Space", ' ' },
};

#define NKEY_NAMES	(sizeof(key_names) / sizeof(key_names[0]))

int
keys_by_name(const char *name)
{
	uint32_t cp;
	size_t i, len = strlen(name);
	char *end;
	long f;

	for (i = 0; i < NKEY_NAMES; i++)
		if (strcmp(key_names[i].name, name) == 0)
			return key_names[i].key;
	if (len == 2 && name[0] == '^' && name[1] >= '@' && name[1] <= '_')
		return name[1] - '@';
	if (len >= 2 && len <= 3 && name[0] == 'F' && name[1] != '0') {
		f = strtol(name + 1, &end, 10);
		if (*end == '\0' && f >= 1 && f <= 12)
			return KEYS_F0 + (int)f;
	}
	if (len > 0 && utf8_decode(name, len, &cp) == len && cp > ' ' &&
	    cp != 0x7f)
		return (int)cp;
	return KEYS_NONE;
}

void
keys_name(int key, struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < NKEY_NAMES; i++)
		if (key_names[i].key == key) {
			strbuf_addstr(sb, key_names[i].name);
			return;
		}
	if (key > KEYS_F0 && key <= KEYS_F0 + 12)
		strbuf_addf(sb, "F%d", key - KEYS_F0);
	else if (key >= 0 && key < ' ')
		strbuf_addf(sb, "^%c", key + '@');
	else if (key > ' ' && key < 0x110000 && key != 0x7f)
		utf8_add(sb, (uint32_t)key);
	else
		strbuf_addf(sb, "<%d>", key);
}

void
keys_names_of(enum action action, enum keys_view view, struct strbuf *sb)
{
	size_t i, n = 0;

	ready();
	for (i = 0; i < ntable; i++)
		if (table[i].action == action &&
		    keys_action(table[i].key, view) == action &&
		    (table[i].view == view || table[i].view == KEYS_VIEW_ALL)) {
			if (n++ > 0)
				strbuf_addstr(sb, ", ");
			keys_name(table[i].key, sb);
		}
}

int
keys_bind(const char *key_name, const char *action_name,
    const char *view_name, struct strbuf *err)
{
	int key = keys_by_name(key_name);
	enum action a = keys_action_by_name(action_name);
	int view = view_name != NULL ? keys_view_by_name(view_name) :
	    KEYS_VIEW_ALL;
	long i;

	ready();
	if (key == KEYS_NONE) {
		strbuf_addf(err, _("unknown key '%s'"), key_name);
		return -1;
	}
	if (a == ACT_NONE && strcmp(action_name, "none") != 0) {
		strbuf_addf(err, _("unknown action '%s'"), action_name);
		return -1;
	}
	if (view < 0) {
		strbuf_addf(err, _("unknown view '%s'"), view_name);
		return -1;
	}
	i = find(key, (enum keys_view)view);
	if (i >= 0)
		table[i] = table[--ntable];
	if (a == ACT_NONE && view == KEYS_VIEW_ALL)
		return 0;	/* a view's "none" stays, to hide the key */
	if (ntable == MAX_BINDINGS) {
		strbuf_addstr(err, _("too many key bindings"));
		return -1;
	}
	table[ntable].key = key;
	table[ntable].action = a;
	table[ntable++].view = (enum keys_view)view;
	return 0;
}
