/* SPDX-License-Identifier: ISC */
/*
 * The body of an HTTP answer in a Content-Encoding (gzip or deflate),
 * decoded whole with libdeflate once the transfer is over: a third of the
 * time zlib takes through curl, on a refresh of many feeds.
 */
#ifndef TIDINGS_FETCH_DECODE_H
#define TIDINGS_FETCH_DECODE_H

#include <stddef.h>

#include "util/strbuf.h"

enum coding {
	CODING_IDENTITY,	/* none, or "identity" */
	CODING_GZIP,		/* "gzip", "x-gzip" */
	CODING_DEFLATE,		/* "deflate": zlib's format, or bare */
	CODING_OTHER		/* one tidings does not ask for (br, ...) */
};

enum decode_result {
	DECODE_OK,
	DECODE_TOO_LARGE,	/* more than max bytes once decoded */
	DECODE_DAMAGED		/* not the format, cut short, bad checksum */
};

/* The coding of a Content-Encoding value of len bytes at v. */
enum coding coding_of(const char *v, size_t len);

struct decoder;

struct decoder *decoder_new(void);
void decoder_free(struct decoder *d);

/*
 * Decode the n bytes at in, in coding c (gzip or deflate), into out,
 * replacing what it held, at most max bytes. out is left empty unless
 * DECODE_OK.
 */
enum decode_result decoder_run(struct decoder *d, enum coding c,
    const char *in, size_t n, size_t max, struct strbuf *out);

#endif
