/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the date module: date_parse() must neither crash
 * nor read past its string, and whatever date it reads must come back
 * unchanged through date_format_rfc3339() and date_parse() again.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char out[DATE_RFC3339_SIZE];
	char *s;
	int64_t t;

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	t = date_parse(s);
	if (t != DATE_UNKNOWN) {
		date_format_rfc3339(t, out);
		if (date_parse(out) != t)
			abort();
	}
	free(s);
	return 0;
}
