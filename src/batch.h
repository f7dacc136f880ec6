/* SPDX-License-Identifier: ISC */
/*
 * The batch commands of the command line: each does one thing, prints
 * what it has to say, and returns the exit status (0 success, 1 failure).
 */
#ifndef TIDINGS_BATCH_H
#define TIDINGS_BATCH_H

#include "model.h"

/*
 * Subscribe to the demo feeds when there is no urls file at path and it
 * is the default one (is_default). Returns 0, or -1 after reporting.
 */
int batch_first_start(const char *path, int is_default);

/* List the subscriptions in the urls file at path. */
int batch_list(const char *path);

/* Parse the feed in what (a file or a URL) and print it as stored. */
int batch_dump(const char *what);

/*
 * Open the model of urls and datadir with opt (NULL: the defaults),
 * printing what was mended, or why it cannot be opened (then NULL).
 */
struct model *batch_open_model(const char *urls, const char *datadir,
    const struct model_options *opt, int read_only);

/* Fetch every feed of urls into the store in datadir; a summary. */
int batch_refresh(const char *urls, const char *datadir,
    const struct model_options *opt);

/* Print the number of unread articles. */
int batch_print_unread(const char *urls, const char *datadir);

#endif
