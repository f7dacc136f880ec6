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

#endif
