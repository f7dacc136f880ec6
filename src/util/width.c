/* SPDX-License-Identifier: ISC */
/*
 * Display width of UTF-8 text, and truncation to a number of columns.
 */
#include "config.h"

#include "util/width.h"

#include <wchar.h>

#include "util/utf8.h"

#define ELLIPSIS	"\xe2\x80\xa6"	/* U+2026, one column */

int
width_char(uint32_t cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

size_t
width_str(const char *s, size_t len)
{
	size_t i = 0, cols = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		cols += (size_t)width_char(cp);
	}
	return cols;
}

/* Bytes of s that fit in cols columns, whole characters; *used gets them. */
static size_t
fit_prefix(const char *s, size_t len, size_t cols, size_t *used)
{
	size_t i = 0, n, w, total = 0;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		w = (size_t)width_char(cp);
		if (total + w > cols)
			break;
		total += w;
		i += n;
	}
	*used = total;
	return i;
}

size_t
width_truncate(struct strbuf *sb, const char *s, size_t len, size_t cols)
{
	size_t used, bytes;

	bytes = fit_prefix(s, len, cols, &used);
	if (bytes == len) {
		strbuf_add(sb, s, len);
		return used;
	}
	if (cols == 0)
		return 0;
	bytes = fit_prefix(s, len, cols - 1, &used);
	strbuf_add(sb, s, bytes);
	strbuf_addstr(sb, ELLIPSIS);
	return used + 1;
}

void
width_pad(struct strbuf *sb, size_t n)
{
	while (n-- > 0)
		strbuf_addch(sb, ' ');
}
