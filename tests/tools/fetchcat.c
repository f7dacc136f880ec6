/* SPDX-License-Identifier: ISC */
/*
 * fetchcat: the fetch module from the command line, for tests/fetch.
 *
 *   fetchcat [-e ETAG] [-L LAST-MODIFIED] [-m MAXBYTES] [-t TIMEOUT]
 *       [-o FILE] [-i] URL...
 *
 * One URL goes through fetch_one(); several go through one fetcher, all
 * at once, and each result line starts with "n=INDEX" (from 1), in the
 * order the transfers finish. -i also watches stdin in fetcher_wait() and
 * prints "stdin=ready" when it becomes readable, as the UI would see a
 * key. A result is one line on stdout:
 *
 *   status=NAME http=N bytes=N type=X charset=X etag=X last_modified=X
 *   retry_after=N final_url=X error=TEXT
 *
 * with "-" for what is absent; the body of a single URL goes to -o FILE.
 * The exit status is 0 whatever the fetch gave.
 */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fetch.h"

static const char *
status_id(enum fetch_status s)
{
	switch (s) {
	case FETCH_OK: return "OK";
	case FETCH_NOT_MODIFIED: return "NOT_MODIFIED";
	case FETCH_HTTP_ERROR: return "HTTP_ERROR";
	case FETCH_TOO_LARGE: return "TOO_LARGE";
	case FETCH_TIMEOUT: return "TIMEOUT";
	case FETCH_NETWORK: return "NETWORK";
	case FETCH_TLS: return "TLS";
	case FETCH_REDIRECTS: return "REDIRECTS";
	case FETCH_REFUSED: return "REFUSED";
	case FETCH_GONE: return "GONE";
	}
	return "?";
}

static const char *
or_dash(const char *s)
{
	return s != NULL ? s : "-";
}

static void
print_result(const struct fetch_result *r)
{
	printf("status=%s http=%ld bytes=%zu type=%s charset=%s etag=%s "
	    "last_modified=%s retry_after=%ld final_url=%s error=%s\n",
	    status_id(r->status), r->http_code, r->body.len,
	    or_dash(r->content_type), or_dash(r->charset), or_dash(r->etag),
	    or_dash(r->last_modified), r->retry_after_s,
	    or_dash(r->final_url), r->error.len ? r->error.buf : "-");
	fflush(stdout);
}

static void
usage(void)
{
	fputs("usage: fetchcat [-e ETAG] [-L LAST-MODIFIED] [-m MAXBYTES] "
	    "[-t TIMEOUT] [-o FILE] [-i] URL...\n", stderr);
	exit(2);
}

static void
save_body(const char *path, const struct fetch_result *r)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL || fwrite(r->body.buf, 1, r->body.len, fp) !=
	    r->body.len || fclose(fp) == EOF) {
		perror(path);
		exit(1);
	}
}

/* Fetch every URL through one fetcher, watching stdin if asked. */
static void
fetch_many(char **urls, int n, const struct fetch_limits *lim,
    const char *etag, const char *lm, int watch_stdin)
{
	struct fetcher *f = fetcher_new(lim, NULL, n);
	struct fetch_request req = { NULL, etag, lm, NULL };
	struct pollfd pfd = { 0, POLLIN, 0 };
	struct fetch_result r;
	long i;

	for (i = 0; i < n; i++) {
		req.url = urls[i];
		req.arg = (void *)(i + 1);
		fetcher_add(f, &req);
	}
	while (fetcher_pending(f) > 0) {
		if (fetcher_wait(f, &pfd, watch_stdin ? 1 : 0, 500) > 0 &&
		    (pfd.revents & (POLLIN | POLLHUP))) {
			puts("stdin=ready");
			fflush(stdout);
			watch_stdin = 0;
		}
		while (fetcher_next_result(f, &r)) {
			printf("n=%ld ", (long)r.arg);
			print_result(&r);
			fetch_result_release(&r);
		}
	}
	fetcher_free(f);
}

int
main(int argc, char **argv)
{
	struct fetch_limits lim = FETCH_LIMITS_DEFAULT;
	struct fetch_request req = { NULL, NULL, NULL, NULL };
	struct fetch_result r;
	const char *out = NULL;
	char *end;
	int c, watch_stdin = 0;

	while ((c = getopt(argc, argv, "e:iL:m:o:t:")) != -1) {
		switch (c) {
		case 'e':
			req.etag = optarg;
			break;
		case 'i':
			watch_stdin = 1;
			break;
		case 'L':
			req.last_modified = optarg;
			break;
		case 'm':
			lim.max_bytes = strtoul(optarg, &end, 10);
			if (*end != '\0')
				usage();
			break;
		case 'o':
			out = optarg;
			break;
		case 't':
			lim.timeout_s = strtol(optarg, &end, 10);
			if (*end != '\0')
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind == argc)
		usage();
	if (optind + 1 < argc || watch_stdin) {
		fetch_many(argv + optind, argc - optind, &lim, req.etag,
		    req.last_modified, watch_stdin);
		return ferror(stdout) ? 1 : 0;
	}
	req.url = argv[optind];
	fetch_one(&req, &lim, &r);
	print_result(&r);
	if (out != NULL)
		save_body(out, &r);
	fetch_result_release(&r);
	return ferror(stdout) ? 1 : 0;
}
