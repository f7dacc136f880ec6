/* SPDX-License-Identifier: ISC */
/*
 * The interactive reader: the curses screen over the model, from start to
 * quit. Everything the user sees and every key they press is handled
 * under src/ui/; the rest of tidings never touches the terminal.
 */
#ifndef TIDINGS_UI_UI_H
#define TIDINGS_UI_UI_H

#include "model.h"
#include "util/strbuf.h"

enum ui_layout {
	UI_LAYOUT_AUTO,		/* wide from 120x30 up, else narrow */
	UI_LAYOUT_WIDE,
	UI_LAYOUT_NARROW,
};

struct ui_options {
	enum ui_layout	 layout;
	int		 sidebar_width;		/* columns; 0: a third */
	int		 show_keyfacts;		/* the sidebar at start */
	int		 refresh_on_start;
	int		 reload_minutes;	/* 0: no automatic reload */
	const char	*browser;		/* NULL: $BROWSER, xdg-open */
	const char	*save_dir;		/* NULL: the working folder */
};

#define UI_OPTIONS_DEFAULT { UI_LAYOUT_AUTO, 0, 1, 0, 0, NULL, NULL }

/*
 * Run the reader on m until the user quits or a signal asks to stop.
 * Returns 0, or -1 with the reason in err (no terminal, say).
 */
int ui_run(struct model *m, const struct ui_options *opt,
    struct strbuf *err);

#endif
