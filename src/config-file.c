/* SPDX-License-Identifier: ISC */
/*
 * The config file: lines into words, the commands, the table of settings
 * with their types, bounds and defaults, "include" with its depth and
 * cycle checks, and the closest known name for a word that is wrong.
 */
#include "config.h"

#include "config-file.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keys.h"
#include "util/ascii.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define FILE_MAX	(1u << 20)	/* the largest config file */
#define STRING_MAX	4096		/* the longest string value */
#define SUGGEST_MAX	2		/* edits a suggestion may be away */
#define SHOWN_MAX	80		/* bytes of a bad value in a message */

enum setting_type {
	SET_BOOL,
	SET_INT,	/* min to max */
	SET_INT0,	/* 0, or min to max */
	SET_STRING,	/* at most max bytes; empty: unset (NULL) */
	SET_PATH,	/* a SET_STRING with "~/" expanded */
	SET_DATE,	/* a strftime(3) format, never NULL nor empty */
	SET_LAYOUT,
};

struct setting {
	const char		*name;
	enum setting_type	 type;
	size_t			 offset;	/* in struct config */
	int			 min, max;	/* a string's max: bytes */
	const char		*def;		/* as text; NULL: unset */
	const char		*help;
};

#define FIELD(f)	offsetof(struct config, f)

/* In the manual's order. */
static const struct setting settings[] = {
	{ "browser", SET_STRING, FIELD(browser), 0, STRING_MAX, NULL,
	    N_("the command that opens links") },
	{ "confirm-quit", SET_BOOL, FIELD(confirm_quit), 0, 1, "no",
	    N_("ask before quitting") },
	{ "date-format", SET_DATE, FIELD(date_format), 0,
	    CONFIG_DATE_FORMAT_MAX, "%b %d",
	    N_("how the headline lists show dates (strftime)") },
	{ "download-timeout", SET_INT, FIELD(download_timeout), 5, 600, "60",
	    N_("seconds one feed may take to download") },
	{ "keep-days", SET_INT, FIELD(keep_days), 0, 36500, "0",
	    N_("days a read article is kept; 0: forever") },
	{ "key-facts", SET_BOOL, FIELD(key_facts), 0, 1, "yes",
	    N_("show the key facts sidebar at start") },
	{ "key-facts-count", SET_INT0, FIELD(key_facts_count), 1, 6, "0",
	    N_("key facts to show; 0: three to six, as the article needs") },
	{ "layout", SET_LAYOUT, FIELD(layout), 0, 0, "auto",
	    N_("the screen: auto, wide or narrow") },
	{ "max-articles", SET_INT, FIELD(max_articles), 0, 1000000, "0",
	    N_("articles kept for each feed; 0: no limit") },
	{ "refresh-on-start", SET_BOOL, FIELD(refresh_on_start), 0, 1, "no",
	    N_("reload every feed when the reader starts") },
	{ "reload-concurrency", SET_INT, FIELD(reload_concurrency), 1, 64,
	    "16", N_("feeds fetched at the same time") },
	{ "reload-interval", SET_INT, FIELD(reload_interval), 0, 10080, "0",
	    N_("minutes between automatic reloads; 0: none") },
	{ "save-dir", SET_PATH, FIELD(save_dir), 0, STRING_MAX, NULL,
	    N_("the folder articles are saved in") },
	{ "show-read", SET_BOOL, FIELD(show_read), 0, 1, "yes",
	    N_("list read feeds and articles at start") },
	{ "sidebar-width", SET_INT0, FIELD(sidebar_width), 16, 200, "0",
	    N_("columns of the key facts sidebar; 0: a third") },
	{ "user-agent", SET_STRING, FIELD(user_agent), 0, 512, NULL,
	    N_("the User-Agent header sent to web servers") },
};

#define NSETTINGS	(sizeof(settings) / sizeof(settings[0]))

static const char *const layout_names[] = { "auto", "wide", "narrow" };

static const char *const bool_true[] = { "yes", "true", "on", "1" };
static const char *const bool_false[] = { "no", "false", "off", "0" };

static const char *const element_names[CONFIG_NELEMENTS] = {
	"normal", "title-bar", "status", "cursor", "unread", "error",
	"accent", "meta", "frame",
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char	*name;
	unsigned	 attr;
} attr_names[] = {
	{ "bold", CONFIG_BOLD }, { "dim", CONFIG_DIM },
	{ "underline", CONFIG_UNDERLINE }, { "reverse", CONFIG_REVERSE },
	{ "standout", CONFIG_STANDOUT }, { "blink", CONFIG_BLINK },
	{ "normal", 0 },
};

/* For suggestions only: what keys.h accepts but does not list. */
static const char *const view_names[] = {
	"all", "feeds", "headlines", "article", "help", "links", "tags",
};

static const char *const key_names[] = {
	"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
	"Enter", "Backspace", "Delete", "Tab", "Esc", "Space",
};

/*
 * newsboat's names for what tidings calls otherwise, so that a line
 * copied from a newsboat config is answered with the name to use.
 */
static const struct {
	const char	*newsboat;
	const char	*tidings;
} newsboat_names[] = {
	{ "auto-reload", "reload-interval" },
	{ "bind-key", "bind" },
	{ "confirm-exit", "confirm-quit" },
	{ "keep-articles-days", "keep-days" },
	{ "max-items", "max-articles" },
	{ "refresh-on-startup", "refresh-on-start" },
	{ "reload-threads", "reload-concurrency" },
	{ "reload-time", "reload-interval" },
	{ "save-path", "save-dir" },
	{ "show-read-articles", "show-read" },
	{ "show-read-feeds", "show-read" },
	{ "unbind-key", "unbind" },
};

#define NELEMS(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * What a load has open: the files being read, outermost first (their
 * device and inode, for cycles), and where errors go.
 */
struct loader {
	struct config	*c;
	struct strbuf	*errors;
	int		 nerrors;
	int		 depth;		/* files open */
	dev_t		 dev[CONFIG_MAX_DEPTH + 1];
	ino_t		 ino[CONFIG_MAX_DEPTH + 1];
};

struct words {
	char	**v;
	size_t	  n;
	size_t	  alloc;
};

static int exec_words(struct loader *ld, const char *file, char **w,
    size_t n, struct strbuf *err);

/*
 * Append msg to sb as one clean line: it quotes the user's words, whose
 * control characters are shown as \n, \t, \r, \xNN or \u00NN (C1), and
 * sanitize() takes out whatever else a terminal would obey.
 */
static void
add_clean(struct strbuf *sb, const char *msg)
{
	struct strbuf shown = STRBUF_INIT;
	const unsigned char *p;

	for (p = (const unsigned char *)msg; *p != '\0'; p++)
		if (*p == '\n')
			strbuf_addstr(&shown, "\\n");
		else if (*p == '\t')
			strbuf_addstr(&shown, "\\t");
		else if (*p == '\r')
			strbuf_addstr(&shown, "\\r");
		else if (*p < 0x20 || *p == 0x7f)
			strbuf_addf(&shown, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			strbuf_addf(&shown, "\\u%04x", *++p);
		else
			strbuf_addch(&shown, *p);
	sanitize_add(sb, shown.buf, shown.len, SANITIZE_LINE);
	strbuf_release(&shown);
}

/* --- Suggestions --------------------------------------------------- */

#define SAME(x, y)	(ASCII_TOLOWER(x) == ASCII_TOLOWER(y))

/*
 * The edit distance between a and b (insertions, deletions,
 * substitutions and swaps of neighbours, ASCII case ignored), or
 * SUGGEST_MAX + 1 for anything farther or longer than 63 bytes.
 */
static int
distance(const char *a, const char *b)
{
	int d[64][64];
	size_t la = strlen(a), lb = strlen(b), i, j;
	int cost, v;

	if (la >= 64 || lb >= 64 ||
	    (la > lb ? la - lb : lb - la) > SUGGEST_MAX)
		return SUGGEST_MAX + 1;
	for (i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			cost = !SAME(a[i - 1], b[j - 1]);
			v = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && SAME(a[i - 1], b[j - 2]) &&
			    SAME(a[i - 2], b[j - 1]) && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

/* The i-th of some names; a way to walk tables of any shape. */
typedef const char *name_at_cb(size_t i);

/*
 * The name of n (from name_at) closest to word, or NULL if none is near:
 * within SUGGEST_MAX edits, and fewer edits than either has bytes.
 */
static const char *
closest(const char *word, name_at_cb *name_at, size_t n)
{
	const char *best = NULL;
	int best_d = SUGGEST_MAX + 1, d;
	size_t i;

	for (i = 0; i < n; i++) {
		d = distance(word, name_at(i));
		if (d < best_d && (size_t)d < strlen(word) &&
		    (size_t)d < strlen(name_at(i))) {
			best_d = d;
			best = name_at(i);
		}
	}
	return best;
}

static const char *
setting_at(size_t i)
{
	return settings[i].name;
}

static const char *
newsboat_at(size_t i)
{
	return newsboat_names[i].newsboat;
}

static const char *
action_at(size_t i)
{
	return keys_action_name((enum action)i);
}

static const char *
view_at(size_t i)
{
	return view_names[i];
}

static const char *
key_at(size_t i)
{
	return key_names[i];
}

static const char *
element_at(size_t i)
{
	return element_names[i];
}

static const char *
color_at(size_t i)
{
	return i < NELEMS(color_names) ? color_names[i] : "default";
}

static const char *
attr_at(size_t i)
{
	return attr_names[i].name;
}

/* Append " (did you mean 'name'?)" to msg when name is not NULL. */
static void
add_suggestion(struct strbuf *msg, const char *name)
{
	if (name != NULL)
		strbuf_addf(msg, _(" (did you mean '%s'?)"), name);
}

/* The tidings name for newsboat's name word (or one near it), or NULL. */
static const char *
from_newsboat(const char *word)
{
	const char *nb = closest(word, newsboat_at, NELEMS(newsboat_names));
	size_t i;

	for (i = 0; nb != NULL && i < NELEMS(newsboat_names); i++)
		if (strcmp(newsboat_names[i].newsboat, nb) == 0)
			return newsboat_names[i].tidings;
	return NULL;
}

/* The setting closest to name, its own or newsboat's, or NULL. */
static const char *
closest_setting(const char *name)
{
	const char *s = closest(name, setting_at, NSETTINGS);
	const char *nb = from_newsboat(name);

	if (s != NULL && distance(name, s) <= 1)
		return s;
	if (nb != NULL && config_setting_index(nb) >= 0)
		return nb;
	return s;
}

/* --- Settings ------------------------------------------------------ */

size_t
config_nsettings(void)
{
	return NSETTINGS;
}

const char *
config_setting_name(size_t i)
{
	return i < NSETTINGS ? settings[i].name : NULL;
}

const char *
config_setting_help(size_t i)
{
	return i < NSETTINGS ? settings[i].help : NULL;
}

int
config_setting_index(const char *name)
{
	size_t i;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* The field of c that s sets. */
static void *
field(struct config *c, const struct setting *s)
{
	return (char *)c + s->offset;
}

static const void *
cfield(const struct config *c, const struct setting *s)
{
	return (const char *)c + s->offset;
}

#define int_field(c, s)		((int *)field((c), (s)))
#define string_field(c, s)	((char **)field((c), (s)))

/* value as a bool: 1, 0, or -1 when it is none. */
static int
parse_bool(const char *value)
{
	size_t i;

	for (i = 0; i < NELEMS(bool_true); i++) {
		if (strcasecmp(value, bool_true[i]) == 0)
			return 1;
		if (strcasecmp(value, bool_false[i]) == 0)
			return 0;
	}
	return -1;
}

/* value as a decimal number in *out; 0, or -1 when it is none. */
static int
parse_int(const char *value, long *out)
{
	char *end;
	const char *p = value;

	if (*p == '-')
		p++;
	if (!ASCII_ISDIGIT(*p))
		return -1;
	errno = 0;
	*out = strtol(value, &end, 10);
	if (*end != '\0')
		return -1;
	if (errno == ERANGE)
		*out = *value == '-' ? LONG_MIN : LONG_MAX;
	return 0;
}

/* Whether s holds a control character: C0, DEL, or C1 in UTF-8. */
static int
has_control(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f ||
		    (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return 1;
	return 0;
}

/*
 * Whether the strftime format fmt has a conversion that writes a control
 * character (%n, %t), flags, width and E or O modifiers allowed between.
 */
static int
format_breaks_line(const char *fmt)
{
	const char *p;

	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%')
			continue;
		p++;
		while (*p != '\0' && strchr("_-0^#", *p) != NULL)
			p++;
		while (ASCII_ISDIGIT(*p))
			p++;
		if (*p == 'E' || *p == 'O')
			p++;
		if (*p == 'n' || *p == 't')
			return 1;
		if (*p == '\0')
			break;
	}
	return 0;
}

/*
 * "~" or "~/..." with $HOME in front, else a copy of path; NULL with the
 * reason in msg when there is no HOME.
 */
static char *
expand_home(const char *path, struct strbuf *msg)
{
	const char *home;

	if (path[0] != '~' || (path[1] != '\0' && path[1] != '/'))
		return xstrdup(path);
	home = getenv("HOME");
	if (home == NULL || home[0] == '\0') {
		strbuf_addf(msg,
		    _("cannot expand '~' in '%s': HOME is not set"), path);
		return NULL;
	}
	return xasprintf("%s%s", home, path + 1);
}

/*
 * Append "invalid value 'value' for 'name': " to msg, with a long value
 * cut short (at a character's start) and "..." after it.
 */
static void
invalid(struct strbuf *msg, const struct setting *s, const char *value)
{
	struct strbuf shown = STRBUF_INIT;
	size_t len = strlen(value);

	if (len <= SHOWN_MAX)
		strbuf_add(&shown, value, len);
	else {
		len = SHOWN_MAX;
		while (len > 0 && ((unsigned char)value[len] & 0xc0) == 0x80)
			len--;
		strbuf_add(&shown, value, len);
		strbuf_addstr(&shown, "...");
	}
	strbuf_addf(msg, _("invalid value '%s' for '%s': "), shown.buf,
	    s->name);
	strbuf_release(&shown);
}

/* Set s in c from value; 0, or -1 with the reason in msg. */
static int
set_value(struct config *c, const struct setting *s, const char *value,
    struct strbuf *msg)
{
	long n;
	int b;
	size_t i;
	char *str;

	switch (s->type) {
	case SET_BOOL:
		if ((b = parse_bool(value)) < 0) {
			invalid(msg, s, value);
			strbuf_addstr(msg, _("expected yes or no"));
			return -1;
		}
		*int_field(c, s) = b;
		return 0;
	case SET_INT:
	case SET_INT0:
		if (parse_int(value, &n) == -1 ||
		    ((n < s->min || n > s->max) &&
		    !(s->type == SET_INT0 && n == 0))) {
			invalid(msg, s, value);
			if (s->type == SET_INT0)
				strbuf_addf(msg,
				    _("expected 0 or a number from %d to %d"),
				    s->min, s->max);
			else
				strbuf_addf(msg,
				    _("expected a number from %d to %d"),
				    s->min, s->max);
			return -1;
		}
		*int_field(c, s) = (int)n;
		return 0;
	case SET_LAYOUT:
		for (i = 0; i < NELEMS(layout_names); i++)
			if (strcmp(value, layout_names[i]) == 0) {
				c->layout = (enum config_layout)i;
				return 0;
			}
		invalid(msg, s, value);
		strbuf_addstr(msg, _("expected auto, wide or narrow"));
		return -1;
	case SET_STRING:
	case SET_PATH:
	case SET_DATE:
		break;
	}
	if (strlen(value) > (size_t)s->max) {
		invalid(msg, s, value);
		strbuf_addf(msg, _("longer than %d bytes"), s->max);
		return -1;
	}
	if (has_control(value)) {
		invalid(msg, s, value);
		strbuf_addstr(msg, _("control characters such as a newline "
		    "are not allowed"));
		return -1;
	}
	if (s->type == SET_DATE && value[0] == '\0') {
		invalid(msg, s, value);
		strbuf_addstr(msg, _("the format is empty"));
		return -1;
	}
	if (s->type == SET_DATE && format_breaks_line(value)) {
		invalid(msg, s, value);
		/* xgettext:no-c-format */
		strbuf_addstr(msg, _("%n and %t would break the line"));
		return -1;
	}
	if (value[0] == '\0')
		str = NULL;
	else if (s->type == SET_PATH) {
		if ((str = expand_home(value, msg)) == NULL)
			return -1;
	} else
		str = xstrdup(value);
	free(*string_field(c, s));
	*string_field(c, s) = str;
	return 0;
}

void
config_init(struct config *c)
{
	struct strbuf msg = STRBUF_INIT;
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < NSETTINGS; i++)
		if (settings[i].def != NULL &&
		    set_value(c, &settings[i], settings[i].def, &msg) == -1)
			BUG("the default of %s: %s", settings[i].name, msg.buf);
	for (i = 0; i < CONFIG_NELEMENTS; i++) {
		c->colors[i].fg = -1;
		c->colors[i].bg = -1;
	}
	strbuf_release(&msg);
}

void
config_release(struct config *c)
{
	size_t i;

	for (i = 0; i < NSETTINGS; i++)
		if (settings[i].type == SET_STRING ||
		    settings[i].type == SET_PATH ||
		    settings[i].type == SET_DATE) {
			free(*string_field(c, &settings[i]));
			*string_field(c, &settings[i]) = NULL;
		}
}

/* config_set() with the reason in msg, not yet cleaned. */
static int
set_named(struct config *c, const char *name, const char *value,
    struct strbuf *msg)
{
	int i = config_setting_index(name);

	if (i < 0) {
		strbuf_addf(msg, _("unknown setting '%s'"), name);
		add_suggestion(msg, closest_setting(name));
		return -1;
	}
	return set_value(c, &settings[i], value, msg);
}

int
config_set(struct config *c, const char *name, const char *value,
    struct strbuf *err)
{
	struct strbuf msg = STRBUF_INIT;
	int rc = set_named(c, name, value, &msg);

	if (rc == -1)
		add_clean(err, msg.buf);
	strbuf_release(&msg);
	return rc;
}

void
config_get(const struct config *c, const char *name, struct strbuf *out)
{
	int i = config_setting_index(name);
	const struct setting *s;
	const char *str;
	int n;

	if (i < 0)
		return;
	s = &settings[i];
	switch (s->type) {
	case SET_BOOL:
		n = *(const int *)cfield(c, s);
		strbuf_addstr(out, n ? "yes" : "no");
		break;
	case SET_INT:
	case SET_INT0:
		strbuf_addf(out, "%d", *(const int *)cfield(c, s));
		break;
	case SET_LAYOUT:
		if ((size_t)c->layout < NELEMS(layout_names))
			strbuf_addstr(out, layout_names[c->layout]);
		break;
	case SET_STRING:
	case SET_PATH:
	case SET_DATE:
		str = *(char *const *)cfield(c, s);
		if (str != NULL)
			strbuf_addstr(out, str);
		break;
	}
}

/* --- Lines into words ---------------------------------------------- */

static void
words_clear(struct words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	w->n = 0;
}

static void
words_release(struct words *w)
{
	words_clear(w);
	free(w->v);
	w->v = NULL;
	w->alloc = 0;
}

static void
words_add(struct words *w, struct strbuf *word)
{
	if (w->n == w->alloc) {
		w->alloc = w->alloc ? 2 * w->alloc : 8;
		w->v = xreallocarray(w->v, w->alloc, sizeof(*w->v));
	}
	w->v[w->n++] = strbuf_detach(word, NULL);
}

/*
 * Split the len bytes of line into w: blanks between words, '#' outside
 * quotes ends the line, "..." with \" \\ \n \t, a backslash outside
 * quotes takes the next byte. Returns 0, or -1 with the reason in msg.
 */
static int
split_line(const char *line, size_t len, struct words *w,
    struct strbuf *msg)
{
	struct strbuf word = STRBUF_INIT;
	size_t i = 0;
	int rc = -1;

	if (memchr(line, '\0', len) != NULL) {
		strbuf_addstr(msg, _("a NUL byte in the line"));
		return -1;
	}
	for (;;) {
		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i == len || line[i] == '#')
			break;
		while (i < len && line[i] != ' ' && line[i] != '\t' &&
		    line[i] != '#') {
			if (line[i] == '\\') {
				if (i + 1 == len) {
					strbuf_addstr(msg, _("a backslash "
					    "at the end of the line"));
					goto out;
				}
				strbuf_addch(&word, line[i + 1]);
				i += 2;
			} else if (line[i] == '"') {
				for (i++; i < len && line[i] != '"'; i++) {
					if (line[i] != '\\') {
						strbuf_addch(&word, line[i]);
						continue;
					}
					if (++i == len)
						break;
					switch (line[i]) {
					case '"':
					case '\\':
						strbuf_addch(&word, line[i]);
						break;
					case 'n':
						strbuf_addch(&word, '\n');
						break;
					case 't':
						strbuf_addch(&word, '\t');
						break;
					default:
						strbuf_addf(msg, _("unknown "
						    "escape '\\%c' in quotes"),
						    line[i]);
						goto out;
					}
				}
				if (i == len) {
					strbuf_addstr(msg,
					    _("a quote is not closed"));
					goto out;
				}
				i++;
			} else
				strbuf_addch(&word, line[i++]);
		}
		words_add(w, &word);
	}
	rc = 0;
out:
	strbuf_release(&word);
	return rc;
}

/* --- Commands ------------------------------------------------------ */

/* Check the number of arguments n-1 of w[0]; 0, or -1 with msg. */
static int
check_args(char **w, size_t n, size_t min, size_t max, const char *usage,
    struct strbuf *msg)
{
	if (n - 1 < min)
		strbuf_addf(msg, _("missing arguments to '%s' (usage: %s)"),
		    w[0], usage);
	else if (n - 1 > max)
		strbuf_addf(msg, _("too many arguments to '%s' (usage: %s)"),
		    w[0], usage);
	else
		return 0;
	return -1;
}

static int
cmd_set(struct loader *ld, const char *file, char **w, size_t n,
    struct strbuf *msg)
{
	struct strbuf value = STRBUF_INIT;
	size_t i;

	if (n > 3 && config_setting_index(w[1]) >= 0) {
		for (i = 2; i < n; i++)
			strbuf_addf(&value, "%s%s", i > 2 ? " " : "", w[i]);
		strbuf_addf(msg, _("too many arguments to '%s' (quote a "
		    "value that holds blanks: set %s \"%s\")"), w[0], w[1],
		    value.buf);
		strbuf_release(&value);
		return -1;
	}
	if (check_args(w, n, 2, 2, "set NAME VALUE", msg) == -1)
		return -1;
	return set_named(ld->c, w[1], w[2], msg);
}

/* Check a key and a view for bind and unbind; 0, or -1 with msg. */
static int
check_key_view(const char *key, const char *view, struct strbuf *msg)
{
	const char *near;

	if (keys_by_name(key) == KEYS_NONE) {
		strbuf_addf(msg, _("unknown key '%s'"), key);
		near = closest(key, key_at, NELEMS(key_names));
		add_suggestion(msg, near);
		return -1;
	}
	if (view != NULL && keys_view_by_name(view) < 0) {
		strbuf_addf(msg, _("unknown view '%s'"), view);
		add_suggestion(msg, closest(view, view_at, NELEMS(view_names)));
		return -1;
	}
	return 0;
}

static int
cmd_bind(struct loader *ld, const char *file, char **w, size_t n,
    struct strbuf *msg)
{
	const char *view = n > 3 ? w[3] : NULL;

	if (check_args(w, n, 2, 3, "bind KEY ACTION [VIEW]", msg) == -1 ||
	    check_key_view(w[1], view, msg) == -1)
		return -1;
	if (keys_action_by_name(w[2]) == ACT_NONE &&
	    strcmp(w[2], "none") != 0) {
		strbuf_addf(msg, _("unknown action '%s'"), w[2]);
		add_suggestion(msg, closest(w[2], action_at, ACT_COUNT));
		return -1;
	}
	return keys_bind(w[1], w[2], view, msg);
}

static int
cmd_unbind(struct loader *ld, const char *file, char **w, size_t n,
    struct strbuf *msg)
{
	const char *view = n > 2 ? w[2] : NULL;

	if (check_args(w, n, 1, 2, "unbind KEY [VIEW]", msg) == -1 ||
	    check_key_view(w[1], view, msg) == -1)
		return -1;
	return keys_bind(w[1], "none", view, msg);
}

/* A colour: "default" (-1), a name (0-7) or colorN (0-255); or -2. */
static int
parse_color(const char *s)
{
	size_t i;
	long n;

	if (strcmp(s, "default") == 0)
		return -1;
	for (i = 0; i < NELEMS(color_names); i++)
		if (strcmp(s, color_names[i]) == 0)
			return (int)i;
	if (strncmp(s, "color", 5) == 0 && ASCII_ISDIGIT(s[5]) &&
	    parse_int(s + 5, &n) == 0 && n <= 255)
		return (int)n;
	return -2;
}

/* Append the reason an unknown colour s is wrong to msg. */
static void
bad_color(const char *s, struct strbuf *msg)
{
	strbuf_addf(msg, _("unknown colour '%s'"), s);
	if (strncmp(s, "color", 5) == 0 && ASCII_ISDIGIT(s[5]))
		strbuf_addstr(msg, _(" (color0 to color255)"));
	else
		add_suggestion(msg, closest(s, color_at,
		    NELEMS(color_names) + 1));
}

static int
cmd_color(struct loader *ld, const char *file, char **w, size_t n,
    struct strbuf *msg)
{
	struct config_color col = { 1, -1, -1, 0 };
	size_t e, i, j;

	if (check_args(w, n, 3, 3 + NELEMS(attr_names),
	    "color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...]", msg) == -1)
		return -1;
	for (e = 0; e < CONFIG_NELEMENTS; e++)
		if (strcmp(w[1], element_names[e]) == 0)
			break;
	if (e == CONFIG_NELEMENTS) {
		strbuf_addf(msg, _("unknown element '%s'"), w[1]);
		add_suggestion(msg, closest(w[1], element_at,
		    CONFIG_NELEMENTS));
		return -1;
	}
	if ((col.fg = parse_color(w[2])) == -2) {
		bad_color(w[2], msg);
		return -1;
	}
	if ((col.bg = parse_color(w[3])) == -2) {
		bad_color(w[3], msg);
		return -1;
	}
	for (i = 4; i < n; i++) {
		for (j = 0; j < NELEMS(attr_names); j++)
			if (strcmp(w[i], attr_names[j].name) == 0)
				break;
		if (j == NELEMS(attr_names)) {
			strbuf_addf(msg, _("unknown attribute '%s'"), w[i]);
			add_suggestion(msg, closest(w[i], attr_at,
			    NELEMS(attr_names)));
			return -1;
		}
		col.attrs |= attr_names[j].attr;
	}
	ld->c->colors[e] = col;
	return 0;
}

/*
 * Run the file at path; 0 when it was read (its own errors are counted
 * in ld), -1 with the reason in msg when it could not be. A missing file
 * is fine (0) unless must_exist.
 */
static int
load_file(struct loader *ld, const char *path, int must_exist,
    struct strbuf *msg)
{
	struct strbuf text = STRBUF_INIT, lmsg = STRBUF_INIT;
	struct strbuf where = STRBUF_INIT;
	struct words w = { NULL, 0, 0 };
	struct stat st;
	const char *p, *end, *eol;
	size_t len;
	unsigned lineno = 0;
	int i, rc = -1;

	strbuf_init_capped(&text, FILE_MAX);
	if (stat(path, &st) == 0) {
		for (i = 0; i < ld->depth; i++)
			if (ld->dev[i] == st.st_dev &&
			    ld->ino[i] == st.st_ino) {
				strbuf_addf(msg, _("'%s' is already being "
				    "read (an include cycle)"), path);
				goto out;
			}
	} else if (errno == ENOENT && !must_exist) {
		rc = 0;
		goto out;
	} else
		memset(&st, 0, sizeof(st));	/* file_read() says why */
	if (ld->depth > CONFIG_MAX_DEPTH) {
		strbuf_addf(msg, _("includes nest deeper than %d files"),
		    CONFIG_MAX_DEPTH);
		goto out;
	}
	/* it names the browser to run: only its owner may write it */
	if (st.st_ino != 0 && ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0 ||
	    (st.st_uid != geteuid() && st.st_uid != 0))) {
		strbuf_addf(msg, _("'%s' is not read: others may write it "
		    "(chmod go-w)"), path);
		goto out;
	}
	if (file_read(path, &text, msg) == -1)
		goto out;
	ld->dev[ld->depth] = st.st_dev;
	ld->ino[ld->depth] = st.st_ino;
	ld->depth++;
	for (p = text.buf, end = text.buf + text.len; p < end; p = eol + 1) {
		lineno++;
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		len = (size_t)(eol - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		strbuf_reset(&lmsg);
		words_clear(&w);
		if (split_line(p, len, &w, &lmsg) == 0 && w.n > 0)
			exec_words(ld, path, w.v, w.n, &lmsg);
		if (lmsg.len > 0) {
			ld->nerrors++;
			strbuf_reset(&where);
			strbuf_addf(&where, "%s:%u: %s", path, lineno,
			    lmsg.buf);
			add_clean(ld->errors, where.buf);
			strbuf_addch(ld->errors, '\n');
		}
	}
	ld->depth--;
	rc = 0;
out:
	words_release(&w);
	strbuf_release(&where);
	strbuf_release(&lmsg);
	strbuf_release(&text);
	return rc;
}

static int
cmd_include(struct loader *ld, const char *file, char **w, size_t n,
    struct strbuf *msg)
{
	const char *slash;
	char *path, *expanded;
	int rc;

	if (check_args(w, n, 1, 1, "include FILE", msg) == -1)
		return -1;
	if (w[1][0] == '\0') {
		strbuf_addstr(msg, _("an empty file name"));
		return -1;
	}
	if ((expanded = expand_home(w[1], msg)) == NULL)
		return -1;
	slash = file != NULL ? strrchr(file, '/') : NULL;
	if (expanded[0] == '/' || slash == NULL)
		path = expanded;
	else {
		path = xasprintf("%.*s/%s", (int)(slash - file), file,
		    expanded);
		free(expanded);
	}
	rc = load_file(ld, path, 1, msg);
	free(path);
	return rc;
}

typedef int command_cb(struct loader *ld, const char *file, char **w,
    size_t n, struct strbuf *msg);

static const struct {
	const char	*name;
	command_cb	*fn;
} commands[] = {
	{ "set", cmd_set },
	{ "bind", cmd_bind },
	{ "unbind", cmd_unbind },
	{ "color", cmd_color },
	{ "include", cmd_include },
};

static const char *
command_at(size_t i)
{
	return commands[i].name;
}

/*
 * Run the command in the n words of w, read from file (NULL: typed);
 * 0, or -1 with the reason in msg.
 */
static int
exec_words(struct loader *ld, const char *file, char **w, size_t n,
    struct strbuf *msg)
{
	const char *near;
	char *set = NULL;
	size_t i;

	for (i = 0; i < NELEMS(commands); i++)
		if (strcmp(w[0], commands[i].name) == 0)
			return commands[i].fn(ld, file, w, n, msg);
	strbuf_addf(msg, _("unknown command '%s'"), w[0]);
	near = config_setting_index(w[0]) >= 0 ? w[0] : NULL;
	if (near == NULL)
		near = closest(w[0], command_at, NELEMS(commands));
	if (near == NULL)
		near = from_newsboat(w[0]);
	if (near == NULL)
		near = closest(w[0], setting_at, NSETTINGS);
	if (near != NULL && config_setting_index(near) >= 0)
		near = set = xasprintf("set %s", near);
	add_suggestion(msg, near);
	free(set);
	return -1;
}

int
config_load(struct config *c, const char *path, int must_exist,
    struct strbuf *errors)
{
	struct loader ld;
	struct strbuf msg = STRBUF_INIT;
	int rc;

	memset(&ld, 0, sizeof(ld));
	ld.c = c;
	ld.errors = errors;
	rc = load_file(&ld, path, must_exist, &msg);
	if (rc == -1) {
		add_clean(errors, msg.buf);
		strbuf_addch(errors, '\n');
	}
	strbuf_release(&msg);
	return rc == -1 ? -1 : ld.nerrors;
}

int
config_exec(struct config *c, const char *line, struct strbuf *err)
{
	struct loader ld;
	struct strbuf msg = STRBUF_INIT, errors = STRBUF_INIT;
	struct words w = { NULL, 0, 0 };
	int rc = 0;

	memset(&ld, 0, sizeof(ld));
	ld.c = c;
	ld.errors = &errors;
	if (split_line(line, strlen(line), &w, &msg) == -1 ||
	    (w.n > 0 && exec_words(&ld, NULL, w.v, w.n, &msg) == -1))
		rc = -1;
	if (msg.len > 0)
		add_clean(err, msg.buf);
	if (errors.len > 0) {
		strbuf_setlen(&errors, errors.len - 1);
		if (err->len > 0)
			strbuf_addch(err, '\n');
		strbuf_addstr(err, errors.buf);
		rc = -1;
	}
	words_release(&w);
	strbuf_release(&msg);
	strbuf_release(&errors);
	return rc;
}
