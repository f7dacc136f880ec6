/* SPDX-License-Identifier: ISC */
/*
 * tidings --render: an HTML article printed as the article pane shows it,
 * for pipes, scripts and tests.
 */
#ifndef TIDINGS_BATCH_RENDER_H
#define TIDINGS_BATCH_RENDER_H

/*
 * Render the HTML in file (NULL or "-": standard input) wrapped to width
 * columns (0: the terminal's width, else $COLUMNS, else 80), then a blank
 * line and its numbered links; returns the exit status.
 */
int batch_render(const char *file, int width);

#endif
