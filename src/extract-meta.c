/* SPDX-License-Identifier: ISC */
/*
 * What a page says about itself: <base href>, <title>, the <meta> tags of
 * Open Graph, Twitter, Dublin Core and the article: namespace, and the
 * headline, author and date of its JSON-LD; and from them the title of
 * the article, with a site name around it taken off.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-private.h"
#include "util/ascii.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define META_MAX	2048	/* a longer value is cut */
#define JSON_MAX	(256u << 10)	/* JSON-LD looked at */
#define HEADING_TEXT	600
#define LD_DEPTH	32	/* deeper JSON is passed over */

/* Separators between a title and a site name. */
static const char *const separators[] = {
	" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " / ", " > ",
	" \xc2\xbb ", " \\ ", " :: ", NULL
};

/* Set *field to a copy of value (cut at META_MAX): the last one wins. */
static void
take(char **field, const char *value)
{
	size_t len;

	if (value == NULL)
		return;
	while (ASCII_ISSPACE(*value))
		value++;
	len = strlen(value);
	if (len == 0)
		return;
	free(*field);
	*field = xstrndup(value, len > META_MAX ? META_MAX : len);
}

/* 1 when the lower-case key is one of the names of a field. */
static int
key_is(const char *key, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(key, names[i]) == 0)
			return 1;
	return 0;
}

/* One name of a <meta> (lower case) with its content. */
static void
meta_key(struct xmeta *m, const char *key, const char *value)
{
	static const char *const dc[] = {
		"dc:title", "dcterm:title", "dcterms:title", "dc.title", NULL
	};
	static const char *const author[] = {
		"author", "dc:creator", "dc.creator", "dcterm:creator",
		"article:author", "byl", "parsely-author", NULL
	};
	static const char *const date[] = {
		"article:published_time", "datepublished", "dc.date",
		"dc:date", "dcterms.date", "date", "pubdate", "publishdate",
		"parsely-pub-date", NULL
	};

	if (key_is(key, dc))
		take(&m->dc_title, value);
	else if (strcmp(key, "og:title") == 0)
		take(&m->og_title, value);
	else if (strcmp(key, "title") == 0)
		take(&m->meta_title, value);
	else if (strcmp(key, "twitter:title") == 0)
		take(&m->tw_title, value);
	else if (key_is(key, author) && strstr(value, "://") == NULL)
		take(&m->author, value);
	else if (key_is(key, date))
		take(&m->date, value);
	else if (strcmp(key, "og:site_name") == 0)
		take(&m->site_name, value);
}

/* A <meta>: each name in its property, name or itemprop. */
static void
read_meta(struct xmeta *m, const xmlNode *n)
{
	static const char *const attrs[] = {
		"property", "name", "itemprop", NULL
	};
	struct strbuf key = STRBUF_INIT;
	const char *content = html_attr(n, "content"), *v;
	size_t i;

	if (content == NULL)
		return;
	for (i = 0; attrs[i] != NULL; i++) {
		v = html_attr(n, attrs[i]);
		while (v != NULL && *v != '\0') {
			while (ASCII_ISSPACE(*v))
				v++;
			strbuf_reset(&key);
			for (; *v != '\0' && !ASCII_ISSPACE(*v); v++)
				strbuf_addch(&key, ASCII_TOLOWER(*v));
			if (key.len > 0)
				meta_key(m, key.buf, content);
		}
	}
	strbuf_release(&key);
}

/* What one JSON object says, of the keys the title needs. */
struct ld_obj {
	int		 article;	/* its @type is a kind of article */
	char		*headline;
	char		*name;
	char		*date;
	char		*author;
};

/* The fields of the article object o (taken) into m, unless set. */
static void
take_ld(struct xmeta *m, struct ld_obj *o)
{
	if (m->ld_headline != NULL || m->ld_name != NULL)
		return;
	m->ld_headline = o->headline;
	m->ld_name = o->name;
	m->ld_date = o->date;
	m->ld_author = o->author;
	memset(o, 0, sizeof(*o));
}

/* Four hex digits at s, as a number, or -1. */
static long
hex4(const char *s)
{
	long v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		if (!ASCII_ISXDIGIT(s[i]))
			return -1;
		v = v * 16 + (ASCII_ISDIGIT(s[i]) ? s[i] - '0' :
		    ASCII_TOLOWER(s[i]) - 'a' + 10);
	}
	return v;
}

/* Decode the JSON string starting after the quote at s into out. */
static void
json_string(const char *s, struct strbuf *out)
{
	long cp, lo;

	for (; *s != '\0' && *s != '"' && out->len < META_MAX; s++) {
		if (*s != '\\') {
			strbuf_addch(out, *s);
			continue;
		}
		s++;
		if (*s == 'u' && (cp = hex4(s + 1)) >= 0) {
			s += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && s[1] == '\\' &&
			    s[2] == 'u' && (lo = hex4(s + 3)) >= 0xDC00 &&
			    lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
				s += 6;
			}
			utf8_add(out, (uint32_t)cp);
		} else if (*s == 'n' || *s == 't' || *s == 'r')
			strbuf_addch(out, ' ');
		else if (*s != '\0')
			strbuf_addch(out, *s);
		else
			break;
	}
}

/* The scan of a JSON-LD script. */
struct ld_scan {
	const char	*p;
	struct xmeta	*m;
	int		 done;		/* an article object was taken */
};

static void
skip_ws(struct ld_scan *s)
{
	while (ASCII_ISSPACE(*s->p))
		s->p++;
}

/* A JSON string at s->p (at its quote) into out (may be NULL). */
static void
scan_string(struct ld_scan *s, struct strbuf *out)
{
	struct strbuf tmp = STRBUF_INIT;

	s->p++;
	json_string(s->p, out != NULL ? out : &tmp);
	for (; *s->p != '\0' && *s->p != '"'; s->p++)
		if (*s->p == '\\' && s->p[1] != '\0')
			s->p++;
	if (*s->p == '"')
		s->p++;
	strbuf_release(&tmp);
}

/* 1 when the @type value t names a kind of article. */
static int
article_type(const char *t)
{
	static const char *const kinds[] = {
		"Article", "Posting", "Report", "APIReference", NULL
	};
	size_t i, len = strlen(t), k;

	for (i = 0; kinds[i] != NULL; i++) {
		k = strlen(kinds[i]);
		if (len >= k && strcmp(t + len - k, kinds[i]) == 0)
			return 1;
	}
	return 0;
}

static char *scan_value(struct ld_scan *s, int depth, struct ld_obj *o,
    const char *key);

/* An object's pairs, at s->p after its brace; its "name", if any. */
static char *
scan_object(struct ld_scan *s, int depth)
{
	struct ld_obj o;
	struct strbuf key = STRBUF_INIT;
	char *v, *name;

	memset(&o, 0, sizeof(o));
	for (;;) {
		skip_ws(s);
		if (*s->p != '"')
			break;
		strbuf_reset(&key);
		scan_string(s, &key);
		skip_ws(s);
		if (*s->p != ':')
			break;
		s->p++;
		v = scan_value(s, depth, &o, key.buf);
		free(v);
		skip_ws(s);
		if (*s->p != ',')
			break;
		s->p++;
	}
	if (*s->p == '}')
		s->p++;
	if (o.article && !s->done) {
		s->done = 1;
		take_ld(s->m, &o);
	}
	name = o.name;
	o.name = NULL;
	free(o.headline);
	free(o.date);
	free(o.author);
	strbuf_release(&key);
	return name;
}

/* An array's values, at s->p after its bracket; the first name in it. */
static char *
scan_array(struct ld_scan *s, int depth, struct ld_obj *o, const char *key)
{
	char *first = NULL, *v;

	for (;;) {
		skip_ws(s);
		if (*s->p == ']' || *s->p == '\0')
			break;
		v = scan_value(s, depth, o, key);
		if (first == NULL)
			first = v;
		else
			free(v);
		skip_ws(s);
		if (*s->p != ',')
			break;
		s->p++;
	}
	if (*s->p == ']')
		s->p++;
	return first;
}

/* Set the field of o that key names to v (taken), or free v. */
static void
ld_field(struct ld_obj *o, const char *key, char *v)
{
	char **field = strcmp(key, "headline") == 0 ? &o->headline :
	    strcmp(key, "name") == 0 ? &o->name :
	    strcmp(key, "datePublished") == 0 ? &o->date :
	    strcmp(key, "author") == 0 ? &o->author : NULL;

	if (strcmp(key, "@type") == 0 && v != NULL && article_type(v))
		o->article = 1;
	if (field != NULL && *field == NULL && v != NULL && v[0] != '\0') {
		*field = v;
		return;
	}
	free(v);
}

/*
 * A value at s->p, for key of the object o; a string value, or the name
 * of an object (or of the first in an array), as a new string or NULL.
 */
static char *
scan_value(struct ld_scan *s, int depth, struct ld_obj *o, const char *key)
{
	struct strbuf sb = STRBUF_INIT;
	char *v = NULL;

	skip_ws(s);
	if (*s->p == '"') {
		scan_string(s, &sb);
		strbuf_trim(&sb);
		v = strbuf_detach(&sb, NULL);
	} else if (*s->p == '{' && depth < LD_DEPTH) {
		s->p++;
		v = scan_object(s, depth + 1);
	} else if (*s->p == '[' && depth < LD_DEPTH) {
		s->p++;
		v = scan_array(s, depth + 1, o, key);
	} else {
		/* a number, a literal, or nesting too deep: passed over */
		while (*s->p != '\0' && *s->p != ',' && *s->p != '}' &&
		    *s->p != ']')
			s->p++;
	}
	if (o != NULL && key != NULL)
		ld_field(o, key, v != NULL ? xstrdup(v) : NULL);
	return v;
}

/* A <script type="application/ld+json">: its article's fields. */
static void
read_json_ld(struct xmeta *m, const xmlNode *n)
{
	struct strbuf json = STRBUF_INIT;
	struct ld_scan s;
	const xmlNode *c;
	const char *type = html_attr(n, "type");

	if (type == NULL || strstr(type, "ld+json") == NULL)
		return;
	for (c = n->children; c != NULL && json.len < JSON_MAX; c = c->next)
		if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
			strbuf_addstr(&json, (const char *)c->content);
	memset(&s, 0, sizeof(s));
	s.p = json.buf;
	s.m = m;
	skip_ws(&s);
	if (strncmp(s.p, "<![CDATA[", 9) == 0)
		s.p += 9;
	free(scan_value(&s, 0, NULL, NULL));
	strbuf_release(&json);
}

/* <title>: its text, white space folded. */
static void
read_title(struct xmeta *m, const xmlNode *n)
{
	struct strbuf sb = STRBUF_INIT;

	if (m->doc_title != NULL)
		return;
	xtext(n, &sb, META_MAX);
	if (sb.len > 0)
		m->doc_title = strbuf_detach(&sb, NULL);
	strbuf_release(&sb);
}

/* <base href>: what links resolve against from now on. */
static void
read_base(struct xdoc *x, const xmlNode *n, int *seen)
{
	const char *href = html_attr(n, "href");
	char *url;

	if (*seen || href == NULL)
		return;
	url = xresolve(href, x->base, x->base == NULL ||
	    strncmp(x->base, "file:", 5) == 0);
	if (url == NULL)
		return;
	*seen = 1;
	free(x->base);
	x->base = url;
}

/* The metadata of the whole page, and its <base>. */
static void
read_all(struct xdoc *x)
{
	const xmlNode *n = (const xmlNode *)x->doc;
	const char *name;
	int base_seen = 0, skip;

	while (n != NULL) {
		skip = 0;
		if (n->type == XML_ELEMENT_NODE) {
			name = (const char *)n->name;
			skip = strcmp(name, "svg") == 0;
			if (strcmp(name, "meta") == 0)
				read_meta(&x->meta, n);
			else if (strcmp(name, "title") == 0)
				read_title(&x->meta, n);
			else if (strcmp(name, "script") == 0)
				read_json_ld(&x->meta, n);
			else if (strcmp(name, "base") == 0)
				read_base(x, n, &base_seen);
		}
		n = xnext(n, (const xmlNode *)x->doc, skip);
	}
}

/* The h1 headings of the page: how many (two at most), the first. */
struct headings {
	size_t	 h1;
	char	*first_h1;
};

static void
read_headings(struct xdoc *x, struct headings *h)
{
	const xmlNode *n = x->body;
	struct strbuf sb = STRBUF_INIT;
	const struct xtag *t;
	int skip;

	memset(h, 0, sizeof(*h));
	while (n != NULL && h->h1 < 2) {
		t = xis_elem(n) ? XN(n)->tag : NULL;
		skip = xis_elem(n) && (XN(n)->flags & XF_SKIP);
		if (!skip && t != NULL && strcmp(t->name, "h1") == 0) {
			strbuf_reset(&sb);
			xtext(n, &sb, HEADING_TEXT);
			if (sb.len > 0 && h->h1++ == 0)
				h->first_h1 = xstrdup(sb.buf);
			skip = 1;
		}
		n = xnext(n, x->body, skip);
	}
	strbuf_release(&sb);
}

/* Where the separators of t are: start and length of each. */
struct seps {
	size_t	 at[16];
	size_t	 len[16];
	size_t	 n;
	int	 hier;		/* one is / > » or \ */
};

static void
find_seps(const char *t, struct seps *s)
{
	size_t i, j, l;

	memset(s, 0, sizeof(*s));
	for (i = 0; t[i] != '\0' && s->n < 16; i++)
		for (j = 0; separators[j] != NULL; j++) {
			l = strlen(separators[j]);
			if (strncmp(t + i, separators[j], l) != 0)
				continue;
			s->at[s->n] = i;
			s->len[s->n++] = l;
			s->hier |= j >= 4 && j <= 7;
			i += l - 2;
			break;
		}
}

/* A <title> without its site name, by separators or a colon. */
static char *
trim_doc_title(const char *t, const struct seps *s,
    const struct headings *h)
{
	const char *colon, *last;
	size_t len = strlen(t), n;
	char *cur;

	if (s->n > 0) {
		n = s->at[s->n - 1];
		if (ascii_count_words(t, n) >= 3)
			return xstrndup(t, n);
		return xstrdup(t + s->at[0] + s->len[0]);
	}
	colon = strstr(t, ": ");
	if (colon != NULL) {
		last = strrchr(t, ':');
		if (ascii_count_words(last + 1, strlen(last + 1)) >= 3)
			cur = xstrdup(last + 1);
		else
			cur = xstrdup(colon + 1);
		if (ascii_count_words(last + 1, strlen(last + 1)) >= 3 &&
		    ascii_count_words(t, (size_t)(colon - t)) > 5) {
			free(cur);
			cur = xstrdup(t);
		}
		return cur;
	}
	if ((len > 150 || len < 15) && h->h1 == 1)
		return xstrdup(h->first_h1);
	return xstrdup(t);
}

/* The words of t without its separators. */
static size_t
words_without_seps(const char *t)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	for (; *t != '\0'; t++)
		if (strchr("|-\\/>", *t) == NULL)
			strbuf_addch(&sb, *t);
	n = ascii_count_words(sb.buf, sb.len);
	strbuf_release(&sb);
	return n;
}

/* The title of a page whose only title is its <title> t. */
static char *
doc_title(const char *t, const struct headings *h)
{
	struct seps s;
	struct strbuf sb = STRBUF_INIT;
	char *cur;
	size_t n;

	find_seps(t, &s);
	cur = trim_doc_title(t, &s, h);
	strbuf_addstr(&sb, cur);
	strbuf_trim(&sb);
	free(cur);
	n = ascii_count_words(sb.buf, sb.len);
	if (n <= 4 && (!s.hier || n != words_without_seps(t) - 1)) {
		strbuf_reset(&sb);
		strbuf_addstr(&sb, t);
	}
	return strbuf_detach(&sb, NULL);
}

/*
 * The title JSON-LD gives: its name, or its headline when only that is
 * like the page's title doc.
 */
static const char *
ld_title(const struct xmeta *m, const char *doc)
{
	int name_like, headline_like;

	if (m->ld_headline == NULL || m->ld_name == NULL ||
	    strcmp(m->ld_headline, m->ld_name) == 0)
		return m->ld_headline != NULL ? m->ld_headline : m->ld_name;
	name_like = doc != NULL && xsimilar(m->ld_name, doc) > 0.75;
	headline_like = doc != NULL && xsimilar(m->ld_headline, doc) > 0.75;
	return headline_like && !name_like ? m->ld_headline : m->ld_name;
}

/*
 * The title: JSON-LD's, else a metadata title (Dublin Core, Open Graph,
 * <meta name="title">, Twitter), else <title> without its site name,
 * else the first h1.
 */
static char *
choose_title(struct xdoc *x, const struct headings *h)
{
	const struct xmeta *m = &x->meta;
	char *doc = m->doc_title != NULL ? doc_title(m->doc_title, h) : NULL;
	const char *t = ld_title(m, doc);

	if (t == NULL)
		t = m->dc_title != NULL ? m->dc_title : m->og_title != NULL ?
		    m->og_title : m->meta_title != NULL ? m->meta_title :
		    m->tw_title;
	if (t != NULL) {
		free(doc);
		return xstrdup(t);
	}
	if (doc != NULL)
		return doc;
	return h->first_h1 != NULL ? xstrdup(h->first_h1) : NULL;
}

void
xmeta_read(struct xdoc *x)
{
	struct headings h;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	read_all(x);
	read_headings(x, &h);
	x->title = choose_title(x, &h);
	if (x->title != NULL) {
		for (i = 0; x->title[i] != '\0'; i++)
			if (!ASCII_ISSPACE(x->title[i]) ||
			    (sb.len > 0 && sb.buf[sb.len - 1] != ' '))
				strbuf_addch(&sb, ASCII_ISSPACE(x->title[i]) ?
				    ' ' : x->title[i]);
		strbuf_trim(&sb);
		free(x->title);
		x->title = strbuf_detach(&sb, NULL);
	}
	free(h.first_h1);
	strbuf_release(&sb);
}

void
xmeta_release(struct xmeta *m)
{
	free(m->ld_headline);
	free(m->ld_name);
	free(m->ld_author);
	free(m->ld_date);
	free(m->dc_title);
	free(m->og_title);
	free(m->meta_title);
	free(m->tw_title);
	free(m->doc_title);
	free(m->author);
	free(m->date);
	free(m->site_name);
	memset(m, 0, sizeof(*m));
}
