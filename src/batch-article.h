/* SPDX-License-Identifier: ISC */
/*
 * tidings --fetch-article URL|FILE: the article of a web page, as text,
 * for pipes, scripts and `tidings --keyfacts`.
 */
#ifndef TIDINGS_BATCH_ARTICLE_H
#define TIDINGS_BATCH_ARTICLE_H

/*
 * Download the page at what (an http or https URL, with the fetcher's
 * limits) or read it (a file, or a file:// URL), extract its article,
 * and print its title on the first line, a blank line, then its body as
 * the reader renders it, unwrapped: one block a line, a blank line
 * between blocks, list items with their markers, no link numbers and no
 * images. Nothing else goes to standard output; a failure is one line on
 * standard error. Returns the exit status: 0, or 1.
 */
int batch_fetch_article(const char *what);

#endif
