/* SPDX-License-Identifier: ISC */
/*
 * The config file, $XDG_CONFIG_HOME/tidings/config, and the same commands
 * typed at the reader's ':' prompt: "set NAME VALUE" for the settings,
 * "bind" and "unbind" for keys (handed to the keys module), "color" for
 * the colours of the screen's elements, "include FILE" for another file.
 * One command a line; words are separated by blanks, a '#' outside
 * quotes starts a comment, "..." quotes blanks and '#' (with \" \\ \n
 * \t inside), and a backslash outside quotes takes the next character as
 * it is. Nothing is ever run or expanded but a leading "~/" in a file
 * name. A line that is wrong is reported with its file and number and
 * left out; the rest still counts. Every message is one clean line, fit
 * to be shown as it is: the words it quotes have their control
 * characters written as \n or \xNN.
 */
#ifndef TIDINGS_CONFIG_FILE_H
#define TIDINGS_CONFIG_FILE_H

#include <stddef.h>

#include "util/strbuf.h"

/* How deep "include" may nest below the top file. */
#define CONFIG_MAX_DEPTH	8

/* The longest date-format, in bytes. */
#define CONFIG_DATE_FORMAT_MAX	64

enum config_layout {
	CONFIG_LAYOUT_AUTO,	/* wide from 120x30 up, else narrow */
	CONFIG_LAYOUT_WIDE,
	CONFIG_LAYOUT_NARROW,
};

/* The parts of the screen that "color" sets. */
enum config_element {
	CONFIG_NORMAL,		/* text, and the background */
	CONFIG_TITLE_BAR,	/* the pane titles */
	CONFIG_STATUS,		/* the status line */
	CONFIG_CURSOR,		/* the line under the cursor */
	CONFIG_UNREAD,		/* unread feeds and articles */
	CONFIG_ERROR,		/* failed feeds, error messages */
	CONFIG_ACCENT,		/* the key facts */
	CONFIG_META,		/* dates, authors, links */
	CONFIG_FRAME,		/* the lines between panes */
	CONFIG_NELEMENTS
};

enum config_attr {
	CONFIG_BOLD = 1 << 0,
	CONFIG_DIM = 1 << 1,
	CONFIG_UNDERLINE = 1 << 2,
	CONFIG_REVERSE = 1 << 3,
	CONFIG_STANDOUT = 1 << 4,
	CONFIG_BLINK = 1 << 5,
};

struct config_color {
	int		 set;	/* 0: the reader's own colours */
	int		 fg;	/* 0-255, -1: the terminal's default */
	int		 bg;	/* 0-255, -1: the terminal's default */
	unsigned	 attrs;	/* enum config_attr */
};

/*
 * Every setting: "set reload-interval" sets reload_interval, and so on;
 * tidings.conf.5 says what each does. A string that is NULL is unset.
 */
struct config {
	char		*browser;		/* NULL: $BROWSER, xdg-open */
	int		 reload_concurrency;	/* 1-64 feeds at once */
	int		 reload_interval;	/* minutes, 0: never */
	int		 refresh_on_start;
	int		 download_timeout;	/* seconds for one feed */
	char		*user_agent;		/* NULL: tidings/VERSION */
	int		 max_articles;		/* a feed, 0: no limit */
	int		 keep_days;		/* 0: forever */
	enum config_layout layout;
	int		 sidebar_width;		/* columns, 0: a third */
	int		 show_read;		/* 0: only unread at start */
	char		*date_format;		/* strftime(), never NULL */
	int		 key_facts;		/* shown at start */
	int		 key_facts_count;	/* 1-6, 0: automatic */
	int		 confirm_quit;
	char		*save_dir;		/* "~/" expanded; NULL: "." */
	struct config_color colors[CONFIG_NELEMENTS];
};

/* Set up c with the defaults. */
void config_init(struct config *c);

/* Free what c holds; config_init() makes it usable again. */
void config_release(struct config *c);

/*
 * Run the commands of the file at path over c (and the key bindings).
 * Each wrong line appends "FILE:LINE: message\n" to errors and is left
 * out; an included file's lines are reported under its own name. Returns
 * the number of errors, or -1 with "cannot read 'FILE': reason\n" in
 * errors when path cannot be read at all: when it exists but cannot be
 * read, or when it is missing and must_exist is set. A missing file
 * without must_exist is no error (0).
 */
int config_load(struct config *c, const char *path, int must_exist,
    struct strbuf *errors);

/*
 * Run one command line, as typed at the ':' prompt (a relative include
 * is read from the working folder). Returns 0, or -1 with the reason in
 * err; errors inside an included file are "FILE:LINE: message", one a
 * line.
 */
int config_exec(struct config *c, const char *line, struct strbuf *err);

/*
 * Set the setting called name to value, as "set" does. Returns 0, or -1
 * with the reason in err and the setting as it was.
 */
int config_set(struct config *c, const char *name, const char *value,
    struct strbuf *err);

/*
 * Append the value of the setting called name to out, as "set" takes it
 * ("yes", "16", "auto"; nothing for an unset string or an unknown name).
 */
void config_get(const struct config *c, const char *name,
    struct strbuf *out);

/* The number of settings, for documentation and completion. */
size_t config_nsettings(void);

/* The name of the i-th setting, in the order of the manual. */
const char *config_setting_name(size_t i);

/* The one-line description of the i-th setting (untranslated: use _()). */
const char *config_setting_help(size_t i);

/* The index of the setting called name, or -1. */
int config_setting_index(const char *name);

#endif
