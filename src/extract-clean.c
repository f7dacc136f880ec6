/* SPDX-License-Identifier: ISC */
/*
 * Cleaning the chosen content: share bars and headings that class names
 * mark as not the article go; then each list, table, division, section
 * and form is judged by what it holds (its score and class weight, its
 * paragraphs, images, list items, form fields, headings and link text),
 * from the outside in. Data tables, and what is inside them or inside
 * code, stay as they are. A division or section without block children
 * is a paragraph, and paragraphs are not judged.
 */
#include "config.h"

#include <string.h>

#include "extract-private.h"
#include "util/strbuf.h"

#define SHARE_TEXT	500	/* a share bar has less text */
#define MANY_COMMAS	10	/* text with this many is kept */
#define LIST_ITEMS	100	/* list items that pass for paragraphs */
#define TABLE_NODES	20000	/* the most nodes a table check visits */
#define IMAGE_TEXT	200	/* text for each image of what is text */

/* 1 when the lower-case class and id s have a share word. */
static int
is_share(const char *s)
{
	return xhas(s, "share") || xhas(s, "sharedaddy");
}

/* 1 for the name (lower case) of n. */
static int
named(const xmlNode *n, const char *name)
{
	return strcmp((const char *)n->name, name) == 0;
}

/* Take out share bars, and headings weighted down by their class. */
static void
drop_marked(struct xdoc *x, xmlNode *root, unsigned tflags)
{
	struct strbuf cls = STRBUF_INIT, text = STRBUF_INIT;
	const xmlNode *n = root->children;
	struct xnode *xn;
	int skip;

	while (n != NULL) {
		skip = 0;
		if (xis_elem(n)) {
			xn = XN(n);
			strbuf_reset(&cls);
			xclass_id(n, &cls);
			strbuf_reset(&text);
			if (xn->flags & XF_OUT)
				skip = 1;
			else if ((is_share(cls.buf) &&
			    xscan(x, n, &text, SHARE_TEXT) == 0 &&
			    text.len < SHARE_TEXT) ||
			    ((tflags & XTRY_WEIGHT) && (named(n, "h1") ||
			    named(n, "h2")) && xclass_weight(n) < 0)) {
				xn->flags |= XF_GONE;
				skip = 1;
			}
		}
		n = xnext(n, root, skip);
	}
	strbuf_release(&cls);
	strbuf_release(&text);
}

/* What the walk of a table found. */
struct table_facts {
	size_t	rows;
	size_t	cols;		/* the most cells in a row */
	int	header;		/* th, thead, tfoot, col or colgroup */
	int	caption;	/* a caption with text */
	int	nested;		/* a table inside */
};

/* Walk the table t, not into tables inside it. */
static void
table_walk(const xmlNode *t, struct table_facts *f)
{
	const xmlNode *n = t->children;
	size_t visited = 0, cells = 0;
	const char *name;
	int skip;

	memset(f, 0, sizeof(*f));
	while (n != NULL && ++visited < TABLE_NODES) {
		skip = 0;
		if (n->type == XML_ELEMENT_NODE) {
			name = (const char *)n->name;
			if (strcmp(name, "table") == 0) {
				f->nested = 1;
				skip = 1;
			} else if (strcmp(name, "tr") == 0) {
				f->rows++;
				cells = 0;
			} else if (strcmp(name, "td") == 0 ||
			    strcmp(name, "th") == 0) {
				if (++cells > f->cols)
					f->cols = cells;
				f->header |= name[1] == 'h';
			} else if (strcmp(name, "thead") == 0 ||
			    strcmp(name, "tfoot") == 0 ||
			    strcmp(name, "col") == 0 ||
			    strcmp(name, "colgroup") == 0)
				f->header = 1;
			else if (strcmp(name, "caption") == 0)
				f->caption |= n->children != NULL;
		}
		n = xnext(n, t, skip);
	}
}

/* 1 when the table t holds data rather than lays out a page. */
static int
is_data_table(const xmlNode *t)
{
	struct table_facts f;
	const char *role = html_attr(t, "role"), *dt = html_attr(t, "datatable");

	if (role != NULL && strcmp(role, "presentation") == 0)
		return 0;
	if (dt != NULL && strcmp(dt, "0") == 0)
		return 0;
	if (html_attr(t, "summary") != NULL)
		return 1;
	table_walk(t, &f);
	if (f.caption || f.header)
		return 1;
	if (f.nested)
		return 0;
	if (f.rows >= 10 || f.cols > 4)
		return 1;
	return f.rows * f.cols > 10;
}

/* 1 when n is inside a figure, below root. */
static int
in_figure(const xmlNode *n, const xmlNode *root)
{
	for (n = n->parent; n != NULL && n != root->parent; n = n->parent)
		if (n->type == XML_ELEMENT_NODE && named(n, "figure"))
			return 1;
	return 0;
}

/* 1 when the element n (that may be cleaned) goes. */
static int
should_go(const xmlNode *n, const xmlNode *root, unsigned tflags)
{
	const struct xnode *xn = XN(n);
	const struct xcount *c = &xn->c;
	int w = (tflags & XTRY_WEIGHT) ? xclass_weight(n) : 0;
	double score = (xn->flags & XF_SCORED) ? xn->score : 0, ld, hd;
	long li = (long)c->lis - LIST_ITEMS, p = c->paras;
	int list, fig;

	/* a list starts below zero: only its class can make it go */
	if (w + score < 0 && (w < 0 || !(xn->tag->flags & XT_LIST)))
		return 1;
	if (c->commas >= MANY_COMMAS)
		return 0;
	list = (xn->tag->flags & XT_LIST) ||
	    (c->text > 0 && c->li_text > 0.9 * c->text);
	fig = in_figure(n, root);
	ld = xlink_density(n);
	hd = c->text > 0 ? (double)c->head_text / c->text : 0;
	if (c->imgs > 1 && (double)p / c->imgs < 0.5 && !fig &&
	    c->text < IMAGE_TEXT * c->imgs)
		return 1;
	if (!list && li > p)
		return 1;
	if ((long)c->inputs > p / 3)
		return 1;
	if (!list && hd < 0.9 && c->text < 25 &&
	    (c->imgs == 0 || c->imgs > 2) && !fig)
		return 1;
	if (!list && w < 25 && ld > 0.2)
		return 1;
	return w >= 25 && ld > 0.5;
}

/* 1 for an element that is judged: not a paragraph, not data. */
static int
judged(const xmlNode *n)
{
	const struct xnode *xn = XN(n);

	if (xn->tag == NULL || !(xn->tag->flags & XT_CLEAN))
		return 0;
	if ((xn->tag->flags & XT_DIV) && !(xn->flags & XF_BLOCKS))
		return 0;
	return 1;
}

/* Judge every element below root (and root), from the outside in. */
static void
judge(xmlNode *root, unsigned tflags)
{
	const xmlNode *n = root;
	struct xnode *xn;
	int skip;

	while (n != NULL) {
		skip = 0;
		if (xis_elem(n)) {
			xn = XN(n);
			if (xn->flags & XF_OUT)
				skip = 1;
			else if (xn->tag != NULL &&
			    (xn->tag->flags & XT_TABLE) && is_data_table(n)) {
				xn->flags |= XF_DATA;
				skip = 1;
			} else if (xn->tag != NULL &&
			    (xn->tag->flags & XT_CODE))
				skip = 1;
			else if (judged(n) && should_go(n, root, tflags)) {
				xn->flags |= XF_GONE;
				skip = 1;
			}
		}
		n = n == root && skip ? NULL : xnext(n, root, skip);
	}
}

void
xclean(struct xdoc *x, unsigned tflags)
{
	size_t i;

	for (i = 0; i < x->ncontent; i++) {
		drop_marked(x, x->content[i], tflags);
		xcount_below(x->content[i]);
		if (tflags & XTRY_CLEAN)
			judge(x->content[i], tflags);
	}
}
