/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the key facts: the first byte picks how the rest
 * is read (bit 0: as HTML or as plain text; bit 1: with or without a
 * headline, the first line of the rest), then the facts are drawn from
 * it. keyfacts_from_doc() must neither crash, leak nor hang; it gives no
 * facts or KEYFACTS_MIN to KEYFACTS_MAX of them, each one non-empty line
 * of well-formed UTF-8 free of controls, C1 and bidi controls; a list
 * taken from the publisher lies inside the document; and the same input
 * gives the same facts again. keyfacts_split() is checked on the raw
 * text as well: its sentences lie inside the text, in order, without
 * overlap and without white space at either end.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "keyfacts.h"
#include "util/utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a note on stderr, for the crash report. */
static void
fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz-keyfacts: %s: %s\n", what,
	    s != NULL ? s : "NULL");
	abort();
}

/* s is one clean line: no controls at all, no C1 or bidi controls. */
static void
check_line(const char *what, const char *s)
{
	size_t i = 0, len;
	uint32_t cp;

	if (s == NULL)
		fail("NULL string", what);
	len = strlen(s);
	if (len == 0)
		fail("empty fact", what);
	if (!utf8_valid(s, len))
		fail("ill-formed UTF-8", what);
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			fail("banned code point", what);
	}
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

static void
check_split(const char *text, size_t len)
{
	struct keyfacts_spans spans = KEYFACTS_SPANS_INIT;
	const struct keyfacts_span *sp;
	size_t i, end = 0;

	keyfacts_split(text, len, &spans);
	for (i = 0; i < spans.n; i++) {
		sp = &spans.v[i];
		if (sp->len == 0 || sp->off < end || sp->off > len ||
		    sp->len > len - sp->off)
			fail("sentence out of place", "split");
		if (is_space(text[sp->off]) ||
		    is_space(text[sp->off + sp->len - 1]))
			fail("sentence with white space at an end", "split");
		if (sp->end > KEYFACTS_END_GLUED)
			fail("bad sentence end", "split");
		(void)keyfacts_classify(text + sp->off, sp->len, sp->end);
		(void)keyfacts_boilerplate(text + sp->off, sp->len);
		end = sp->off + sp->len;
	}
	keyfacts_spans_release(&spans);
}

static void
facts_of(const char *body, size_t len, int html, const char *title,
    struct html_doc *doc, struct keyfacts *kf)
{
	if (html)
		html_render(body, len, "http://fuzz.invalid/a", doc);
	else
		html_render_text(body, len, doc);
	keyfacts_from_doc(doc, title, kf);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_CTYPE, "C.UTF-8");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct html_doc doc = { 0 }, doc2 = { 0 };
	struct keyfacts kf = KEYFACTS_INIT, kf2 = KEYFACTS_INIT;
	const char *body, *nl;
	char *title = NULL;
	size_t len, i;
	int mode;

	if (size == 0)
		return 0;
	mode = data[0];
	body = (const char *)data + 1;
	len = size - 1;
	if (mode & 2) {
		nl = memchr(body, '\n', len);
		if (nl != NULL) {
			title = strndup(body, (size_t)(nl - body));
			if (title == NULL)
				return 0;
			len -= (size_t)(nl + 1 - body);
			body = nl + 1;
		}
	}
	facts_of(body, len, mode & 1, title, &doc, &kf);
	/* a publisher's own list counts from two */
	if (kf.n != 0 && (kf.n < (kf.from_publisher ? 2 : KEYFACTS_MIN) ||
	    kf.n > KEYFACTS_MAX))
		fail("wrong number of facts", "n");
	for (i = 0; i < kf.n; i++)
		check_line("fact", kf.facts[i]);
	if (kf.from_publisher) {
		if (kf.n == 0 || kf.nlines == 0 || kf.first_line >= doc.nlines ||
		    kf.nlines > doc.nlines - kf.first_line)
			fail("publisher's list outside the document", "lines");
	} else if (kf.first_line != 0 || kf.nlines != 0)
		fail("lines to hide without a publisher's list", "lines");
	/* the same input gives the same facts, byte for byte */
	facts_of(body, len, mode & 1, title, &doc2, &kf2);
	if (kf2.n != kf.n || kf2.from_publisher != kf.from_publisher ||
	    kf2.first_line != kf.first_line || kf2.nlines != kf.nlines)
		fail("not deterministic", "count");
	for (i = 0; i < kf.n; i++)
		if (strcmp(kf.facts[i], kf2.facts[i]) != 0)
			fail("not deterministic", kf.facts[i]);
	check_split(body, len);
	keyfacts_release(&kf);
	keyfacts_release(&kf2);
	html_doc_release(&doc);
	html_doc_release(&doc2);
	free(title);
	return 0;
}
