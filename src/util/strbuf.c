/* SPDX-License-Identifier: ISC */
/*
 * The growable string. See strbuf.h for the invariants every function
 * here keeps.
 */
#include "config.h"

#include "util/strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/ascii.h"
#include "util/xmalloc.h"

char strbuf_slopbuf[1];

void
strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->alloc = sb->len = sb->cap = 0;
	sb->buf = strbuf_slopbuf;
	if (hint)
		strbuf_grow(sb, hint);
}

void
strbuf_init_capped(struct strbuf *sb, size_t cap)
{
	strbuf_init(sb, 0);
	sb->cap = cap;
}

void
strbuf_release(struct strbuf *sb)
{
	size_t cap = sb->cap;

	if (sb->alloc)
		free(sb->buf);
	strbuf_init_capped(sb, cap);
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *s;

	if (len != NULL)
		*len = sb->len;
	s = sb->alloc ? sb->buf : xstrdup("");
	strbuf_init_capped(sb, sb->cap);
	return s;
}

int
strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t want, alloc;

	if (extra > SIZE_MAX - sb->len - 1)
		fatal("string too long (%zu + %zu bytes)", sb->len, extra);
	want = sb->len + extra + 1;
	if (sb->cap && want - 1 > sb->cap)
		return -1;
	if (want <= sb->alloc)
		return 0;
	alloc = sb->alloc < 16 ? 16 : sb->alloc;
	while (alloc < want)
		alloc = alloc > SIZE_MAX / 2 ? want : alloc * 2;
	if (sb->cap && alloc > sb->cap + 1)
		alloc = sb->cap + 1;
	if (sb->alloc)
		sb->buf = xreallocarray(sb->buf, alloc, 1);
	else {
		sb->buf = xmalloc(alloc);
		sb->buf[0] = '\0';
	}
	sb->alloc = alloc;
	return 0;
}

void
strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (len > (sb->alloc ? sb->alloc - 1 : 0))
		BUG("strbuf_setlen(%zu) beyond the %zu bytes allocated",
		    len, sb->alloc);
	sb->len = len;
	if (sb->alloc)
		sb->buf[len] = '\0';
}

int
strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (strbuf_grow(sb, len) == -1)
		return -1;
	if (len == 0)
		return 0;
	memmove(sb->buf + sb->len, data, len);
	strbuf_setlen(sb, sb->len + len);
	return 0;
}

int
strbuf_addstr(struct strbuf *sb, const char *s)
{
	return strbuf_add(sb, s, strlen(s));
}

int
strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;

	return strbuf_add(sb, &ch, 1);
}

int
strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		BUG("bad format string '%s'", fmt);
	if (strbuf_grow(sb, (size_t)n) == -1)
		return -1;
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	strbuf_setlen(sb, sb->len + (size_t)n);
	return 0;
}

int
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
	return rc;
}

void
strbuf_trim(struct strbuf *sb)
{
	size_t start = 0, end = sb->len;

	while (end > 0 && ASCII_ISSPACE(sb->buf[end - 1]))
		end--;
	while (start < end && ASCII_ISSPACE(sb->buf[start]))
		start++;
	if (start > 0)
		memmove(sb->buf, sb->buf + start, end - start);
	if (sb->alloc)
		strbuf_setlen(sb, end - start);
}
