/* SPDX-License-Identifier: ISC */
/*
 * The batch commands: what tidings does when it is asked for one thing
 * on the command line and then exits. Each prints to standard output,
 * reports to standard error (every string from outside cleaned first),
 * and returns the exit status.
 */
#include "config.h"

#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fetch.h"
#include "model.h"
#include "parse.h"
#include "store.h"
#include "subs.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* The most a feed file given to --dump may hold. */
#define DUMP_MAX_BYTES	(512u << 20)

static const char *
demo_dir(void)
{
	const char *dir = getenv("TIDINGS_DEMO_DIR");

	return dir != NULL && dir[0] == '/' ? dir : DEMODIR;
}

/* Subscribe to the demo feeds when there is no urls file at path. */
int
batch_first_start(const char *path, int is_default)
{
	struct strbuf err = STRBUF_INIT;
	struct stat st;
	char *dir;
	int rc = 0;

	if (stat(path, &st) == 0 || errno != ENOENT || !is_default)
		return 0;
	dir = path_config_dir();
	if (path_mkdirs(dir, &err) == -1 ||
	    subs_write_demo(path, demo_dir(), &err) == -1) {
		fprintf(stderr, "%s: %s\n", PACKAGE, err.buf);
		rc = -1;
	} else
		printf(_("No urls file yet: subscribed to the demo feeds in "
		    "%s\n\n"), path);
	free(dir);
	strbuf_release(&err);
	return rc;
}

/* Print one subscription: its name, its tags, its URL. */
static void
print_sub(const struct sub *sub)
{
	size_t i;

	printf("  %s%s", sub_name(sub), sub->hidden ? _(" (hidden)") : "");
	for (i = 0; i < sub->ntags; i++)
		printf("%s%s", i == 0 ? "  [" : ", ", sub->tags[i]);
	printf("%s\n    %s\n", sub->ntags ? "]" : "", sub->url);
}

/* List the subscriptions in the urls file. */
int
batch_list(const char *path)
{
	struct subs subs = SUBS_INIT;
	struct strbuf err = STRBUF_INIT, warn = STRBUF_INIT;
	char *clean;
	size_t i;
	int rc = 0;

	if (subs_load(&subs, path, &warn, &err) == -1) {
		clean = sanitize(err.buf, SANITIZE_LINE);
		fprintf(stderr, "%s: %s\n", PACKAGE, clean);
		free(clean);
		rc = 1;
	} else {
		if (warn.len > 0) {
			clean = sanitize(warn.buf, SANITIZE_TEXT);
			fprintf(stderr, _("%s: in %s:\n%s"), PACKAGE, path,
			    clean);
			free(clean);
		}
		printf(ngettext("%zu subscription in %s:\n",
		    "%zu subscriptions in %s:\n", subs.n), subs.n, path);
		for (i = 0; i < subs.n; i++)
			print_sub(&subs.v[i]);
	}
	subs_release(&subs);
	strbuf_release(&err);
	strbuf_release(&warn);
	return rc;
}

/* Print an error about what, cleaned, to stderr. */
static void
report(const char *what, const struct strbuf *err)
{
	char *clean = sanitize(err->buf, SANITIZE_LINE);
	char *name = sanitize(what, SANITIZE_LINE);

	fprintf(stderr, "%s: %s: %s\n", PACKAGE, name, clean);
	free(clean);
	free(name);
}

/*
 * Read the feed named by what: a file, a file:// URL or an http(s) URL.
 * The body goes to data; *url and *charset (new strings or NULL) are
 * where it came from and the charset the server named.
 */
static int
read_feed(const char *what, struct strbuf *data, char **url, char **charset,
    struct strbuf *err)
{
	struct fetch_limits limits = FETCH_LIMITS_DEFAULT;
	struct fetch_result res;

	*url = *charset = NULL;
	if (strncmp(what, "file://", 7) == 0)
		return file_read(what + 7, data, err);
	if (strstr(what, "://") == NULL)
		return file_read(what, data, err);
	if (fetch_url(what, &limits, &res) == -1) {
		strbuf_add(err, res.error.buf, res.error.len);
		fetch_result_release(&res);
		return -1;
	}
	strbuf_add(data, res.body.buf, res.body.len);
	*url = xstrdup(res.final_url != NULL ? res.final_url : what);
	*charset = res.charset != NULL ? xstrdup(res.charset) : NULL;
	fetch_result_release(&res);
	return 0;
}

/* Parse the feed in what (a file or a URL) and print it as stored. */
int
batch_dump(const char *what)
{
	struct strbuf data, err = STRBUF_INIT;
	struct feed_doc *doc = NULL;
	char *url = NULL, *charset = NULL;
	int rc = 1;

	strbuf_init_capped(&data, DUMP_MAX_BYTES);
	if (read_feed(what, &data, &url, &charset, &err) == -1)
		goto out;
	doc = parse_feed(data.buf, data.len, url, charset, &err);
	if (doc == NULL || store_write_feed(doc, stdout, &err) == -1)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		report(what, &err);
	feeddoc_free(doc);
	strbuf_release(&data);
	strbuf_release(&err);
	free(url);
	free(charset);
	return rc;
}

/* Print notes (one problem a line) as warnings, cleaned. */
static void
print_notes(const struct strbuf *notes)
{
	char *clean;

	if (notes->len == 0)
		return;
	clean = sanitize(notes->buf, SANITIZE_TEXT);
	fprintf(stderr, _("%s: warning: %s"), PACKAGE, clean);
	if (clean[0] != '\0' && clean[strlen(clean) - 1] != '\n')
		fputc('\n', stderr);
	free(clean);
}

/* Open the model for a batch command, or say why not. */
struct model *
batch_open_model(const char *urls, const char *datadir,
    const struct model_options *opt, int read_only)
{
	struct model_options defaults = MODEL_OPTIONS_DEFAULT;
	struct strbuf notes = STRBUF_INIT, err = STRBUF_INIT;
	struct model *m;

	if (model_open(&m, datadir, urls, opt != NULL ? opt : &defaults,
	    read_only, &notes,
	    &err) == -1)
		report(datadir, &err);
	print_notes(&notes);
	strbuf_release(&notes);
	strbuf_release(&err);
	return m;
}

/* Show "Refreshing DONE/TOTAL…" over the last one, *shown wide. */
static void
show_progress(const struct model *m, int *shown)
{
	unsigned done, total;
	int n;

	model_refresh_progress(m, &done, &total);
	fputc('\r', stderr);
	n = fprintf(stderr, _("Refreshing %u/%u…"), done, total);
	if (n >= 0 && n < *shown)
		fprintf(stderr, "%*s", *shown - n, "");
	if (n > *shown)
		*shown = n;
	fflush(stderr);
}

/* Clear the progress line, if there is one. */
static void
clear_progress(int shown)
{
	if (shown > 0) {
		fprintf(stderr, "\r%*s\r", shown, "");
		fflush(stderr);
	}
}

/*
 * Refresh every feed that is due, with a progress line on standard error
 * when it is a terminal; the report of the refresh goes to report, its
 * figures to stats.
 */
static void
run_refresh(struct model *m, struct strbuf *report,
    struct refresh_stats *stats)
{
	int tty = isatty(STDERR_FILENO), shown = 0;
	unsigned shown_done = UINT_MAX, done, total;

	model_refresh_start(m, NULL);
	while (model_refreshing(m)) {
		model_refresh_progress(m, &done, &total);
		if (tty && done != shown_done) {
			show_progress(m, &shown);
			shown_done = done;
		}
		model_wait(m, NULL, 0, 250);
	}
	clear_progress(shown);
	model_refresh_stats(m, stats);
	strbuf_addstr(report, model_refresh_report(m));
}

int
batch_refresh(const char *urls, const char *datadir,
    const struct model_options *opt)
{
	struct strbuf report_text = STRBUF_INIT;
	struct model *m = batch_open_model(urls, datadir, opt, 0);
	struct refresh_stats stats;
	char *clean;

	if (m == NULL)
		return 1;
	run_refresh(m, &report_text, &stats);
	model_close(m);
	clean = sanitize(report_text.buf, SANITIZE_TEXT);
	fputs(clean, stdout);
	free(clean);
	strbuf_release(&report_text);
	return stats.failed > 0 ? 1 : 0;
}

int
batch_print_unread(const char *urls, const char *datadir)
{
	struct model *m = batch_open_model(urls, datadir, NULL, 1);

	if (m == NULL)
		return 1;
	printf("%u\n", model_unread(m));
	model_close(m);
	return 0;
}
