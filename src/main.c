/* SPDX-License-Identifier: ISC */
/*
 * tidings: the command line. Sets up the locale and translations, reads
 * the options and runs what they ask for.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fetch.h"
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

struct options {
	const char	*urls;		/* -u: the urls file */
	const char	*dump;		/* --dump: the feed to print */
};

static void
usage(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]...\n"), PACKAGE);
	fputs(_("A terminal reader for RSS and Atom news feeds.\n"), out);
	fputs("\n", out);
	fputs(_("  -u, --urls=FILE   read the subscriptions from FILE\n"
	    "                    (default: $XDG_CONFIG_HOME/tidings/urls)\n"),
	    out);
	fputs(_("      --dump=FILE|URL\n"
	    "                    parse the feed in FILE or at URL and print "
	    "it as\n"
	    "                    tidings stores it\n"), out);
	fputs(_("  -h, --help        show this help and exit\n"), out);
	fputs(_("  -V, --version     show the version and exit\n"), out);
	fputs("\n", out);
	fputs(_("On the first start, with no urls file, tidings subscribes to "
	    "its demo feeds.\nSee tidings(1) for everything else.\n"), out);
}

static void
version(void)
{
	printf("%s %s\n", PACKAGE, VERSION);
	puts(_("Copyright the tidings contributors. "
	    "Licensed under the ISC licence."));
}

/* Check that everything written to stdout reached it. */
static int
stdout_ok(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 1;
	fprintf(stderr, _("%s: cannot write to standard output: %s\n"),
	    PACKAGE, strerror(errno));
	return 0;
}

static const char *
demo_dir(void)
{
	const char *dir = getenv("TIDINGS_DEMO_DIR");

	return dir != NULL && dir[0] == '/' ? dir : DEMODIR;
}

/* Subscribe to the demo feeds when there is no urls file at path. */
static int
first_start(const char *path, int is_default)
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
static int
list_subs(const char *path, int is_default)
{
	struct subs subs = SUBS_INIT;
	struct strbuf err = STRBUF_INIT, warn = STRBUF_INIT;
	char *clean;
	size_t i;
	int rc = 0;

	if (first_start(path, is_default) == -1)
		return 1;
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
	limits.max_bytes = data->cap;
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
static int
dump_feed(const char *what)
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

static void
setup_locale(void)
{
	const char *dir = getenv("TIDINGS_LOCALEDIR");

	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, dir != NULL && dir[0] == '/' ? dir :
	    LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)dir;
#endif
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "urls",	required_argument,	NULL, 'u' },
		{ "dump",	required_argument,	NULL, 'D' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	struct options opt = { NULL, NULL };
	char *dir = NULL, *urls = NULL;
	int c, rc;

	umask(077);
	setup_locale();
	while ((c = getopt_long(argc, argv, "u:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'u':
			opt.urls = optarg;
			break;
		case 'D':
			opt.dump = optarg;
			break;
		case 'h':
			usage(stdout);
			return stdout_ok() ? 0 : 1;
		case 'V':
			version();
			return stdout_ok() ? 0 : 1;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("%s: unexpected argument '%s'\n"), PACKAGE,
		    argv[optind]);
		usage(stderr);
		return 2;
	}
	if (opt.dump != NULL)
		return dump_feed(opt.dump) == 0 && stdout_ok() ? 0 : 1;
	if (opt.urls == NULL) {
		dir = path_config_dir();
		if (dir == NULL)
			fatal(_("no home folder: set HOME, or use -u FILE"));
		urls = path_join(dir, "urls");
	}
	rc = list_subs(opt.urls != NULL ? opt.urls : urls, opt.urls == NULL);
	free(urls);
	free(dir);
	return stdout_ok() ? rc : 1;
}
