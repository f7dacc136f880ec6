/* SPDX-License-Identifier: ISC */
/*
 * Decoding of a gzip or deflate body with libdeflate, which wants the
 * whole input and room for the whole output. The room is first what the
 * gzip trailer says (the size modulo 2^32, which a server may fake), or
 * four times the input, never more than the cap; when it is too small it
 * doubles, up to the cap, and a body that still does not fit is too
 * large: a gzip bomb costs at most one buffer of the cap.
 */
#include "config.h"

#include "fetch-decode.h"

#include <libdeflate.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/ascii.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define FIRST_ROOM_MIN	(64u << 10)

struct decoder {
	struct libdeflate_decompressor *d;
};

enum coding
coding_of(const char *v, size_t len)
{
	while (len > 0 && ASCII_ISSPACE(*v)) {
		v++;
		len--;
	}
	while (len > 0 && ASCII_ISSPACE(v[len - 1]))
		len--;
	if (len == 0 || ascii_is_named(v, len, "identity"))
		return CODING_IDENTITY;
	if (ascii_is_named(v, len, "gzip") || ascii_is_named(v, len, "x-gzip"))
		return CODING_GZIP;
	if (ascii_is_named(v, len, "deflate"))
		return CODING_DEFLATE;
	return CODING_OTHER;
}

struct decoder *
decoder_new(void)
{
	struct decoder *d = xcalloc(1, sizeof(*d));

	if ((d->d = libdeflate_alloc_decompressor()) == NULL)
		fatal(_("out of memory (allocating %zu bytes)"),
		    sizeof(struct decoder));
	return d;
}

void
decoder_free(struct decoder *d)
{
	if (d == NULL)
		return;
	libdeflate_free_decompressor(d->d);
	free(d);
}

/* 1 for the two bytes that start a gzip member. */
static int
gzip_magic(const unsigned char *p, size_t n)
{
	return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/*
 * The gzip members at in, one after the other, into room bytes at out;
 * bytes after the last member that do not start another are left, as
 * zlib (and so curl) leaves them.
 */
static enum libdeflate_result
gunzip(struct libdeflate_decompressor *d, const unsigned char *in, size_t n,
    char *out, size_t room, size_t *got)
{
	enum libdeflate_result r;
	size_t used, made;

	*got = 0;
	do {
		r = libdeflate_gzip_decompress_ex(d, in, n, out + *got,
		    room - *got, &used, &made);
		if (r != LIBDEFLATE_SUCCESS)
			return r;
		*got += made;
		in += used;
		n -= used;
	} while (gzip_magic(in, n));
	return LIBDEFLATE_SUCCESS;
}

/* "deflate" is zlib's format by the RFC; some servers send it bare. */
static enum libdeflate_result
inflate_any(struct libdeflate_decompressor *d, const unsigned char *in,
    size_t n, char *out, size_t room, size_t *got)
{
	enum libdeflate_result r;

	r = libdeflate_zlib_decompress(d, in, n, out, room, got);
	if (r == LIBDEFLATE_BAD_DATA)
		r = libdeflate_deflate_decompress(d, in, n, out, room, got);
	return r;
}

/* The room to try first: at least 64 KiB, at most max. */
static size_t
first_room(enum coding c, const unsigned char *in, size_t n, size_t max)
{
	size_t room = n > SIZE_MAX / 4 ? SIZE_MAX : n * 4;

	if (c == CODING_GZIP && n >= 18)
		room = (size_t)in[n - 4] | (size_t)in[n - 3] << 8 |
		    (size_t)in[n - 2] << 16 | (size_t)in[n - 1] << 24;
	if (room < FIRST_ROOM_MIN)
		room = FIRST_ROOM_MIN;
	return room < max ? room : max;
}

enum decode_result
decoder_run(struct decoder *d, enum coding c, const char *in, size_t n,
    size_t max, struct strbuf *out)
{
	const unsigned char *u = (const unsigned char *)in;
	enum libdeflate_result r;
	size_t room = first_room(c, u, n, max), got = 0;

	strbuf_release(out);
	strbuf_init_capped(out, max);
	for (;;) {
		if (strbuf_grow(out, room) == -1)
			BUG("decode room past the cap");
		r = c == CODING_GZIP ?
		    gunzip(d->d, u, n, out->buf, room, &got) :
		    inflate_any(d->d, u, n, out->buf, room, &got);
		if (r != LIBDEFLATE_INSUFFICIENT_SPACE || room == max)
			break;
		room = room > max / 2 ? max : room * 2;
	}
	if (r == LIBDEFLATE_SUCCESS) {
		strbuf_setlen(out, got);
		return DECODE_OK;
	}
	strbuf_release(out);
	return r == LIBDEFLATE_INSUFFICIENT_SPACE ? DECODE_TOO_LARGE :
	    DECODE_DAMAGED;
}
