/* SPDX-License-Identifier: ISC */
/*
 * Main-content extraction: the page parsed, each element given its
 * struct xnode, the tries of the method (extract.h) run until one keeps
 * enough text, and the helpers the other extract-*.c files share: the
 * tag table, the tree walk, text, class names and URLs.
 */
#include "config.h"

#include "extract.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>

#include "extract-private.h"
#include "html.h"
#include "util/ascii.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

#define ENOUGH_TEXT	500	/* a try that keeps this much is taken */
#define TEXT_NODES	5000	/* the most nodes xtext() visits */

#define B	XT_BLOCK
#define K	XT_KEEP

/* Sorted by name, for bsearch(). */
static const struct xtag xtags[] = {
	{ "a",		K,				0,	"a" },
	{ "address",	B | K,				-3,	"div" },
	{ "applet",	XT_SKIP,			0,	NULL },
	{ "article",	B | XT_DIV | K,			0,	"div" },
	{ "aside",	XT_SKIP,			0,	NULL },
	{ "audio",	XT_SKIP,			0,	NULL },
	{ "b",		K,				0,	"b" },
	{ "base",	XT_SKIP,			0,	NULL },
	{ "blockquote",	B | K,				3,	"blockquote" },
	{ "body",	B | XT_DIV,			0,	"div" },
	{ "br",		XT_VOID | K,			0,	"br" },
	{ "button",	XT_SKIP,			0,	NULL },
	{ "canvas",	XT_SKIP,			0,	NULL },
	{ "caption",	B | K,				0,	"caption" },
	{ "center",	B | XT_DIV | K,			0,	"div" },
	{ "code",	XT_CODE | K,			0,	"code" },
	{ "col",	XT_SKIP,			0,	NULL },
	{ "colgroup",	XT_SKIP,			0,	NULL },
	{ "datalist",	XT_SKIP,			0,	NULL },
	{ "dd",		B | K,				-3,	"dd" },
	{ "details",	B | XT_DIV | K,			0,	"div" },
	{ "dialog",	XT_SKIP,			0,	NULL },
	{ "dir",	B | XT_LIST | XT_CLEAN | K,	-3,	"ul" },
	{ "div",	B | XT_DIV | XT_CLEAN | K,	5,	"div" },
	{ "dl",		B | K,				-3,	"dl" },
	{ "dt",		B | K,				-3,	"dt" },
	{ "em",		K,				0,	"em" },
	{ "embed",	XT_SKIP,			0,	NULL },
	{ "fieldset",	B | XT_CLEAN | K,		0,	"div" },
	{ "figcaption",	B | K,				0,	"figcaption" },
	{ "figure",	B | K,				0,	"figure" },
	{ "footer",	XT_SKIP,			0,	NULL },
	{ "form",	B | XT_DIV | XT_CLEAN | K,	-3,	"div" },
	{ "frame",	XT_SKIP,			0,	NULL },
	{ "frameset",	XT_SKIP,			0,	NULL },
	{ "h1",		B | XT_HEADING | K,		-5,	"h2" },
	{ "h2",		B | XT_HEADING | XT_PARA | K,	-5,	"h2" },
	{ "h3",		B | XT_HEADING | XT_PARA | K,	-5,	"h3" },
	{ "h4",		B | XT_HEADING | XT_PARA | K,	-5,	"h4" },
	{ "h5",		B | XT_HEADING | XT_PARA | K,	-5,	"h5" },
	{ "h6",		B | XT_HEADING | XT_PARA | K,	-5,	"h6" },
	{ "head",	XT_SKIP,			0,	NULL },
	{ "header",	B | XT_DIV | K,			0,	"div" },
	{ "hgroup",	B | K,				0,	"div" },
	{ "hr",		B | XT_VOID | K,		0,	"hr" },
	{ "html",	B,				0,	NULL },
	{ "i",		K,				0,	"i" },
	{ "iframe",	XT_SKIP,			0,	NULL },
	{ "img",	XT_VOID | K,			0,	"img" },
	{ "input",	XT_SKIP,			0,	NULL },
	{ "label",	XT_SKIP,			0,	NULL },
	{ "legend",	B | K,				0,	"p" },
	{ "li",		B | K,				-3,	"li" },
	{ "link",	XT_SKIP,			0,	NULL },
	{ "listing",	B | XT_PARA | XT_CODE | K,	3,	"pre" },
	{ "main",	B | XT_DIV | K,			0,	"div" },
	{ "map",	XT_SKIP,			0,	NULL },
	{ "menu",	XT_SKIP,			0,	NULL },
	{ "meta",	XT_SKIP,			0,	NULL },
	{ "nav",	XT_SKIP,			0,	NULL },
	{ "noscript",	XT_SKIP,			0,	NULL },
	{ "object",	XT_SKIP,			0,	NULL },
	{ "ol",		B | XT_LIST | XT_CLEAN | K,	-3,	"ol" },
	{ "optgroup",	XT_SKIP,			0,	NULL },
	{ "option",	XT_SKIP,			0,	NULL },
	{ "p",		B | XT_PARA | K,		0,	"p" },
	{ "plaintext",	B | XT_PARA | XT_CODE | K,	3,	"pre" },
	{ "pre",	B | XT_PARA | XT_CODE | K,	3,	"pre" },
	{ "q",		K,				0,	"q" },
	{ "script",	XT_SKIP,			0,	NULL },
	{ "section",	B | XT_DIV | XT_CLEAN | K,	0,	"div" },
	{ "select",	XT_SKIP,			0,	NULL },
	{ "source",	XT_SKIP,			0,	NULL },
	{ "strong",	K,				0,	"strong" },
	{ "style",	XT_SKIP,			0,	NULL },
	{ "sub",	K,				0,	"sub" },
	{ "summary",	B | K,				0,	"p" },
	{ "sup",	K,				0,	"sup" },
	{ "svg",	XT_SKIP,			0,	NULL },
	{ "table",	B | XT_TABLE | XT_CLEAN | K,	0,	"table" },
	{ "tbody",	B | K,				0,	"tbody" },
	{ "td",		B | XT_PARA | K,		3,	"td" },
	{ "template",	XT_SKIP,			0,	NULL },
	{ "textarea",	XT_SKIP,			0,	NULL },
	{ "tfoot",	B | K,				0,	"tfoot" },
	{ "th",		B | K,				-5,	"th" },
	{ "thead",	B | K,				0,	"thead" },
	{ "title",	XT_SKIP,			0,	NULL },
	{ "tr",		B | K,				0,	"tr" },
	{ "track",	XT_SKIP,			0,	NULL },
	{ "u",		K,				0,	"u" },
	{ "ul",		B | XT_LIST | XT_CLEAN | K,	-3,	"ul" },
	{ "video",	XT_SKIP,			0,	NULL },
	{ "xmp",	B | XT_PARA | XT_CODE | K,	3,	"pre" },
};

#undef B
#undef K

static int
xtag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct xtag *)elem)->name);
}

const struct xtag *
xtag_of(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return NULL;
	return bsearch(n->name, xtags, sizeof(xtags) / sizeof(xtags[0]),
	    sizeof(xtags[0]), xtag_cmp);
}

const xmlNode *
xnext(const xmlNode *n, const xmlNode *top, int skip)
{
	if (!skip && n->children != NULL && (n->type == XML_ELEMENT_NODE ||
	    n->type == XML_HTML_DOCUMENT_NODE ||
	    n->type == XML_DOCUMENT_NODE))
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

int
xis_elem(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->_private != NULL;
}

/* Append s lower case (ASCII) to sb, at most 512 bytes of it. */
static void
add_lower(struct strbuf *sb, const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i < 512; i++)
		strbuf_addch(sb, ASCII_TOLOWER(s[i]));
}

void
xclass_id(const xmlNode *n, struct strbuf *sb)
{
	const char *c = html_attr(n, "class"), *id = html_attr(n, "id");

	if (c != NULL)
		add_lower(sb, c);
	if (id != NULL) {
		strbuf_addch(sb, ' ');
		add_lower(sb, id);
	}
}

int
xhas(const char *s, const char *word)
{
	return strstr(s, word) != NULL;
}

/* 1 when the UTF-8 character at s (at least 2 bytes left) is a comma. */
static int
wide_comma(const unsigned char *s)
{
	/* U+060C, U+FF0C, U+FE50, U+3001 */
	return (s[0] == 0xD8 && s[1] == 0x8C) ||
	    (s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8C) ||
	    (s[0] == 0xEF && s[1] == 0xB9 && s[2] == 0x90) ||
	    (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x81);
}

uint32_t
xcount_text(const char *s, uint32_t *commas)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t n = 0;
	int word = 0;

	for (; *p != '\0'; p++) {
		if (ASCII_ISSPACE(*p)) {
			n += word;	/* a gap after a word counts one */
			word = 0;
		} else if ((*p & 0xC0) != 0x80) {
			n++;
			word = 1;
			if (*p == ',' || (*p >= 0xD8 && p[1] != '\0' &&
			    wide_comma(p)))
				(*commas)++;
		}
	}
	return n;
}

int
xtext(const xmlNode *n, struct strbuf *sb, size_t limit)
{
	const xmlNode *c = n->children;
	size_t visited = 0;
	const char *s;
	int skip;

	while (c != NULL) {
		if (sb->len > limit || ++visited > TEXT_NODES)
			return -1;
		skip = xis_elem(c) && (XN(c)->flags & XF_OUT);
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			for (s = (const char *)c->content; *s != '\0'; s++) {
				if (!ASCII_ISSPACE(*s))
					strbuf_addch(sb, *s);
				else if (sb->len > 0 &&
				    sb->buf[sb->len - 1] != ' ')
					strbuf_addch(sb, ' ');
			}
		c = xnext(c, n, skip);
	}
	strbuf_trim(sb);
	return 0;
}

int
xscan(struct xdoc *x, const xmlNode *n, struct strbuf *sb, size_t limit)
{
	if (x->scans >= XSCAN_MAX)
		return -1;
	x->scans++;
	return xtext(n, sb, limit);
}

/* 1 when url starts with the scheme (lower case) and a colon. */
static int
has_scheme(const char *url, const char *scheme)
{
	size_t i;

	for (i = 0; scheme[i] != '\0'; i++)
		if (ASCII_TOLOWER(url[i]) != scheme[i])
			return 0;
	return url[i] == ':';
}

char *
xresolve(const char *href, const char *base, int allow_file)
{
	return html_resolve_url(href, base, HTML_URL_ABSOLUTE |
	    (allow_file ? HTML_URL_FILE : 0));
}

/* Append the letters and digits of s to sb, lower case, words spaced. */
static void
fold_title(const char *s, struct strbuf *sb)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p >= 0x80 || ASCII_ISALNUM(*p))
			strbuf_addch(sb, ASCII_TOLOWER(*p));
		else if (sb->len > 0 && sb->buf[sb->len - 1] != ' ')
			strbuf_addch(sb, ' ');
	}
	strbuf_trim(sb);
}

int
xsame_title(const char *a, const char *b)
{
	struct strbuf fa = STRBUF_INIT, fb = STRBUF_INIT;
	int same;

	fold_title(a, &fa);
	fold_title(b, &fb);
	same = fa.len > 0 && fa.len == fb.len && memcmp(fa.buf, fb.buf,
	    fa.len) == 0;
	strbuf_release(&fa);
	strbuf_release(&fb);
	return same;
}

/* The next word of s (letters, digits, any non-ASCII) at *i; its length. */
static size_t
next_word(const char *s, size_t *i)
{
	size_t start;

	while (s[*i] != '\0' && !ASCII_ISALNUM(s[*i]) &&
	    (unsigned char)s[*i] < 0x80)
		(*i)++;
	start = *i;
	while (ASCII_ISALNUM(s[*i]) || (unsigned char)s[*i] >= 0x80)
		(*i)++;
	return *i - start;
}

/* 1 when the len bytes at w are a word of s (any ASCII case). */
static int
has_word(const char *s, const char *w, size_t len)
{
	size_t i = 0, n, j;

	while ((n = next_word(s, &i)) > 0) {
		if (n != len)
			continue;
		for (j = 0; j < len; j++)
			if (ASCII_TOLOWER(s[i - n + j]) != ASCII_TOLOWER(w[j]))
				break;
		if (j == len)
			return 1;
	}
	return 0;
}

double
xsimilar(const char *a, const char *b)
{
	size_t i = 0, n, all = 0, missing = 0;

	while ((n = next_word(b, &i)) > 0) {
		all += n + 1;
		if (!has_word(a, b + i - n, n))
			missing += n + 1;
	}
	return all == 0 ? 0 : 1 - (double)missing / (double)all;
}

/* 1 when the CSS in style hides the element. */
static int
css_hides(const char *style)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;
	int hides;

	for (s = style; *s != '\0' && sb.len < 2048; s++)
		if (!ASCII_ISSPACE(*s))
			strbuf_addch(&sb, ASCII_TOLOWER(*s));
	hides = xhas(sb.buf, "display:none") ||
	    xhas(sb.buf, "visibility:hidden");
	strbuf_release(&sb);
	return hides;
}

/* 1 when the class attribute c has the token word (any case). */
static int
class_token(const char *c, const char *word)
{
	size_t wlen = strlen(word), i = 0, start, j;

	while (c[i] != '\0') {
		while (ASCII_ISSPACE(c[i]))
			i++;
		start = i;
		while (c[i] != '\0' && !ASCII_ISSPACE(c[i]))
			i++;
		if (i - start != wlen)
			continue;
		for (j = 0; j < wlen; j++)
			if (ASCII_TOLOWER(c[start + j]) != word[j])
				break;
		if (j == wlen)
			return 1;
	}
	return 0;
}

/* 1 for an element hidden as html_render() hides it, or a dialog. */
static int
hidden(const xmlNode *n)
{
	static const char *const classes[] = {
		"hidden", "sr-only", "visually-hidden", "visuallyhidden",
		"screen-reader-text", NULL
	};
	const char *v;
	size_t i;

	if (n->properties == NULL)
		return 0;
	if (html_attr(n, "hidden") != NULL)
		return 1;
	v = html_attr(n, "aria-hidden");
	if (v != NULL && strcmp(v, "true") == 0)
		return 1;
	v = html_attr(n, "style");
	if (v != NULL && css_hides(v))
		return 1;
	v = html_attr(n, "role");
	if (v != NULL && (strcmp(v, "dialog") == 0 ||
	    strcmp(v, "alertdialog") == 0 || strcmp(v, "navigation") == 0 ||
	    strcmp(v, "menu") == 0 || strcmp(v, "menubar") == 0 ||
	    strcmp(v, "complementary") == 0))
		return 1;
	v = html_attr(n, "class");
	for (i = 0; v != NULL && classes[i] != NULL; i++)
		if (class_token(v, classes[i]))
			return 1;
	return 0;
}

/* What the <a> n is: a link, a link within the page, or neither. */
static unsigned
link_kind(const xmlNode *n)
{
	const char *href = html_attr(n, "href");

	if (href == NULL)
		return 0;
	while (ASCII_ISSPACE(*href))
		href++;
	if (*href == '#')
		return XF_HASH;
	if (*href == '\0' || has_scheme(href, "javascript") ||
	    has_scheme(href, "vbscript") || has_scheme(href, "data"))
		return 0;
	return XF_LINK;
}

/* Give every element below the document its xnode; -1 when too many. */
static int
index_nodes(struct xdoc *x)
{
	const xmlNode *n;
	size_t count = 0, i = 0;
	xmlNode *e;

	for (n = (const xmlNode *)x->doc; n != NULL;
	    n = xnext(n, (const xmlNode *)x->doc, 0))
		if (n->type == XML_ELEMENT_NODE && ++count > EXTRACT_MAX_NODES)
			return -1;
	x->nodes = xcalloc(count + 1, sizeof(*x->nodes));
	x->nnodes = count;
	for (n = (const xmlNode *)x->doc; n != NULL;
	    n = xnext(n, (const xmlNode *)x->doc, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		e = (xmlNode *)n;
		e->_private = &x->nodes[i];
		x->nodes[i].tag = xtag_of(n);
		if ((x->nodes[i].tag != NULL &&
		    (x->nodes[i].tag->flags & XT_SKIP)) || hidden(n))
			x->nodes[i].flags = XF_SKIP;
		else if (strcmp((const char *)n->name, "a") == 0)
			x->nodes[i].flags = link_kind(n);
		i++;
	}
	return 0;
}

/* The html and body elements of the page. */
static void
find_body(struct xdoc *x)
{
	xmlNode *n;

	x->html = xmlDocGetRootElement(x->doc);
	x->body = x->html;
	for (n = x->html != NULL ? x->html->children : NULL; n != NULL;
	    n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "body") == 0) {
			x->body = n;
			break;
		}
}

/* libxml2's complaints about a page are of no use to anyone. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/*
 * The encoding to read the page in: the server's (when libxml2 knows
 * it), else UTF-8 for bytes that are UTF-8 beyond ASCII (a page saved as
 * UTF-8 keeps the charset it was served with), else what the page
 * declares (NULL).
 */
static const char *
page_encoding(const char *data, size_t len, const char *charset)
{
	xmlCharEncodingHandlerPtr h;
	size_t i;

	if (charset != NULL && (h = xmlFindCharEncodingHandler(charset)) !=
	    NULL) {
		xmlCharEncCloseFunc(h);
		return charset;
	}
	for (i = 0; i < len && (unsigned char)data[i] < 0x80; i++)
		;
	return i < len && utf8_valid(data, len) ? "UTF-8" : NULL;
}

/* Parse the page into x; -1 with err when it cannot be. */
static int
parse_page(struct xdoc *x, const char *data, size_t len, const char *url,
    const char *charset, struct strbuf *err)
{
	if (len > EXTRACT_MAX_BYTES) {
		strbuf_addf(err, _("the page is too large (over %u MiB)"),
		    EXTRACT_MAX_BYTES >> 20);
		return -1;
	}
	if (url != NULL)
		x->base = xresolve(url, NULL, 1);
	xmlSetGenericErrorFunc(NULL, quiet);
	x->doc = len > 0 ? htmlReadMemory(data, (int)len, NULL,
	    page_encoding(data, len, charset), PARSE_OPTIONS) : NULL;
	if (x->doc != NULL)
		find_body(x);
	if (x->doc == NULL || x->html == NULL) {
		strbuf_addstr(err, _("the page is empty or not HTML"));
		return -1;
	}
	if (index_nodes(x) == -1) {
		strbuf_addf(err, _("the page has too many elements (over "
		    "%d)"), EXTRACT_MAX_NODES);
		return -1;
	}
	return 0;
}

static void
xdoc_release(struct xdoc *x)
{
	if (x->doc != NULL)
		xmlFreeDoc(x->doc);
	free(x->nodes);
	free(x->base);
	free(x->title);
	free(x->byline);
	free(x->content);
	xmeta_release(&x->meta);
}

/* The options of the n-th try: each relaxes one more rule. */
static unsigned
try_flags(int n)
{
	static const unsigned tries[] = {
		XTRY_ALL, XTRY_WEIGHT | XTRY_CLEAN, XTRY_CLEAN, 0
	};

	return tries[n];
}

#define NTRIES	4

/* A result of one try: its body, its text, its link text. */
struct result {
	struct strbuf	 html;
	size_t		 text;
	size_t		 links;
	char		*byline;
	char		*caption;
};

/* Run one try into r. */
static void
run_try(struct xdoc *x, unsigned tflags, unsigned flags, struct result *r)
{
	free(x->byline);
	x->byline = NULL;
	x->ncontent = 0;
	x->scans = 0;
	xscore_try(x, tflags);
	xclean(x, tflags);
	strbuf_init(&r->html, 0);
	r->text = xout_write(x, flags, &r->html, &r->links);
	r->byline = x->byline;
	x->byline = NULL;
	r->caption = xout_caption(x);
}

static void
result_release(struct result *r)
{
	strbuf_release(&r->html);
	free(r->byline);
	free(r->caption);
	memset(r, 0, sizeof(*r));
}

/* The tries, until one keeps ENOUGH_TEXT; the longest goes to best. */
static void
run_tries(struct xdoc *x, unsigned flags, struct result *best)
{
	struct result r;
	int i;

	memset(best, 0, sizeof(*best));
	strbuf_init(&best->html, 0);
	for (i = 0; i < NTRIES; i++) {
		run_try(x, try_flags(i), flags, &r);
		if (i == 0 || r.text > best->text) {
			result_release(best);
			*best = r;
		} else
			result_release(&r);
		if (best->text >= ENOUGH_TEXT)
			break;
	}
}

/* A clean line of s, or NULL when s is NULL or blank. */
static char *
clean_line(const char *s)
{
	char *c;

	if (s == NULL)
		return NULL;
	c = sanitize(s, SANITIZE_LINE);
	if (c[0] == '\0') {
		free(c);
		return NULL;
	}
	return c;
}

/* Fill out from the page x and the best try. */
static void
fill_article(struct xdoc *x, struct result *best, struct extract_article *out)
{
	out->title = clean_line(x->title);
	out->byline = clean_line(best->byline != NULL ? best->byline :
	    x->meta.author != NULL ? x->meta.author : x->meta.ld_author);
	out->published = clean_line(x->meta.date != NULL ? x->meta.date :
	    x->meta.ld_date);
	out->site_name = clean_line(x->meta.site_name);
	out->lead_caption = clean_line(best->caption);
	out->html = sanitize(best->html.buf, SANITIZE_TEXT);
	out->html_len = strlen(out->html);
	out->text_len = best->text;
}

int
extract_article(const char *data, size_t len, const char *url,
    const char *charset, unsigned flags, struct extract_article *out,
    struct strbuf *err)
{
	struct xdoc x;
	struct result best;
	int rc = -1;

	memset(&x, 0, sizeof(x));
	memset(out, 0, sizeof(*out));
	memset(&best, 0, sizeof(best));
	if (parse_page(&x, data, len, url, charset, err) == -1)
		goto out;
	xmeta_read(&x);
	run_tries(&x, flags, &best);
	if (best.text == 0 || best.links * 2 > best.text) {
		strbuf_addstr(err, best.text == 0 ?
		    _("no article found on the page") :
		    _("no article found on the page: it is a list of links"));
		goto out;
	}
	fill_article(&x, &best, out);
	rc = 0;
out:
	result_release(&best);
	xdoc_release(&x);
	return rc;
}

int
extract_type_ok(const char *type)
{
	return type == NULL || type[0] == '\0' ||
	    strstr(type, "html") != NULL || strstr(type, "xml") != NULL ||
	    strcmp(type, "text/plain") == 0;
}

void
extract_article_release(struct extract_article *a)
{
	free(a->title);
	free(a->byline);
	free(a->published);
	free(a->site_name);
	free(a->lead_caption);
	free(a->html);
	memset(a, 0, sizeof(*a));
}
