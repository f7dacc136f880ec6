/* SPDX-License-Identifier: ISC */
/*
 * fetch-decode: gzip (one member or several, with trailing bytes) and
 * deflate (zlib's format and bare) come back as they went in; the cap
 * holds exactly, for a bomb too; a body cut short or with a false size is
 * damaged; Content-Encoding values are read as servers write them.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libdeflate.h>

#include "fetch-decode.h"
#include "util/strbuf.h"

enum fmt { GZIP, ZLIB, RAW };

/* text of n bytes, words that repeat as in a feed */
static char *
text(size_t n)
{
	static const char *const words[] = { "<item>", "Zürich ", "council ",
	    "votes ", "</item>\n", "東京 ", "budget ", "river " };
	char *s = malloc(n + 1);
	size_t i = 0, w = 0;

	assert_non_null(s);
	while (i < n) {
		const char *p = words[(w * 7 + w / 3) % 8];

		while (*p != '\0' && i < n)
			s[i++] = *p++;
		w++;
	}
	s[n] = '\0';
	return s;
}

/* in, compressed in fmt, into a new buffer of *len bytes */
static unsigned char *
pack(enum fmt f, const char *in, size_t n, size_t *len)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
	size_t room = n + n / 2 + 1024;
	unsigned char *out = malloc(room);

	assert_non_null(c);
	assert_non_null(out);
	if (f == GZIP)
		*len = libdeflate_gzip_compress(c, in, n, out, room);
	else if (f == ZLIB)
		*len = libdeflate_zlib_compress(c, in, n, out, room);
	else
		*len = libdeflate_deflate_compress(c, in, n, out, room);
	assert_true(*len > 0);
	libdeflate_free_compressor(c);
	return out;
}

static void
round_trip(enum fmt f, enum coding c, size_t n)
{
	struct decoder *d = decoder_new();
	struct strbuf out = STRBUF_INIT;
	char *s = text(n);
	size_t len;
	unsigned char *z = pack(f, s, n, &len);

	assert_int_equal(decoder_run(d, c, (char *)z, len, 8u << 20, &out),
	    DECODE_OK);
	assert_int_equal(out.len, n);
	assert_memory_equal(out.buf, s, n);
	assert_int_equal(out.buf[n], '\0');
	strbuf_release(&out);
	free(z);
	free(s);
	decoder_free(d);
}

/* Sizes below, at and far past the first guess; deflate's guess is four
 * times the input, which a repetitive feed passes many times over. */
static void
test_round_trips(void **state)
{
	round_trip(GZIP, CODING_GZIP, 1);
	round_trip(GZIP, CODING_GZIP, 65536);
	round_trip(GZIP, CODING_GZIP, 3000000);
	round_trip(ZLIB, CODING_DEFLATE, 100);
	round_trip(ZLIB, CODING_DEFLATE, 3000000);
	round_trip(RAW, CODING_DEFLATE, 3000000);
}

/* Two members one after the other are one body; bytes after the last
 * member that start no other are left, as zlib leaves them. */
static void
test_gzip_members(void **state)
{
	struct decoder *d = decoder_new();
	struct strbuf out = STRBUF_INIT;
	char *a = text(5000), *b = text(70000);
	size_t la, lb;
	unsigned char *za = pack(GZIP, a, 5000, &la);
	unsigned char *zb = pack(GZIP, b, 70000, &lb);
	unsigned char *both = malloc(la + lb + 16);

	memcpy(both, za, la);
	memcpy(both + la, zb, lb);
	memset(both + la + lb, 0, 16);
	assert_int_equal(decoder_run(d, CODING_GZIP, (char *)both, la + lb,
	    1u << 20, &out), DECODE_OK);
	assert_int_equal(out.len, 75000);
	assert_memory_equal(out.buf, a, 5000);
	assert_memory_equal(out.buf + 5000, b, 70000);
	assert_int_equal(decoder_run(d, CODING_GZIP, (char *)both,
	    la + lb + 16, 1u << 20, &out), DECODE_OK);
	assert_int_equal(out.len, 75000);
	free(both);
	free(za);
	free(zb);
	free(a);
	free(b);
	strbuf_release(&out);
	decoder_free(d);
}

/* max bytes decode; max + 1 do not, and leave nothing behind. */
static void
test_cap(void **state)
{
	struct decoder *d = decoder_new();
	struct strbuf out = STRBUF_INIT;
	char *s = text(100000);
	size_t len;
	unsigned char *z = pack(GZIP, s, 100000, &len);

	assert_int_equal(decoder_run(d, CODING_GZIP, (char *)z, len, 100000,
	    &out), DECODE_OK);
	assert_int_equal(out.len, 100000);
	assert_int_equal(decoder_run(d, CODING_GZIP, (char *)z, len, 99999,
	    &out), DECODE_TOO_LARGE);
	assert_int_equal(out.len, 0);
	free(z);
	z = pack(ZLIB, s, 100000, &len);
	assert_int_equal(decoder_run(d, CODING_DEFLATE, (char *)z, len,
	    100000, &out), DECODE_OK);
	assert_int_equal(decoder_run(d, CODING_DEFLATE, (char *)z, len,
	    99999, &out), DECODE_TOO_LARGE);
	assert_int_equal(out.len, 0);
	free(z);
	free(s);
	strbuf_release(&out);
	decoder_free(d);
}

/* 64 MB of zeros in 64 KB of gzip, against a cap of 1 MB. */
static void
test_bomb(void **state)
{
	struct decoder *d = decoder_new();
	struct strbuf out = STRBUF_INIT;
	size_t n = 64u << 20, len;
	char *zeros = calloc(1, n);
	unsigned char *z;

	assert_non_null(zeros);
	z = pack(GZIP, zeros, n, &len);
	free(zeros);
	assert_true(len < n / 500);
	assert_int_equal(decoder_run(d, CODING_GZIP, (char *)z, len, 1u << 20,
	    &out), DECODE_TOO_LARGE);
	assert_int_equal(out.len, 0);
	free(z);
	decoder_free(d);
}

/* Cut short anywhere, a wrong size or checksum, or not gzip at all. */
static void
test_damaged(void **state)
{
	struct decoder *d = decoder_new();
	struct strbuf out = STRBUF_INIT;
	char *s = text(200000);
	size_t len, cut;
	unsigned char *z = pack(GZIP, s, 200000, &len);

	for (cut = 0; cut < len; cut += len / 7 + 1)
		assert_int_equal(decoder_run(d, CODING_GZIP, (char *)z, cut,
		    1u << 20, &out), DECODE_DAMAGED);
	assert_int_equal(decoder_run(d, CODING_GZIP, (char *)z, len - 1,
	    1u << 20, &out), DECODE_DAMAGED);
	z[len - 4] ^= 1;		/* the size */
	assert_int_equal(decoder_run(d, CODING_GZIP, (char *)z, len, 1u << 20,
	    &out), DECODE_DAMAGED);
	z[len - 4] ^= 1;
	z[len - 8] ^= 1;		/* the checksum */
	assert_int_equal(decoder_run(d, CODING_GZIP, (char *)z, len, 1u << 20,
	    &out), DECODE_DAMAGED);
	assert_int_equal(out.len, 0);
	assert_int_equal(decoder_run(d, CODING_GZIP, s, 200000, 1u << 20,
	    &out), DECODE_DAMAGED);
	assert_int_equal(decoder_run(d, CODING_DEFLATE, "<rss>", 5, 1u << 20,
	    &out), DECODE_DAMAGED);
	free(z);
	free(s);
	strbuf_release(&out);
	decoder_free(d);
}

static void
test_coding_of(void **state)
{
	static const struct {
		const char	*v;
		enum coding	 c;
	} cases[] = {
		{ "", CODING_IDENTITY }, { "  ", CODING_IDENTITY },
		{ "identity", CODING_IDENTITY }, { "gzip", CODING_GZIP },
		{ " GZip\t", CODING_GZIP }, { "x-gzip", CODING_GZIP },
		{ "deflate", CODING_DEFLATE }, { "br", CODING_OTHER },
		{ "zstd", CODING_OTHER }, { "gzip, gzip", CODING_OTHER },
		{ "gzipx", CODING_OTHER }, { "compress", CODING_OTHER },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(coding_of(cases[i].v, strlen(cases[i].v)),
		    cases[i].c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trips),
		cmocka_unit_test(test_gzip_members),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_bomb),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_coding_of),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
