/* SPDX-License-Identifier: ISC */
/*
 * Downloads: the libcurl multi handle, many transfers at once, with the
 * validators of a conditional GET, limits on size, time, speed and
 * redirects, and the facts a caller needs to decide on a retry. It knows
 * URLs, not feeds; it never retries by itself and never prints.
 *
 * A caller queues requests with fetcher_add(), waits in fetcher_wait()
 * (which also watches the caller's own descriptors, such as the keyboard),
 * and takes each finished transfer with fetcher_next_result(). Every
 * string in a result that came from a server has been through sanitize();
 * the body is raw bytes, never more than the limit.
 */
#ifndef TIDINGS_FETCH_H
#define TIDINGS_FETCH_H

#include <poll.h>
#include <stddef.h>

#include "util/strbuf.h"

enum fetch_status {
	FETCH_OK,		/* 2xx: the body is the document */
	FETCH_NOT_MODIFIED,	/* 304 to a conditional request */
	FETCH_HTTP_ERROR,	/* 3xx (but 304), 4xx, 5xx: see http_code */
	FETCH_TOO_LARGE,	/* body or headers past the limit */
	FETCH_TIMEOUT,		/* total time or low-speed limit */
	FETCH_NETWORK,		/* DNS, connect, reset, short body, ... */
	FETCH_TLS,		/* certificate or handshake failure */
	FETCH_REDIRECTS,	/* more redirects than the limit */
	FETCH_REFUSED,		/* a scheme other than http or https */
	FETCH_GONE,		/* 410: stop polling this URL */
};

/*
 * Limits of one transfer. A field that is 0 or less takes its value from
 * FETCH_LIMITS_DEFAULT, so there is always a limit.
 */
struct fetch_limits {
	long	 timeout_s;		/* whole transfer */
	long	 connect_timeout_s;
	long	 low_speed_bytes;	/* abort below this many bytes/s ... */
	long	 low_speed_s;		/* ... for this many seconds */
	size_t	 max_bytes;		/* body after decompression */
	long	 max_redirects;
};

#define FETCH_LIMITS_DEFAULT { 60, 15, 100, 20, 8u << 20, 5 }

/* What to fetch. The strings are copied by fetcher_add(). */
struct fetch_request {
	const char	*url;
	const char	*etag;		/* sent as If-None-Match, or NULL */
	const char	*last_modified;	/* sent as If-Modified-Since, or NULL */
	void		*arg;		/* handed back in the result */
};

/* A finished transfer; every pointer but arg is owned by the result. */
struct fetch_result {
	enum fetch_status status;
	long		 http_code;	/* last response, 0 if none */
	struct strbuf	 body;		/* at most max_bytes, decoded */
	char		*content_type;	/* media type, lower case, or NULL */
	char		*charset;	/* from Content-Type, or NULL */
	char		*etag;		/* the response's validators, or NULL */
	char		*last_modified;
	char		*final_url;	/* after redirects, or NULL */
	char		*moved_to;	/* where the 301s and 308s that came
					 * first led (the feed's new URL), or
					 * NULL */
	long		 retry_after_s;	/* 429 and 503 only; 0 if none */
	struct strbuf	 error;		/* one clean line; empty for success */
	void		*arg;		/* the request's arg */
};

struct fetcher;

/*
 * Create a multi handle running at most max_parallel transfers at once
 * (1 when less), with the given limits (NULL: the defaults) and user agent
 * (NULL: "tidings/VERSION (+terminal news reader)").
 */
struct fetcher *fetcher_new(const struct fetch_limits *limits,
    const char *user_agent, int max_parallel);

/* Abort every transfer, drop every result not taken, and free f. */
void fetcher_free(struct fetcher *f);

/*
 * Queue a request; it starts when a slot is free (inside fetcher_wait()).
 * Returns 0; a request that cannot even be set up becomes a failed result.
 */
int fetcher_add(struct fetcher *f, const struct fetch_request *req);

/*
 * Wait at most timeout_ms for network activity or an event on one of the
 * nextra descriptors of extra (NULL when nextra is 0), then advance the
 * transfers, start queued ones and collect the finished. The revents of
 * extra are set as poll() would set them. Returns the number of extra
 * descriptors with events, or -1 when the multi handle failed.
 */
int fetcher_wait(struct fetcher *f, struct pollfd *extra,
    unsigned int nextra, int timeout_ms);

/*
 * Move one finished transfer's result into out, which the caller then
 * releases with fetch_result_release(); returns 1, or 0 when none is done.
 */
int fetcher_next_result(struct fetcher *f, struct fetch_result *out);

/* The number of transfers queued or running (not those finished). */
size_t fetcher_pending(const struct fetcher *f);

/* Free what result holds. */
void fetch_result_release(struct fetch_result *result);

/*
 * Fetch one request, blocking, through the same multi code path; out is
 * always filled. Returns 0 for FETCH_OK and FETCH_NOT_MODIFIED, else -1.
 */
int fetch_one(const struct fetch_request *req,
    const struct fetch_limits *limits, struct fetch_result *out);

/* fetch_one() of a URL without validators. */
int fetch_url(const char *url, const struct fetch_limits *limits,
    struct fetch_result *out);

/* A short translated name of status, for a status line or a log. */
const char *fetch_status_name(enum fetch_status status);

#endif
