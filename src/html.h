/* SPDX-License-Identifier: ISC */
/*
 * HTML for the terminal: an article's HTML becomes typed lines (one a
 * paragraph, heading, list item, quote, preformatted line, table row,
 * caption, image or rule) and a numbered list of its links; wrapping
 * those lines to a width is a separate, pure step that counts display
 * columns. No curses here: the reader, --render and the key facts all use
 * the same lines. Every string that comes out has been through the
 * sanitiser.
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

struct text_line {
	enum line_type	 type;
	int		 level;
	char		*marker;	/* a list item's "•" or "3.", or NULL */
	char		*text;		/* links written as "text[N]" */
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

/*
 * Append to out the text of the HTML fragment html (len bytes of UTF-8),
 * with character references decoded, tags dropped, script and style
 * skipped, and white space folded into single spaces: one clean line.
 */
void html_to_line(const char *html, size_t len, struct strbuf *out);

#endif
