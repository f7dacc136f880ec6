/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the urls file's parser (subs_parse()): whatever
 * the bytes, it must neither crash, leak nor hang; every subscription it
 * keeps has a non-empty URL, seen once, and its URL, title and tags are
 * single lines of well-formed UTF-8 free of controls, C1 and bidi
 * controls; the line numbers grow; and the warnings are clean text, one
 * line each.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "subs.h"
#include "util/strbuf.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a note on stderr, for the crash report. */
static void
fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz-subs: %s: %s\n", what, s != NULL ? s : "NULL");
	abort();
}

/* s is clean: no controls but new lines when text, no C1 or bidi. */
static void
check_str(const char *what, const char *s, int text)
{
	size_t i = 0, len;
	uint32_t cp;

	if (s == NULL)
		fail("NULL string", what);
	len = strlen(s);
	if (!utf8_valid(s, len))
		fail("ill-formed UTF-8", what);
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (text && cp == '\n')
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			fail("banned code point", what);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT;
	const struct sub *s;
	size_t i, j;
	int line = 0;

	subs_parse(&subs, (const char *)data, size, &warn);
	for (i = 0; i < subs.n; i++) {
		s = &subs.v[i];
		check_str("url", s->url, 0);
		if (s->url[0] == '\0')
			fail("an empty URL", "url");
		if (s->title != NULL)
			check_str("title", s->title, 0);
		/* (a tag of nothing but controls is kept empty: reported) */
		for (j = 0; j < s->ntags; j++)
			check_str("tag", s->tags[j], 0);
		if (s->line <= line)
			fail("line numbers out of order", s->url);
		line = s->line;
		for (j = 0; j < i; j++)
			if (strcmp(subs.v[j].url, s->url) == 0)
				fail("a URL twice", s->url);
		check_str("name", sub_name(s), 0);
	}
	check_str("warnings", warn.buf, 1);
	if (warn.len > 0 && warn.buf[warn.len - 1] != '\n')
		fail("a warning without its new line", warn.buf);
	subs_release(&subs);
	strbuf_release(&warn);
	return 0;
}
