/* SPDX-License-Identifier: ISC */
/*
 * faultd: the fault-injection HTTP/1.1 server of the network tests
 * (RELIABILITY.md 2.3 and 4). It binds 127.0.0.1 on a free port, prints
 * the port on stdout, and serves each connection in a child process, one
 * request per connection, with the fault its path names:
 *
 *   /ok[?type=T&charset=C]     a small RSS document
 *   /idle                      reads the request, never answers
 *   /slow?bps=N                a 4 KiB body at N bytes a second
 *   /reset?after=N             N body bytes, then a TCP reset
 *   /short                     Content-Length 1000, 100 bytes, close
 *   /chunked-forever           a chunked body without an end
 *   /gzbomb                    DIR/gzbomb.gz with Content-Encoding: gzip
 *   /cl-huge                   Content-Length: 99999999999
 *   /hflood                    response headers without an end
 *   /loop                      a redirect to itself
 *   /redir?to=URL[&code=N]     a 302 (or N, from 300 to 399) to URL
 *   /status?code=N[&retry_after=S][&reason=R]
 *   /etag?tag=T[&lm=DATE]      200 with the validators; 304 when they match
 *   /files/NAME[?type=T&charset=C&gzip=1&enc=E]   the file DIR/NAME;
 *                              gzip=1 or enc=E say Content-Encoding: gzip
 *                              or E
 *
 * Query values are percent-decoded, so a test can put any byte into a
 * header. Each request is logged as one line to the -l file: method,
 * target, and the If-None-Match, If-Modified-Since and Accept-Encoding
 * it carried. The
 * server exits on SIGTERM or SIGINT (ending its children), and by itself
 * after 120 s without a connection; a child lives at most 60 s, and ends
 * when its client goes away. A test tool: it never includes libcurl.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xmalloc.h"

#define IDLE_EXIT_S	120
#define CHILD_MAX_S	60
#define REQUEST_MAX	16384
#define VALUE_MAX	8192
#define MAX_CHILDREN	256
#define FILE_MAX	(64u << 20)

#define RSS_BODY \
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" \
    "<rss version=\"2.0\"><channel><title>faultd</title>" \
    "<link>http://127.0.0.1/</link><description>test feed</description>" \
    "<item><title>Hello</title><link>http://127.0.0.1/1</link>" \
    "<guid>faultd-1</guid></item></channel></rss>\n"

static const char *dir = ".";
static int logfd = -1;
static volatile sig_atomic_t stop;

/* One request, as parsed. */
struct request {
	char	*method;
	char	*target;
	char	*path;
	char	*query;		/* after '?', or "" */
	char	*inm;		/* If-None-Match, or NULL */
	char	*ims;		/* If-Modified-Since, or NULL */
	char	*ae;		/* Accept-Encoding, or NULL */
};

static void
on_signal(int sig)
{
	stop = 1;
}

static int
write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The percent-decoded value of the query parameter name, in a new string,
 * or NULL when the query has no such parameter.
 */
static char *
qparam(const char *query, const char *name)
{
	size_t nlen = strlen(name);
	const char *p = query, *end;
	struct strbuf v;
	int hi, lo;

	while (*p != '\0') {
		end = p + strcspn(p, "&");
		if ((size_t)(end - p) > nlen && strncmp(p, name, nlen) == 0 &&
		    p[nlen] == '=') {
			strbuf_init_capped(&v, VALUE_MAX);
			for (p += nlen + 1; p < end; p++) {
				if (*p == '%' && end - p >= 3 &&
				    (hi = hexval(p[1])) >= 0 &&
				    (lo = hexval(p[2])) >= 0) {
					strbuf_addch(&v, hi * 16 + lo);
					p += 2;
				} else if (*p == '+')
					strbuf_addch(&v, ' ');
				else
					strbuf_addch(&v, *p);
			}
			return strbuf_detach(&v, NULL);
		}
		p = *end == '&' ? end + 1 : end;
	}
	return NULL;
}

static long
qnum(const char *query, const char *name, long def)
{
	char *v = qparam(query, name), *end;
	long n;

	if (v == NULL)
		return def;
	n = strtol(v, &end, 10);
	if (end == v || *end != '\0')
		n = def;
	free(v);
	return n;
}

static const char *
reason_of(int code)
{
	switch (code) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 304: return "Not Modified";
	case 307: return "Temporary Redirect";
	case 308: return "Permanent Redirect";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 410: return "Gone";
	case 429: return "Too Many Requests";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

/*
 * Send a whole response: the status line, the headers in extra (each
 * ending in CR LF), Content-Length and Connection: close, then the body.
 * A NULL body sends no Content-Length (for 304).
 */
static void
respond(int fd, int code, const char *reason, const char *extra,
    const char *body, size_t len)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "HTTP/1.1 %d %s\r\n", code,
	    reason != NULL ? reason : reason_of(code));
	strbuf_addstr(&sb, extra != NULL ? extra : "");
	if (body != NULL)
		strbuf_addf(&sb, "Content-Length: %zu\r\n", len);
	strbuf_addstr(&sb, "Connection: close\r\n\r\n");
	if (body != NULL)
		strbuf_add(&sb, body, len);
	write_all(fd, sb.buf, sb.len);
	strbuf_release(&sb);
}

/* The Content-Type header of a response, from ?type= and ?charset=. */
static void
add_content_type(struct strbuf *h, const char *query, const char *def_cs)
{
	char *type = qparam(query, "type"), *cs = qparam(query, "charset");

	strbuf_addf(h, "Content-Type: %s", type != NULL ? type :
	    "application/rss+xml");
	if (cs != NULL || def_cs != NULL)
		strbuf_addf(h, "; charset=%s", cs != NULL ? cs : def_cs);
	strbuf_addstr(h, "\r\n");
	free(type);
	free(cs);
}

/* Read from the client until it goes away (or the alarm ends us). */
static void
drain(int fd)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0)
		if (n < 0 && errno != EINTR)
			break;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static void
serve_slow(int fd, const char *query)
{
	long bps = qnum(query, "bps", 1), sent = 0, total = 4096, n;
	char buf[4096];

	if (bps < 1)
		bps = 1;
	if (bps > (long)sizeof(buf))
		bps = sizeof(buf);
	memset(buf, 'x', sizeof(buf));
	dprintf(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
	    "Content-Length: %ld\r\nConnection: close\r\n\r\n", total);
	while (sent < total) {
		n = total - sent < bps ? total - sent : bps;
		if (write_all(fd, buf, (size_t)n) == -1)
			return;
		sent += n;
		sleep_ms(1000);
	}
}

static void
serve_reset(int fd, const char *query)
{
	long after = qnum(query, "after", 1000), n;
	struct linger lg = { 1, 0 };
	char buf[4096];

	if (after < 0)
		after = 0;
	memset(buf, 'x', sizeof(buf));
	dprintf(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
	    "Content-Length: %ld\r\nConnection: close\r\n\r\n",
	    after + 100000);
	while (after > 0) {
		n = after < (long)sizeof(buf) ? after : (long)sizeof(buf);
		if (write_all(fd, buf, (size_t)n) == -1)
			return;
		after -= n;
	}
	sleep_ms(200);
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(fd);
	_exit(0);
}

static void
serve_chunked_forever(int fd)
{
	char chunk[16384 + 16];
	size_t n;

	dprintf(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
	    "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
	n = (size_t)snprintf(chunk, sizeof(chunk), "4000\r\n");
	memset(chunk + n, 'a', 16384);
	memcpy(chunk + n + 16384, "\r\n", 2);
	while (write_all(fd, chunk, n + 16384 + 2) == 0)
		;
}

static void
serve_hflood(int fd)
{
	char line[1100];
	unsigned long i;
	int n;

	if (write_all(fd, "HTTP/1.1 200 OK\r\n", 17) == -1)
		return;
	for (i = 0;; i++) {
		n = snprintf(line, sizeof(line), "X-Flood-%lu: ", i);
		memset(line + n, 'f', 1000);
		memcpy(line + n + 1000, "\r\n", 2);
		if (write_all(fd, line, (size_t)n + 1002) == -1)
			return;
	}
}

static void
serve_status(int fd, const char *query)
{
	long code = qnum(query, "code", 200);
	char *ra = qparam(query, "retry_after");
	char *reason = qparam(query, "reason");
	struct strbuf h = STRBUF_INIT, body = STRBUF_INIT;

	if (code < 200 || code > 999)
		code = 500;
	if (ra != NULL)
		strbuf_addf(&h, "Retry-After: %s\r\n", ra);
	strbuf_addstr(&h, "Content-Type: text/plain\r\n");
	strbuf_addf(&body, "status %ld\n", code);
	respond(fd, (int)code, reason, h.buf, code == 304 ? NULL : body.buf,
	    body.len);
	strbuf_release(&h);
	strbuf_release(&body);
	free(ra);
	free(reason);
}

static void
serve_etag(int fd, const struct request *req)
{
	char *tag = qparam(req->query, "tag"), *lm = qparam(req->query, "lm");
	struct strbuf h = STRBUF_INIT;
	int match;

	if (tag != NULL)
		strbuf_addf(&h, "ETag: %s\r\n", tag);
	if (lm != NULL)
		strbuf_addf(&h, "Last-Modified: %s\r\n", lm);
	match = (tag != NULL && req->inm != NULL &&
	    strcmp(tag, req->inm) == 0) || (lm != NULL && req->ims != NULL &&
	    strcmp(lm, req->ims) == 0);
	if (match)
		respond(fd, 304, NULL, h.buf, NULL, 0);
	else {
		add_content_type(&h, req->query, "utf-8");
		respond(fd, 200, NULL, h.buf, RSS_BODY, strlen(RSS_BODY));
	}
	strbuf_release(&h);
	free(tag);
	free(lm);
}

/* Send DIR/name, when name is a plain file name. */
static void
serve_file(int fd, const char *name, const char *query, int gzip)
{
	struct strbuf h = STRBUF_INIT, body;
	char *path, *gz = qparam(query, "gzip"), *enc = qparam(query, "enc");
	char buf[65536];
	ssize_t n;
	int in;

	if (*name == '\0' || *name == '.' || strchr(name, '/') != NULL) {
		respond(fd, 403, NULL, NULL, "forbidden\n", 10);
		free(gz);
		free(enc);
		return;
	}
	path = xasprintf("%s/%s", dir, name);
	in = open(path, O_RDONLY);
	free(path);
	if (in == -1) {
		respond(fd, 404, NULL, NULL, "not found\n", 10);
		free(gz);
		free(enc);
		return;
	}
	strbuf_init_capped(&body, FILE_MAX);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (strbuf_add(&body, buf, (size_t)n) == -1)
			break;
	close(in);
	add_content_type(&h, query, NULL);
	if (gzip || (gz != NULL && strcmp(gz, "1") == 0))
		strbuf_addstr(&h, "Content-Encoding: gzip\r\n");
	else if (enc != NULL)
		strbuf_addf(&h, "Content-Encoding: %s\r\n", enc);
	respond(fd, 200, NULL, h.buf, body.buf, body.len);
	strbuf_release(&h);
	strbuf_release(&body);
	free(gz);
	free(enc);
}

static void
serve_request(int fd, const struct request *req)
{
	const char *p = req->path;
	struct strbuf h = STRBUF_INIT;
	char *to;
	long code;

	if (strcmp(p, "/ok") == 0) {
		add_content_type(&h, req->query, "utf-8");
		respond(fd, 200, NULL, h.buf, RSS_BODY, strlen(RSS_BODY));
	} else if (strcmp(p, "/idle") == 0)
		drain(fd);
	else if (strcmp(p, "/slow") == 0)
		serve_slow(fd, req->query);
	else if (strcmp(p, "/reset") == 0)
		serve_reset(fd, req->query);
	else if (strcmp(p, "/short") == 0) {
		dprintf(fd, "HTTP/1.1 200 OK\r\nContent-Type: "
		    "application/rss+xml\r\nContent-Length: 1000\r\n"
		    "Connection: close\r\n\r\n%.100s", RSS_BODY);
	} else if (strcmp(p, "/chunked-forever") == 0)
		serve_chunked_forever(fd);
	else if (strcmp(p, "/gzbomb") == 0)
		serve_file(fd, "gzbomb.gz", req->query, 1);
	else if (strcmp(p, "/cl-huge") == 0) {
		dprintf(fd, "HTTP/1.1 200 OK\r\nContent-Type: "
		    "application/rss+xml\r\nContent-Length: 99999999999\r\n"
		    "Connection: close\r\n\r\n%s", RSS_BODY);
		drain(fd);
	} else if (strcmp(p, "/hflood") == 0)
		serve_hflood(fd);
	else if (strcmp(p, "/loop") == 0)
		respond(fd, 302, NULL, "Location: /loop\r\n", "loop\n", 5);
	else if (strcmp(p, "/redir") == 0) {
		to = qparam(req->query, "to");
		code = qnum(req->query, "code", 302);
		strbuf_addf(&h, "Location: %s\r\n", to != NULL ? to : "/ok");
		respond(fd, code >= 300 && code <= 399 ? (int)code : 302, NULL,
		    h.buf, "redirect\n", 9);
		free(to);
	} else if (strcmp(p, "/status") == 0)
		serve_status(fd, req->query);
	else if (strcmp(p, "/etag") == 0)
		serve_etag(fd, req);
	else if (strncmp(p, "/files/", 7) == 0)
		serve_file(fd, p + 7, req->query, 0);
	else
		respond(fd, 404, NULL, "Content-Type: text/plain\r\n",
		    "not found\n", 10);
	strbuf_release(&h);
}

/* The value of header name in the header block, in a new string. */
static char *
header_value(const char *headers, const char *name)
{
	size_t nlen = strlen(name), len;
	const char *p = headers, *eol, *v;

	while ((eol = strstr(p, "\r\n")) != NULL && eol != p) {
		if (strncasecmp(p, name, nlen) == 0 && p[nlen] == ':') {
			for (v = p + nlen + 1; *v == ' ' || *v == '\t'; v++)
				;
			len = (size_t)(eol - v);
			while (len > 0 && (v[len - 1] == ' ' ||
			    v[len - 1] == '\t'))
				len--;
			return xstrndup(v, len);
		}
		p = eol + 2;
	}
	return NULL;
}

static void
log_request(const struct request *req)
{
	struct strbuf line = STRBUF_INIT;

	if (logfd == -1)
		return;
	strbuf_addf(&line, "%s %s inm=%s ims=%s ae=%s\n", req->method,
	    req->target, req->inm != NULL ? req->inm : "-",
	    req->ims != NULL ? req->ims : "-", req->ae != NULL ? req->ae : "-");
	write_all(logfd, line.buf, line.len);
	strbuf_release(&line);
}

/* Serve the one request of a connection, in the child. */
static void
serve(int fd)
{
	char buf[REQUEST_MAX + 1], *end, *sp, *q, *hdrs;
	struct pollfd pfd = { fd, POLLIN, 0 };
	struct request req;
	size_t len = 0;
	ssize_t n;

	for (;;) {
		if (poll(&pfd, 1, 10000) <= 0)
			return;
		n = read(fd, buf + len, REQUEST_MAX - len);
		if (n <= 0)
			return;
		len += (size_t)n;
		buf[len] = '\0';
		if ((end = strstr(buf, "\r\n\r\n")) != NULL)
			break;
		if (len == REQUEST_MAX) {
			respond(fd, 431, NULL, NULL, "too large\n", 10);
			return;
		}
	}
	end[2] = '\0';
	if ((hdrs = strstr(buf, "\r\n")) == NULL || (sp = strchr(buf, ' ')) ==
	    NULL || sp > hdrs) {
		respond(fd, 400, NULL, NULL, "bad request\n", 12);
		return;
	}
	memset(&req, 0, sizeof(req));
	req.method = xstrndup(buf, (size_t)(sp - buf));
	sp++;
	req.target = xstrndup(sp, strcspn(sp, " \r"));
	req.inm = header_value(hdrs + 2, "If-None-Match");
	req.ims = header_value(hdrs + 2, "If-Modified-Since");
	req.ae = header_value(hdrs + 2, "Accept-Encoding");
	log_request(&req);
	q = strchr(req.target, '?');
	req.path = xstrndup(req.target, q != NULL ?
	    (size_t)(q - req.target) : strlen(req.target));
	req.query = xstrdup(q != NULL ? q + 1 : "");
	serve_request(fd, &req);
	free(req.method);
	free(req.target);
	free(req.path);
	free(req.query);
	free(req.inm);
	free(req.ims);
	free(req.ae);
}

static void
usage(void)
{
	fputs("usage: faultd [-d DIR] [-l LOGFILE]\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct sockaddr_in sa;
	socklen_t salen = sizeof(sa);
	struct sigaction act;
	struct pollfd pfd;
	pid_t children[MAX_CHILDREN], pid;
	size_t nchildren = 0, i;
	time_t last;
	int c, lfd, fd, one = 1;

	while ((c = getopt(argc, argv, "d:l:")) != -1) {
		switch (c) {
		case 'd':
			dir = optarg;
			break;
		case 'l':
			logfd = open(optarg, O_WRONLY | O_CREAT | O_APPEND,
			    0600);
			if (logfd == -1) {
				perror(optarg);
				return 1;
			}
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	memset(&act, 0, sizeof(act));
	act.sa_handler = on_signal;
	sigemptyset(&act.sa_mask);
	sigaction(SIGTERM, &act, NULL);
	sigaction(SIGINT, &act, NULL);
	sigaction(SIGHUP, &act, NULL);
	signal(SIGPIPE, SIG_IGN);

	if ((lfd = socket(AF_INET, SOCK_STREAM, 0)) == -1) {
		perror("socket");
		return 1;
	}
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = 0;
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) == -1 ||
	    listen(lfd, 64) == -1 ||
	    getsockname(lfd, (struct sockaddr *)&sa, &salen) == -1) {
		perror("faultd");
		return 1;
	}
	printf("%d\n", ntohs(sa.sin_port));
	if (fflush(stdout) == EOF)
		return 1;

	last = time(NULL);
	pfd.fd = lfd;
	pfd.events = POLLIN;
	while (!stop && time(NULL) - last < IDLE_EXIT_S) {
		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
			for (i = 0; i < nchildren; i++)
				if (children[i] == pid) {
					children[i] = children[--nchildren];
					break;
				}
		if (poll(&pfd, 1, 1000) <= 0)
			continue;
		if ((fd = accept(lfd, NULL, NULL)) == -1)
			continue;
		last = time(NULL);
		pid = fork();
		if (pid == 0) {
			signal(SIGTERM, SIG_DFL);
			signal(SIGINT, SIG_DFL);
			signal(SIGHUP, SIG_DFL);
			close(lfd);
			alarm(CHILD_MAX_S);
			serve(fd);
			close(fd);
			_exit(0);
		}
		close(fd);
		if (pid > 0 && nchildren < MAX_CHILDREN)
			children[nchildren++] = pid;
	}
	for (i = 0; i < nchildren; i++)
		kill(children[i], SIGTERM);
	for (i = 0; i < nchildren; i++)
		waitpid(children[i], NULL, 0);
	return 0;
}
