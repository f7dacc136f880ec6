/* SPDX-License-Identifier: ISC */
/*
 * The libcurl multi handle: a queue of requests, at most max_parallel of
 * them running, and a list of finished results. Every easy handle gets the
 * settings of RELIABILITY.md 2.3: http and https only, also for redirects;
 * an explicit redirect limit (7.88 has none by default); connect, total and
 * low-speed limits; and a byte cap enforced in the write callback,
 * because CURLOPT_MAXFILESIZE only rejects a declared Content-Length.
 * Bodies in gzip or deflate are asked for and decoded here, not by curl
 * (fetch-decode.c), with the cap on the decoded size. Response headers are captured with bounded buffers and
 * sanitised, like curl's error text, before they go into a result.
 *
 * Connections: HTTP/2 over TLS where the server offers it, transfers to
 * one host multiplexed over one connection, and at most HOST_MAX
 * connections to a host. The fetcher itself starts no more than HOST_MAX
 * transfers to a host (max_parallel once the host has answered over
 * HTTP/2), so that curl never has to queue one: curl counts the time a
 * transfer waits for a connection against its total timeout. Proxies
 * come from the environment (http_proxy, https_proxy, all_proxy,
 * no_proxy), as libcurl does by default; nothing here overrides them.
 */
#include "config.h"

#include "fetch.h"
#include "fetch-decode.h"

#include <curl/curl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/ascii.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define DEFAULT_USER_AGENT "tidings/" PACKAGE_VERSION \
    " (+terminal news reader)"
#define ACCEPT_HEADER "Accept: application/rss+xml, application/atom+xml, " \
    "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, " \
    "*/*;q=0.8"
#define ACCEPT_ENCODING_HEADER "Accept-Encoding: gzip, deflate"
#define ALLOWED_PROTOCOLS "http,https"

#define HEADER_VALUE_MAX	1024		/* longer values are ignored */
#define HEADERS_MAX_BYTES	(256u << 10)	/* all headers of a transfer */
#define REASON_MAX		64		/* of a status line, kept */
#define DETAIL_MAX		300		/* of curl's error text, kept */
#define CHARSET_MAX		40
#define MEDIA_TYPE_MAX		100
#define RETRY_AFTER_MAX		(7L * 24 * 60 * 60)
#define HOST_MAX		4		/* connections to one host */

/* A host ("name:port") with transfers of this fetcher. */
struct host {
	struct host		*next;
	char			*key;
	size_t			 running;	/* transfers in curl */
	int			 multiplexed;	/* has answered over HTTP/2 */
};

/* A request from fetcher_add() to its result. */
struct transfer {
	struct transfer		*next;
	CURL			*easy;
	struct curl_slist	*headers;
	struct host		*host;
	char			*url;
	char			*etag;		/* of the request */
	char			*last_modified;	/* of the request */
	size_t			 max_bytes;
	int			 conditional;
	int			 body_overflow;
	int			 header_overflow;
	unsigned		 responses;	/* status lines seen */
	int			 permanent;	/* each one a 301 or 308 */
	size_t			 header_bytes;
	struct strbuf		 h_etag;	/* raw, of the last response */
	struct strbuf		 h_last_modified;
	struct strbuf		 h_content_type;
	struct strbuf		 h_content_encoding;
	struct strbuf		 h_reason;
	struct strbuf		 h_moved_to;	/* raw, see fetch_result */
	char			 errbuf[CURL_ERROR_SIZE];
	struct fetch_result	 res;
};

struct transfer_list {
	struct transfer		*head;
	struct transfer		*tail;
	size_t			 n;
};

struct fetcher {
	CURLM			*multi;
	struct fetch_limits	 limits;
	char			*user_agent;
	size_t			 max_parallel;
	struct host		*hosts;
	int			 slots_changed;	/* since start_queued() */
	struct transfer_list	 queued;
	struct transfer_list	 running;
	struct transfer_list	 done;
	struct curl_waitfd	*waitfds;
	unsigned int		 nwaitfds;
	struct decoder		*decoder;
};

static const struct {
	long		 code;
	const char	*reason;
} reasons[] = {
	{ 300, N_("Multiple Choices") },
	{ 301, N_("Moved Permanently") },
	{ 302, N_("Found") },
	{ 303, N_("See Other") },
	{ 304, N_("Not Modified") },
	{ 307, N_("Temporary Redirect") },
	{ 308, N_("Permanent Redirect") },
	{ 400, N_("Bad Request") },
	{ 401, N_("Unauthorized") },
	{ 402, N_("Payment Required") },
	{ 403, N_("Forbidden") },
	{ 404, N_("Not Found") },
	{ 405, N_("Method Not Allowed") },
	{ 406, N_("Not Acceptable") },
	{ 407, N_("Proxy Authentication Required") },
	{ 408, N_("Request Timeout") },
	{ 410, N_("Gone") },
	{ 414, N_("URI Too Long") },
	{ 429, N_("Too Many Requests") },
	{ 451, N_("Unavailable For Legal Reasons") },
	{ 500, N_("Internal Server Error") },
	{ 501, N_("Not Implemented") },
	{ 502, N_("Bad Gateway") },
	{ 503, N_("Service Unavailable") },
	{ 504, N_("Gateway Timeout") },
};

static const char *const status_names[] = {
	[FETCH_OK] = N_("ok"),
	[FETCH_NOT_MODIFIED] = N_("not modified"),
	[FETCH_HTTP_ERROR] = N_("HTTP error"),
	[FETCH_TOO_LARGE] = N_("too large"),
	[FETCH_TIMEOUT] = N_("timed out"),
	[FETCH_NETWORK] = N_("network error"),
	[FETCH_TLS] = N_("TLS error"),
	[FETCH_REDIRECTS] = N_("too many redirects"),
	[FETCH_REFUSED] = N_("refused"),
	[FETCH_GONE] = N_("gone"),
};

const char *
fetch_status_name(enum fetch_status status)
{
	if ((size_t)status >= sizeof(status_names) / sizeof(status_names[0]))
		BUG("fetch status %d", (int)status);
	return _(status_names[status]);
}

static void
list_append(struct transfer_list *l, struct transfer *t)
{
	t->next = NULL;
	if (l->tail != NULL)
		l->tail->next = t;
	else
		l->head = t;
	l->tail = t;
	l->n++;
}

static struct transfer *
list_shift(struct transfer_list *l)
{
	struct transfer *t = l->head;

	if (t == NULL)
		return NULL;
	l->head = t->next;
	if (l->head == NULL)
		l->tail = NULL;
	l->n--;
	t->next = NULL;
	return t;
}

/* Take t, which follows prev (NULL: t is the head), out of l. */
static void
list_unlink(struct transfer_list *l, struct transfer *prev,
    struct transfer *t)
{
	if (prev != NULL)
		prev->next = t->next;
	else
		l->head = t->next;
	if (l->tail == t)
		l->tail = prev;
	l->n--;
	t->next = NULL;
}

static void
list_remove(struct transfer_list *l, struct transfer *t)
{
	struct transfer *p, *prev = NULL;

	for (p = l->head; p != NULL && p != t; p = p->next)
		prev = p;
	if (p == NULL)
		BUG("transfer not in its list");
	list_unlink(l, prev, t);
}

/* The "name:port" url connects to, lower case; "" when curl cannot tell. */
static char *
host_key(const char *url)
{
	char *name = NULL, *port = NULL, *key, *p;
	CURLU *u = curl_url();

	if (u != NULL && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &name, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
	    CURLUE_OK)
		key = xasprintf("%s:%s", name, port);
	else
		key = xstrdup("");
	for (p = key; *p != '\0'; p++)
		*p = (char)ASCII_TOLOWER(*p);
	curl_free(name);
	curl_free(port);
	curl_url_cleanup(u);
	return key;
}

/* The host url connects to, added to the fetcher's list on first use. */
static struct host *
host_of(struct fetcher *f, const char *url)
{
	char *key = host_key(url);
	struct host *h;

	for (h = f->hosts; h != NULL; h = h->next)
		if (strcmp(h->key, key) == 0) {
			free(key);
			return h;
		}
	h = xcalloc(1, sizeof(*h));
	h->key = key;
	h->next = f->hosts;
	f->hosts = h;
	return h;
}

static void
result_init(struct fetch_result *r, size_t max_bytes, void *arg)
{
	memset(r, 0, sizeof(*r));
	r->status = FETCH_NETWORK;
	strbuf_init_capped(&r->body, max_bytes);
	strbuf_init(&r->error, 0);
	r->arg = arg;
}

void
fetch_result_release(struct fetch_result *r)
{
	strbuf_release(&r->body);
	strbuf_release(&r->error);
	free(r->content_type);
	free(r->charset);
	free(r->etag);
	free(r->last_modified);
	free(r->final_url);
	free(r->moved_to);
	r->content_type = r->charset = r->etag = NULL;
	r->last_modified = r->final_url = r->moved_to = NULL;
}

/* Free what a transfer holds besides its result. */
static void
transfer_strip(struct transfer *t)
{
	if (t->easy != NULL)
		curl_easy_cleanup(t->easy);
	t->easy = NULL;
	curl_slist_free_all(t->headers);
	t->headers = NULL;
	free(t->url);
	free(t->etag);
	free(t->last_modified);
	t->url = t->etag = t->last_modified = NULL;
	strbuf_release(&t->h_etag);
	strbuf_release(&t->h_last_modified);
	strbuf_release(&t->h_content_type);
	strbuf_release(&t->h_content_encoding);
	strbuf_release(&t->h_reason);
	strbuf_release(&t->h_moved_to);
}

static void
transfer_free(struct transfer *t)
{
	transfer_strip(t);
	fetch_result_release(&t->res);
	free(t);
}

/* A validator can go into a request header: short, without controls. */
static int
header_safe(const char *s)
{
	size_t n;

	if (s == NULL || *s == '\0')
		return 0;
	for (n = 0; s[n] != '\0'; n++)
		if ((unsigned char)s[n] < 0x20 || s[n] == 0x7f ||
		    n >= HEADER_VALUE_MAX)
			return 0;
	return 1;
}

/* Sanitise the first len bytes of s into a new string, or NULL if empty. */
static char *
clean_dup(const char *s, size_t len)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	sanitize_add(&sb, s, len, SANITIZE_LINE);
	if (sb.len == 0) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* Append the cleaned, shortened form of s to sb. */
static void
add_detail(struct strbuf *sb, const char *s)
{
	struct strbuf d;

	strbuf_init_capped(&d, DETAIL_MAX);
	sanitize_add(&d, s, strlen(s), SANITIZE_LINE);
	strbuf_add(sb, d.buf, d.len);
	strbuf_release(&d);
}

/*
 * The write callback: the body goes into res.body until max_bytes; past
 * that, what fits is kept and 0 aborts the transfer (CURLE_WRITE_ERROR).
 */
static size_t
write_cb(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct transfer *t = userdata;
	size_t n = size * nmemb;
	size_t room = t->max_bytes - t->res.body.len;

	if (n > room) {
		strbuf_add(&t->res.body, data, room);
		t->body_overflow = 1;
		return 0;
	}
	if (strbuf_add(&t->res.body, data, n) == -1)
		BUG("body past its cap");
	return n;
}

/* Keep a header value, or forget it when it is too long to be sane. */
static void
capture(struct strbuf *sb, const char *v, size_t len)
{
	strbuf_reset(sb);
	if (len <= HEADER_VALUE_MAX)
		strbuf_add(sb, v, len);
}

/*
 * Keep track of the permanent redirects (301, 308) a transfer starts
 * with: at the status line of the response after them, curl's effective
 * URL is where they led.
 */
static void
track_moves(struct transfer *t, long code)
{
	char *url = NULL;

	if (code >= 100 && code < 200)
		return;		/* an interim response */
	if (t->responses > 0 && t->permanent && curl_easy_getinfo(t->easy,
	    CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK && url != NULL)
		capture(&t->h_moved_to, url, strlen(url));
	t->permanent = (t->responses == 0 || t->permanent) &&
	    (code == 301 || code == 308);
	t->responses++;
}

/* A status line starts a response: forget the headers of the last one. */
static void
new_response(struct transfer *t, const char *p, const char *end)
{
	long code = 0;

	strbuf_reset(&t->h_etag);
	strbuf_reset(&t->h_last_modified);
	strbuf_reset(&t->h_content_type);
	strbuf_reset(&t->h_content_encoding);
	strbuf_reset(&t->h_reason);
	/* "HTTP/1.1 404 Not Found": skip the version and the code. */
	while (p < end && *p != ' ')
		p++;
	while (p < end && *p == ' ')
		p++;
	while (p < end && ASCII_ISDIGIT(*p) && code < 1000)
		code = code * 10 + (*p++ - '0');
	track_moves(t, code);
	while (p < end && *p == ' ')
		p++;
	if ((size_t)(end - p) > REASON_MAX)
		end = p + REASON_MAX;
	strbuf_add(&t->h_reason, p, (size_t)(end - p));
}

/*
 * The header callback: one whole line per call. It keeps ETag,
 * Last-Modified, Content-Type and Content-Encoding of the last response, and stops a
 * transfer whose headers together pass HEADERS_MAX_BYTES.
 */
static size_t
header_cb(char *data, size_t size, size_t nitems, void *userdata)
{
	struct transfer *t = userdata;
	size_t n = size * nitems;
	const char *p = data, *end = data + n, *colon, *v;

	t->header_bytes += n;
	if (t->header_bytes > HEADERS_MAX_BYTES) {
		t->header_overflow = 1;
		return 0;
	}
	while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (end - p >= 5 && memcmp(p, "HTTP/", 5) == 0) {
		new_response(t, p, end);
		return n;
	}
	colon = memchr(p, ':', (size_t)(end - p));
	if (colon == NULL || colon == p || *p == ' ' || *p == '\t')
		return n;
	for (v = colon + 1; v < end && (*v == ' ' || *v == '\t'); v++)
		;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (ascii_is_named(p, (size_t)(colon - p), "etag"))
		capture(&t->h_etag, v, (size_t)(end - v));
	else if (ascii_is_named(p, (size_t)(colon - p), "last-modified"))
		capture(&t->h_last_modified, v, (size_t)(end - v));
	else if (ascii_is_named(p, (size_t)(colon - p), "content-type"))
		capture(&t->h_content_type, v, (size_t)(end - v));
	else if (ascii_is_named(p, (size_t)(colon - p), "content-encoding"))
		capture(&t->h_content_encoding, v, (size_t)(end - v));
	return n;
}

static int
charset_char(int c)
{
	return ASCII_ISALNUM(c) || c == '-' || c == '_' || c == '.' ||
	    c == ':' || c == '+' || c == '(' || c == ')';
}

static int
media_type_char(int c)
{
	return ASCII_ISALNUM(c) ||
	    (c != '\0' && strchr("!#$&-^_.+/", c) != NULL);
}

/*
 * Split a Content-Type value into its media type (lower case) and its
 * charset parameter; either is left NULL when absent or malformed.
 */
static void
parse_content_type(const struct strbuf *ct, struct fetch_result *r)
{
	const char *p = ct->buf, *end = ct->buf + ct->len, *s, *name;
	size_t i, nlen;
	char *mt;

	for (s = p; p < end && *p != ';'; p++)
		;
	while (s < p && ASCII_ISSPACE(*s))
		s++;
	nlen = (size_t)(p - s);
	while (nlen > 0 && ASCII_ISSPACE(s[nlen - 1]))
		nlen--;
	for (i = 0; i < nlen && media_type_char((unsigned char)s[i]); i++)
		;
	if (nlen > 0 && i == nlen && nlen <= MEDIA_TYPE_MAX) {
		mt = xstrndup(s, nlen);
		for (i = 0; i < nlen; i++)
			mt[i] = (char)ASCII_TOLOWER(mt[i]);
		r->content_type = mt;
	}
	while (p < end) {
		for (p++; p < end && ASCII_ISSPACE(*p); p++)
			;
		for (name = p; p < end && *p != '=' && *p != ';'; p++)
			;
		if (p == end || *p == ';')
			continue;
		nlen = (size_t)(p - name);
		while (nlen > 0 && ASCII_ISSPACE(name[nlen - 1]))
			nlen--;
		for (s = ++p; p < end && *p != ';'; p++)
			;
		if (!ascii_is_named(name, nlen, "charset") || r->charset != NULL)
			continue;
		while (s < p && ASCII_ISSPACE(*s))
			s++;
		nlen = (size_t)(p - s);
		while (nlen > 0 && ASCII_ISSPACE(s[nlen - 1]))
			nlen--;
		if (nlen >= 2 && s[0] == '"' && s[nlen - 1] == '"') {
			s++;
			nlen -= 2;
		}
		for (i = 0; i < nlen && charset_char((unsigned char)s[i]); i++)
			;
		if (nlen > 0 && i == nlen && nlen <= CHARSET_MAX)
			r->charset = xstrndup(s, nlen);
	}
}

static const char *
reason_of(long code, const struct strbuf *server_reason, struct strbuf *tmp)
{
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return _(reasons[i].reason);
	strbuf_reset(tmp);
	sanitize_add(tmp, server_reason->buf, server_reason->len,
	    SANITIZE_LINE);
	return tmp->buf;
}

static void
http_error(struct fetch_result *r, const struct transfer *t)
{
	struct strbuf tmp;
	const char *reason;

	strbuf_init_capped(&tmp, REASON_MAX);
	reason = reason_of(r->http_code, &t->h_reason, &tmp);
	strbuf_reset(&r->error);
	if (*reason != '\0')
		strbuf_addf(&r->error, _("HTTP %ld %s"), r->http_code,
		    reason);
	else
		strbuf_addf(&r->error, _("HTTP %ld"), r->http_code);
	strbuf_release(&tmp);
	r->status = r->http_code == 410 ? FETCH_GONE : FETCH_HTTP_ERROR;
}

static int
tls_error(CURLcode rc)
{
	switch (rc) {
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_USE_SSL_FAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CLIENTCERT:
		return 1;
	default:
		return 0;
	}
}

/* Turn a failed transfer's curl code into a status and an error line. */
static void
curl_error(struct fetch_result *r, const struct transfer *t, CURLcode rc)
{
	const char *detail = t->errbuf[0] != '\0' ? t->errbuf :
	    curl_easy_strerror(rc);
	struct strbuf *e = &r->error;

	strbuf_reset(e);
	if (t->header_overflow) {
		r->status = FETCH_TOO_LARGE;
		strbuf_addf(e, _("response headers larger than %u bytes"),
		    HEADERS_MAX_BYTES);
	} else if (t->body_overflow || rc == CURLE_FILESIZE_EXCEEDED) {
		r->status = FETCH_TOO_LARGE;
		strbuf_addf(e, _("response larger than %zu bytes"),
		    t->max_bytes);
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		r->status = FETCH_TIMEOUT;
		strbuf_addstr(e, _("timed out: "));
		add_detail(e, detail);
	} else if (rc == CURLE_TOO_MANY_REDIRECTS) {
		r->status = FETCH_REDIRECTS;
		strbuf_addstr(e, _("too many redirects: "));
		add_detail(e, detail);
	} else if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
		r->status = FETCH_REFUSED;
		strbuf_addstr(e,
		    _("refused: only http and https URLs are fetched: "));
		add_detail(e, detail);
	} else if (tls_error(rc)) {
		r->status = FETCH_TLS;
		strbuf_addstr(e, _("secure connection failed: "));
		add_detail(e, detail);
	} else if (rc == CURLE_URL_MALFORMAT) {
		r->status = FETCH_NETWORK;
		strbuf_addstr(e, _("invalid URL: "));
		add_detail(e, detail);
	} else {
		r->status = FETCH_NETWORK;
		strbuf_addstr(e, _("network error: "));
		add_detail(e, detail);
	}
}

/*
 * The body of a successful answer in its Content-Encoding, decoded in
 * place; a coding not asked for, or a body that does not decode (cut
 * short, damaged), fails the fetch, and so does one past the cap.
 */
static void
decode_body(struct decoder *d, struct transfer *t)
{
	struct fetch_result *r = &t->res;
	enum coding c = coding_of(t->h_content_encoding.buf,
	    t->h_content_encoding.len);
	struct strbuf out = STRBUF_INIT, tmp;

	if (c == CODING_IDENTITY)
		return;
	strbuf_reset(&r->error);
	if (c == CODING_OTHER) {
		r->status = FETCH_HTTP_ERROR;
		strbuf_init_capped(&tmp, REASON_MAX);
		sanitize_add(&tmp, t->h_content_encoding.buf,
		    t->h_content_encoding.len, SANITIZE_LINE);
		strbuf_addf(&r->error, _("the server sent the feed in an "
		    "encoding that was not asked for: %s"), tmp.buf);
		strbuf_release(&tmp);
	} else switch (decoder_run(d, c, r->body.buf, r->body.len,
	    t->max_bytes, &out)) {
	case DECODE_OK:
		strbuf_release(&r->body);
		r->body = out;
		return;
	case DECODE_TOO_LARGE:
		r->status = FETCH_TOO_LARGE;
		strbuf_addf(&r->error, _("response larger than %zu bytes"),
		    t->max_bytes);
		break;
	case DECODE_DAMAGED:
		r->status = FETCH_NETWORK;
		strbuf_addstr(&r->error, _("network error: the compressed "
		    "body is damaged or cut short"));
		break;
	}
	strbuf_reset(&r->body);
}

/* Fill in the result of a transfer that curl has finished with rc. */
static void
transfer_finish(struct decoder *d, struct transfer *t, CURLcode rc)
{
	struct fetch_result *r = &t->res;
	curl_off_t retry_after = 0;
	char *url = NULL;
	long code = 0;

	if (curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code) ==
	    CURLE_OK)
		r->http_code = code;
	if (curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url) ==
	    CURLE_OK && url != NULL)
		r->final_url = clean_dup(url, strlen(url));
	r->moved_to = clean_dup(t->h_moved_to.buf, t->h_moved_to.len);
	r->etag = clean_dup(t->h_etag.buf, t->h_etag.len);
	r->last_modified = clean_dup(t->h_last_modified.buf,
	    t->h_last_modified.len);
	parse_content_type(&t->h_content_type, r);
	if ((code == 429 || code == 503) && curl_easy_getinfo(t->easy,
	    CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK &&
	    retry_after > 0)
		r->retry_after_s = retry_after > RETRY_AFTER_MAX ?
		    RETRY_AFTER_MAX : (long)retry_after;

	/* A status code of 400 or more says more than how the body ended. */
	if (code >= 400)
		http_error(r, t);
	else if (rc != CURLE_OK)
		curl_error(r, t, rc);
	else if (code == 304 && t->conditional)
		r->status = FETCH_NOT_MODIFIED;
	else if (code == 304) {
		r->status = FETCH_HTTP_ERROR;
		strbuf_addstr(&r->error,
		    _("server answered 304 to an unconditional request"));
	} else if (code >= 300)
		http_error(r, t);
	else if (code >= 200) {
		r->status = FETCH_OK;
		decode_body(d, t);
	} else {
		r->status = FETCH_NETWORK;
		strbuf_addf(&r->error, _("no HTTP response (status %ld)"),
		    code);
	}
	transfer_strip(t);
}

/* A transfer that could not be set up ends at once with curl's reason. */
static void
transfer_fail(struct transfer *t, const char *why)
{
	struct fetch_result *r = &t->res;

	r->status = FETCH_NETWORK;
	strbuf_reset(&r->error);
	strbuf_addstr(&r->error, _("cannot start the transfer: "));
	add_detail(&r->error, why);
	transfer_strip(t);
}

/*
 * The request headers of t: Accept, Accept-Encoding and the validators;
 * -1 without memory.
 */
static int
add_headers(struct transfer *t)
{
	struct curl_slist *h;
	const char *v;
	char *line;
	int i;

	if ((t->headers = curl_slist_append(NULL, ACCEPT_HEADER)) == NULL ||
	    (h = curl_slist_append(t->headers, ACCEPT_ENCODING_HEADER)) ==
	    NULL)
		return -1;
	t->headers = h;
	for (i = 0; i < 2; i++) {
		if ((v = i == 0 ? t->etag : t->last_modified) == NULL)
			continue;
		line = xasprintf("%s: %s", i == 0 ? "If-None-Match" :
		    "If-Modified-Since", v);
		h = curl_slist_append(t->headers, line);
		free(line);
		if (h == NULL)
			return -1;
		t->headers = h;
		t->conditional = 1;
	}
	return 0;
}

#define SETOPT(opt, val) do { \
	if (rc == CURLE_OK) \
		rc = curl_easy_setopt(e, (opt), (val)); \
} while (0)

/* Every setting of the easy handle e of t; curl's code for the first error. */
static CURLcode
set_options(const struct fetcher *f, struct transfer *t, CURL *e)
{
	const struct fetch_limits *lim = &f->limits;
	CURLcode rc = CURLE_OK;

	SETOPT(CURLOPT_URL, t->url);
	SETOPT(CURLOPT_PRIVATE, (void *)t);
	SETOPT(CURLOPT_ERRORBUFFER, t->errbuf);
	SETOPT(CURLOPT_PROTOCOLS_STR, ALLOWED_PROTOCOLS);
	SETOPT(CURLOPT_REDIR_PROTOCOLS_STR, ALLOWED_PROTOCOLS);
	SETOPT(CURLOPT_FOLLOWLOCATION, 1L);
	SETOPT(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
	SETOPT(CURLOPT_MAXREDIRS, lim->max_redirects);
	SETOPT(CURLOPT_CONNECTTIMEOUT, lim->connect_timeout_s);
	SETOPT(CURLOPT_TIMEOUT, lim->timeout_s);
	SETOPT(CURLOPT_LOW_SPEED_LIMIT, lim->low_speed_bytes);
	SETOPT(CURLOPT_LOW_SPEED_TIME, lim->low_speed_s);
	SETOPT(CURLOPT_HTTP_CONTENT_DECODING, 0L);	/* decode_body() */
	SETOPT(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)lim->max_bytes);
	SETOPT(CURLOPT_WRITEFUNCTION, write_cb);
	SETOPT(CURLOPT_WRITEDATA, (void *)t);
	SETOPT(CURLOPT_HEADERFUNCTION, header_cb);
	SETOPT(CURLOPT_HEADERDATA, (void *)t);
	SETOPT(CURLOPT_NOSIGNAL, 1L);
	SETOPT(CURLOPT_FAILONERROR, 0L);
	SETOPT(CURLOPT_USERAGENT, f->user_agent);
	SETOPT(CURLOPT_HTTPHEADER, t->headers);
	/*
	 * HTTP/2 where TLS offers it; a libcurl without HTTP/2 refuses, and
	 * speaks HTTP/1.1 as it would anyway. Over TLS, wait for a connection
	 * being set up to the same host rather than open another: the
	 * handshake says soon whether it multiplexes. Not over plain HTTP,
	 * where curl would wait for the first response, however long.
	 */
	(void)curl_easy_setopt(e, CURLOPT_HTTP_VERSION,
	    (long)CURL_HTTP_VERSION_2TLS);
	if (strlen(t->url) > 6 && ascii_is_named(t->url, 6, "https:"))
		SETOPT(CURLOPT_PIPEWAIT, 1L);
	return rc;
}

#undef SETOPT

/* Create the easy handle of t with every setting; -1 if curl refuses. */
static int
transfer_setup(struct fetcher *f, struct transfer *t)
{
	CURLcode rc;

	t->errbuf[0] = '\0';
	if ((t->easy = curl_easy_init()) == NULL || add_headers(t) == -1)
		rc = CURLE_OUT_OF_MEMORY;
	else
		rc = set_options(f, t, t->easy);
	if (rc != CURLE_OK) {
		transfer_fail(t, curl_easy_strerror(rc));
		return -1;
	}
	return 0;
}

/* Hand t to curl; 1 when it runs, 0 when it failed at once (and is done). */
static int
start_one(struct fetcher *f, struct transfer *t)
{
	CURLMcode mc;

	if (transfer_setup(f, t) == -1) {
		list_append(&f->done, t);
		return 0;
	}
	if ((mc = curl_multi_add_handle(f->multi, t->easy)) != CURLM_OK) {
		transfer_fail(t, curl_multi_strerror(mc));
		list_append(&f->done, t);
		return 0;
	}
	t->host->running++;
	list_append(&f->running, t);
	return 1;
}

/* Whether another transfer to h can start without waiting for curl. */
static int
host_has_room(const struct fetcher *f, const struct host *h)
{
	return h->running < (h->multiplexed ? f->max_parallel : HOST_MAX);
}

/*
 * Start queued transfers, in their order but skipping those whose host is
 * busy, while there are free slots; returns how many. Nothing can start
 * unless a transfer was queued or ended since the last call.
 */
static int
start_queued(struct fetcher *f)
{
	struct transfer *t, *prev = NULL, *next;
	int started = 0;

	if (!f->slots_changed)
		return 0;
	f->slots_changed = 0;
	for (t = f->queued.head; t != NULL &&
	    f->running.n < f->max_parallel; t = next) {
		next = t->next;
		if (!host_has_room(f, t->host)) {
			prev = t;
			continue;
		}
		list_unlink(&f->queued, prev, t);
		started += start_one(f, t);
	}
	return started;
}

/*
 * A transfer of t's host has left curl. A host that answered over HTTP/2
 * (without a redirect, which may have gone elsewhere) multiplexes.
 */
static void
host_release(struct fetcher *f, struct transfer *t)
{
	long version = 0, redirects = 0;

	if (curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version) ==
	    CURLE_OK && curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_COUNT,
	    &redirects) == CURLE_OK && redirects == 0 &&
	    (version == CURL_HTTP_VERSION_2_0 ||
	    version == CURL_HTTP_VERSION_3))
		t->host->multiplexed = 1;
	t->host->running--;
	f->slots_changed = 1;
}

/* Move every transfer curl has finished to the done list. */
static void
collect(struct fetcher *f)
{
	struct transfer *t;
	CURLMsg *msg;
	CURLcode rc;
	CURL *easy;
	char *priv;
	int left;

	while ((msg = curl_multi_info_read(f->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		easy = msg->easy_handle;
		rc = msg->data.result;
		priv = NULL;
		curl_easy_getinfo(easy, CURLINFO_PRIVATE, &priv);
		if ((t = (struct transfer *)(void *)priv) == NULL)
			BUG("finished transfer without its private pointer");
		curl_multi_remove_handle(f->multi, easy);
		host_release(f, t);
		transfer_finish(f->decoder, t, rc);
		list_remove(&f->running, t);
		list_append(&f->done, t);
	}
}

/* After a failure of the multi handle, end every running transfer. */
static void
fail_running(struct fetcher *f, CURLMcode mc)
{
	struct transfer *t;

	while ((t = list_shift(&f->running)) != NULL) {
		curl_multi_remove_handle(f->multi, t->easy);
		host_release(f, t);
		transfer_fail(t, curl_multi_strerror(mc));
		list_append(&f->done, t);
	}
}

static void
normalise_limits(struct fetch_limits *l, const struct fetch_limits *in)
{
	static const struct fetch_limits def = FETCH_LIMITS_DEFAULT;

	*l = in != NULL ? *in : def;
	if (l->timeout_s <= 0)
		l->timeout_s = def.timeout_s;
	if (l->connect_timeout_s <= 0)
		l->connect_timeout_s = def.connect_timeout_s;
	if (l->low_speed_bytes <= 0)
		l->low_speed_bytes = def.low_speed_bytes;
	if (l->low_speed_s <= 0)
		l->low_speed_s = def.low_speed_s;
	if (l->max_bytes == 0)
		l->max_bytes = def.max_bytes;
	if (l->max_redirects <= 0)
		l->max_redirects = def.max_redirects;
}

struct fetcher *
fetcher_new(const struct fetch_limits *limits, const char *user_agent,
    int max_parallel)
{
	static int curl_ready;
	struct fetcher *f;

	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			fatal(_("cannot initialise libcurl"));
		curl_ready = 1;
	}
	f = xcalloc(1, sizeof(*f));
	if ((f->multi = curl_multi_init()) == NULL)
		fatal(_("cannot initialise libcurl"));
	/* A backstop: the fetcher itself never starts more than this. */
	(void)curl_multi_setopt(f->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)HOST_MAX);
	(void)curl_multi_setopt(f->multi, CURLMOPT_PIPELINING,
	    (long)CURLPIPE_MULTIPLEX);
	normalise_limits(&f->limits, limits);
	f->user_agent = xstrdup(user_agent != NULL ? user_agent :
	    DEFAULT_USER_AGENT);
	f->max_parallel = max_parallel > 1 ? (size_t)max_parallel : 1;
	f->decoder = decoder_new();
	return f;
}

void
fetcher_free(struct fetcher *f)
{
	struct transfer *t;
	struct host *h;

	if (f == NULL)
		return;
	while ((t = list_shift(&f->running)) != NULL) {
		curl_multi_remove_handle(f->multi, t->easy);
		transfer_free(t);
	}
	while ((t = list_shift(&f->queued)) != NULL)
		transfer_free(t);
	while ((t = list_shift(&f->done)) != NULL)
		transfer_free(t);
	curl_multi_cleanup(f->multi);
	while ((h = f->hosts) != NULL) {
		f->hosts = h->next;
		free(h->key);
		free(h);
	}
	free(f->waitfds);
	free(f->user_agent);
	decoder_free(f->decoder);
	free(f);
}

int
fetcher_add(struct fetcher *f, const struct fetch_request *req)
{
	struct transfer *t;

	if (req == NULL || req->url == NULL)
		BUG("fetcher_add without a URL");
	t = xcalloc(1, sizeof(*t));
	t->url = xstrdup(req->url);
	t->host = host_of(f, t->url);
	if (header_safe(req->etag))
		t->etag = xstrdup(req->etag);
	if (header_safe(req->last_modified))
		t->last_modified = xstrdup(req->last_modified);
	t->max_bytes = f->limits.max_bytes;
	strbuf_init(&t->h_etag, 0);
	strbuf_init(&t->h_last_modified, 0);
	strbuf_init(&t->h_content_type, 0);
	strbuf_init(&t->h_content_encoding, 0);
	strbuf_init(&t->h_reason, 0);
	strbuf_init(&t->h_moved_to, 0);
	result_init(&t->res, t->max_bytes, req->arg);
	list_append(&f->queued, t);
	f->slots_changed = 1;
	return 0;
}

static short
to_curl_events(short ev)
{
	short w = 0;

	if (ev & POLLIN)
		w |= CURL_WAIT_POLLIN;
	if (ev & POLLPRI)
		w |= CURL_WAIT_POLLPRI;
	if (ev & POLLOUT)
		w |= CURL_WAIT_POLLOUT;
	return w;
}

int
fetcher_wait(struct fetcher *f, struct pollfd *extra, unsigned int nextra,
    int timeout_ms)
{
	CURLMcode mc;
	unsigned int i;
	int numfds, running, n;

	if (timeout_ms < 0)
		timeout_ms = 0;
	start_queued(f);
	if (f->done.head != NULL)
		timeout_ms = 0;
	if (nextra > f->nwaitfds) {
		f->waitfds = xreallocarray(f->waitfds, nextra,
		    sizeof(*f->waitfds));
		f->nwaitfds = nextra;
	}
	for (i = 0; i < nextra; i++) {
		f->waitfds[i].fd = extra[i].fd;
		f->waitfds[i].events = to_curl_events(extra[i].events);
		f->waitfds[i].revents = 0;
	}
	mc = curl_multi_poll(f->multi, nextra ? f->waitfds : NULL, nextra,
	    timeout_ms, &numfds);
	if (mc == CURLM_OK)
		mc = curl_multi_perform(f->multi, &running);
	if (mc == CURLM_OK) {
		collect(f);
		if (start_queued(f) > 0 &&
		    (mc = curl_multi_perform(f->multi, &running)) == CURLM_OK)
			collect(f);
	}
	if (mc != CURLM_OK) {
		fail_running(f, mc);
		return -1;
	}
	/* curl reports only IN, PRI and OUT; poll() itself reports all. */
	for (i = 0; i < nextra; i++)
		extra[i].revents = 0;
	if (nextra == 0 || (n = poll(extra, nextra, 0)) < 0)
		return 0;
	return n;
}

int
fetcher_next_result(struct fetcher *f, struct fetch_result *out)
{
	struct transfer *t = list_shift(&f->done);

	if (t == NULL)
		return 0;
	*out = t->res;
	free(t);
	return 1;
}

size_t
fetcher_pending(const struct fetcher *f)
{
	return f->queued.n + f->running.n;
}

int
fetch_one(const struct fetch_request *req,
    const struct fetch_limits *limits, struct fetch_result *out)
{
	struct fetcher *f = fetcher_new(limits, NULL, 1);

	fetcher_add(f, req);
	while (!fetcher_next_result(f, out))
		fetcher_wait(f, NULL, 0, 1000);
	fetcher_free(f);
	return out->status == FETCH_OK || out->status == FETCH_NOT_MODIFIED ?
	    0 : -1;
}

int
fetch_url(const char *url, const struct fetch_limits *limits,
    struct fetch_result *out)
{
	struct fetch_request req = { url, NULL, NULL, NULL };

	return fetch_one(&req, limits, out);
}
