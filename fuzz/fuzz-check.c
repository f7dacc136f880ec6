/* SPDX-License-Identifier: ISC */
/*
 * The checks the fuzz targets share (fuzz-check.h).
 */
#include "config.h"

#include "fuzz-check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

void
fuzz_fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, s != NULL ? s : "NULL");
	abort();
}

void
fuzz_check_str(const char *what, const char *s, int text)
{
	size_t i = 0, len;
	uint32_t cp;

	if (s == NULL)
		return;
	len = strlen(s);
	if (!utf8_valid(s, len))
		fuzz_fail("ill-formed UTF-8", what);
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (text && (cp == '\n' || cp == '\t'))
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			fuzz_fail("banned code point", what);
	}
}
