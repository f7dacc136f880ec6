/* SPDX-License-Identifier: ISC */
/*
 * Writing the chosen content out as plain HTML: only the elements the
 * renderer knows (paragraphs, headings, lists, quotes, code, tables,
 * figures, links and images), without styles, scripts or ids; links and
 * images made absolute; empty blocks left out; text escaped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-private.h"
#include "util/ascii.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

#define CAPTION_MAX	1000

/* Where the writing is. */
struct out {
	struct xdoc	*x;
	unsigned	 flags;		/* enum extract_flags */
	struct strbuf	*sb;
	size_t		 text;		/* characters of text written */
	size_t		 links;		/* of them, in links */
	int		 in_link;
	int		 pre;		/* inside preformatted text */
};

/* Append s to sb with & < > (and " when quote) escaped. */
static void
add_escaped(struct strbuf *sb, const char *s, int quote)
{
	const char *run = s;

	for (; *s != '\0'; s++) {
		if (*s != '&' && *s != '<' && *s != '>' &&
		    !(quote && *s == '"'))
			continue;
		strbuf_add(sb, run, (size_t)(s - run));
		strbuf_addstr(sb, *s == '&' ? "&amp;" : *s == '<' ? "&lt;" :
		    *s == '>' ? "&gt;" : "&quot;");
		run = s + 1;
	}
	strbuf_addstr(sb, run);
}

static void
add_attr(struct strbuf *sb, const char *name, const char *value)
{
	if (value == NULL)
		return;
	strbuf_addf(sb, " %s=\"", name);
	add_escaped(sb, value, 1);
	strbuf_addch(sb, '"');
}

/* 1 when the class value c has a part "caption" or "credit". */
static int
caption_class(const char *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int yes;

	if (c == NULL)
		return 0;
	for (i = 0; c[i] != '\0' && i < 256; i++)
		strbuf_addch(&sb, c[i] == '-' || c[i] == '_' ||
		    ASCII_ISSPACE(c[i]) ? ' ' : ASCII_TOLOWER(c[i]));
	strbuf_addch(&sb, ' ');
	yes = strstr(sb.buf, "caption ") != NULL ||
	    strstr(sb.buf, "credit ") != NULL;
	strbuf_release(&sb);
	return yes;
}

/* The URL of an image: src, or where lazy loading keeps it. */
static char *
image_url(const struct out *o, const xmlNode *n)
{
	static const char *const attrs[] = {
		"src", "data-src", "data-original", "data-lazy-src",
		"data-url", NULL
	};
	const char *v;
	char *url;
	size_t i;

	for (i = 0; attrs[i] != NULL; i++) {
		v = html_attr(n, attrs[i]);
		if (v == NULL || strncmp(v, "data:", 5) == 0)
			continue;
		url = xresolve(v, o->x->base, 0);
		if (url != NULL)
			return url;
	}
	return NULL;
}

/* An <img>: only with a URL, and not in text-only output. */
static void
write_img(struct out *o, const xmlNode *n)
{
	char *url;

	if (o->flags & EXTRACT_TEXT_ONLY)
		return;
	url = image_url(o, n);
	if (url == NULL)
		return;
	strbuf_addstr(o->sb, "<img");
	add_attr(o->sb, "src", url);
	add_attr(o->sb, "alt", html_attr(n, "alt"));
	add_attr(o->sb, "width", html_attr(n, "width"));
	add_attr(o->sb, "height", html_attr(n, "height"));
	if (caption_class(html_attr(n, "class")))
		add_attr(o->sb, "class", "caption");
	strbuf_addch(o->sb, '>');
	free(url);
}

/* The attributes of a written element n, as tag. */
static void
write_attrs(struct out *o, const xmlNode *n, const char *tag)
{
	if (strcmp(tag, "ol") == 0) {
		add_attr(o->sb, "start", html_attr(n, "start"));
		add_attr(o->sb, "type", html_attr(n, "type"));
		add_attr(o->sb, "reversed", html_attr(n, "reversed"));
	} else if (strcmp(tag, "li") == 0)
		add_attr(o->sb, "value", html_attr(n, "value"));
	if (caption_class(html_attr(n, "class")))
		add_attr(o->sb, "class", "caption");
}

/* End of a link's text that was written without its tag. */
static const char bare_link[] = "";

/*
 * An <a>: written with its URL made absolute, or (text only, a link
 * inside a link, nowhere to go) as its text alone. The text of a link
 * that goes somewhere counts as link text either way.
 */
static int
open_link(struct out *o, const xmlNode *n, const char **close)
{
	const char *href = html_attr(n, "href");
	char *url = NULL;

	if (o->in_link || !(XN(n)->flags & XF_LINK))
		return 1;
	o->in_link = 1;
	*close = bare_link;
	if (!(o->flags & EXTRACT_TEXT_ONLY) && href != NULL)
		url = xresolve(href, o->x->base, 0);
	if (url == NULL)
		return 1;
	strbuf_addstr(o->sb, "<a");
	add_attr(o->sb, "href", url);
	strbuf_addch(o->sb, '>');
	free(url);
	*close = "a";
	return 1;
}

/*
 * Start the element n; returns 1 when its children are to be written,
 * with *close the end tag to write after them (or NULL).
 */
static int
open_elem(struct out *o, const xmlNode *n, const char **close)
{
	const struct xnode *xn = XN(n);
	const struct xtag *t = xn->tag;
	*close = NULL;
	if (xn->flags & XF_OUT)
		return 0;
	if (t == NULL || !(t->flags & XT_KEEP) || t->out == NULL)
		return 1;
	if (strcmp(t->name, "img") == 0) {
		write_img(o, n);
		return 0;
	}
	if ((t->flags & XT_BLOCK) && !(t->flags & XT_VOID) &&
	    xn->c.text == 0 && xn->c.imgs == 0 && strcmp(t->name, "td") &&
	    strcmp(t->name, "th") && strcmp(t->name, "tr"))
		return 0;	/* an empty block */
	if (strcmp(t->name, "a") == 0)
		return open_link(o, n, close);
	strbuf_addf(o->sb, "<%s", t->out);
	write_attrs(o, n, t->out);
	strbuf_addch(o->sb, '>');
	if (t->flags & XT_VOID)
		return 0;
	*close = t->out;
	o->pre += (t->flags & XT_CODE) && strcmp(t->out, "pre") == 0;
	return 1;
}

static void
close_elem(struct out *o, const char *close)
{
	if (close == NULL)
		return;
	if (close == bare_link) {
		o->in_link = 0;
		return;
	}
	strbuf_addf(o->sb, "</%s>", close);
	if (strcmp(close, "a") == 0)
		o->in_link = 0;
	if (strcmp(close, "pre") == 0 && o->pre > 0)
		o->pre--;
}

static void
write_text(struct out *o, const xmlNode *t)
{
	uint32_t commas = 0, n;

	if (t->content == NULL)
		return;
	n = xcount_text((const char *)t->content, &commas);
	o->text += n;
	if (o->in_link)
		o->links += n;
	add_escaped(o->sb, (const char *)t->content, 0);
}

/* The end tag of each open element, by depth. */
struct closers {
	const char	**v;
	size_t		  n;
	size_t		  alloc;
};

static void
push_close(struct closers *c, const char *close)
{
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? c->alloc * 2 : 64;
		c->v = xreallocarray(c->v, c->alloc, sizeof(*c->v));
	}
	c->v[c->n++] = close;
}

/* Write the root r and what is below it. */
static void
write_root(struct out *o, xmlNode *r)
{
	struct closers cl = { NULL, 0, 0 };
	const xmlNode *n = r;
	const char *close;

	while (n != NULL) {
		close = NULL;
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			write_text(o, n);
		else if (xis_elem(n) && open_elem(o, n, &close) &&
		    n->children != NULL) {
			push_close(&cl, close);
			n = n->children;
			continue;
		} else if (xis_elem(n) && close != NULL)
			close_elem(o, close);
		if (n == r)
			break;
		while (n->next == NULL) {
			n = n->parent;
			close_elem(o, cl.v[--cl.n]);
			if (n == r)
				goto done;
		}
		n = n->next;
	}
done:
	free(cl.v);
}

size_t
xout_write(struct xdoc *x, unsigned flags, struct strbuf *out,
    size_t *links)
{
	struct out o;
	size_t i;

	memset(&o, 0, sizeof(o));
	o.x = x;
	o.flags = flags;
	o.sb = out;
	for (i = 0; i < x->ncontent; i++)
		write_root(&o, x->content[i]);
	*links = o.links;
	return o.text;
}

char *
xout_caption(struct xdoc *x)
{
	struct strbuf sb = STRBUF_INIT;
	const xmlNode *n;
	size_t i;
	int skip;

	for (i = 0; i < x->ncontent; i++)
		for (n = x->content[i]; n != NULL;
		    n = xnext(n, x->content[i], skip)) {
			skip = xis_elem(n) && (XN(n)->flags & XF_OUT);
			if (skip || !xis_elem(n) ||
			    strcmp((const char *)n->name, "figcaption") != 0)
				continue;
			xtext(n, &sb, CAPTION_MAX);
			if (sb.len > 0)
				return strbuf_detach(&sb, NULL);
			skip = 1;
		}
	strbuf_release(&sb);
	return NULL;
}
