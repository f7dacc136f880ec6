/* SPDX-License-Identifier: ISC */
/*
 * Allocators that never return NULL, and the two ways of stopping: fatal()
 * for a condition the program cannot go on from (out of memory) and BUG()
 * for a broken promise inside the program. Both run the cleanup hook first,
 * so that the terminal is restored before anything is written to stderr.
 */
#ifndef TIDINGS_UTIL_XMALLOC_H
#define TIDINGS_UTIL_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Allocate size bytes (at least one); dies when memory is exhausted. */
void *xmalloc(size_t size);

/* Allocate and zero nmemb * size bytes; dies on overflow or exhaustion. */
void *xcalloc(size_t nmemb, size_t size);

/* Resize ptr to nmemb * size bytes; dies on overflow or exhaustion. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);

/* Copy a NUL-terminated string. */
char *xstrdup(const char *s);

/* Copy at most n bytes of s and terminate the copy. */
char *xstrndup(const char *s, size_t n);

/* Format into a new string. */
char *xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Set the function that restores the terminal before fatal() prints. */
void fatal_set_cleanup(void (*cleanup)(void));

/* Print "tidings: MESSAGE" to stderr after the cleanup hook and exit 1. */
void fatal(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));

/* Report a programmer error with its place in the source and abort. */
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)
void bug_at(const char *file, int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));

#endif
