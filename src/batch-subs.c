/* SPDX-License-Identifier: ISC */
/*
 * tidings --import-opml FILE, --export-opml and --import-newsboat [DIR]:
 * subscriptions in and out, and the settings of newsboat that tidings
 * also has. An import reads everything first and writes only when all of
 * it could be read; files are replaced atomically, keeping every byte
 * they had and appending to them. Nothing read is ever run: command
 * feeds and settings that need a shell are listed, not carried over.
 */
#include "config.h"

#include "batch-subs.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "keys.h"
#include "subs.h"
#include "util/ascii.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* The most an OPML file, or a file of newsboat's, may hold. */
#define IMPORT_MAX_BYTES	(16u << 20)

/* The largest number a count setting of newsboat's may carry over. */
#define COUNT_MAX		1000000L

/* Print err, cleaned, to standard error. */
static void
report(const struct strbuf *err)
{
	char *clean = sanitize(err->buf, SANITIZE_LINE);

	fprintf(stderr, "%s: %s\n", PACKAGE, clean);
	free(clean);
}

/* given, or name in the config folder; NULL after reporting. */
static char *
config_path(const char *given, const char *name)
{
	char *dir, *path;

	if (given != NULL)
		return xstrdup(given);
	dir = path_config_dir();
	if (dir == NULL) {
		fprintf(stderr, _("%s: no home folder: set HOME, or name the "
		    "urls file with -u\n"), PACKAGE);
		return NULL;
	}
	path = path_join(dir, name);
	free(dir);
	return path;
}

/* Create the config folder when the file to write is in it (is_default). */
static int
make_config_dir(int is_default, struct strbuf *err)
{
	char *dir;
	int rc;

	if (!is_default)
		return 0;
	dir = path_config_dir();
	rc = dir != NULL ? path_mkdirs(dir, err) : -1;
	free(dir);
	return rc;
}

/* Print warnings about the lines of path that could not be read. */
static void
print_warnings(const char *path, const struct strbuf *warn)
{
	char *clean;

	if (warn->len == 0)
		return;
	clean = sanitize(warn->buf, SANITIZE_TEXT);
	fprintf(stderr, _("%s: in %s:\n%s"), PACKAGE, path, clean);
	free(clean);
}

/* Print what an import into path did, on one line. */
static void
print_import(const char *path, size_t added, size_t skipped,
    const struct subs_import *imp)
{
	size_t i, n = imp->nrefused;

	printf(ngettext("Imported %zu feed into %s",
	    "Imported %zu feeds into %s", added), added, path);
	if (skipped > 0)
		printf(ngettext("; skipped %zu already subscribed",
		    "; skipped %zu already subscribed", skipped), skipped);
	if (n > 0) {
		fputs(skipped > 0 ? ", " : "; ", stdout);
		printf(ngettext("refused %zu: ", "refused %zu: ", n), n);
	}
	for (i = 0; i < n; i++)
		printf("%s%s (%s)", i > 0 ? ", " : "", imp->refused[i].what,
		    subs_verdict_text(imp->refused[i].why));
	putchar('\n');
}

/* Add the feeds of imp to the urls file at path and say what it did. */
static int
import_into(const char *path, int is_default,
    const struct subs_import *imp, struct strbuf *err)
{
	size_t added, skipped;

	if (make_config_dir(is_default, err) == -1 ||
	    subs_import_write(path, imp, &added, &skipped, err) == -1)
		return -1;
	print_import(path, added, skipped, imp);
	return 0;
}

int
batch_import_opml(const char *urls, const char *file)
{
	struct subs_import imp = SUBS_IMPORT_INIT;
	struct strbuf text, err = STRBUF_INIT;
	char *path = config_path(urls, "urls");
	int rc = 1;

	if (path == NULL)
		return 1;
	strbuf_init_capped(&text, IMPORT_MAX_BYTES);
	if (file_read(file, &text, &err) == 0 &&
	    subs_opml_read(&imp, text.buf, text.len, file, &err) == 0 &&
	    import_into(path, urls == NULL, &imp, &err) == 0)
		rc = 0;
	else
		report(&err);
	subs_import_release(&imp);
	strbuf_release(&text);
	strbuf_release(&err);
	free(path);
	return rc;
}

/*
 * Load the subscriptions to export; a missing default urls file has
 * none. Returns 0, or -1 with the reason in err.
 */
static int
load_export(struct subs *subs, const char *path, int is_default,
    struct strbuf *err)
{
	struct strbuf warn = STRBUF_INIT;
	struct stat st;

	if (is_default && stat(path, &st) == -1 && errno == ENOENT) {
		fprintf(stderr, _("%s: no urls file yet at %s: no feeds to "
		    "export\n"), PACKAGE, path);
		return 0;
	}
	if (subs_load(subs, path, &warn, err) == -1)
		return -1;
	print_warnings(path, &warn);
	strbuf_release(&warn);
	return 0;
}

int
batch_export_opml(const char *urls)
{
	struct subs subs = SUBS_INIT;
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	char *path = config_path(urls, "urls");
	enum subs_verdict why;
	size_t i;
	int rc = 1;

	if (path == NULL)
		return 1;
	if (load_export(&subs, path, urls == NULL, &err) == 0) {
		for (i = 0; i < subs.n; i++)
			if ((why = subs_check_url(subs.v[i].url)) != SUBS_OK)
				fprintf(stderr,
				    _("%s: not exported: %s (%s)\n"),
				    PACKAGE, subs.v[i].url,
				    subs_verdict_text(why));
		subs_opml_write(&subs, time(NULL), &out);
		fwrite(out.buf, 1, out.len, stdout);
		rc = 0;
	} else
		report(&err);
	subs_release(&subs);
	strbuf_release(&out);
	strbuf_release(&err);
	free(path);
	return rc;
}

/* The words of one config line. */
struct words {
	char	**v;
	size_t	  n;
};

static void
words_release(struct words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	w->v = NULL;
	w->n = 0;
}

/* Read one word at *p (past blanks) into word, as split_words() says. */
static int
next_word(const char **p, struct strbuf *word)
{
	const char *s = *p;

	if (*s != '"') {
		while (*s != '\0' && !ASCII_ISSPACE(*s))
			strbuf_addch(word, *s++);
		*p = s;
		return 0;
	}
	for (s++; *s != '\0' && *s != '"'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		strbuf_addch(word, *s);
	}
	if (*s == '\0')
		return -1;
	*p = s + 1;
	return 0;
}

/*
 * Split a line of newsboat's config into words: blanks separate them, a
 * word in double quotes may hold blanks (\" and \\ in it stand for
 * themselves), and a '#' that starts a word starts a comment. Returns -1
 * when a quote is left open.
 */
static int
split_words(const char *line, struct words *w)
{
	struct strbuf word = STRBUF_INIT;
	const char *p = line;

	for (;;) {
		while (ASCII_ISSPACE(*p))
			p++;
		if (*p == '\0' || *p == '#')
			break;
		strbuf_reset(&word);
		if (next_word(&p, &word) == -1) {
			strbuf_release(&word);
			return -1;
		}
		w->v = xreallocarray(w->v, w->n + 1, sizeof(*w->v));
		w->v[w->n++] = xstrdup(word.buf);
	}
	strbuf_release(&word);
	return 0;
}

/* A line of tidings' config carried over, and where it came from. */
struct carried {
	char	*key;		/* what it sets: "set NAME", "bind KEY VIEW" */
	char	*line;		/* the line itself */
	char	*source;	/* newsboat's line, cleaned */
	int	 lineno;
};

/* A line of newsboat's config left behind, and why. */
struct left {
	char	*source;
	char	*why;
	int	 lineno;
};

/* What --import-newsboat makes of newsboat's config. */
struct carry {
	struct carried	*v;
	size_t		 n;
	struct left	*left;
	size_t		 nleft;
	struct carried	 reload_time;	/* held to the end, key: the value */
	struct carried	 auto_reload;	/* held to the end, key: the value */
};

static void
carried_release(struct carried *c)
{
	free(c->key);
	free(c->line);
	free(c->source);
	memset(c, 0, sizeof(*c));
}

static void
carry_release(struct carry *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		carried_release(&c->v[i]);
	for (i = 0; i < c->nleft; i++) {
		free(c->left[i].source);
		free(c->left[i].why);
	}
	free(c->v);
	free(c->left);
	carried_release(&c->reload_time);
	carried_release(&c->auto_reload);
}

/* Leave the line lineno (source) behind, for why. */
static void
leave(struct carry *c, int lineno, const char *source, const char *why)
{
	c->left = xreallocarray(c->left, c->nleft + 1, sizeof(*c->left));
	c->left[c->nleft].source = sanitize(source, SANITIZE_LINE);
	c->left[c->nleft].why = xstrdup(why);
	c->left[c->nleft++].lineno = lineno;
}

/* Carry line over as setting key; a later line for the key wins. */
static void
put(struct carry *c, const char *key, const struct strbuf *line,
    int lineno, const char *source)
{
	struct carried *to;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			break;
	if (i == c->n) {
		c->v = xreallocarray(c->v, c->n + 1, sizeof(*c->v));
		memset(&c->v[c->n++], 0, sizeof(*c->v));
	}
	to = &c->v[i];
	carried_release(to);
	to->key = xstrdup(key);
	to->line = xstrdup(line->buf);
	to->source = sanitize(source, SANITIZE_LINE);
	to->lineno = lineno;
}

/* Append s to sb as one word of tidings' config, in quotes if forced. */
static void
add_word(struct strbuf *sb, const char *s, int force)
{
	if (!force && s[0] != '\0' && s[strcspn(s, " \t\"\\#'`;")] == '\0') {
		strbuf_addstr(sb, s);
		return;
	}
	strbuf_addch(sb, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '"');
}

enum value_kind {
	VALUE_COUNT,		/* a whole number from 0 */
	VALUE_BOOL,		/* yes or no */
	VALUE_COMMAND,		/* a program and its arguments, no shell */
};

/* newsboat's settings that tidings has, under tidings' names. */
static const struct {
	const char	*newsboat;
	const char	*tidings;
	enum value_kind	 kind;
} settings[] = {
	{ "browser",		"browser",		VALUE_COMMAND },
	{ "reload-threads",	"reload-concurrency",	VALUE_COUNT },
	{ "refresh-on-startup",	"refresh-on-start",	VALUE_BOOL },
	{ "max-items",		"max-articles",		VALUE_COUNT },
	{ "keep-articles-days",	"keep-days",		VALUE_COUNT },
	{ "show-read-feeds",	"show-read",		VALUE_BOOL },
	{ "show-read-articles",	"show-read",		VALUE_BOOL },
};

#define NSETTINGS	(sizeof(settings) / sizeof(settings[0]))

static int
has_controls(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			return 1;
	return 0;
}

/* Append value, of kind, to sb as tidings has it; NULL, or why not. */
static const char *
add_value(struct strbuf *sb, enum value_kind kind, const char *value)
{
	char *end;
	long n;

	switch (kind) {
	case VALUE_COUNT:
		errno = 0;
		n = strtol(value, &end, 10);
		if (!ASCII_ISDIGIT(value[0]) || *end != '\0' || errno != 0 ||
		    n > COUNT_MAX)
			return _("not a number");
		strbuf_addf(sb, "\"%ld\"", n);
		return NULL;
	case VALUE_BOOL:
		if (strcmp(value, "yes") == 0 || strcmp(value, "true") == 0)
			strbuf_addstr(sb, "\"yes\"");
		else if (strcmp(value, "no") == 0 ||
		    strcmp(value, "false") == 0)
			strbuf_addstr(sb, "\"no\"");
		else
			return _("not yes or no");
		return NULL;
	case VALUE_COMMAND:
		if (value[0] == '\0' || has_controls(value) ||
		    value[strcspn(value, "|&;<>()$`\\\"'*?[]{}~")] != '\0')
			return _("needs a shell, which tidings never uses");
		add_word(sb, value, 1);
		return NULL;
	}
	return _("not understood");
}

/* Carry over one of the settings; NULL, or why not. */
static const char *
carry_setting(struct carry *c, const struct words *w, int lineno,
    const char *source)
{
	struct strbuf line = STRBUF_INIT;
	const char *why;
	size_t i;
	char *key;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(w->v[0], settings[i].newsboat) == 0)
			break;
	if (i == NSETTINGS)
		return _("no equivalent in tidings");
	if (w->n != 2)
		return _("not understood");
	strbuf_addf(&line, "set %s ", settings[i].tidings);
	why = add_value(&line, settings[i].kind, w->v[1]);
	if (why == NULL) {
		key = xasprintf("set %s", settings[i].tidings);
		put(c, key, &line, lineno, source);
		free(key);
	}
	strbuf_release(&line);
	return why;
}

/* newsboat's names of keys that tidings names otherwise. */
static const char *const key_names[][2] = {
	{ "ENTER", "Enter" }, { "SPACE", "Space" }, { "TAB", "Tab" },
	{ "ESC", "Esc" }, { "BACKSPACE", "Backspace" }, { "DEL", "Delete" },
	{ "UP", "Up" }, { "DOWN", "Down" }, { "LEFT", "Left" },
	{ "RIGHT", "Right" }, { "PPAGE", "PgUp" }, { "NPAGE", "PgDn" },
	{ "HOME", "Home" }, { "END", "End" },
};

/* newsboat's operations that tidings has, as tidings' actions. */
static const char *const action_names[][2] = {
	{ "open", "open" }, { "quit", "back" }, { "hard-quit", "quit" },
	{ "reload", "reload" }, { "reloadall", "reload-all" },
	{ "markfeedread", "mark-all-read" },
	{ "markallfeedsread", "mark-all-read" },
	{ "next-unread", "next-unread" }, { "prev-unread", "prev-unread" },
	{ "toggle-article-read", "toggle-read" },
	{ "open-in-browser", "open-in-browser" }, { "save", "save" },
	{ "help", "help" }, { "cmdline", "command" }, { "search", "search" },
	{ "redraw", "redraw" }, { "up", "up" }, { "down", "down" },
	{ "pageup", "page-up" }, { "pagedown", "page-down" },
	{ "home", "first" }, { "end", "last" }, { "set-tag", "select-tag" },
	{ "select-tag", "select-tag" },
	{ "toggle-show-read-feeds", "toggle-unread-only" },
	{ "show-urls", "links" },
};

/* newsboat's dialogs that tidings has, as tidings' views. */
static const char *const view_names[][2] = {
	{ "feedlist", "feeds" }, { "articlelist", "headlines" },
	{ "article", "article" }, { "help", "help" }, { "urlview", "links" },
	{ "tagselection", "tags" },
};

#define LOOKUP(table, name) lookup((table), \
    sizeof(table) / sizeof((table)[0]), (name))

/* The second name of the pair in table whose first is name, or NULL. */
static const char *
lookup(const char *const table[][2], size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(table[i][0], name) == 0)
			return table[i][1];
	return NULL;
}

/* tidings' name of newsboat's key name, or NULL. */
static const char *
key_name(const char *name)
{
	const char *key = LOOKUP(key_names, name);

	if (key == NULL)
		key = name;
	return keys_by_name(key) != KEYS_NONE ? key : NULL;
}

/* Carry over bind-key KEY OP [DIALOG], or unbind-key KEY [DIALOG]. */
static const char *
carry_bind(struct carry *c, const struct words *w, int unbind,
    int lineno, const char *source)
{
	struct strbuf line = STRBUF_INIT, key = STRBUF_INIT;
	size_t need = unbind ? 2 : 3;
	const char *name, *action, *view = NULL;

	if (w->n < need || w->n > need + 1)
		return _("not understood");
	if ((name = key_name(w->v[1])) == NULL)
		return _("no such key in tidings");
	action = unbind ? "none" : LOOKUP(action_names, w->v[2]);
	if (action == NULL || (keys_action_by_name(action) == ACT_NONE &&
	    !unbind))
		return _("no equivalent in tidings");
	if (w->n > need && (view = LOOKUP(view_names, w->v[need])) == NULL)
		return _("no such view in tidings");
	strbuf_addstr(&key, "bind ");
	add_word(&key, name, 0);
	strbuf_addf(&line, "%s %s", key.buf, action);
	if (view != NULL) {
		strbuf_addf(&key, " %s", view);
		strbuf_addf(&line, " %s", view);
	}
	put(c, key.buf, &line, lineno, source);
	strbuf_release(&line);
	strbuf_release(&key);
	return NULL;
}

/* Keep the line of reload-time or auto-reload in *to, until the end. */
static void
hold(struct carried *to, const char *value, int lineno, const char *source)
{
	carried_release(to);
	to->key = xstrdup(value);
	to->source = sanitize(source, SANITIZE_LINE);
	to->lineno = lineno;
}

/*
 * Carry over reload-time and auto-reload, held until the end, as
 * reload-interval: the minutes between reloads when auto-reload is on.
 */
static void
carry_reload(struct carry *c)
{
	struct carried *t = &c->reload_time, *a = &c->auto_reload;
	struct strbuf line = STRBUF_INIT;
	const char *why = NULL;

	if (a->key != NULL && strcmp(a->key, "yes") != 0 &&
	    strcmp(a->key, "true") != 0) {
		if (strcmp(a->key, "no") != 0 && strcmp(a->key, "false") != 0)
			leave(c, a->lineno, a->source, _("not yes or no"));
		if (t->key != NULL)
			leave(c, t->lineno, t->source, _("auto-reload is off"));
		return;
	}
	if (a->key == NULL) {
		if (t->key != NULL)
			leave(c, t->lineno, t->source, _("auto-reload is off"));
		return;
	}
	strbuf_addstr(&line, "set reload-interval ");
	why = add_value(&line, VALUE_COUNT, t->key != NULL ? t->key : "60");
	if (why != NULL) {
		leave(c, t->lineno, t->source, why);
		leave(c, a->lineno, a->source,
		    _("reload-time is not a number"));
	} else
		put(c, "set reload-interval", &line, a->lineno, a->source);
	strbuf_release(&line);
}

/* Carry over the words of one line of newsboat's config, or leave it. */
static void
carry_words(struct carry *c, const struct words *w, int lineno,
    const char *source)
{
	const char *cmd = w->v[0], *why = NULL;

	if (strcmp(cmd, "bind-key") == 0)
		why = carry_bind(c, w, 0, lineno, source);
	else if (strcmp(cmd, "unbind-key") == 0)
		why = carry_bind(c, w, 1, lineno, source);
	else if ((strcmp(cmd, "auto-reload") == 0 ||
	    strcmp(cmd, "reload-time") == 0) && w->n != 2)
		why = _("not understood");
	else if (strcmp(cmd, "auto-reload") == 0)
		hold(&c->auto_reload, w->v[1], lineno, source);
	else if (strcmp(cmd, "reload-time") == 0)
		hold(&c->reload_time, w->v[1], lineno, source);
	else
		why = carry_setting(c, w, lineno, source);
	if (why != NULL)
		leave(c, lineno, source, why);
}

/* Carry over one line of newsboat's config, or leave it. */
static void
carry_line(struct carry *c, const char *source, int lineno)
{
	struct words w = { NULL, 0 };

	if (split_words(source, &w) == -1)
		leave(c, lineno, source, _("a quote is not closed"));
	else if (w.n > 0 && strchr(source, '`') != NULL)
		leave(c, lineno, source, _("runs a command"));
	else if (w.n > 0)
		carry_words(c, &w, lineno, source);
	words_release(&w);
}

/* Carry over every line of the text of newsboat's config. */
static void
carry_config(struct carry *c, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *eol;
	char *line;
	int lineno = 0;

	for (; p < end; p = eol + 1) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		line = xstrndup(p, (size_t)(eol - p));
		if (strchr(line, '\r') != NULL)
			*strchr(line, '\r') = '\0';
		carry_line(c, line, ++lineno);
		free(line);
	}
	carry_reload(c);
}

/* The key of a line of tidings' config, as struct carried has it. */
static char *
line_key(const char *line)
{
	struct words w = { NULL, 0 };
	struct strbuf key = STRBUF_INIT;

	if (split_words(line, &w) == 0 && w.n >= 2 &&
	    strcmp(w.v[0], "set") == 0)
		strbuf_addf(&key, "set %s", w.v[1]);
	else if (w.n >= 3 && strcmp(w.v[0], "bind") == 0) {
		strbuf_addstr(&key, "bind ");
		add_word(&key, w.v[1], 0);
		if (w.n >= 4)
			strbuf_addf(&key, " %s", w.v[3]);
	}
	words_release(&w);
	return key.len > 0 ? strbuf_detach(&key, NULL) : NULL;
}

/* Leave behind what tidings' config (its text) sets already. */
static void
drop_set(struct carry *c, const char *text, const char *path)
{
	const char *p, *eol;
	char *line, *key, *why = xasprintf(_("already set in %s"), path);
	size_t i, n;

	for (p = text; *p != '\0'; p = *eol != '\0' ? eol + 1 : eol) {
		eol = p + strcspn(p, "\n");
		line = xstrndup(p, (size_t)(eol - p));
		key = line_key(line);
		for (i = n = 0; key != NULL && i < c->n; i++)
			if (strcmp(c->v[i].key, key) == 0) {
				leave(c, c->v[i].lineno, c->v[i].source, why);
				carried_release(&c->v[i]);
			}
		for (i = 0; i < c->n; i++)
			if (c->v[i].key != NULL)
				c->v[n++] = c->v[i];
		c->n = n;
		free(key);
		free(line);
	}
	free(why);
}

/* Everything --import-newsboat reads before it writes anything. */
struct newsboat {
	char		*dir;		/* newsboat's folder */
	char		*urls;		/* tidings' urls file */
	char		*config;	/* tidings' config file */
	int		 urls_default;	/* urls is the default one */
	int		 config_default; /* config is the default one */
	struct strbuf	 nb_urls;	/* newsboat's urls file */
	struct strbuf	 nb_config;	/* newsboat's config, if any */
	struct strbuf	 config_text;	/* tidings' config, if any */
	int		 has_config;	/* newsboat has a config file */
};

/* Read path into sb; a missing file is not an error (*found = 0). */
static int
read_if_there(const char *path, struct strbuf *sb, int *found,
    struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;
	int rc = 0;

	*found = 1;
	if (file_read(path, sb, &why) == -1) {
		*found = 0;
		if (errno != ENOENT) {
			strbuf_addstr(err, why.buf);
			rc = -1;
		}
	}
	strbuf_release(&why);
	return rc;
}

/* The home folder: $HOME when absolute, else the password database. */
static const char *
home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home != NULL && home[0] == '/')
		return home;
	pw = getpwuid(getuid());
	return pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/' ?
	    pw->pw_dir : NULL;
}

/*
 * newsboat's folder when none is given: ~/.newsboat, else
 * $XDG_CONFIG_HOME/newsboat, whichever has a urls file. NULL, with the
 * reason in err, when neither has.
 */
static char *
find_newsboat(struct strbuf *err)
{
	const char *home = home_dir(), *xdg = getenv("XDG_CONFIG_HOME");
	char *dot, *config, *urls;
	int i;

	if (home == NULL) {
		strbuf_addstr(err, _("no home folder: set HOME, or name "
		    "newsboat's folder"));
		return NULL;
	}
	dot = path_join(home, ".newsboat");
	config = xdg != NULL && xdg[0] == '/' ? path_join(xdg, "newsboat") :
	    xasprintf("%s/.config/newsboat", strcmp(home, "/") ? home : "");
	for (i = 0; i < 2; i++) {
		urls = path_join(i == 0 ? dot : config, "urls");
		if (access(urls, F_OK) == 0) {
			free(urls);
			free(i == 0 ? config : dot);
			return i == 0 ? dot : config;
		}
		free(urls);
	}
	strbuf_addf(err, _("no newsboat urls file in '%s' or '%s'"), dot,
	    config);
	free(dot);
	free(config);
	return NULL;
}

/* Read newsboat's urls and config in nb->dir, and tidings' config. */
static int
read_newsboat(struct newsboat *nb, struct strbuf *err)
{
	char *urls = path_join(nb->dir, "urls");
	char *config = path_join(nb->dir, "config");
	int found, rc = -1;

	if (read_if_there(urls, &nb->nb_urls, &found, err) == -1)
		goto out;
	if (!found) {
		strbuf_addf(err, _("no newsboat urls file in '%s'"), nb->dir);
		goto out;
	}
	if (read_if_there(config, &nb->nb_config, &nb->has_config,
	    err) == 0 &&
	    read_if_there(nb->config, &nb->config_text, &found, err) == 0)
		rc = 0;
out:
	free(urls);
	free(config);
	return rc;
}

/* Append the lines carried over to the text of tidings' config. */
static int
write_config(const struct newsboat *nb, const struct carry *c,
    struct strbuf *err)
{
	struct strbuf out = STRBUF_INIT;
	char *source = path_join(nb->dir, "config");
	size_t i;
	int rc;

	strbuf_add(&out, nb->config_text.buf, nb->config_text.len);
	if (out.len > 0 && out.buf[out.len - 1] != '\n')
		strbuf_addch(&out, '\n');
	strbuf_addstr(&out, "# ");
	strbuf_addf(&out, _("Carried over from newsboat's %s"), source);
	strbuf_addch(&out, '\n');
	for (i = 0; i < c->n; i++)
		strbuf_addf(&out, "%s\n", c->v[i].line);
	rc = make_config_dir(nb->config_default, err) == 0 &&
	    file_replace(nb->config, out.buf, out.len, err) == 0 ? 0 : -1;
	strbuf_release(&out);
	free(source);
	return rc;
}

static int
by_lineno(const void *a, const void *b)
{
	const struct left *x = a, *y = b;

	return (x->lineno > y->lineno) - (x->lineno < y->lineno);
}

/* Print what was carried over into path, and what was not. */
static void
print_carry(struct carry *c, const char *path)
{
	char *clean;
	size_t i;

	if (c->n > 0)
		printf(ngettext("Carried over %zu setting into %s:\n",
		    "Carried over %zu settings into %s:\n", c->n), c->n, path);
	for (i = 0; i < c->n; i++) {
		clean = sanitize(c->v[i].line, SANITIZE_LINE);
		printf("  %s\n", clean);
		free(clean);
	}
	if (c->nleft > 0) {
		qsort(c->left, c->nleft, sizeof(*c->left), by_lineno);
		puts(_("Not carried over:"));
	}
	for (i = 0; i < c->nleft; i++)
		printf(_("  line %d: %s (%s)\n"), c->left[i].lineno,
		    c->left[i].source, c->left[i].why);
}

/* Import what was read into nb, write it, and print what was done. */
static int
carry_over(struct newsboat *nb, struct strbuf *err)
{
	struct subs_import imp = SUBS_IMPORT_INIT;
	struct carry c;
	struct strbuf warn = STRBUF_INIT;
	char *urls = path_join(nb->dir, "urls");
	int rc = -1;

	memset(&c, 0, sizeof(c));
	subs_import_urls(&imp, nb->nb_urls.buf, nb->nb_urls.len, &warn);
	print_warnings(urls, &warn);
	carry_config(&c, nb->nb_config.buf, nb->nb_config.len);
	drop_set(&c, nb->config_text.buf, nb->config);
	if (import_into(nb->urls, nb->urls_default, &imp, err) == 0 &&
	    (c.n == 0 || write_config(nb, &c, err) == 0)) {
		print_carry(&c, nb->config);
		rc = 0;
	}
	subs_import_release(&imp);
	carry_release(&c);
	strbuf_release(&warn);
	free(urls);
	return rc;
}

int
batch_import_newsboat(const char *urls, const char *config,
    const char *dir)
{
	struct newsboat nb = {
		NULL, NULL, NULL, urls == NULL, config == NULL,
		STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, 0
	};
	struct strbuf err = STRBUF_INIT;
	int rc = 1;

	strbuf_init_capped(&nb.nb_urls, IMPORT_MAX_BYTES);
	strbuf_init_capped(&nb.nb_config, IMPORT_MAX_BYTES);
	strbuf_init_capped(&nb.config_text, IMPORT_MAX_BYTES);
	nb.urls = config_path(urls, "urls");
	nb.config = config_path(config, "config");
	if (nb.urls == NULL || nb.config == NULL)
		goto out;
	nb.dir = dir != NULL ? xstrdup(dir) : find_newsboat(&err);
	if (nb.dir != NULL && read_newsboat(&nb, &err) == 0 &&
	    carry_over(&nb, &err) == 0)
		rc = 0;
	else
		report(&err);
out:
	free(nb.dir);
	free(nb.urls);
	free(nb.config);
	strbuf_release(&nb.nb_urls);
	strbuf_release(&nb.nb_config);
	strbuf_release(&nb.config_text);
	strbuf_release(&err);
	return rc;
}
