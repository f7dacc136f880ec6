/* SPDX-License-Identifier: ISC */
/*
 * datecat: the date module as a filter, for the conformance check in
 * tests/corpus/dates.sh. Each line of stdin (its newline stripped, nothing
 * else) becomes one line of stdout: the date as RFC 3339 UTC, or
 * "unknown".
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "date.h"

int
main(void)
{
	char out[DATE_RFC3339_SIZE];
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int64_t t;

	while ((n = getline(&line, &cap, stdin)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			line[n - 1] = '\0';
		t = date_parse(line);
		if (t == DATE_UNKNOWN)
			puts("unknown");
		else
			puts(date_format_rfc3339(t, out));
	}
	free(line);
	if (ferror(stdin) || fflush(stdout) == EOF || ferror(stdout)) {
		perror("datecat");
		return 1;
	}
	return 0;
}
