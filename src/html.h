/* SPDX-License-Identifier: ISC */
/*
 * HTML for the terminal. So far: the plain text of an HTML fragment on one
 * line, for titles and names that a feed writes as HTML.
 */
#ifndef TIDINGS_HTML_H
#define TIDINGS_HTML_H

#include <stddef.h>

#include "util/strbuf.h"

/*
 * Append to out the text of the HTML fragment html (len bytes of UTF-8),
 * with character references decoded, tags dropped, script and style
 * skipped, and white space folded into single spaces: one clean line.
 */
void html_to_line(const char *html, size_t len, struct strbuf *out);

#endif
