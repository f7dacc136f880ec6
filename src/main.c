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

#include "batch.h"
#include "batch-keyfacts.h"
#include "batch-render.h"
#include "batch-article.h"
#include "batch-subs.h"
#include "config-file.h"
#include "model.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xmalloc.h"

enum command {
	CMD_READ, CMD_DUMP, CMD_REFRESH, CMD_PRINT_UNREAD, CMD_RENDER,
	CMD_KEYFACTS, CMD_IMPORT_OPML, CMD_EXPORT_OPML, CMD_IMPORT_NEWSBOAT,
	CMD_FETCH_ARTICLE
};

struct options {
	enum command	 cmd;
	const char	*urls;		/* -u: the urls file */
	const char	*config;	/* -c: the config file */
	const char	*datadir;	/* -d: the data folder */
	const char	*dump;		/* --dump: the feed to print */
	const char	*file;		/* --render, --keyfacts: the input */
	const char	*title;		/* --keyfacts --title */
	int		 width;		/* --render --width, 0: the terminal's */
};

static void
usage(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]...\n"), PACKAGE);
	fputs(_("A terminal reader for RSS and Atom news feeds.\n"), out);
	fputs("\n", out);
	fputs(_("  -u, --urls=FILE     read the subscriptions from FILE\n"
	    "                      (default: $XDG_CONFIG_HOME/tidings/urls)\n"),
	    out);
	fputs(_("  -c, --config=FILE   read the settings from FILE\n"
	    "                      (default: $XDG_CONFIG_HOME/tidings/config)\n"),
	    out);
	fputs(_("  -d, --data-dir=DIR  keep the article store in DIR\n"
	    "                      (default: $XDG_DATA_HOME/tidings)\n"), out);
	fputs(_("  -r, --refresh       fetch every feed into the store and "
	    "print a summary;\n"
	    "                      exit 1 if any feed failed\n"), out);
	fputs(_("      --print-unread  print the number of unread articles\n"),
	    out);
	fputs(_("      --dump=FILE|URL parse the feed in FILE or at URL and "
	    "print it as\n"
	    "                      tidings stores it\n"), out);
	fputs(_("      --render [FILE|-] [--width=N]\n"
	    "                      print an HTML article as the reader shows "
	    "it,\n"
	    "                      wrapped to N columns, with its links\n"), out);
	fputs(_("      --keyfacts [FILE|-] [--title=TEXT]\n"
	    "                      print the key facts of an article, one "
	    "\"- \" line each\n"), out);
	fputs(_("      --import-opml=FILE\n"
	    "                      add the feeds of the OPML file FILE to the "
	    "urls file\n"), out);
	fputs(_("      --export-opml   print the subscriptions as OPML\n"),
	    out);
	fputs(_("      --import-newsboat [DIR]\n"
	    "                      add newsboat's subscriptions and settings "
	    "from DIR\n"
	    "                      (default: ~/.newsboat)\n"), out);
	fputs(_("      --fetch-article=URL|FILE\n"
	    "                      print the article of a web page as text, "
	    "its title first\n"), out);
	fputs(_("  -h, --help          show this help and exit\n"), out);
	fputs(_("  -V, --version       show the version and exit\n"), out);
	fputs("\n", out);
	fputs(_("Without a command, tidings opens the reader (press ? in it for "
	    "the keys);\nwithout a terminal, it lists the subscriptions.\n"),
	    out);
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

/* A --width: a number of columns from 1 to 10000. */
static int
read_width(const char *s, int *width)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > 10000) {
		fprintf(stderr, _("%s: invalid width '%s': give a number of "
		    "columns from 1 to 10000\n"), PACKAGE, s);
		return -1;
	}
	*width = (int)v;
	return 0;
}

/* Read the options into opt; returns -1 to exit with *status. */
static int
read_options(int argc, char **argv, struct options *opt, int *status)
{
	static const struct option longopts[] = {
		{ "urls",		required_argument,	NULL, 'u' },
		{ "config",		required_argument,	NULL, 'c' },
		{ "data-dir",		required_argument,	NULL, 'd' },
		{ "refresh",		no_argument,		NULL, 'r' },
		{ "print-unread",	no_argument,		NULL, 'P' },
		{ "dump",		required_argument,	NULL, 'D' },
		{ "render",		no_argument,		NULL, 'R' },
		{ "width",		required_argument,	NULL, 'W' },
		{ "keyfacts",		no_argument,		NULL, 'K' },
		{ "title",		required_argument,	NULL, 'T' },
		{ "import-opml",	required_argument,	NULL, 'I' },
		{ "export-opml",	no_argument,		NULL, 'E' },
		{ "import-newsboat",	no_argument,		NULL, 'N' },
		{ "fetch-article",	required_argument,	NULL, 'A' },
		{ "help",		no_argument,		NULL, 'h' },
		{ "version",		no_argument,		NULL, 'V' },
		{ NULL,			0,			NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "u:c:d:rhV", longopts, NULL)) != -1)
		switch (c) {
		case 'c':
			opt->config = optarg;
			break;
		case 'u':
			opt->urls = optarg;
			break;
		case 'd':
			opt->datadir = optarg;
			break;
		case 'r':
			opt->cmd = CMD_REFRESH;
			break;
		case 'P':
			opt->cmd = CMD_PRINT_UNREAD;
			break;
		case 'D':
			opt->cmd = CMD_DUMP;
			opt->dump = optarg;
			break;
		case 'R':
			opt->cmd = CMD_RENDER;
			break;
		case 'K':
			opt->cmd = CMD_KEYFACTS;
			break;
		case 'T':
			opt->title = optarg;
			break;
		case 'I':
			opt->cmd = CMD_IMPORT_OPML;
			opt->file = optarg;
			break;
		case 'E':
			opt->cmd = CMD_EXPORT_OPML;
			break;
		case 'N':
			opt->cmd = CMD_IMPORT_NEWSBOAT;
			break;
		case 'A':
			opt->cmd = CMD_FETCH_ARTICLE;
			opt->file = optarg;
			break;
		case 'W':
			if (read_width(optarg, &opt->width) == -1) {
				*status = 2;
				return -1;
			}
			break;
		case 'h':
			usage(stdout);
			*status = stdout_ok() ? 0 : 1;
			return -1;
		case 'V':
			version();
			*status = stdout_ok() ? 0 : 1;
			return -1;
		default:
			usage(stderr);
			*status = 2;
			return -1;
		}
	if (optind < argc && (opt->cmd == CMD_RENDER ||
	    opt->cmd == CMD_KEYFACTS || opt->cmd == CMD_IMPORT_NEWSBOAT))
		opt->file = argv[optind++];
	if (optind < argc) {
		fprintf(stderr, _("%s: unexpected argument '%s'\n"), PACKAGE,
		    argv[optind]);
		usage(stderr);
		*status = 2;
		return -1;
	}
	return 0;
}

/* dir/name, where dir is an XDG folder; dies when there is no home. */
static char *
default_path(char *(*xdg_dir)(void), const char *name)
{
	char *dir = xdg_dir(), *path;

	if (dir == NULL)
		fatal(_("no home folder: set HOME, or name the files with -u "
		    "and -d"));
	path = name != NULL ? path_join(dir, name) : xstrdup(dir);
	free(dir);
	return path;
}

/* The model's options from the settings. */
static void
model_options_of(const struct config *cfg, struct model_options *mopt)
{
	struct model_options defaults = MODEL_OPTIONS_DEFAULT;

	*mopt = defaults;
	mopt->parallel = cfg->reload_concurrency;
	mopt->max_articles = (unsigned)cfg->max_articles;
	mopt->keep_days = (unsigned)cfg->keep_days;
	mopt->limits.timeout_s = cfg->download_timeout;
	mopt->user_agent = cfg->user_agent;
}

/* Print the config file's errors, one "tidings: FILE:LINE: ..." each. */
static void
print_errors(const struct strbuf *errors)
{
	const char *p = errors->buf, *nl;

	for (; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p) - 1;
		fprintf(stderr, "%s: %.*s\n", PACKAGE, (int)(nl - p), p);
	}
}

/* The reader's first words: the config file's first error, if any. */
static void
notice_of(const struct strbuf *errors, int n, struct strbuf *notice)
{
	size_t len = strcspn(errors->buf, "\n");

	if (n <= 0)
		return;
	strbuf_add(notice, errors->buf, len);
	if (n > 1)
		strbuf_addf(notice, ngettext(" (and %d more error)",
		    " (and %d more errors)", n - 1), n - 1);
}

/* The interactive reader; without a terminal, the subscription list. */
static int
read_news(const char *urls, const char *data, struct config *cfg,
    const struct strbuf *errors, int nerrors)
{
	struct model_options mopt;
	struct strbuf notice = STRBUF_INIT, err = STRBUF_INIT;
	struct model *m;
	int rc = 1;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return batch_list(urls);
	model_options_of(cfg, &mopt);
	m = batch_open_model(urls, data, &mopt, 0);
	if (m == NULL)
		goto out;
	notice_of(errors, nerrors, &notice);
	if (ui_run(m, cfg, notice.len > 0 ? notice.buf : NULL, &err) == -1)
		fprintf(stderr, "%s: %s\n", PACKAGE, err.buf);
	else
		rc = 0;
	model_close(m);
	print_errors(errors);
out:
	strbuf_release(&notice);
	strbuf_release(&err);
	return rc;
}

/* Run the command of opt with the files it names. */
static int
run(const struct options *opt)
{
	char *urls = opt->urls != NULL ? xstrdup(opt->urls) :
	    default_path(path_config_dir, "urls");
	char *data = opt->datadir != NULL ? xstrdup(opt->datadir) :
	    default_path(path_data_dir, NULL);
	char *conf = opt->config != NULL ? xstrdup(opt->config) :
	    default_path(path_config_dir, "config");
	struct strbuf errors = STRBUF_INIT;
	struct model_options mopt;
	struct config cfg;
	int rc, nerrors;

	config_init(&cfg);
	nerrors = config_load(&cfg, conf, opt->config != NULL, &errors);
	rc = batch_first_start(urls, opt->urls == NULL) == -1 ? 1 : 0;
	if (nerrors == -1) {
		print_errors(&errors);
		rc = 1;
	} else if (rc == 0 && opt->cmd == CMD_READ) {
		rc = read_news(urls, data, &cfg, &errors, nerrors);
	} else {
		print_errors(&errors);
		model_options_of(&cfg, &mopt);
		if (rc == 0 && opt->cmd == CMD_REFRESH)
			rc = batch_refresh(urls, data, &mopt);
		else if (rc == 0)
			rc = batch_print_unread(urls, data);
	}
	config_release(&cfg);
	strbuf_release(&errors);
	free(conf);
	free(urls);
	free(data);
	return rc;
}

int
main(int argc, char **argv)
{
	struct options opt = { CMD_READ, NULL, NULL, NULL, NULL, NULL, NULL,
	    0 };
	int status = 0, rc;

	umask(077);
	setup_locale();
	if (read_options(argc, argv, &opt, &status) == -1)
		return status;
	if (opt.cmd == CMD_DUMP)
		rc = batch_dump(opt.dump);
	else if (opt.cmd == CMD_RENDER)
		rc = batch_render(opt.file, opt.width);
	else if (opt.cmd == CMD_KEYFACTS)
		rc = batch_keyfacts(opt.file, opt.title);
	else if (opt.cmd == CMD_IMPORT_OPML)
		rc = batch_import_opml(opt.urls, opt.file);
	else if (opt.cmd == CMD_EXPORT_OPML)
		rc = batch_export_opml(opt.urls);
	else if (opt.cmd == CMD_IMPORT_NEWSBOAT)
		rc = batch_import_newsboat(opt.urls, opt.config, opt.file);
	else if (opt.cmd == CMD_FETCH_ARTICLE)
		rc = batch_fetch_article(opt.file);
	else
		rc = run(&opt);
	return stdout_ok() ? rc : 1;
}
