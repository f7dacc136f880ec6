/* SPDX-License-Identifier: ISC */
/*
 * Never-NULL allocators and the fatal exits. Out of memory is not an error
 * the program can report anywhere useful, so it stops cleanly instead.
 */
#include "config.h"

#include "util/xmalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

static void (*cleanup_hook)(void);

void
fatal_set_cleanup(void (*cleanup)(void))
{
	cleanup_hook = cleanup;
}

static void
run_cleanup(void)
{
	void (*hook)(void) = cleanup_hook;

	cleanup_hook = NULL;	/* a fatal error inside the hook ends here */
	if (hook != NULL)
		hook();
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	run_cleanup();
	fflush(stdout);
	fputs("tidings: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void
bug_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	run_cleanup();
	fprintf(stderr, "tidings: BUG at %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static void
out_of_memory(size_t size)
{
	fatal(_("out of memory (allocating %zu bytes)"), size);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		out_of_memory(size);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	p = calloc(nmemb, size);
	if (p == NULL)
		out_of_memory(size);
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void *p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		fatal(_("out of memory (%zu elements of %zu bytes)"),
		    nmemb, size);
	size *= nmemb;
	p = realloc(ptr, size ? size : 1);
	if (p == NULL)
		out_of_memory(size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap, copy;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		BUG("bad format string '%s'", fmt);
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
