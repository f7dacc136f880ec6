/* SPDX-License-Identifier: ISC */
/*
 * date: every format date_parse() reads, every zone it knows, the fields
 * it refuses, strings that are not dates, and date_format_rfc3339() on its
 * own and as the inverse of date_parse().
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

#define UNKNOWN		"unknown"
/* The first and the last second date_parse() returns. */
#define T_FIRST		(-62135596800LL)	/* 0001-01-01T00:00:00Z */
#define T_LAST		253402300799LL		/* 9999-12-31T23:59:59Z */

/* date_parse(in), written as RFC 3339, must be want (or UNKNOWN). */
static void
check(const char *in, const char *want)
{
	char out[DATE_RFC3339_SIZE];
	const char *got = UNKNOWN;
	int64_t t;

	t = date_parse(in);
	if (t != DATE_UNKNOWN)
		got = date_format_rfc3339(t, out);
	if (strcmp(got, want) != 0)
		fail_msg("date_parse(\"%s\") is %s, want %s", in, got, want);
}

static void
test_date_parse_rfc822(void **state)
{
	check("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z");
	check("01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z");
	check("Thu, 1 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z");
	check("Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05T10:00:00Z");
	check("Thursday, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z");
	check("Thu 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z");
	check("Fri,24 Nov 2023 18:28:36 -0000", "2023-11-24T18:28:36Z");
	check("Mon, 26 January 2004 16:31:00 GMT", "2004-01-26T16:31:00Z");
	check("Wed, 17 Sept 2008 10:00:00 GMT", "2008-09-17T10:00:00Z");
	check("Wed, 17 September 2008 10:00:00 GMT", "2008-09-17T10:00:00Z");
	check("THU, 01 JAN 2004 19:48:21 gmt", "2004-01-01T19:48:21Z");
	check("thu, 01 jan 2004 19:48:21 Gmt", "2004-01-01T19:48:21Z");
	check("Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00Z");
	check("24-Nov-2023 18:28:36 +0000", "2023-11-24T18:28:36Z");
	check("Sat, 27 Nov 2026 10:00 GMT", "2026-11-27T10:00:00Z");
	check("Thu, 01 Jan 2004", "2004-01-01T00:00:00Z");
	check("Thu, 01 Jan 2004 GMT", "2004-01-01T00:00:00Z");
	check("Thu, 01 Jan 2004 9:05:00 GMT", "2004-01-01T09:05:00Z");
	check("  Sat,   27  Nov\t2026   10:00:00   GMT  ",
	    "2026-11-27T10:00:00Z");
	check("Sat, 27 Nov 2026 10:00:00 -0800 (PST)",
	    "2026-11-27T18:00:00Z");
	check("Sat, 27 Nov 2026 10:00:00 +0000 (a (nested) comment) ",
	    "2026-11-27T10:00:00Z");
	check("Sat, 27 Nov 2026 10:00:00+0100", "2026-11-27T09:00:00Z");
}

static void
test_date_parse_rfc822_years(void **state)
{
	check("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z");
	check("01 Jan 00 00:00:00 GMT", "2000-01-01T00:00:00Z");
	check("01 Jan 49 00:00:00 GMT", "2049-01-01T00:00:00Z");
	check("01 Jan 50 00:00:00 GMT", "1950-01-01T00:00:00Z");
	check("01 Jan 99 00:00:00 GMT", "1999-01-01T00:00:00Z");
	check("01 Jan 104 00:00:00 GMT", "2004-01-01T00:00:00Z");
	check("Thu, 01 Jan 0100 00:00:01 +0100", "0099-12-31T23:00:01Z");
	check("01 Jan 1 00:00:00 GMT", UNKNOWN);
	check("01 Jan 0000 00:00:00 GMT", UNKNOWN);
	check("01 Jan 99999 00:00:00 GMT", UNKNOWN);
	check("Sun, 16 Dec zz 11:47:32 GMT", UNKNOWN);
}

static void
test_date_parse_zones_numeric(void **state)
{
	check("Sat, 27 Nov 2026 10:00:00 +0130", "2026-11-27T08:30:00Z");
	check("Sat, 27 Nov 2026 10:00:00 -0130", "2026-11-27T11:30:00Z");
	check("Sat, 27 Nov 2026 10:00:00 0100", "2026-11-27T09:00:00Z");
	check("Sat, 27 Nov 2026 10:00:00 +01:30", "2026-11-27T08:30:00Z");
	check("Sat, 27 Nov 2026 10:00:00 +01", "2026-11-27T09:00:00Z");
	check("Wed, 19 Feb 2012 22:40:00 -01:01", "2012-02-19T23:41:00Z");
	check("Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T23:41:00Z");
	check("Wed, 19 Feb 2012 22:40:00 UTC+0200", "2012-02-19T20:40:00Z");
	check("Wed, 19 Aug 2009 18:28:00 Etc/GMT", "2009-08-19T18:28:00Z");
	check("Wed, 19 Aug 2009 18:28:00 etc/utc", "2009-08-19T18:28:00Z");
	check("Sat, 27 Nov 2026 23:30:00 -2359", "2026-11-28T23:29:00Z");
}

static void
test_date_parse_zones_utc(void **state)
{
	check("Thu, 01 Jan 2004 19:48:21 UT", "2004-01-01T19:48:21Z");
	check("Thu, 01 Jan 2004 19:48:21 UTC", "2004-01-01T19:48:21Z");
	check("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z");
	check("Thu, 01 Jan 2004 19:48:21 Z", "2004-01-01T19:48:21Z");
	check("Thu, 01 Jan 2004 19:48:21 z", "2004-01-01T19:48:21Z");
	/* no zone at all is UTC */
	check("Thu, 01 Jan 2004 19:48:21", "2004-01-01T19:48:21Z");
	check("2004-01-01T19:48:21", "2004-01-01T19:48:21Z");
}

static void
test_date_parse_zones_north_america(void **state)
{
	check("Mon, 26 Jan 2004 12:00:00 EST", "2004-01-26T17:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 EDT", "2004-01-26T16:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 CST", "2004-01-26T18:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 CDT", "2004-01-26T17:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 MST", "2004-01-26T19:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 MDT", "2004-01-26T18:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 PST", "2004-01-26T20:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 PDT", "2004-01-26T19:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 AST", "2004-01-26T16:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 ADT", "2004-01-26T15:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 AKST", "2004-01-26T21:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 AKDT", "2004-01-26T20:00:00Z");
	check("Mon, 26 Jan 2004 12:00:00 HST", "2004-01-26T22:00:00Z");
	check("Mon, 26 January 2004 16:31:00 ET", "2004-01-26T21:31:00Z");
	check("Mon, 26 January 2004 16:31:00 CT", "2004-01-26T22:31:00Z");
	check("Mon, 26 January 2004 16:31:00 MT", "2004-01-26T23:31:00Z");
	check("Mon, 26 January 2004 16:31:00 PT", "2004-01-27T00:31:00Z");
	check("Mon, 26 January 2004 16:31:00 AT", "2004-01-26T20:31:00Z");
}

static void
test_date_parse_zones_europe(void **state)
{
	check("Thu, 30 Apr 2015 08:57:00 WET", "2015-04-30T08:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 WEST", "2015-04-30T07:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 BST", "2015-04-30T07:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 CET", "2015-04-30T07:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 CEST", "2015-04-30T06:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 MET", "2015-04-30T07:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 MEST", "2015-04-30T06:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 EET", "2015-04-30T06:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 EEST", "2015-04-30T05:57:00Z");
}

static void
test_date_parse_zones_asia_pacific(void **state)
{
	check("Thu, 30 Apr 2015 08:57:00 IST", "2015-04-30T03:27:00Z");
	check("Thu, 30 Apr 2015 08:57:00 JST", "2015-04-29T23:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 AEST", "2015-04-29T22:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 AEDT", "2015-04-29T21:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 NZST", "2015-04-29T20:57:00Z");
	check("Thu, 30 Apr 2015 08:57:00 NZDT", "2015-04-29T19:57:00Z");
}

static void
test_date_parse_zones_military(void **state)
{
	/* RFC 1123's signs: A is an hour east of UTC, N an hour west */
	check("Sat, 27 Nov 2026 12:00:00 A", "2026-11-27T11:00:00Z");
	check("Sat, 27 Nov 2026 12:00:00 a", "2026-11-27T11:00:00Z");
	check("Sat, 27 Nov 2026 12:00:00 I", "2026-11-27T03:00:00Z");
	check("Sat, 27 Nov 2026 12:00:00 K", "2026-11-27T02:00:00Z");
	check("Sat, 27 Nov 2026 12:00:00 M", "2026-11-27T00:00:00Z");
	check("Sat, 27 Nov 2026 12:00:00 N", "2026-11-27T13:00:00Z");
	check("Sat, 27 Nov 2026 12:00:00 Y", "2026-11-28T00:00:00Z");
	check("Sat, 27 Nov 2026 12:00:00 Z", "2026-11-27T12:00:00Z");
	/* J is no zone; the letters are for RFC 822 dates only */
	check("Sat, 27 Nov 2026 12:00:00 J", UNKNOWN);
	check("2026-11-27T12:00:00A", UNKNOWN);
}

static void
test_date_parse_zones_invalid(void **state)
{
	check("Sun, 16 Dec 2012 11:47:32 +zz:00", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 +00:zz", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 +2400", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 +0160", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 +1", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 +010", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 +01000", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 100", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 XYZ", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 GMT GMT", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 EST+0100", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 Etc/GMT+5", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 Etc/", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:32 (PST", UNKNOWN);
	check("2003-12-31T10:14:55+0", UNKNOWN);
	check("2003-12-31T10:14:55+01:0", UNKNOWN);
	check("2003-12-31T10:14:55 0100", UNKNOWN);
}

static void
test_date_parse_rfc3339(void **state)
{
	check("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z");
	check("2003-12-31t10:14:55z", "2003-12-31T10:14:55Z");
	check("2003-12-31 10:14:55Z", "2003-12-31T10:14:55Z");
	check("2003-12-31T10:14:55.123+01:00", "2003-12-31T09:14:55Z");
	check("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z");
	check("2003-12-31T18:14:55+08:00", "2003-12-31T10:14:55Z");
	check("2003-12-31T10:14:55+0100", "2003-12-31T09:14:55Z");
	check("2003-12-31T10:14:55+01", "2003-12-31T09:14:55Z");
	check("2003-12-31T10:14Z", "2003-12-31T10:14:00Z");
	check("2003-12-31T10:14", "2003-12-31T10:14:00Z");
	check("2003-12-31T10Z", "2003-12-31T10:00:00Z");
	check("2003-12-31T9:15-05:00", "2003-12-31T14:15:00Z");
	check("2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58Z");
	check("2004-07-08 23:56:58 EST", "2004-07-09T04:56:58Z");
	check(" 2003-12-31T10:14:55Z ", "2003-12-31T10:14:55Z");
	check("2003-12-31", "2003-12-31T00:00:00Z");
	check("2003-12", "2003-12-01T00:00:00Z");
	check("2003", "2003-01-01T00:00:00Z");
	check("2004-02-28T18:14:55-08:00", "2004-02-29T02:14:55Z");
	check("2003-02-28T18:14:55-08:00", "2003-03-01T02:14:55Z");
	check("2000-02-28T18:14:55-08:00", "2000-02-29T02:14:55Z");
	check("2003-12-31T23:00:00-01:00", "2004-01-01T00:00:00Z");
}

static void
test_date_parse_iso8601(void **state)
{
	check("20031231T101455Z", "2003-12-31T10:14:55Z");
	check("20031231T1014Z", "2003-12-31T10:14:00Z");
	check("20031231T101455+0100", "2003-12-31T09:14:55Z");
	check("20031231T10:14:55Z", "2003-12-31T10:14:55Z");
	check("20031231", "2003-12-31T00:00:00Z");
	check("2003-335", "2003-12-01T00:00:00Z");
	check("2004-366", "2004-12-31T00:00:00Z");
	check("2003335", "2003-12-01T00:00:00Z");
	check("2003-335T12:00:00Z", "2003-12-01T12:00:00Z");
	check("03-12-31", "2003-12-31T00:00:00Z");
	check("031231", "2003-12-31T00:00:00Z");
	check("03335", "2003-12-01T00:00:00Z");
	check("-0312", "2003-12-01T00:00:00Z");
	check("-03-12", "2003-12-01T00:00:00Z");
	check("2003-012-31T10:14:55+00:00", "2003-12-31T10:14:55Z");
	check("2003-366", UNKNOWN);
	check("2003-000", UNKNOWN);
	check("2003365T", UNKNOWN);
	check("20031231T10145Z", UNKNOWN);
}

static void
test_date_parse_iso8601_fraction(void **state)
{
	char *s;
	size_t n = 10240;

	check("2003-12-31T10:14:55.1234Z", "2003-12-31T10:14:55Z");
	check("2003-12-31T10:14:55.999999999Z", "2003-12-31T10:14:55Z");
	check("2003-12-31T10:14:55,5Z", "2003-12-31T10:14:55Z");
	check("2004-07-08 23:56:58.0", "2004-07-08T23:56:58Z");
	check("2003-12-31T10:14:55.Z", UNKNOWN);
	check("2003-12-31T10:14.5Z", UNKNOWN);

	/* a fraction of ten thousand digits is still a fraction */
	s = malloc(n + 32);
	assert_non_null(s);
	memcpy(s, "2003-12-31T10:14:55.", 20);
	memset(s + 20, '9', n);
	memcpy(s + 20 + n, "Z", 2);
	check(s, "2003-12-31T10:14:55Z");
	free(s);
}

static void
test_date_parse_asctime(void **state)
{
	check("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z");
	check("Sun Jan 4 16:29:06 2004", "2004-01-04T16:29:06Z");
	check("Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z");
	check("Sun Jan 4 16:29:06 PST 2004", "2004-01-05T00:29:06Z");
	check("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z");
	check("Sun Jan  4 16:29:06 2004 (UTC)", "2004-01-04T16:29:06Z");
	check("Sun Jan  4 16:29:06", UNKNOWN);
	check("Sun Jan  4 16:29:06 PST", UNKNOWN);
	check("Sun Jan  4 16:29:06 2004 PST", UNKNOWN);
}

static void
test_date_parse_month_first(void **state)
{
	check("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z");
	check("Thu Aug 30 2012 17:26:16 GMT+0200 (Central European "
	    "Summer Time)", "2012-08-30T15:26:16Z");
	check("August 30, 2012", "2012-08-30T00:00:00Z");
	check("Aug 30, 2012 5:26 PM", UNKNOWN);
	check("Sun, Dec x 2012 11:47:32 GMT", UNKNOWN);
}

static void
test_date_parse_slashed(void **state)
{
	check("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z");
	check("2006/9/5 08:19:53", "2006-09-05T08:19:53Z");
	check("2006/09/15", "2006-09-15T00:00:00Z");
	check("2006/09", UNKNOWN);
	check("2006/13/15", UNKNOWN);
}

static void
test_date_parse_foreign_months(void **state)
{
	/* "Kyr, 11 Ioul 2004 12:00:00 EST" in Greek */
	check("\xce\x9a\xcf\x85\xcf\x81, 11 \xce\x99\xce\xbf\xcf\x8d\xce\xbb "
	    "2004 12:00:00 EST", "2004-07-11T17:00:00Z");
	check("11 \xce\x94\xce\xb5\xce\xba 2004", "2004-12-11T00:00:00Z");
	/* "2004-julius-13T9:15-05:00" in Hungarian */
	check("2004-j\xc3\xbalius-13T9:15-05:00", "2004-07-13T14:15:00Z");
	check("2004-okt\xc3\xb3" "ber-01", "2004-10-01T00:00:00Z");
	check("2004-december-01", "2004-12-01T00:00:00Z");
	/* half a UTF-8 sequence is no month */
	check("11 \xce\x94\xce\xb5\xce 2004", UNKNOWN);
	check("11 \xce 2004", UNKNOWN);
}

static void
test_date_parse_leap_second(void **state)
{
	check("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z");
	check("Sat, 31 Dec 2016 23:59:60 GMT", "2016-12-31T23:59:59Z");
	check("2016-12-31T23:59:61Z", UNKNOWN);
}

static void
test_date_parse_invalid_fields(void **state)
{
	check("2003-13-01", UNKNOWN);
	check("2003-00-01", UNKNOWN);
	check("2003-12-32", UNKNOWN);
	check("2003-12-00", UNKNOWN);
	check("2003-04-31", UNKNOWN);
	check("2003-02-29", UNKNOWN);
	check("2004-02-29", "2004-02-29T00:00:00Z");
	check("1900-02-29", UNKNOWN);
	check("2000-02-29", "2000-02-29T00:00:00Z");
	check("2003-12-31T24:00:00Z", UNKNOWN);
	check("2003-12-31T25:14:55Z", UNKNOWN);
	check("2003-12-31T10:60:55Z", UNKNOWN);
	check("2003-12-31T10:61:55Z", UNKNOWN);
	check("2003-12-31T10:14:61Z", UNKNOWN);
	check("0000-01-01", UNKNOWN);
	check("99999-01-01", UNKNOWN);
	check("99999", UNKNOWN);
	check("Sun, 99 Jun 2009 12:00:00 GMT", UNKNOWN);
	check("Sun, 32 Jun 2009 12:00:00 GMT", UNKNOWN);
	check("Sun, 0 Jun 2009 12:00:00 GMT", UNKNOWN);
	check("Sun, 16 zzz 2012 11:47:32 GMT", UNKNOWN);
	check("Sun, 16 Dec 2012 25:00:00 GMT", UNKNOWN);
	check("Sun, 16 Dec 2012 11:60:00 GMT", UNKNOWN);
	check("Sun, 16 Dec 2012 11:47:61 GMT", UNKNOWN);
	check("Sun, 16 Dec 2012 1:2:3:4 GMT", UNKNOWN);
	check("Sun, 16 Dec 2012 11:4:32 GMT", UNKNOWN);
	check("Sun, 16 Dec 2012 111:47:32 GMT", UNKNOWN);
}

static void
test_date_parse_year_range(void **state)
{
	check("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z");
	check("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z");
	/* the instant itself must fall in the years 1 to 9999 */
	check("0001-01-01T00:00:00+00:01", UNKNOWN);
	check("0001-01-01T00:00:00-00:01", "0001-01-01T00:01:00Z");
	check("9999-12-31T23:59:59-00:01", UNKNOWN);
	check("9999-12-31T23:59:59+00:01", "9999-12-31T23:58:59Z");
	assert_int_equal(date_parse("0001-01-01"), T_FIRST);
	assert_int_equal(date_parse("9999-12-31T23:59:59Z"), T_LAST);
}

static void
test_date_parse_garbage(void **state)
{
	static const char *const bad[] = {
		"", " ", "\t\n", "garbage", "Mon, 32 Foo 99", "Mon,",
		"Mon, 12", "Mon, 12 Jan", "12", "013", "T", "Z", "-", "+0100",
		"-1", "--12", "2003-", "2003-12-", "2003-1-01", "2003-12-1",
		"2003-12-31T", "2003-12-31T10:", "2003-12-31T10:14:",
		"2003-12-31Tfoo", "2003-12-31 junk", "2003-12-31T10:14:55Zjunk",
		"2013-01-27-01", "2013-01-28T11:30:00-06:00Textra",
		"2013-xx-27", "2013-01-28T09:xx:00Z",
		"2013-01-28T09:00:00+00:xx", "2003-12 10:00", "2003 10:00",
		"Thu, 01 Jan 2004x", "Thu, 01 Jan 2004 19:48:21 GMT junk",
		"Thu, 01 Jan 2004 19:48:21 GMT (", "Thu, 01 Jan 2004 ((x)",
		"Foo, 01 Jan 2004", "Thu, Jan 2004", "Thu, 01 Jan",
		"01 Jan, 2004,", "(comment) 01 Jan 2004", "0x7E0-01-01",
		"\xff\xfe", "\xce", "2004-\xce",
		"2004-05-25 \xec\x98\xa4\xed\x9b\x84 11:23:17",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check(bad[i], UNKNOWN);
	assert_int_equal(date_parse(NULL), DATE_UNKNOWN);
}

static void
test_date_parse_long_input(void **state)
{
	size_t n = 10240;
	char *s = malloc(n + 64);

	assert_non_null(s);
	memset(s, '1', n);
	s[n] = '\0';
	check(s, UNKNOWN);
	memcpy(s + n, " Jan 2004", 10);
	check(s, UNKNOWN);
	memset(s, ' ', n);
	s[n] = '\0';
	check(s, UNKNOWN);
	memcpy(s + n, "2004-01-01", 11);
	check(s, "2004-01-01T00:00:00Z");
	memset(s, 'a', n);
	s[n] = '\0';
	check(s, UNKNOWN);
	memset(s, '(', n);
	check(s, UNKNOWN);
	memcpy(s, "01 Jan 2004 ", 12);
	check(s, UNKNOWN);
	free(s);
}

static void
test_date_format_rfc3339_epoch(void **state)
{
	char out[DATE_RFC3339_SIZE];

	assert_ptr_equal(date_format_rfc3339(0, out), out);
	assert_string_equal(out, "1970-01-01T00:00:00Z");
	assert_string_equal(date_format_rfc3339(1579168800, out),
	    "2020-01-16T10:00:00Z");
}

static void
test_date_format_rfc3339_negative(void **state)
{
	char out[DATE_RFC3339_SIZE];

	assert_string_equal(date_format_rfc3339(-1, out),
	    "1969-12-31T23:59:59Z");
	assert_string_equal(date_format_rfc3339(-31536000, out),
	    "1969-01-01T00:00:00Z");
	assert_string_equal(date_format_rfc3339(-2203891200LL, out),
	    "1900-03-01T00:00:00Z");
	assert_string_equal(date_format_rfc3339(-11670998400LL, out),
	    "1600-02-29T00:00:00Z");
	assert_string_equal(date_format_rfc3339(T_FIRST, out),
	    "0001-01-01T00:00:00Z");
}

static void
test_date_format_rfc3339_leap_days(void **state)
{
	char out[DATE_RFC3339_SIZE];

	assert_string_equal(date_format_rfc3339(951782400, out),
	    "2000-02-29T00:00:00Z");
	assert_string_equal(date_format_rfc3339(4107542400LL, out),
	    "2100-03-01T00:00:00Z");
	assert_string_equal(date_format_rfc3339(13601001600LL, out),
	    "2400-12-31T00:00:00Z");
	assert_string_equal(date_format_rfc3339(253402214400LL, out),
	    "9999-12-31T00:00:00Z");
}

static void
test_date_format_rfc3339_max(void **state)
{
	char out[DATE_RFC3339_SIZE];

	assert_string_equal(date_format_rfc3339(T_LAST, out),
	    "9999-12-31T23:59:59Z");
	assert_string_equal(date_format_rfc3339(T_LAST + 1, out),
	    "10000-01-01T00:00:00Z");
}

static void
test_date_format_rfc3339_extremes(void **state)
{
	static const int64_t t[] = {
		INT64_MIN, INT64_MIN + 1, INT64_MAX, INT64_MAX - 1,
		T_FIRST - 1, -86400LL * 146097 * 1000,
	};
	char out[DATE_RFC3339_SIZE];
	size_t i, len;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memset(out, 'x', sizeof(out));
		assert_ptr_equal(date_format_rfc3339(t[i], out), out);
		len = strlen(out);
		assert_true(len >= 20 && len < DATE_RFC3339_SIZE);
		assert_int_equal(out[len - 1], 'Z');
		assert_int_equal(date_parse(out), DATE_UNKNOWN);
	}
}

static void
test_date_parse_round_trip(void **state)
{
	char out[DATE_RFC3339_SIZE];
	int64_t t;

	/* every second of the range, in steps that land on every time */
	for (t = T_FIRST; t <= T_LAST - 1000003; t += 1000003)
		assert_int_equal(date_parse(date_format_rfc3339(t, out)), t);
	/* every day from 1599 to 2401, at a second that moves along */
	for (t = -11707000000LL; t < 13602000000LL; t += 86400 + 7)
		assert_int_equal(date_parse(date_format_rfc3339(t, out)), t);
	assert_int_equal(date_parse(date_format_rfc3339(T_FIRST, out)),
	    T_FIRST);
	assert_int_equal(date_parse(date_format_rfc3339(T_LAST, out)),
	    T_LAST);
	assert_int_equal(date_parse(date_format_rfc3339(0, out)), 0);
	assert_int_equal(date_parse(date_format_rfc3339(-1, out)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse_rfc822),
		cmocka_unit_test(test_date_parse_rfc822_years),
		cmocka_unit_test(test_date_parse_zones_numeric),
		cmocka_unit_test(test_date_parse_zones_utc),
		cmocka_unit_test(test_date_parse_zones_north_america),
		cmocka_unit_test(test_date_parse_zones_europe),
		cmocka_unit_test(test_date_parse_zones_asia_pacific),
		cmocka_unit_test(test_date_parse_zones_military),
		cmocka_unit_test(test_date_parse_zones_invalid),
		cmocka_unit_test(test_date_parse_rfc3339),
		cmocka_unit_test(test_date_parse_iso8601),
		cmocka_unit_test(test_date_parse_iso8601_fraction),
		cmocka_unit_test(test_date_parse_asctime),
		cmocka_unit_test(test_date_parse_month_first),
		cmocka_unit_test(test_date_parse_slashed),
		cmocka_unit_test(test_date_parse_foreign_months),
		cmocka_unit_test(test_date_parse_leap_second),
		cmocka_unit_test(test_date_parse_invalid_fields),
		cmocka_unit_test(test_date_parse_year_range),
		cmocka_unit_test(test_date_parse_garbage),
		cmocka_unit_test(test_date_parse_long_input),
		cmocka_unit_test(test_date_format_rfc3339_epoch),
		cmocka_unit_test(test_date_format_rfc3339_negative),
		cmocka_unit_test(test_date_format_rfc3339_leap_days),
		cmocka_unit_test(test_date_format_rfc3339_max),
		cmocka_unit_test(test_date_format_rfc3339_extremes),
		cmocka_unit_test(test_date_parse_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
