/* SPDX-License-Identifier: ISC */
/*
 * The batch commands that move subscriptions in and out of tidings:
 * --import-opml, --export-opml and --import-newsboat. Each prints what
 * it did, reports to standard error, and returns the exit status.
 */
#ifndef TIDINGS_BATCH_SUBS_H
#define TIDINGS_BATCH_SUBS_H

/*
 * Add the feeds of the OPML file to the urls file at urls (NULL: the
 * default one; created when missing, without the demo feeds), and print
 * what was imported, skipped and refused. Returns 0, or 1 when file
 * cannot be read or is not OPML (nothing is written then) or the urls
 * file cannot be written.
 */
int batch_import_opml(const char *urls, const char *file);

/*
 * Print the subscriptions of the urls file at urls (NULL: the default
 * one) as OPML 2.0. Returns 0, or 1 when it cannot be read.
 */
int batch_export_opml(const char *urls);

/*
 * Add the subscriptions of newsboat's urls file in dir (NULL: ~/.newsboat,
 * else $XDG_CONFIG_HOME/newsboat) to the urls file at urls, and append
 * the settings of newsboat's config that tidings has to the config file
 * at config (NULL: the default one); print what was carried over and what
 * was not. Returns 0, or 1 when dir has no urls file or a file cannot be
 * read or written.
 */
int batch_import_newsboat(const char *urls, const char *config,
    const char *dir);

#endif
