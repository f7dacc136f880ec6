/* SPDX-License-Identifier: ISC */
/*
 * A growable string, after git's strbuf, with an optional size cap for
 * data that comes from outside (after curl's dynbuf).
 *
 * Invariants, true after every call:
 *  - `buf` is never NULL; it points at a shared empty string until the
 *    first byte is added, so STRBUF_INIT allocates nothing.
 *  - `buf[len]` is '\0', and there are at least `len + 1` bytes; the
 *    contents may hold NUL bytes of their own.
 *  - `len < alloc` once anything has been allocated.
 *  - when `cap` is not 0, `len <= cap`: an addition that would pass the cap
 *    adds nothing and returns -1, and the buffer stays as it was.
 *
 * Read `buf` and `len` freely; change them only through these functions,
 * or by strbuf_grow() followed by writing and strbuf_setlen().
 * strbuf_detach() is the one way to take the storage; strbuf_release()
 * frees it and leaves the strbuf ready for use again.
 */
#ifndef TIDINGS_UTIL_STRBUF_H
#define TIDINGS_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	size_t	 alloc;		/* bytes allocated, 0 while on the slop */
	size_t	 len;		/* bytes used, not counting the NUL */
	size_t	 cap;		/* most bytes it may hold, 0 for no cap */
	char	*buf;
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT { 0, 0, 0, strbuf_slopbuf }

/* Set up sb empty, with room for hint bytes allocated now. */
void strbuf_init(struct strbuf *sb, size_t hint);

/* Set up sb empty, never to hold more than cap bytes (0: no cap). */
void strbuf_init_capped(struct strbuf *sb, size_t cap);

/* Free what sb holds; sb is then empty and usable, and keeps its cap. */
void strbuf_release(struct strbuf *sb);

/* Take the string (never NULL) out of sb, which is left empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len);

/* Make room for extra more bytes; -1, and no change, past the cap. */
int strbuf_grow(struct strbuf *sb, size_t extra);

/* Set the length to len, which must fit what is allocated. */
void strbuf_setlen(struct strbuf *sb, size_t len);

/* Empty sb, keeping its storage. */
#define strbuf_reset(sb) strbuf_setlen((sb), 0)

/* Append len bytes; -1, and no change, when they would pass the cap. */
int strbuf_add(struct strbuf *sb, const void *data, size_t len);

/* Append a NUL-terminated string. */
int strbuf_addstr(struct strbuf *sb, const char *s);

/* Append one byte. */
int strbuf_addch(struct strbuf *sb, int c);

/* Append a formatted string; all of it or, past the cap, nothing. */
int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Remove white space (ASCII) from both ends. */
void strbuf_trim(struct strbuf *sb);

#endif
