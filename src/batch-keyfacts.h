/* SPDX-License-Identifier: ISC */
/*
 * tidings --keyfacts: the key facts of one article, from a file or
 * standard input, on standard output.
 */
#ifndef TIDINGS_BATCH_KEYFACTS_H
#define TIDINGS_BATCH_KEYFACTS_H

/*
 * Print the key facts of the article (HTML or plain text) in file, or on
 * standard input when file is NULL or "-", one "- " line each and
 * nothing else; title, the headline, may be NULL. An article too short
 * to summarise prints nothing and says so on standard error. Returns
 * the exit status: 0, or 1 when the article cannot be read.
 */
int batch_keyfacts(const char *file, const char *title);

#endif
