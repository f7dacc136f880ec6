/* SPDX-License-Identifier: ISC */
/*
 * One try of the method: take out what is unlikely to be the article,
 * the byline and a heading that repeats the title; count what every
 * element holds; score the paragraphs into their ancestors; choose the
 * best candidate, and the siblings that go with it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-private.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

#define MIN_PARA	25	/* a shorter paragraph scores nothing */
#define LEVELS		5	/* ancestors a paragraph scores */
#define NTOP		5	/* best candidates compared */
#define BYLINE_MAX	100
#define LCA_LEVELS	5	/* how far up the blocks of a split article
				   may meet */
#define SPLIT_MAX	64	/* blocks of a split article looked at */
#define LEAD_SIBLINGS	3	/* looked back at for a lead figure */
#define LEAD_TEXT	300	/* the most text around a lead figure */

/* Class and id words of what is never the article. */
static const char *const unlikely[] = {
	"-ad-", "ad-break", "agegate", "banner", "breadcrumb", "combx",
	"comment", "community", "consent", "cookie", "cover-wrap", "disqus",
	"extra", "footer", "gdpr", "header", "legends", "menu", "related",
	"remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
	"social", "sponsor", "supplemental", "pagination", "pager", "popup",
	"newsletter", "outbrain", "taboola", "promo", NULL
};

/* Words that keep an element with an unlikely word. */
static const char *const maybe[] = {
	"and", "article", "body", "column", "content", "main", "shadow",
	NULL
};

/* Class and id words of the article, and of what is not. */
static const char *const positive[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "pagination", "post", "text", "blog", "story", NULL
};

static const char *const negative[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
	"footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
	"related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
	"sponsor", "shopping", "tags", "widget", NULL
};

/* Class and id words of a byline. */
static const char *const bylines[] = {
	"byline", "author", "dateline", "writtenby", "p-author", NULL
};

static int
has_any(const char *s, const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (xhas(s, words[i]))
			return 1;
	return 0;
}

/* The weight of one class or id attribute value v. */
static int
weigh(const char *v)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int w = 0;

	if (v == NULL || v[0] == '\0')
		return 0;
	for (i = 0; v[i] != '\0' && i < 512; i++)
		strbuf_addch(&sb, v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 :
		    v[i]);
	if (has_any(sb.buf, negative))
		w -= 25;
	if (has_any(sb.buf, positive))
		w += 25;
	strbuf_release(&sb);
	return w;
}

int
xclass_weight(const xmlNode *n)
{
	return weigh(html_attr(n, "class")) + weigh(html_attr(n, "id"));
}

double
xlink_density(const xmlNode *n)
{
	const struct xnode *xn = XN(n);

	return xn->c.text == 0 ? 0 : xn->c.links / xn->c.text;
}

/* The element parent of n, or NULL. */
static xmlNode *
parent_elem(const xmlNode *n)
{
	xmlNode *p = n->parent;

	return xis_elem(p) ? p : NULL;
}

/* Add what the element e holds to its parent's counts. */
static void
count_up(xmlNode *e)
{
	struct xnode *xe = XN(e), *xp;
	const struct xtag *t = xe->tag;
	unsigned f = t != NULL ? t->flags : 0;

	if (!xis_elem(e->parent))
		return;
	xp = XN(e->parent);
	xp->c.text += xe->c.text;
	xp->c.commas += xe->c.commas;
	xp->c.links += xe->c.links;
	xp->c.paras += xe->c.paras + (t != NULL && strcmp(t->name, "p") == 0);
	xp->c.imgs += xe->c.imgs + (t != NULL && strcmp(t->name, "img") == 0);
	xp->c.lis += xe->c.lis + (t != NULL && strcmp(t->name, "li") == 0);
	xp->c.li_text += t != NULL && strcmp(t->name, "li") == 0 ?
	    xe->c.text : xe->c.li_text;
	xp->c.inputs += xe->c.inputs;
	xp->c.head_text += (f & XT_HEADING) ? xe->c.text : xe->c.head_text;
	if (f & XT_BLOCK)
		xp->flags |= XF_BLOCKS;
	else {
		xp->c.inl_text += xe->c.inl_text;
		xp->c.inl_commas += xe->c.inl_commas;
	}
}

/* A text node's characters, into its parent element's counts. */
static void
count_text(const xmlNode *t, int link, int hash)
{
	struct xnode *xp;
	uint32_t commas = 0, n;

	if (t->content == NULL || !xis_elem(t->parent))
		return;
	xp = XN(t->parent);
	n = xcount_text((const char *)t->content, &commas);
	xp->c.text += n;
	xp->c.inl_text += n;
	xp->c.commas += commas;
	xp->c.inl_commas += commas;
	xp->c.links += link ? n : hash ? 0.3 * n : 0;
}

/* 1 for a form field (dropped, but counted). */
static int
is_field(const xmlNode *n)
{
	const char *name = (const char *)n->name;

	return strcmp(name, "input") == 0 || strcmp(name, "select") == 0 ||
	    strcmp(name, "textarea") == 0 || strcmp(name, "button") == 0;
}

/* Start element e of the count: its counts are zero. */
static void
count_enter(xmlNode *e, int *link, int *hash)
{
	struct xnode *xe = XN(e);

	memset(&xe->c, 0, sizeof(xe->c));
	xe->flags &= ~XF_BLOCKS;
	*link += (xe->flags & XF_LINK) != 0;
	*hash += (xe->flags & XF_HASH) != 0;
}

/* End element e of the count. */
static void
count_leave(xmlNode *e, xmlNode *top, int *link, int *hash)
{
	*link -= (XN(e)->flags & XF_LINK) != 0;
	*hash -= (XN(e)->flags & XF_HASH) != 0;
	if (e != top)
		count_up(e);
}

void
xcount_below(xmlNode *top)
{
	xmlNode *n = top;
	int link = 0, hash = 0, into;

	count_enter(top, &link, &hash);
	n = top->children;
	while (n != NULL) {
		into = 0;
		if (xis_elem(n) && (XN(n)->flags & XF_OUT)) {
			if (is_field(n) && xis_elem(n->parent))
				XN(n->parent)->c.inputs++;
		} else if (xis_elem(n)) {
			count_enter(n, &link, &hash);
			into = n->children != NULL;
			if (!into)
				count_leave(n, top, &link, &hash);
		} else if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			count_text(n, link > 0, hash > 0);
		if (into) {
			n = n->children;
			continue;
		}
		while (n->next == NULL) {
			n = n->parent;
			if (n == NULL || n == top)
				goto done;
			count_leave(n, top, &link, &hash);
		}
		n = n->next;
	}
done:
	count_leave(top, top, &link, &hash);
}

/* The scored candidates of a try. */
struct cands {
	xmlNode		**v;
	size_t		  n;
	size_t		  alloc;
	unsigned	  tflags;
};

/* Make n a candidate, with its starting score. */
static void
init_cand(struct cands *c, xmlNode *n)
{
	struct xnode *xn = XN(n);

	if (xn->flags & XF_SCORED)
		return;
	xn->flags |= XF_SCORED;
	xn->score = xn->tag != NULL ? xn->tag->base : 0;
	if (c->tflags & XTRY_WEIGHT)
		xn->score += xclass_weight(n);
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? c->alloc * 2 : 64;
		c->v = xreallocarray(c->v, c->alloc, sizeof(*c->v));
	}
	c->v[c->n++] = n;
}

/* A paragraph of len characters with commas: its score to its ancestors. */
static void
add_para(struct cands *c, xmlNode *start, uint32_t len, uint32_t commas)
{
	double s;
	xmlNode *a = start;
	int level;

	if (len < MIN_PARA)
		return;
	s = 1 + commas + (len / 100 < 3 ? len / 100 : 3);
	for (level = 0; level < LEVELS && a != NULL; level++) {
		if (!xis_elem(a->parent))	/* not the root */
			break;
		init_cand(c, a);
		XN(a)->score += s / (level == 0 ? 1 : level == 1 ? 2 :
		    level * 3);
		a = parent_elem(a);
	}
}

/* Score every paragraph below the body. */
static void
score_paras(struct xdoc *x, struct cands *c)
{
	const xmlNode *n = x->body->children;
	xmlNode *e;
	struct xnode *xe;
	unsigned f;
	int skip;

	while (n != NULL) {
		skip = xis_elem(n) && (XN(n)->flags & XF_OUT);
		if (xis_elem(n) && !skip) {
			e = (xmlNode *)n;
			xe = XN(e);
			f = xe->tag != NULL ? xe->tag->flags : 0;
			if (f & XT_PARA)
				add_para(c, parent_elem(e), xe->c.text,
				    xe->c.commas);
			else if ((f & XT_DIV) && !(xe->flags & XF_BLOCKS))
				add_para(c, parent_elem(e), xe->c.inl_text,
				    xe->c.inl_commas);
			else if (f & XT_DIV)
				add_para(c, e, xe->c.inl_text,
				    xe->c.inl_commas);
		}
		n = xnext(n, x->body, skip);
	}
}

/* The class and id of n, lower case, for the word lists. */
static void
match_string(const xmlNode *n, struct strbuf *sb)
{
	strbuf_reset(sb);
	xclass_id(n, sb);
}

/* 1 when n, with class and id cls, is unlikely to be the article. */
static int
is_unlikely(const xmlNode *n, const char *cls)
{
	const char *name = (const char *)n->name;

	const xmlNode *a;

	if (cls[0] == '\0' || strcmp(name, "body") == 0 ||
	    strcmp(name, "a") == 0 || strcmp(name, "html") == 0 ||
	    !has_any(cls, unlikely) || has_any(cls, maybe))
		return 0;
	/* tables and code keep what is in them */
	for (a = n->parent; xis_elem(a); a = a->parent)
		if (XN(a)->tag != NULL &&
		    (XN(a)->tag->flags & (XT_TABLE | XT_CODE)))
			return 0;
	return 1;
}

/* 1 when n is the byline; its text goes to x->byline. */
static int
take_byline(struct xdoc *x, const xmlNode *n, const char *cls)
{
	struct strbuf sb = STRBUF_INIT;
	const char *rel = html_attr(n, "rel"), *prop = html_attr(n, "itemprop");

	if (x->byline != NULL || !((rel != NULL && strcmp(rel, "author") ==
	    0) || (prop != NULL && strstr(prop, "author") != NULL) ||
	    has_any(cls, bylines)))
		return 0;
	if (xscan(x, n, &sb, BYLINE_MAX) == -1 || sb.len == 0 ||
	    sb.len >= BYLINE_MAX) {
		strbuf_release(&sb);
		return 0;
	}
	x->byline = strbuf_detach(&sb, NULL);
	return 1;
}

/* 1 for an h1 or h2 that repeats the title. */
static int
repeats_title(struct xdoc *x, const xmlNode *n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name = (const char *)n->name;
	int same;

	if (x->title == NULL || (strcmp(name, "h1") != 0 &&
	    strcmp(name, "h2") != 0))
		return 0;
	same = xscan(x, n, &sb, 1000) == 0 &&
	    xsimilar(x->title, sb.buf) > 0.75;
	strbuf_release(&sb);
	return same;
}

/* Take out, for this try, what is not the article. */
static void
mark(struct xdoc *x, unsigned tflags)
{
	struct strbuf cls = STRBUF_INIT;
	const xmlNode *n = x->body->children;
	struct xnode *xn;
	int skip;

	while (n != NULL) {
		skip = 0;
		if (xis_elem(n)) {
			xn = XN(n);
			match_string(n, &cls);
			if (xn->flags & XF_OUT)
				skip = 1;
			else if (((tflags & XTRY_UNLIKELY) &&
			    is_unlikely(n, cls.buf)) ||
			    take_byline(x, n, cls.buf) ||
			    repeats_title(x, n)) {
				xn->flags |= XF_GONE;
				skip = 1;
			}
		}
		n = xnext(n, x->body, skip);
	}
	strbuf_release(&cls);
}

/* Forget what the last try decided. */
static void
reset(struct xdoc *x)
{
	size_t i;

	for (i = 0; i < x->nnodes; i++) {
		x->nodes[i].flags &= XF_SKIP | XF_LINK | XF_HASH;
		x->nodes[i].score = 0;
	}
}

/* 1 when a is below b (or is b). */
static int
is_below(const xmlNode *a, const xmlNode *b)
{
	for (; a != NULL; a = a->parent)
		if (a == b)
			return 1;
	return 0;
}

/* Scale every candidate by its link density; the best NTOP go to top. */
static size_t
rank(struct cands *c, xmlNode **top)
{
	size_t i, j, n = 0;
	struct xnode *xn;

	for (i = 0; i < c->n; i++) {
		xn = XN(c->v[i]);
		xn->score *= 1 - xlink_density(c->v[i]);
		for (j = n; j > 0 && XN(top[j - 1])->score < xn->score; j--)
			if (j < NTOP)
				top[j] = top[j - 1];
		if (j < NTOP) {
			top[j] = c->v[i];
			if (n < NTOP)
				n++;
		}
	}
	return n;
}

/*
 * When three of the other best candidates score nearly as well as the
 * best and share an ancestor with it, that ancestor.
 */
static xmlNode *
common_ancestor(struct xdoc *x, xmlNode **top, size_t n)
{
	xmlNode *a;
	size_t i, alt = 0, in;

	for (i = 1; i < n; i++)
		if (XN(top[i])->score >= 0.75 * XN(top[0])->score)
			alt++;
	if (alt < 3)
		return top[0];
	for (a = parent_elem(top[0]); a != NULL && a != x->body;
	    a = parent_elem(a)) {
		for (in = 0, i = 1; i < n; i++)
			if (XN(top[i])->score >= 0.75 * XN(top[0])->score &&
			    is_below(top[i], a))
				in++;
		if (in >= 3)
			return a;
	}
	return top[0];
}

/*
 * When the article is split into blocks of the best's class (between
 * figures, quotes or ads), each scoring a fifth of it, the nearest
 * ancestor (LCA_LEVELS up at most) that holds them all.
 */
static xmlNode *
split_body(struct xdoc *x, struct cands *c, xmlNode *best)
{
	const char *cls = html_attr(best, "class"), *other;
	double floor = XN(best)->score * 0.2;
	xmlNode *a = best;
	size_t i, found = 0;
	int level = 0;

	if (cls == NULL || cls[0] == '\0')
		return best;
	for (i = 0; i < c->n && found < SPLIT_MAX; i++) {
		other = html_attr(c->v[i], "class");
		if (c->v[i] == best || other == NULL || strcmp(other, cls) ||
		    XN(c->v[i])->score < floor || is_below(c->v[i], best) ||
		    is_below(best, c->v[i]))
			continue;
		found++;
		while (!is_below(c->v[i], a)) {
			a = parent_elem(a);
			if (a == NULL || a == x->body || ++level > LCA_LEVELS)
				return best;
		}
	}
	return found > 0 ? a : best;
}

/* A parent that scores more than the best, before scores fall off. */
static xmlNode *
climb(struct xdoc *x, xmlNode *top)
{
	double last = XN(top)->score, floor = last / 3;
	xmlNode *p;

	for (p = parent_elem(top); p != NULL && p != x->body;
	    p = parent_elem(p)) {
		if (!(XN(p)->flags & XF_SCORED))
			continue;
		if (XN(p)->score < floor)
			break;
		if (XN(p)->score > last)
			return p;
		last = XN(p)->score;
	}
	return top;
}

/* The number of element children of n that are not dropped. */
static size_t
kept_children(const xmlNode *n)
{
	const xmlNode *c;
	size_t k = 0;

	for (c = n->children; c != NULL; c = c->next)
		k += xis_elem(c) && !(XN(c)->flags & XF_OUT);
	return k;
}

/* The best candidate, or the body when there is none. */
static xmlNode *
choose(struct xdoc *x, struct cands *c)
{
	xmlNode *top[NTOP], *best;
	size_t n = rank(c, top);

	if (n == 0 || top[0] == x->body)
		return x->body;
	best = common_ancestor(x, top, n);
	best = split_body(x, c, best);
	init_cand(c, best);
	best = climb(x, best);
	while (parent_elem(best) != NULL && parent_elem(best) != x->body &&
	    kept_children(parent_elem(best)) == 1)
		best = parent_elem(best);
	init_cand(c, best);
	return best;
}

static void
add_content(struct xdoc *x, xmlNode *n)
{
	if (x->ncontent == x->acontent) {
		x->acontent = x->acontent ? x->acontent * 2 : 16;
		x->content = xreallocarray(x->content, x->acontent,
		    sizeof(*x->content));
	}
	x->content[x->ncontent++] = n;
}

/* 1 when the text of n has a full stop at a sentence's end. */
static int
has_stop(struct xdoc *x, const xmlNode *n)
{
	struct strbuf sb = STRBUF_INIT;
	int stop;

	xscan(x, n, &sb, 4096);
	stop = strstr(sb.buf, ". ") != NULL ||
	    (sb.len > 0 && sb.buf[sb.len - 1] == '.');
	strbuf_release(&sb);
	return stop;
}

/* 1 when the sibling s of the best, top, goes with it. */
static int
goes_with(struct xdoc *x, xmlNode *s, xmlNode *top, const char *top_class)
{
	struct xnode *xs = XN(s);
	double thr = XN(top)->score * 0.2, bonus = 0, ld;
	const char *cls = html_attr(s, "class");
	unsigned f = xs->tag != NULL ? xs->tag->flags : 0;
	int para;

	if (thr < 10)
		thr = 10;
	if (cls != NULL && cls[0] != '\0' && top_class != NULL &&
	    strcmp(cls, top_class) == 0)
		bonus = XN(top)->score * 0.2;
	if ((xs->flags & XF_SCORED) && xs->score + bonus >= thr)
		return 1;
	para = (xs->tag != NULL && strcmp(xs->tag->name, "p") == 0) ||
	    ((f & XT_DIV) && !(xs->flags & XF_BLOCKS));
	if (!para)
		return 0;
	ld = xlink_density(s);
	if (xs->c.text > 80)
		return ld < 0.25;
	return xs->c.text > 0 && ld == 0 && has_stop(x, s);
}

/* 1 for a figure: <figure>, or an element of a captioned image alone. */
static int
is_figure(const xmlNode *n)
{
	const struct xnode *xn = XN(n);
	const xmlNode *c;

	if (xn->tag != NULL && strcmp(xn->tag->name, "figure") == 0)
		return 1;
	if (xn->c.imgs != 1 || xn->c.text > LEAD_TEXT)
		return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (xis_elem(c) && !(XN(c)->flags & XF_OUT) &&
		    strcmp((const char *)c->name, "figcaption") == 0)
			return 1;
	return 0;
}

/*
 * The lead image of the article: a figure among the few siblings just
 * before the best, or NULL.
 */
static xmlNode *
lead_figure(xmlNode *top)
{
	xmlNode *s;
	int n = 0;

	for (s = top->prev; s != NULL && n < LEAD_SIBLINGS; s = s->prev) {
		if (!xis_elem(s) || (XN(s)->flags & XF_OUT))
			continue;
		if (is_figure(s))
			return s;
		if (XN(s)->c.text > LEAD_TEXT)
			return NULL;
		n++;
	}
	return NULL;
}

/* The content: the best and the siblings that go with it. */
static void
gather(struct xdoc *x, xmlNode *top)
{
	xmlNode *p = parent_elem(top), *s, *lead;
	const char *top_class = html_attr(top, "class");

	if (top == x->body || p == NULL) {
		add_content(x, top);
		return;
	}
	lead = lead_figure(top);
	for (s = p->children; s != NULL; s = s->next) {
		if (!xis_elem(s) || (XN(s)->flags & XF_OUT))
			continue;
		if (s == top || s == lead || goes_with(x, s, top, top_class))
			add_content(x, s);
	}
}

void
xscore_try(struct xdoc *x, unsigned tflags)
{
	struct cands c;

	memset(&c, 0, sizeof(c));
	c.tflags = tflags;
	reset(x);
	mark(x, tflags);
	xcount_below(x->body);
	score_paras(x, &c);
	gather(x, choose(x, &c));
	free(c.v);
}
