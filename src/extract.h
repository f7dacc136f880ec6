/* SPDX-License-Identifier: ISC */
/*
 * Main-content extraction: a whole web page in, its article out. The
 * page is parsed with libxml2's HTML parser (network off, errors quiet,
 * recovering); the article is found by scoring the tree, never by rules
 * for one site; and what comes out is a title and the body as HTML that
 * html_render() and the key facts take as they take a feed's content.
 * Pure and deterministic: no I/O, the same bytes give the same article.
 *
 * The method, in four steps, each linear in the size of the tree:
 *  1. Drop what is never the article: script, style, form fields,
 *     frames, media, navigation, asides and footers; hidden elements (as
 *     html_render() hides them); dialogs, menus and complementary roles;
 *     and, on the first try, elements whose class or id says comment,
 *     menu, sidebar, social, related, sponsor, cookie, consent, banner,
 *     promo or footer, unless it also says article, content, body or
 *     main. The byline (rel="author", itemprop="author", a class or id
 *     "byline" or "author", under 100 characters) and an h1 or h2 that
 *     repeats the title are taken out and kept apart.
 *  2. Score: every paragraph of 25 characters or more (a <p>, <pre>, a
 *     table cell, a heading below h1, a <div> or <section> without block
 *     children, or a run of text directly in one with them) earns 1, one
 *     more for each comma, and one for every 100 characters (three at
 *     most). Its parent gets the score, its grandparent half, and the
 *     three levels above a sixth, a ninth and a twelfth. Each element
 *     scored starts from a value for its tag (a <div> +5, a quote, cell or
 *     <pre> +3, a list, list item or form -3, a heading -5) and -25 or
 *     +25 for each of its class and id (comment, footer, sidebar, share,
 *     promo, related, widget, meta: less; article, content, entry, post,
 *     story, text: more), and is scaled down by the share of its text
 *     that is link text (links within the page count 0.3).
 *  3. Choose: the best element wins; but an ancestor that holds three of
 *     the five best (each scoring three quarters of it), an ancestor
 *     (five levels up at most) that holds other blocks of its class that
 *     score a fifth of it (an article split around figures or ads), or a
 *     parent that scores more than it, before the scores fall below a
 *     third, wins instead. Its siblings that score a fifth of it (more
 *     when they share its class), the paragraphs of running text among
 *     them with few links, and a captioned figure just before it (the
 *     lead image) join it.
 *  4. Clean what was chosen: share bars and headings whose class weighs
 *     against them go; then, from the outside in, each list, table,
 *     division, section and form whose class weight and score are below
 *     zero (a list only for its class), or that (with under ten commas)
 *     is mostly images, list items, form fields, little text around
 *     media, or links (more than a fifth of its text; half with a good
 *     class), goes. Data tables (a caption, header cells, or more than
 *     ten cells) and what is in them or in code stay; a division without
 *     block children is a paragraph, and stays. When fewer than 500
 *     characters are left, the steps run again without the class rules
 *     of step 1, then without class weights, then without cleaning, and
 *     the longest result is kept. A page whose result has no text, or
 *     more link text than other text, holds no article.
 *
 * The title: that of the page's JSON-LD article (its name, or its
 * headline when only that is like <title>), else a Dublin Core, Open
 * Graph, <meta name="title"> or Twitter title, in that order (the last
 * of each kind), as it is; else <title>, cleaned: the part before its
 * last separator (" | ", " - ", " – ", " — ", " / ", " > ", " » ",
 * " \ ", " :: ") when that has three words or more, else the part after
 * its first; or, without separators, the part after its last colon (its
 * first, when fewer than three words follow; none, when more than five
 * words come before); a part of four words or fewer gives the whole
 * <title> back, unless only the site name of a hierarchy (/ > » \) went;
 * a <title> under 15 or over 150 bytes gives way to the page's only h1;
 * and a page without any title takes its first h1.
 * Text is read in the server's charset, else as UTF-8 when the bytes are
 * UTF-8, else in the charset the page declares.
 *
 * Limits: a page over EXTRACT_MAX_BYTES is refused, and one with more
 * than EXTRACT_MAX_NODES elements is refused too, so the work on any page
 * is bounded. The walks are iterative: no nesting exhausts the C stack.
 */
#ifndef TIDINGS_EXTRACT_H
#define TIDINGS_EXTRACT_H

#include <stddef.h>

#include "util/strbuf.h"

/* The largest page extract_article() takes, and the most elements. */
#define EXTRACT_MAX_BYTES	(8u << 20)
#define EXTRACT_MAX_NODES	400000

enum extract_flags {
	EXTRACT_TEXT_ONLY = 1 << 0,	/* no links and no images in the
					   body: text to print or summarise */
};

/* What a page holds: every string is one clean line of UTF-8, or NULL. */
struct extract_article {
	char	*title;
	char	*byline;	/* "By ..." as the page gives it */
	char	*published;	/* the date as the page gives it */
	char	*site_name;
	char	*lead_caption;	/* the caption of the article's first image */
	char	*html;		/* the body: HTML, UTF-8, links absolute;
				   never NULL after success */
	size_t	 html_len;
	size_t	 text_len;	/* characters of text in the body */
};

#define EXTRACT_ARTICLE_INIT { NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 }

/*
 * Find the article in the len bytes of the page at url (used for <base>
 * and to make links absolute; may be NULL). charset, when not NULL, is
 * the one an HTTP Content-Type named, which wins over the page's own. On
 * success fill out (which must be empty or released) and return 0;
 * return -1 with the reason in err when the page is too large, is not
 * HTML, or holds no article (nothing but navigation, a form, or a list of
 * links).
 */
int extract_article(const char *data, size_t len, const char *url,
    const char *charset, unsigned flags, struct extract_article *out,
    struct strbuf *err);

/* Free what a holds; it is then empty. */
void extract_article_release(struct extract_article *a);

/*
 * 1 when a page served as the media type type (lower case, without
 * parameters; NULL when the server named none) may hold an article: HTML,
 * XHTML, other XML, or plain text; 0 for images, PDF, video and the like.
 */
int extract_type_ok(const char *type);

/*
 * The feeds a page names in <link rel="alternate"> with the type
 * application/rss+xml, application/atom+xml, application/rdf+xml or
 * application/feed+json, resolved against <base href> and base (may be
 * NULL): the XML feeds first, then the JSON ones, each in page order,
 * without repeats. Only http and https URLs, and file URLs on a page that
 * is itself a file, are given. *urls (an array of *n new strings, NULL
 * when *n is 0) is freed with extract_feed_links_free(). Returns 0, or -1
 * (and none) when the page is too large to read.
 */
int extract_feed_links(const char *html, size_t len, const char *base,
    char ***urls, size_t *n);

/* Free what extract_feed_links() gave. */
void extract_feed_links_free(char **urls, size_t n);

#endif
