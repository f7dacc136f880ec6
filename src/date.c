/* SPDX-License-Identifier: ISC */
/*
 * Feed dates to UTC, by hand: no strptime, no timegm, no locale, no TZ.
 *
 * What date_parse() reads (ASCII white space is allowed around every
 * field; names of months, days and zones in any case):
 *
 *  - RFC 822 / RFC 2822 and the variants feeds write:
 *    "[Fri[,]] 24 Nov[,] 2023 [18:28[:36]] [zone] [(comment)]", with the
 *    weekday short or full and followed by a comma or not (also "Fri,24"),
 *    the day in one or two digits, the month short or full ("January"),
 *    the fields also parted by dashes ("24-Nov-2023"), and the year in
 *    two digits (00-49 are 20xx, 50-99 19xx: RFC 2822, 4.3), three (plus
 *    1900, ditto) or four;
 *  - the month first, as JavaScript and many CMSs write it:
 *    "[Thu] Aug 30[,] 2012 [17:26:16] [zone]";
 *  - asctime(), with or without a zone before the year:
 *    "Sun Jan  4 16:29:06 [PST|+0000] 2004";
 *  - slashes, as Perforce writes: "[Fri,] 2006/09/15 08:19:53 EDT";
 *  - RFC 3339, W3C-DTF and ISO 8601: "2003-12-31T10:14:55.123+01:00",
 *    "2003-12-31", "2003-12", "2003", compact "20031231T101455Z", a space
 *    or 't' for the 'T', 'z' for 'Z', no seconds, offsets +hh, +hhmm and
 *    +hh:mm, or a zone name after a space; the ordinal dates "2003-365"
 *    and "2003365"; and the two-digit-year forms of ISO 8601:1988 that
 *    feedparser reads: "03-12-31", "031231", "03365" (YYDDD), "-03-12"
 *    and "-0312" (both December 2003);
 *  - month names in Greek (as in "11 Ioul 2004", in UTF-8) and in
 *    Hungarian ("2004-julius-13T9:15-05:00"), as feedparser does.
 *
 * Zones: numeric offsets "+hhmm", "-hh:mm", "+hh" (and, in RFC 822
 * dates, "0100" with no sign); UT, UTC, GMT and Z; the North American
 * zones of RFC 822 and AST, ADT, AKST, AKDT, HST, and ET, CT, MT, PT and
 * AT for the standard time of each; CET, CEST, MET, MEST, EET, EEST, WET,
 * WEST, BST (British Summer Time), IST (India, +05:30), JST, AEST, AEDT,
 * NZST and NZDT; "GMT+02:00" and the like; "Etc/GMT". A date with no zone
 * is UTC.
 *
 * The military letters of RFC 822 (A-I and K-Z) are read as the offsets
 * they stand for, with the signs RFC 1123 (5.2.14) corrected: A is +0100
 * ... M is +1200, N is -0100 ... Y is -1200, Z is UTC. RFC 2822 (4.3)
 * says to read them all as -0000, because senders got the signs wrong;
 * a feed that writes one is more likely to mean it, so they are honoured.
 *
 * Checked: the year (1 to 9999), the month, the day against its month,
 * the hour (0 to 23), the minute and the second (0 to 60; a leap second,
 * 60, counts as 59); offsets up to 23:59. The weekday is not checked
 * against the date: feeds get it wrong. Fractions of a second are
 * dropped. Anything else, including text left over after the date,
 * makes the date unknown. The instant, once moved to UTC, must still
 * fall in the years 1 to 9999, so that date_format_rfc3339() of whatever
 * date_parse() returns parses back to the same value.
 */
#include "config.h"

#include "date.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "util/ascii.h"
#include "util/xmalloc.h"

#define SECS_PER_DAY	86400
#define YEAR_MIN	1
#define YEAR_MAX	9999
/* Days from 0001-01-01 to 1970-01-01, in the proleptic Gregorian calendar. */
#define EPOCH_DAYS	719162
#define DAYS_PER_400Y	146097
#define DAYS_PER_100Y	36524
#define DAYS_PER_4Y	1461

/* Flags of read_zone(): what else may stand for a zone. */
#define ZONE_UNSIGNED	0x1	/* "0100", an offset with no sign */
#define ZONE_MILITARY	0x2	/* the single letters of RFC 822 */

/* A date and a time of day as written, and the offset of its zone. */
struct stamp {
	int	year;
	int	mon;		/* 1 to 12 */
	int	day;		/* 1 to 31 */
	int	hour;
	int	min;
	int	sec;
	int	off;		/* seconds east of UTC */
};

/* A name and what it stands for, in the tables below. */
struct name {
	const char	*name;	/* lower case where it is ASCII */
	int		 value;
};

static const struct name months[] = {
	{ "jan", 1 }, { "january", 1 }, { "feb", 2 }, { "february", 2 },
	{ "mar", 3 }, { "march", 3 }, { "apr", 4 }, { "april", 4 },
	{ "may", 5 }, { "jun", 6 }, { "june", 6 }, { "jul", 7 },
	{ "july", 7 }, { "aug", 8 }, { "august", 8 }, { "sep", 9 },
	{ "sept", 9 }, { "september", 9 }, { "oct", 10 }, { "october", 10 },
	{ "nov", 11 }, { "november", 11 }, { "dec", 12 },
	{ "december", 12 },
	/* Greek, UTF-8, with and without the accents */
	{ "\xce\x99\xce\xb1\xce\xbd", 1 },			/* Ian */
	{ "\xce\xa6\xce\xb5\xce\xb2", 2 },			/* Feb */
	{ "\xce\x9c\xce\xac\xcf\x81", 3 },			/* Mar */
	{ "\xce\x9c\xce\xb1\xcf\x81", 3 },
	{ "\xce\x91\xcf\x80\xcf\x81", 4 },			/* Apr */
	{ "\xce\x9c\xce\xac\xce\xb9", 5 },			/* Mai */
	{ "\xce\x9c\xce\xb1\xce\x90", 5 },
	{ "\xce\x9c\xce\xb1\xcf\x8a", 5 },
	{ "\xce\x9c\xce\xb1\xce\xb9", 5 },
	{ "\xce\x99\xce\xbf\xcf\x8d\xce\xbd", 6 },		/* Ioun */
	{ "\xce\x99\xce\xbf\xcf\x85\xce\xbd", 6 },
	{ "\xce\x99\xce\xbf\xcf\x8d\xce\xbb", 7 },		/* Ioul */
	{ "\xce\x99\xce\xbf\xcf\x85\xce\xbb", 7 },
	{ "\xce\x91\xcf\x8d\xce\xb3", 8 },			/* Aug */
	{ "\xce\x91\xcf\x85\xce\xb3", 8 },
	{ "\xce\xa3\xce\xb5\xcf\x80", 9 },			/* Sep */
	{ "\xce\x9f\xce\xba\xcf\x84", 10 },			/* Okt */
	{ "\xce\x9d\xce\xbf\xce\xad", 11 },			/* Noe */
	{ "\xce\x9d\xce\xbf\xce\xb5", 11 },
	{ "\xce\x94\xce\xb5\xce\xba", 12 },			/* Dek */
	/* Hungarian, UTF-8 (november and december are above) */
	{ "janu\xc3\xa1r", 1 }, { "febru\xc3\xa1r", 2 },
	{ "m\xc3\xa1rcius", 3 }, { "\xc3\xa1prilis", 4 },
	{ "m\xc3\xa1jus", 5 }, { "j\xc3\xbanius", 6 },
	{ "j\xc3\xbalius", 7 }, { "augusztus", 8 }, { "szeptember", 9 },
	{ "okt\xc3\xb3" "ber", 10 },
};

static const struct name weekdays[] = {
	{ "mon", 1 }, { "monday", 1 }, { "tue", 2 }, { "tues", 2 },
	{ "tuesday", 2 }, { "wed", 3 }, { "wednesday", 3 }, { "thu", 4 },
	{ "thur", 4 }, { "thurs", 4 }, { "thursday", 4 }, { "fri", 5 },
	{ "friday", 5 }, { "sat", 6 }, { "saturday", 6 }, { "sun", 7 },
	{ "sunday", 7 },
	/* Greek, UTF-8 */
	{ "\xce\x94\xce\xb5\xcf\x85", 1 },			/* Deu */
	{ "\xce\xa4\xcf\x81\xce\xaf", 2 },			/* Tri */
	{ "\xce\xa4\xcf\x81\xce\xb9", 2 },
	{ "\xce\xa4\xce\xb5\xcf\x84", 3 },			/* Tet */
	{ "\xce\xa0\xce\xad\xce\xbc", 4 },			/* Pem */
	{ "\xce\xa0\xce\xb5\xce\xbc", 4 },
	{ "\xce\xa0\xce\xb1\xcf\x81", 5 },			/* Par */
	{ "\xce\xa3\xce\xac\xce\xb2", 6 },			/* Sab */
	{ "\xce\xa3\xce\xb1\xce\xb2", 6 },
	{ "\xce\x9a\xcf\x85\xcf\x81", 7 },			/* Kyr */
};

/* Zone names and their offsets in minutes east of UTC. */
static const struct name zones[] = {
	{ "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 },
	{ "est", -5 * 60 }, { "edt", -4 * 60 },
	{ "cst", -6 * 60 }, { "cdt", -5 * 60 },
	{ "mst", -7 * 60 }, { "mdt", -6 * 60 },
	{ "pst", -8 * 60 }, { "pdt", -7 * 60 },
	{ "ast", -4 * 60 }, { "adt", -3 * 60 },
	{ "akst", -9 * 60 }, { "akdt", -8 * 60 },
	{ "hst", -10 * 60 },
	{ "et", -5 * 60 }, { "ct", -6 * 60 }, { "mt", -7 * 60 },
	{ "pt", -8 * 60 }, { "at", -4 * 60 },
	{ "wet", 0 }, { "west", 1 * 60 }, { "bst", 1 * 60 },
	{ "cet", 1 * 60 }, { "cest", 2 * 60 },
	{ "met", 1 * 60 }, { "mest", 2 * 60 },
	{ "eet", 2 * 60 }, { "eest", 3 * 60 },
	{ "ist", 5 * 60 + 30 }, { "jst", 9 * 60 },
	{ "aest", 10 * 60 }, { "aedt", 11 * 60 },
	{ "nzst", 12 * 60 }, { "nzdt", 13 * 60 },
};

/* Days before each month in a common year. */
static const int days_before[12] = {
	0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
/* A byte of a word: an ASCII letter, or part of a UTF-8 sequence. */
#define IS_WORD(c)	(ASCII_ISALPHA(c) || (unsigned char)(c) >= 0x80)

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int len[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return len[m - 1] + (m == 2 && is_leap(y));
}

/* Days from 1970-01-01 to y-m-d, a valid date of the years 1 to 9999. */
static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t before = (int64_t)y - 1;	/* whole years since year 1 */

	return before * 365 + before / 4 - before / 100 + before / 400 +
	    days_before[m - 1] + (m > 2 && is_leap(y)) + (d - 1) - EPOCH_DAYS;
}

/*
 * The date of the day days after 1970-01-01, for any int64_t: count
 * whole 400-year cycles from 0001-01-01, then centuries, four-year
 * spans and years inside the cycle, each of which ends with its leap day.
 */
static void
civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
	int64_t z = days + EPOCH_DAYS;	/* no overflow: |days| < 2^47 */
	int64_t cycles = z / DAYS_PER_400Y;
	int64_t rest = z % DAYS_PER_400Y;
	int64_t c100, c4, c1;
	int leap, i;

	if (rest < 0) {
		rest += DAYS_PER_400Y;
		cycles--;
	}
	c100 = rest / DAYS_PER_100Y;
	if (c100 > 3)
		c100 = 3;	/* the last day of the cycle, a leap day */
	rest -= c100 * DAYS_PER_100Y;
	c4 = rest / DAYS_PER_4Y;
	rest -= c4 * DAYS_PER_4Y;
	c1 = rest / 365;
	if (c1 > 3)
		c1 = 3;		/* the leap day closing the four years */
	rest -= c1 * 365;
	*y = 1 + cycles * 400 + c100 * 100 + c4 * 4 + c1;
	leap = is_leap(*y);
	for (i = 11; i > 0; i--)
		if (rest >= days_before[i] + (i >= 2 && leap))
			break;
	*m = i + 1;
	*d = (int)(rest - days_before[i] - (i >= 2 && leap)) + 1;
}

static const char *
skip_space(const char *p)
{
	while (ASCII_ISSPACE(*p))
		p++;
	return p;
}

/* The number of digits at p. */
static size_t
digit_run(const char *p)
{
	size_t n = 0;

	while (ASCII_ISDIGIT(p[n]))
		n++;
	return n;
}

/* The value of the n (at most 4) digits at p. */
static int
digits_value(const char *p, size_t n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
}

/* Read a run of exactly n digits at *pp into *v. */
static int
read_digits(const char **pp, size_t n, int *v)
{
	if (digit_run(*pp) != n)
		return -1;
	*v = digits_value(*pp, n);
	*pp += n;
	return 0;
}

/* The number of word bytes (letters, UTF-8) at p. */
static size_t
word_len(const char *p)
{
	size_t n = 0;

	while (IS_WORD(p[n]))
		n++;
	return n;
}

/* Whether the n bytes at w are name, ASCII letters in any case. */
static int
word_is(const char *w, size_t n, const char *name)
{
	size_t j;
	int a, b;

	if (strlen(name) != n)
		return 0;
	for (j = 0; j < n; j++) {
		a = (unsigned char)name[j];
		b = (unsigned char)w[j];
		if (ASCII_TOLOWER(a) != ASCII_TOLOWER(b))
			return 0;
	}
	return 1;
}

/* Look the n bytes at w up in tab. */
static int
lookup(const struct name *tab, size_t ntab, const char *w, size_t n,
    int *value)
{
	size_t i;

	for (i = 0; i < ntab; i++)
		if (word_is(w, n, tab[i].name)) {
			*value = tab[i].value;
			return 0;
		}
	return -1;
}

/* Read a month name at *pp. */
static int
read_month(const char **pp, int *mon)
{
	size_t n = word_len(*pp);

	if (n == 0 || lookup(months, NELEM(months), *pp, n, mon) < 0)
		return -1;
	*pp += n;
	return 0;
}

/* Read a year of 2, 3 or 4 digits, the short ones after RFC 2822. */
static int
read_year(const char **pp, int *year)
{
	size_t n = digit_run(*pp);
	int v;

	if (n < 2 || n > 4)
		return -1;
	v = digits_value(*pp, n);
	if (n == 2)
		v += v < 50 ? 2000 : 1900;
	else if (n == 3)
		v += 1900;
	*year = v;
	*pp += n;
	return 0;
}

/* A two-digit year of ISO 8601:1988, by the rule of RFC 2822. */
static int
century(int yy)
{
	return yy + (yy < 50 ? 2000 : 1900);
}

/* Read "h:mm", "hh:mm" or "hh:mm:ss"; the number of fields, or -1. */
static int
read_time(const char **pp, struct stamp *st)
{
	const char *p = *pp;
	size_t n = digit_run(p);
	int fields = 2;

	if (n < 1 || n > 2 || p[n] != ':')
		return -1;
	st->hour = digits_value(p, n);
	p += n + 1;
	if (read_digits(&p, 2, &st->min) < 0)
		return -1;
	if (*p == ':') {
		p++;
		if (read_digits(&p, 2, &st->sec) < 0)
			return -1;
		fields = 3;
	}
	*pp = p;
	return fields;
}

/* Read a signed offset, "+hh", "+hhmm" or "+hh:mm", into seconds east. */
static int
read_offset(const char **pp, int *off)
{
	const char *p = *pp;
	int sign = *p == '-' ? -1 : 1;
	int h, m = 0;

	p++;
	if (digit_run(p) == 4) {
		h = digits_value(p, 2);
		m = digits_value(p + 2, 2);
		p += 4;
	} else if (read_digits(&p, 2, &h) == 0) {
		if (*p == ':') {
			p++;
			if (read_digits(&p, 2, &m) < 0)
				return -1;
		}
	} else
		return -1;
	if (h > 23 || m > 59)
		return -1;
	*off = sign * (h * 3600 + m * 60);
	*pp = p;
	return 0;
}

/* Read a zone at *pp (see the top of the file) into seconds east. */
static int
read_zone(const char **pp, int *off, int flags)
{
	const char *p = *pp;
	size_t n;
	int v, etc = 0, h, m, c;

	if (*p == '+' || *p == '-')
		return read_offset(pp, off);
	if (ASCII_ISDIGIT(*p)) {
		if (!(flags & ZONE_UNSIGNED) || digit_run(p) != 4)
			return -1;
		h = digits_value(p, 2);
		m = digits_value(p + 2, 2);
		if (h > 23 || m > 59)
			return -1;
		*off = h * 3600 + m * 60;
		*pp = p + 4;
		return 0;
	}
	n = word_len(p);
	if (word_is(p, n, "etc") && p[n] == '/') {
		etc = 1;
		p += 4;
		n = word_len(p);
	}
	c = ASCII_TOUPPER(*p);
	if (n == 1 && (flags & ZONE_MILITARY) && !etc && c != 'Z') {
		if (c >= 'A' && c <= 'I')
			v = (c - 'A' + 1) * 60;
		else if (c >= 'K' && c <= 'M')
			v = (c - 'A') * 60;
		else if (c >= 'N' && c <= 'Y')
			v = -(c - 'N' + 1) * 60;
		else
			return -1;
	} else if (n == 0 || lookup(zones, NELEM(zones), p, n, &v) < 0)
		return -1;
	p += n;
	*off = v * 60;
	/*
	 * "GMT+02:00", "UTC-5": an offset from UTC written after its name.
	 * Not after "Etc/", where POSIX turns the sign around.
	 */
	if (v == 0 && n > 1 && !etc && (*p == '+' || *p == '-'))
		if (read_offset(&p, off) < 0)
			return -1;
	*pp = p;
	return 0;
}

/* Whether only white space, and a comment if comment, is left at p. */
static int
at_end(const char *p, int comment)
{
	size_t depth = 0;

	p = skip_space(p);
	if (comment && *p == '(') {
		do {
			if (*p == '\0')
				return 0;
			if (*p == '(')
				depth++;
			else if (*p == ')')
				depth--;
			p++;
		} while (depth > 0);
		p = skip_space(p);
	}
	return *p == '\0';
}

/* Step over what parts two fields of an RFC 822 date: [,] space, or '-'. */
static int
skip_sep(const char **pp)
{
	const char *p = *pp;

	if (*p == '-') {
		*pp = p + 1;
		return 0;
	}
	if (*p == ',')
		p++;
	else if (!ASCII_ISSPACE(*p))
		return -1;
	*pp = skip_space(p);
	return 0;
}

static void
stamp_clear(struct stamp *st)
{
	st->year = 0;
	st->mon = st->day = 1;
	st->hour = st->min = st->sec = 0;
	st->off = 0;
}

/* Turn day yday (1 to 366) of st->year into st->mon and st->day. */
static int
set_ordinal(struct stamp *st, int yday)
{
	int leap = is_leap(st->year), m;

	if (yday < 1 || yday > 365 + leap)
		return -1;
	for (m = 12; m > 1; m--)
		if (yday > days_before[m - 1] + (m > 2 && leap))
			break;
	st->mon = m;
	st->day = yday - days_before[m - 1] - (m > 2 && leap);
	return 0;
}

/* The time of an ISO 8601 date, from just after its 'T', to the end. */
static int
parse_iso_time(const char *p, struct stamp *st)
{
	size_t n = digit_run(p);
	int fields;

	if ((n == 1 || n == 2) && p[n] == ':') {
		if ((fields = read_time(&p, st)) < 0)
			return -1;
	} else if (n == 2 || n == 4 || n == 6) {
		/* hh, hhmm, hhmmss */
		st->hour = digits_value(p, 2);
		if (n >= 4)
			st->min = digits_value(p + 2, 2);
		if (n == 6)
			st->sec = digits_value(p + 4, 2);
		fields = (int)n / 2;
		p += n;
	} else
		return -1;
	/* a fraction of a second, dropped */
	if (fields == 3 && (*p == '.' || *p == ',') && ASCII_ISDIGIT(p[1]))
		for (p++; ASCII_ISDIGIT(*p); p++)
			continue;
	p = skip_space(p);
	if (*p != '\0' && read_zone(&p, &st->off, 0) < 0)
		return -1;
	return at_end(p, 0) ? 0 : -1;
}

/* "-YYMM" and "-YY-MM", ISO 8601:1988's years of the century; p at YY. */
static int
parse_iso_truncated(const char *p, struct stamp *st)
{
	size_t n = digit_run(p);

	if (n == 4) {
		st->year = century(digits_value(p, 2));
		st->mon = digits_value(p + 2, 2);
		p += 4;
	} else if (n == 2 && p[2] == '-' && digit_run(p + 3) == 2) {
		st->year = century(digits_value(p, 2));
		st->mon = digits_value(p + 3, 2);
		p += 5;
	} else
		return -1;
	return at_end(p, 0) ? 0 : -1;
}

/* An RFC 3339, W3C-DTF or ISO 8601 date (see the top of the file). */
static int
parse_iso(const char *p, struct stamp *st)
{
	size_t n;
	int yday = -1, has_day = 1;
	const char *q;

	stamp_clear(st);
	p = skip_space(p);
	if (*p == '-')
		return parse_iso_truncated(p + 1, st);
	n = digit_run(p);
	switch (n) {
	case 2:		/* YY-MM-DD */
		if (p[2] != '-' || digit_run(p + 3) != 2 || p[5] != '-' ||
		    digit_run(p + 6) != 2)
			return -1;
		st->year = century(digits_value(p, 2));
		st->mon = digits_value(p + 3, 2);
		st->day = digits_value(p + 6, 2);
		p += 8;
		break;
	case 4:		/* YYYY[-MM[-DD]], YYYY-DDD, YYYY-month-DD */
		st->year = digits_value(p, 4);
		p += 4;
		if (*p != '-') {
			has_day = 0;
			break;
		}
		p++;
		n = digit_run(p);
		if (n == 3 && p[0] == '0' && p[3] == '-' &&
		    digit_run(p + 4) == 2) {
			/* "2003-012-31", a slip that feedparser reads */
			st->mon = digits_value(p + 1, 2);
			st->day = digits_value(p + 4, 2);
			p += 6;
		} else if (n == 3) {
			yday = digits_value(p, 3);
			p += 3;
		} else if (n == 2) {
			st->mon = digits_value(p, 2);
			p += 2;
			if (*p != '-') {
				has_day = 0;
				break;
			}
			p++;
			if (read_digits(&p, 2, &st->day) < 0)
				return -1;
		} else if (n == 0 && read_month(&p, &st->mon) == 0) {
			if (*p++ != '-')
				return -1;
			n = digit_run(p);
			if (n < 1 || n > 2)
				return -1;
			st->day = digits_value(p, n);
			p += n;
		} else
			return -1;
		break;
	case 5:		/* YYDDD */
		st->year = century(digits_value(p, 2));
		yday = digits_value(p + 2, 3);
		p += 5;
		break;
	case 6:		/* YYMMDD */
		st->year = century(digits_value(p, 2));
		st->mon = digits_value(p + 2, 2);
		st->day = digits_value(p + 4, 2);
		p += 6;
		break;
	case 7:		/* YYYYDDD */
		st->year = digits_value(p, 4);
		yday = digits_value(p + 4, 3);
		p += 7;
		break;
	case 8:		/* YYYYMMDD */
		st->year = digits_value(p, 4);
		st->mon = digits_value(p + 4, 2);
		st->day = digits_value(p + 6, 2);
		p += 8;
		break;
	default:
		return -1;
	}
	if (yday >= 0 && set_ordinal(st, yday) < 0)
		return -1;
	if (!has_day)
		return at_end(p, 0) ? 0 : -1;
	if (*p == 'T' || *p == 't')
		return parse_iso_time(p + 1, st);
	q = skip_space(p);
	if (*q == '\0')
		return 0;
	if (q == p || !ASCII_ISDIGIT(*q))
		return -1;
	return parse_iso_time(q, st);
}

/* What may follow the year of an RFC 822 date: [time] [zone] [comment]. */
static int
parse_rest(const char *p, struct stamp *st, int flags)
{
	const char *q = skip_space(p);
	size_t n;

	if (q == p)
		return at_end(p, 0) ? 0 : -1;
	p = q;
	n = digit_run(p);
	if ((n == 1 || n == 2) && p[n] == ':') {
		if (read_time(&p, st) < 0)
			return -1;
		p = skip_space(p);
	}
	if (*p != '\0' && *p != '(' && read_zone(&p, &st->off, flags) < 0)
		return -1;
	return at_end(p, 1) ? 0 : -1;
}

/* "24 Nov 2023 ...", "24-Nov-2023 ...", from the day on. */
static int
parse_day_first(const char *p, struct stamp *st)
{
	size_t n = digit_run(p);

	if (n < 1 || n > 2)
		return -1;
	st->day = digits_value(p, n);
	p += n;
	if (skip_sep(&p) < 0 || read_month(&p, &st->mon) < 0 ||
	    skip_sep(&p) < 0 || read_year(&p, &st->year) < 0)
		return -1;
	return parse_rest(p, st, ZONE_UNSIGNED | ZONE_MILITARY);
}

/* "Aug 30 2012 ..." and asctime's "Jan  4 16:29:06 [zone] 2004". */
static int
parse_month_first(const char *p, struct stamp *st)
{
	size_t n;

	if (read_month(&p, &st->mon) < 0 || skip_sep(&p) < 0)
		return -1;
	n = digit_run(p);
	if (n < 1 || n > 2)
		return -1;
	st->day = digits_value(p, n);
	p += n;
	if (*p == ',')
		p++;
	else if (!ASCII_ISSPACE(*p))
		return -1;
	p = skip_space(p);
	n = digit_run(p);
	if ((n == 1 || n == 2) && p[n] == ':') {
		if (read_time(&p, st) < 0 || !ASCII_ISSPACE(*p))
			return -1;
		p = skip_space(p);
		if (!ASCII_ISDIGIT(*p)) {
			if (read_zone(&p, &st->off, ZONE_MILITARY) < 0 ||
			    !ASCII_ISSPACE(*p))
				return -1;
			p = skip_space(p);
		}
		if (read_year(&p, &st->year) < 0)
			return -1;
		return at_end(p, 1) ? 0 : -1;
	}
	if (read_year(&p, &st->year) < 0)
		return -1;
	return parse_rest(p, st, ZONE_UNSIGNED | ZONE_MILITARY);
}

/* Perforce's "2006/09/15 08:19:53 EDT". */
static int
parse_slashed(const char *p, struct stamp *st)
{
	size_t n;

	st->year = digits_value(p, 4);
	p += 5;
	n = digit_run(p);
	if (n < 1 || n > 2 || p[n] != '/')
		return -1;
	st->mon = digits_value(p, n);
	p += n + 1;
	n = digit_run(p);
	if (n < 1 || n > 2)
		return -1;
	st->day = digits_value(p, n);
	return parse_rest(p + n, st, ZONE_UNSIGNED | ZONE_MILITARY);
}

/* An RFC 822 date or one of its kin (see the top of the file). */
static int
parse_text(const char *p, struct stamp *st)
{
	size_t n;
	int wday;

	stamp_clear(st);
	p = skip_space(p);
	n = word_len(p);
	if (n > 0 && lookup(weekdays, NELEM(weekdays), p, n, &wday) == 0) {
		p = skip_space(p + n);
		if (*p == ',')
			p = skip_space(p + 1);
		n = word_len(p);
	}
	if (n > 0)
		return parse_month_first(p, st);
	if (digit_run(p) == 4 && p[4] == '/')
		return parse_slashed(p, st);
	return parse_day_first(p, st);
}

/* The instant st stands for, or DATE_UNKNOWN if a field is out of range. */
static int64_t
stamp_time(const struct stamp *st)
{
	int64_t t, first, last;

	if (st->year < YEAR_MIN || st->year > YEAR_MAX ||
	    st->mon < 1 || st->mon > 12 ||
	    st->day < 1 || st->day > days_in_month(st->year, st->mon) ||
	    st->hour > 23 || st->min > 59 || st->sec > 60)
		return DATE_UNKNOWN;
	t = days_from_civil(st->year, st->mon, st->day) * SECS_PER_DAY +
	    st->hour * 3600 + st->min * 60 + (st->sec == 60 ? 59 : st->sec) -
	    st->off;
	first = days_from_civil(YEAR_MIN, 1, 1) * SECS_PER_DAY;
	last = days_from_civil(YEAR_MAX, 12, 31) * SECS_PER_DAY +
	    SECS_PER_DAY - 1;
	if (t < first || t > last)
		return DATE_UNKNOWN;
	return t;
}

int64_t
date_parse(const char *s)
{
	struct stamp st;

	if (s == NULL)
		return DATE_UNKNOWN;
	if (parse_iso(s, &st) == 0 || parse_text(s, &st) == 0)
		return stamp_time(&st);
	return DATE_UNKNOWN;
}

char *
date_format_rfc3339(int64_t t, char *out)
{
	int64_t days = t / SECS_PER_DAY, secs = t % SECS_PER_DAY, y;
	int m, d, n;

	if (secs < 0) {
		secs += SECS_PER_DAY;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	n = snprintf(out, DATE_RFC3339_SIZE,
	    "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y, m, d,
	    (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	/* at most 29 bytes: no int64_t has more than 12 digits of years */
	if (n < 0 || n >= DATE_RFC3339_SIZE)
		BUG("date_format_rfc3339: %d bytes", n);
	return out;
}
