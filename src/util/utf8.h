/* SPDX-License-Identifier: ISC */
/*
 * UTF-8 as the Unicode standard defines it: no overlong forms, no
 * surrogates, nothing past U+10FFFF. Every ill-formed sequence decodes to
 * one U+FFFD per maximal subpart, the practice Unicode recommends, so a
 * decoder always moves forward and never swallows a good character.
 */
#ifndef TIDINGS_UTIL_UTF8_H
#define TIDINGS_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

#define UTF8_REPLACEMENT 0xFFFDu

/*
 * Decode the character at s, which has len (> 0) bytes left. Stores the
 * code point, or U+FFFD for an ill-formed sequence, in *cp and returns the
 * number of bytes it took (1 to 4).
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp (U+FFFD when it is not a scalar value) into out; 1 to 4. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Append cp to sb, encoded; -1 past the cap of sb. */
int utf8_add(struct strbuf *sb, uint32_t cp);

/* 1 when the len bytes at s are well-formed UTF-8, else 0. */
int utf8_valid(const char *s, size_t len);

/* Append s to sb with every ill-formed sequence replaced by U+FFFD. */
int utf8_repair(struct strbuf *sb, const char *s, size_t len);

/*
 * The words in the len bytes of UTF-8 at s: runs between ASCII white
 * space, except that Chinese and Japanese, written without spaces, count
 * a word for every two of their characters (Han and kana), and their
 * punctuation (U+3000 to U+303F) none. Text without them counts as
 * ascii_count_words() does.
 */
size_t utf8_count_words(const char *s, size_t len);

/* 1 for a Han or kana character: scripts written without spaces. */
int utf8_is_unspaced(uint32_t cp);

/*
 * Eight bytes at a time, for the scanners that skip runs of plain ASCII:
 * most of a feed is. A word holds the 8 bytes at s, the first in its
 * lowest bits whatever the machine's byte order. Each test marks, with
 * its top bit, the first byte of a word that has a property and maybe
 * some after it (a borrow or carry from one that has it can mark the
 * next), never one before: 0 when no byte has it; else
 * utf8_word_first() finds that first byte. The tests may be or'ed.
 */
#define UTF8_WORD_ONES	UINT64_C(0x0101010101010101)
#define UTF8_WORD_HIGHS	UINT64_C(0x8080808080808080)

/*
 * The 8 bytes at s as one word. Put together byte by byte, not copied
 * with memcpy(), so that the first is the lowest on every machine, where
 * utf8_word_first() looks; compilers make it one load all the same.
 */
static inline uint64_t
utf8_word(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
	    (uint64_t)u[3] << 24 | (uint64_t)u[4] << 32 |
	    (uint64_t)u[5] << 40 | (uint64_t)u[6] << 48 |
	    (uint64_t)u[7] << 56;
}

/* Marks the bytes of w above 0x7F. */
static inline uint64_t
utf8_word_high(uint64_t w)
{
	return w & UTF8_WORD_HIGHS;
}

/* Marks the bytes of w below n, which is at most 0x80. */
static inline uint64_t
utf8_word_below(uint64_t w, unsigned int n)
{
	return (w - UTF8_WORD_ONES * n) & ~w & UTF8_WORD_HIGHS;
}

/* Marks the bytes of w above n, which is at most 0x7F. */
static inline uint64_t
utf8_word_above(uint64_t w, unsigned int n)
{
	return ((w + UTF8_WORD_ONES * (0x7F - n)) | w) & UTF8_WORD_HIGHS;
}

/* The index, 0 to 7, of the first byte m (not 0) marks. */
static inline size_t
utf8_word_first(uint64_t m)
{
	/* the bits up to the lowest mark, one a byte, summed in the top */
	return (size_t)((((m ^ (m - 1)) & UTF8_WORD_ONES) *
	    UTF8_WORD_ONES) >> 56) - 1;
}

#endif
