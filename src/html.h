/* SPDX-License-Identifier: ISC */
/*
 * HTML for the terminal: an article's HTML becomes typed lines (one a
 * paragraph, heading, list item, quote, preformatted line, table row,
 * caption, image or rule) and a numbered list of its links; wrapping
 * those lines to a width is a separate, pure step that counts display
 * columns. No curses here: the reader, --render and the key facts all use
 * the same lines. Every string that comes out has been through the
 * sanitiser.
 *
 * What html_render() leaves out, besides tags and comments: the contents
 * of script, style, head (but for <base href>), title, template, noscript,
 * nav, iframe, frame, object, embed, applet, svg, canvas, audio, video,
 * map, dialog, label and form controls (button, input, select, option,
 * textarea); any element with the hidden attribute, aria-hidden="true",
 * or a style attribute with display:none or visibility:hidden; any
 * element whose class is "hidden", "sr-only", "visually-hidden",
 * "visuallyhidden" or "screen-reader-text"; an element (not html or body)
 * with under 400 bytes of text whose class or id has a part ("-" and "_"
 * separate parts) "share", "sharing", "social" or "newsletter": share
 * bars, follow buttons, sign-up boxes; images without alt text, and
 * images 0 or 1 pixel wide or high (tracking pixels); soft hyphens. Links
 * to "#..." (this page), javascript:, vbscript: and data: keep their
 * text but get no number, as do links of more than 8 KiB. Links are
 * percent-encoded where a URI may not hold a byte (spaces, controls,
 * non-ASCII): nothing invisible or bidirectional is left in them.
 *
 * Captions: figcaption, the text of a figure outside a quote, list or
 * heading, and any element (not a container) with under 1500 bytes of
 * text whose class has a part "caption" or "credit" become lines of their
 * own (LINE_CAPTION), never glued to the paragraph around them. An image
 * in running text is a word of it ("see [image: chart] below"), else a
 * line; one whose class has a part "emoji" or "smiley" is its alt text.
 * <q> gets curly quotes; digits in <sup> and <sub> become ¹²³ and ₁₂₃.
 * Input without a single tag is text: blank lines end its paragraphs.
 * Tables: one line a row, cells joined by " | ". A table whose cells hold
 * paragraphs, headings, lists, quotes, rules or other tables, or that has
 * one cell, is taken for layout: its cells are rendered as blocks.
 * Nesting deeper than libxml2 2.9's limit (256) is cut off by the parser;
 * the walk itself is iterative, with a capped stack of its own.
 */
#ifndef TIDINGS_HTML_H
#define TIDINGS_HTML_H

#include <stddef.h>

#include "util/strbuf.h"

enum line_type {
	LINE_PARA,	/* a paragraph of running text */
	LINE_HEADING,	/* level: 1 to 6 */
	LINE_ITEM,	/* a list item; level: nesting, from 1 */
	LINE_QUOTE,	/* a paragraph in a block quote; level: depth */
	LINE_PRE,	/* one line of preformatted text, never re-wrapped */
	LINE_TABLE,	/* one row of a table, cells separated */
	LINE_CAPTION,	/* a figure caption or photo credit */
	LINE_IMAGE,	/* "[image: alt]" */
	LINE_RULE,	/* a horizontal rule */
};

/*
 * One block of text, on one line however long: a paragraph is one
 * text_line. The text holds no newline or tab; it is "" for a rule and
 * for an empty line of preformatted text. A LINE_ITEM without a marker is
 * a further paragraph of the item above (or a <dd>); a LINE_QUOTE may
 * have a marker too (a list inside a quote).
 */
struct text_line {
	enum line_type	 type;
	int		 level;
	char		*marker;	/* a list item's "•" or "3.", or NULL */
	char		*text;		/* links written as "text[N]" */
	int		 joined;	/* 1: same block as the line above (the
					   next item, row or line, after a
					   <br>): no blank line between */
};

struct html_doc {
	struct text_line	*lines;
	size_t			 nlines;
	size_t			 alloc;
	char			**links;	/* link N is links[N - 1] */
	size_t			 nlinks;
};

/*
 * Render len bytes of HTML into doc (which must be empty or released):
 * script, style, comments and hidden elements dropped, entities decoded,
 * links resolved against base_url (may be NULL). Never fails.
 */
void html_render(const char *html, size_t len, const char *base_url,
    struct html_doc *doc);

/* Plain text into doc: a paragraph for each run of non-blank lines. */
void html_render_text(const char *text, size_t len, struct html_doc *doc);

/* Free what doc holds; it is then empty. */
void html_doc_release(struct html_doc *doc);

/* What html_resolve_url() lets through besides http and https URLs. */
#define HTML_URL_MAILTO		1	/* mailto: */
#define HTML_URL_FILE		2	/* file: */
#define HTML_URL_ABSOLUTE	4	/* nothing relative (with no base) */

/*
 * The URL href leads to, resolved against base (may be NULL) and clean:
 * what a URI may not hold percent-encoded, white space at the ends gone.
 * NULL for a fragment ("#top"), a URL of another scheme than allow lets
 * through, one starting with "-", or past the length limit.
 */
char *html_resolve_url(const char *href, const char *base, unsigned allow);

/*
 * Append to out the text of the HTML fragment html (len bytes of UTF-8),
 * with character references decoded, tags dropped, script and style
 * skipped, and white space folded into single spaces: one clean line.
 */
void html_to_line(const char *html, size_t len, struct strbuf *out);

/* The narrowest width html_wrap() honours; a smaller one is taken as it. */
#define HTML_WRAP_MIN	2

/* One line on the screen, as html_wrap() makes it. */
struct display_line {
	enum line_type	 type;	/* of the text_line it comes from */
	size_t		 src;	/* the index of that text_line */
	char		*text;	/* indented, marked, at most width columns */
};

struct html_wrapped {
	struct display_line	*lines;
	size_t			 nlines;
	size_t			 alloc;
};

/*
 * Wrap the lines of doc to width display columns into out (which must be
 * empty or released). No line is wider than width: words go whole to the
 * next line and are cut (between characters, never inside a wide one or
 * before a combining mark) only when longer than a line; CJK text breaks
 * between characters; a character followed by U+FE0F counts two columns.
 * List items get their marker and a hanging indent, quotes a "│ " bar for
 * each level, continued table rows two spaces, headings of level 1 and 2
 * an underline of "═" or "─", rules a line of "─". Preformatted lines are
 * never reflowed: one wider than width is cut into pieces. A blank line
 * (with the quote bars, between two quotes) comes between blocks: before
 * each text_line that is not joined. Indentation that would leave less
 * than half the width for text is cut down. The link list is not part of
 * it: callers print it as they see fit.
 */
void html_wrap(const struct html_doc *doc, size_t width,
    struct html_wrapped *out);

/* Free what w holds; it is then empty. */
void html_wrapped_release(struct html_wrapped *w);

#endif
