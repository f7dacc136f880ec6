/* SPDX-License-Identifier: ISC */
/*
 * UTF-8 decoding, encoding, validation and repair.
 */
#include "config.h"

#include "util/utf8.h"

/* The range the second byte of a sequence must fall in, by lead byte. */
static int
second_byte_ok(unsigned char lead, unsigned char b)
{
	if (lead == 0xE0)
		return b >= 0xA0 && b <= 0xBF;	/* no overlong 3-byte forms */
	if (lead == 0xED)
		return b >= 0x80 && b <= 0x9F;	/* no surrogates */
	if (lead == 0xF0)
		return b >= 0x90 && b <= 0xBF;	/* no overlong 4-byte forms */
	if (lead == 0xF4)
		return b >= 0x80 && b <= 0x8F;	/* nothing past U+10FFFF */
	return b >= 0x80 && b <= 0xBF;
}

/* The length of the sequence that lead starts, 2 to 4; 0 for none. */
static size_t
lead_len(unsigned char lead)
{
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;	/* ASCII, C0, C1, F5..FF, a stray continuation */
}

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t need, i;
	uint32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((need = lead_len(u[0])) == 0) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	c = u[0] & (0x7Fu >> need);
	for (i = 1; i < need; i++) {
		if (i >= len || (i == 1 ? !second_byte_ok(u[0], u[1]) :
		    (u[i] & 0xC0) != 0x80)) {
			*cp = UTF8_REPLACEMENT;
			return i;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	*cp = c;
	return need;
}

size_t
utf8_encode(uint32_t cp, char out[4])
{
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_add(struct strbuf *sb, uint32_t cp)
{
	char tmp[4];

	return strbuf_add(sb, tmp, utf8_encode(cp, tmp));
}

/* 1 when the n bytes at s decoded to cp are the sequence written there. */
static int
decoded_as_is(const char *s, size_t n, uint32_t cp)
{
	/* U+FFFD itself is 3 bytes; a replacement is 1 to 3 bad ones */
	return cp != UTF8_REPLACEMENT || (n == 3 &&
	    (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBF &&
	    (unsigned char)s[2] == 0xBD);
}

/*
 * The length of the well-formed sequence of more than one byte at u,
 * len (> 0) bytes left, or 0: utf8_decode() without the decoding.
 */
static size_t
sequence_len(const unsigned char *u, size_t len)
{
	size_t need = lead_len(u[0]), i;

	if (need == 0 || len < need || !second_byte_ok(u[0], u[1]))
		return 0;
	for (i = 2; i < need; i++)
		if ((u[i] & 0xC0) != 0x80)
			return 0;
	return need;
}

/* Past the run of ASCII that starts at s[i], 8 bytes at a time. */
static size_t
skip_ascii(const char *s, size_t i, size_t len)
{
	uint64_t m;

	for (; len - i >= 8; i += 8)
		if ((m = utf8_word_high(utf8_word(s + i))) != 0)
			return i + utf8_word_first(m);
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

int
utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;

	while ((i = skip_ascii(s, i, len)) < len) {
		if ((n = sequence_len(u + i, len - i)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

int
utf8_repair(struct strbuf *sb, const char *s, size_t len)
{
	size_t i = 0, start = 0, n;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (decoded_as_is(s + i, n, cp)) {
			i += n;
			continue;
		}
		if (strbuf_add(sb, s + start, i - start) == -1 ||
		    utf8_add(sb, UTF8_REPLACEMENT) == -1)
			return -1;
		i += n;
		start = i;
	}
	return strbuf_add(sb, s + start, i - start);
}

int
utf8_is_unspaced(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||	/* kana */
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

size_t
utf8_count_words(const char *s, size_t len)
{
	size_t i = 0, n = 0, unspaced = 0;
	int in = 0;
	uint32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			if (c == ' ' || (c >= '\t' && c <= '\r'))
				in = 0;
			else if (!in) {
				in = 1;
				n++;
			}
			i++;
			continue;
		}
		i += utf8_decode(s + i, len - i, &cp);
		if (utf8_is_unspaced(cp)) {
			unspaced++;
			in = 0;
		} else if (cp >= 0x3000 && cp <= 0x303F)
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n + (unspaced + 1) / 2;
}
