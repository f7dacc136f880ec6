/* SPDX-License-Identifier: ISC */
/*
 * parse-input: the bytes of a feed made ready for libxml2. Control bytes
 * wherever they stand, and the tab and line ends that stay; ill-formed
 * UTF-8, bare ampersands, ISO-2022; clean input passed through as is.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parse-private.h"
#include "util/strbuf.h"

#define HEAD	"<?xml version=\"1.0\"?><rss><channel><title>"
#define TAIL	"</title></channel></rss>\n"
#define TITLE	"Cafe abcdefghijklmnopqrstuvwxyz"

/*
 * input_prepare() of the len bytes at in (a copy of just those, so that
 * no byte past them is read) gives want; as is: in itself comes back.
 */
static void
check(const char *in, size_t len, const char *charset, const char *want,
    int as_is)
{
	struct strbuf buf = STRBUF_INIT;
	const char *out, *cs = charset;
	char *copy = malloc(len);
	size_t n = len;

	assert_non_null(copy);
	memcpy(copy, in, len);
	out = input_prepare(copy, &n, &cs, &buf);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
	if (as_is)
		assert_ptr_equal(out, copy);
	strbuf_release(&buf);
	free(copy);
}

/* c in the title at each place, as 8 bytes are read: want instead. */
static void
check_every_offset(const char *c, const char *want, int as_is)
{
	char in[256], out[256];
	size_t at;

	for (at = 0; at <= sizeof(TITLE) - 1; at++) {
		snprintf(in, sizeof(in), HEAD "%.*s%s%s" TAIL, (int)at,
		    TITLE, c, TITLE + at);
		snprintf(out, sizeof(out), HEAD "%.*s%s%s" TAIL, (int)at,
		    TITLE, want, TITLE + at);
		check(in, strlen(in), NULL, out, as_is);
	}
}

static void
test_input_prepare_clean_as_is(void **state)
{
	static const char doc[] = HEAD "Caf\xc3\xa9\t\xe4\xb8\xad" TAIL;

	check(doc, sizeof(doc) - 1, NULL, doc, 1);
	check(doc, sizeof(doc) - 1, "utf-8", doc, 1);
	check_every_offset("\t", "\t", 1);
	check_every_offset("\n", "\n", 1);
	check_every_offset("\r\n", "\r\n", 1);
	check_every_offset("\xe4\xb8\xad", "\xe4\xb8\xad", 1);
}

static void
test_input_prepare_drops_controls(void **state)
{
	int c;
	char s[2] = { 0, 0 };

	for (c = 1; c < 0x20; c++) {
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		s[0] = (char)c;
		check_every_offset(s, "", 0);
	}
	check_every_offset("\x1b[1m", "[1m", 0);
	check_every_offset("\x01\x02\x1f", "", 0);
	check_every_offset("\x01\t\x02\n\x1f", "\t\n", 0);
	check_every_offset("\x7f", "\x7f", 1);	/* not C0: libxml2's */
}

static void
test_input_prepare_nul(void **state)
{
	static const char in[] = HEAD "a\0b" TAIL;
	static const char want[] = HEAD "ab" TAIL;

	check(in, sizeof(in) - 1, NULL, want, 0);
}

static void
test_input_prepare_iso2022_keeps_escapes(void **state)
{
	static const char in[] = HEAD "\x1b$B" "F|K\\" "\x1b(B" TAIL;

	check(in, sizeof(in) - 1, "ISO-2022-JP", in, 1);
}

static void
test_input_prepare_repairs_utf8(void **state)
{
	check_every_offset("\xff", "\xef\xbf\xbd", 0);
	check_every_offset("\xe2\x82", "\xef\xbf\xbd", 0);
	check_every_offset("\x01\xc3\xa9", "\xc3\xa9", 0);
	/* the control goes first: the halves around it make one */
	check_every_offset("\xc3\x01\xa9", "\xc3\xa9", 0);
}

static void
test_input_prepare_bare_ampersand(void **state)
{
	check_every_offset("a&b", "a&amp;b", 0);
	check_every_offset("&amp;&#233;", "&amp;&#233;", 1);
	check_every_offset("&#X41;", "&#x41;", 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_input_prepare_clean_as_is),
		cmocka_unit_test(test_input_prepare_drops_controls),
		cmocka_unit_test(test_input_prepare_nul),
		cmocka_unit_test(test_input_prepare_iso2022_keeps_escapes),
		cmocka_unit_test(test_input_prepare_repairs_utf8),
		cmocka_unit_test(test_input_prepare_bare_ampersand),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
