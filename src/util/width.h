/* SPDX-License-Identifier: ISC */
/*
 * Display width: how many terminal columns text takes, and cutting text to
 * a number of columns. Wide characters (CJK, most emoji) take two columns,
 * combining marks none. The widths are the C library's (wcwidth), so the
 * program must run with a UTF-8 LC_CTYPE; text is expected to have been
 * through the sanitiser, and anything the library calls unprintable counts
 * as one column.
 */
#ifndef TIDINGS_UTIL_WIDTH_H
#define TIDINGS_UTIL_WIDTH_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/* Columns the code point cp takes: 0, 1 or 2. */
int width_char(uint32_t cp);

/* Columns the len bytes of UTF-8 at s take. */
size_t width_str(const char *s, size_t len);

/*
 * Append to sb the longest start of s that fits in cols columns. When s
 * had to be cut, the text kept ends in "…" (one column), inside the cols.
 * A character is never split, a wide one that would straddle the limit is
 * left out, and combining marks stay with their base. Returns the columns
 * appended, which may be less than cols; pad with width_pad().
 */
size_t width_truncate(struct strbuf *sb, const char *s, size_t len,
    size_t cols);

/* Append spaces to sb for n columns. */
void width_pad(struct strbuf *sb, size_t n);

#endif
