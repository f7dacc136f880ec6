/* SPDX-License-Identifier: ISC */
/*
 * ASCII-only character classes for raw bytes, which no locale changes
 * (the <ctype.h> functions depend on the locale and take only unsigned
 * char values).
 */
#ifndef TIDINGS_UTIL_ASCII_H
#define TIDINGS_UTIL_ASCII_H

#define ASCII_ISSPACE(c) ((c) == ' ' || ((c) >= '\t' && (c) <= '\r'))
#define ASCII_ISDIGIT(c) ((c) >= '0' && (c) <= '9')
#define ASCII_ISUPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define ASCII_ISLOWER(c) ((c) >= 'a' && (c) <= 'z')
#define ASCII_ISALPHA(c) (ASCII_ISUPPER(c) || ASCII_ISLOWER(c))
#define ASCII_ISALNUM(c) (ASCII_ISALPHA(c) || ASCII_ISDIGIT(c))
#define ASCII_ISXDIGIT(c) (ASCII_ISDIGIT(c) || \
    ((c) >= 'a' && (c) <= 'f') || ((c) >= 'A' && (c) <= 'F'))
#define ASCII_TOLOWER(c) (ASCII_ISUPPER(c) ? (c) - 'A' + 'a' : (c))
#define ASCII_TOUPPER(c) (ASCII_ISLOWER(c) ? (c) - 'a' + 'A' : (c))

#include <string.h>

/* 1 when the n bytes at s are lower (a lowercase name) in any case. */
static inline int
ascii_is_named(const char *s, size_t n, const char *lower)
{
	size_t i;

	if (strlen(lower) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (ASCII_TOLOWER(s[i]) != lower[i])
			return 0;
	return 1;
}

/* The number of words (runs of non-space bytes) in the len bytes at s. */
static inline size_t
ascii_count_words(const char *s, size_t len)
{
	size_t i, n = 0;
	int in = 0;

	for (i = 0; i < len; i++) {
		if (ASCII_ISSPACE(s[i]))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

#endif
