/* SPDX-License-Identifier: ISC */
/*
 * What the files of the extractor share: the parsed page with what each
 * element is to the method (struct xnode, hung on the node's _private),
 * the tag table, and the steps, one file each: the page's metadata and
 * title (extract-meta.c), scoring and choosing (extract-score.c),
 * cleaning what was chosen (extract-clean.c) and writing it out
 * (extract-out.c). Feed discovery (extract-links.c) needs only the walk
 * and the URLs.
 */
#ifndef TIDINGS_EXTRACT_PRIVATE_H
#define TIDINGS_EXTRACT_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html-xml.h"

#include "extract.h"
#include "util/strbuf.h"

/* What a tag is to the extractor. */
enum xtag_flags {
	XT_SKIP = 1 << 0,	/* never part of an article */
	XT_BLOCK = 1 << 1,	/* ends a run of inline text */
	XT_PARA = 1 << 2,	/* scored as one paragraph: p, pre, td */
	XT_DIV = 1 << 3,	/* its own runs of text are paragraphs */
	XT_CLEAN = 1 << 4,	/* may go when the article is cleaned */
	XT_HEADING = 1 << 5,
	XT_LIST = 1 << 6,	/* ul, ol */
	XT_VOID = 1 << 7,	/* written without an end tag */
	XT_KEEP = 1 << 8,	/* written out as itself (or as out) */
	XT_TABLE = 1 << 9,	/* table */
	XT_CODE = 1 << 10,	/* pre, code: nothing inside is cleaned */
};

struct xtag {
	const char	*name;
	unsigned	 flags;		/* enum xtag_flags */
	int		 base;		/* a candidate's starting score */
	const char	*out;		/* the tag written for it, or NULL */
};

/* What an element is to the method. */
enum xnode_flags {
	XF_SKIP = 1 << 0,	/* by its tag, role or hidden: never shown */
	XF_GONE = 1 << 1,	/* taken out in this try */
	XF_SCORED = 1 << 2,	/* a candidate: score is set */
	XF_BLOCKS = 1 << 3,	/* has block children */
	XF_DATA = 1 << 4,	/* a data table: kept as it is */
	XF_LINK = 1 << 5,	/* a link that goes somewhere */
	XF_HASH = 1 << 6,	/* a link within the page */
};

#define XF_OUT	(XF_SKIP | XF_GONE)

/* What an element holds, its own and its descendants' together. */
struct xcount {
	double		 links;		/* link text (in-page links: 0.3) */
	uint32_t	 text;		/* characters of text */
	uint32_t	 commas;
	uint32_t	 inl_text;	/* text not inside a block child */
	uint32_t	 inl_commas;
	uint32_t	 paras;		/* <p> elements */
	uint32_t	 imgs;
	uint32_t	 lis;
	uint32_t	 li_text;	/* text in list items */
	uint32_t	 inputs;	/* form fields */
	uint32_t	 head_text;	/* text in headings */
};

struct xnode {
	const struct xtag	*tag;		/* NULL: unknown, inline */
	unsigned		 flags;		/* enum xnode_flags */
	double			 score;
	struct xcount		 c;
};

/* Options of one try of the method. */
enum xtry_flags {
	XTRY_UNLIKELY = 1 << 0,	/* take out unlikely candidates */
	XTRY_WEIGHT = 1 << 1,	/* weigh class and id */
	XTRY_CLEAN = 1 << 2,	/* clean conditionally */
};

#define XTRY_ALL	(XTRY_UNLIKELY | XTRY_WEIGHT | XTRY_CLEAN)

/* The metadata of a page. */
struct xmeta {
	char	*ld_headline;	/* JSON-LD, of an article */
	char	*ld_name;
	char	*ld_author;
	char	*ld_date;
	char	*dc_title;
	char	*og_title;
	char	*meta_title;	/* <meta name="title"> */
	char	*tw_title;
	char	*doc_title;	/* <title> */
	char	*author;	/* <meta name="author"> and the like */
	char	*date;		/* article:published_time and the like */
	char	*site_name;
};

/* A page being extracted. */
struct xdoc {
	htmlDocPtr	 doc;
	xmlNode		*html;		/* the root element */
	xmlNode		*body;		/* or the root when there is none */
	struct xnode	*nodes;
	size_t		 nnodes;
	char		*base;		/* what links resolve against */
	struct xmeta	 meta;
	char		*title;		/* the article's title */
	char		*byline;	/* from the page's byline element */
	xmlNode		**content;	/* the chosen roots, in order */
	size_t		 ncontent;
	size_t		 acontent;
	size_t		 scans;		/* text looked at by xscan() */
};

/*
 * How many times one try may look at an element's text with xscan():
 * each look visits a bounded number of nodes, so the work stays bounded
 * however many elements ask for one.
 */
#define XSCAN_MAX	4000

/* The extractor's view of element n. */
#define XN(n)	((struct xnode *)(n)->_private)

/* The tag of element n, or NULL. */
const struct xtag *xtag_of(const xmlNode *n);

/* The next node after n below top in document order; skip: not into n. */
const xmlNode *xnext(const xmlNode *n, const xmlNode *top, int skip);

/* 1 for an element node the extractor knows (indexed). */
int xis_elem(const xmlNode *n);

/* Append the class and id of n, lower case, to sb. */
void xclass_id(const xmlNode *n, struct strbuf *sb);

/* 1 when s has word as a substring (s lower case, word lower case). */
int xhas(const char *s, const char *word);

/* Characters of text at s, white space runs counted once. */
uint32_t xcount_text(const char *s, uint32_t *commas);

/*
 * Append the text below n (dropped parts left out), white space folded,
 * to sb, up to limit bytes; 0, or -1 when there was more.
 */
int xtext(const xmlNode *n, struct strbuf *sb, size_t limit);

/* xtext() of n into sb while the try's budget lasts; -1 past it. */
int xscan(struct xdoc *x, const xmlNode *n, struct strbuf *sb,
    size_t limit);

/* The URL href resolved against base, clean, or NULL when not http(s). */
char *xresolve(const char *href, const char *base, int allow_file);

/* 1 when the two lines are the same title (folded case and spacing). */
int xsame_title(const char *a, const char *b);

/* How much of b's words a holds, from 0 to 1. */
double xsimilar(const char *a, const char *b);

/* The weight of the class and id of n: -50 to 50. */
int xclass_weight(const xmlNode *n);

/*
 * Count what the elements below top (and top) hold into their xcount,
 * leaving out what is dropped.
 */
void xcount_below(xmlNode *top);

/* The share of n's text that is link text. */
double xlink_density(const xmlNode *n);

/* extract-meta.c: read the metadata and choose the title. */
void xmeta_read(struct xdoc *x);
void xmeta_release(struct xmeta *m);

/* extract-score.c: one try; fills x->content. */
void xscore_try(struct xdoc *x, unsigned try_flags);

/* extract-clean.c: clean the chosen content of one try. */
void xclean(struct xdoc *x, unsigned try_flags);

/*
 * extract-out.c: write the content as HTML to out; returns the characters
 * of text written, and the link text among them in *links.
 */
size_t xout_write(struct xdoc *x, unsigned flags, struct strbuf *out,
    size_t *links);

/* The caption of the first figure of the content, or NULL. */
char *xout_caption(struct xdoc *x);

#endif
