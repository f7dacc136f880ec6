/* SPDX-License-Identifier: ISC */
/*
 * The interactive reader: the curses screen over the model, from start to
 * quit. Everything the user sees and every key they press is handled
 * under src/ui/; the rest of tidings never touches the terminal.
 */
#ifndef TIDINGS_UI_UI_H
#define TIDINGS_UI_UI_H

#include "config-file.h"
#include "model.h"
#include "util/strbuf.h"

/*
 * Run the reader on m with the settings of cfg (which ":set" and ":bind"
 * change while it runs) until the user quits or a signal asks to stop;
 * notice, if not NULL, is shown on the status line at start (such as
 * the config file's errors). Returns 0, or -1 with the reason in err (no
 * terminal, say).
 */
int ui_run(struct model *m, struct config *cfg, const char *notice,
    struct strbuf *err);

#endif
