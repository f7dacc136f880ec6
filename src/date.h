/* SPDX-License-Identifier: ISC */
/*
 * Dates as feeds write them, turned into seconds since the epoch (UTC):
 * RFC 822 / RFC 2822 and their variants seen in the wild, RFC 3339,
 * W3C-DTF and the common ISO 8601 forms, and asctime. It owns the one
 * calendar of tidings (the proleptic Gregorian one, years 1 to 9999) and
 * the time zone names it knows. Parsing and formatting are pure: no
 * locale, no TZ, no time of day, no allocation.
 */
#ifndef TIDINGS_DATE_H
#define TIDINGS_DATE_H

#include <stdint.h>

/* What date_parse() returns for a string it cannot read. */
#define DATE_UNKNOWN INT64_MIN

/* Bytes date_format_rfc3339() writes at most, the NUL included. */
#define DATE_RFC3339_SIZE 32

/* Seconds since the epoch (UTC) of the date in s, or DATE_UNKNOWN. */
int64_t date_parse(const char *s);

/*
 * Write t as RFC 3339 UTC, "2020-01-16T10:00:00Z", into out
 * (DATE_RFC3339_SIZE bytes); returns out. Any t will do, but only the
 * years 1 to 9999 are RFC 3339 and read back by date_parse().
 */
char *date_format_rfc3339(int64_t t, char *out);

#endif
