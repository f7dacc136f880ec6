/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the html module: the first byte is the width to
 * wrap to (below HTML_WRAP_MIN counts as that), the rest is an article,
 * rendered as HTML against a base URL and as plain text, each then
 * wrapped. Neither may crash, leak or hang; every line, marker and link
 * must be well-formed UTF-8 free of controls, DEL, C1 controls, bidi
 * controls and zero-width spaces, links must hold no space, lines no new
 * line or tab; no display line may be wider than the width; and the
 * display lines of a paragraph, caption, image or preformatted line must
 * hold its text, spaces aside. html_to_line() must give a clean line.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/width.h"

#define FUZZ_BASE	"http://fuzz.invalid/a/b.html"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a note on stderr, for the crash report. */
static void
fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz-render: %s: %s\n", what, s != NULL ? s : "NULL");
	abort();
}

/* s is clean: no controls (none at all), bidi or zero-width space. */
static void
check_str(const char *what, const char *s)
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
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B ||
		    cp == 0xFEFF)
			fail("banned code point", what);
	}
}

/* The bytes of s but spaces, appended to sb. */
static void
add_unspaced(struct strbuf *sb, const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ')
			strbuf_addch(sb, *s);
}

static void
check_wrap(const struct html_doc *doc, size_t width)
{
	struct html_wrapped out = { 0 };
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	size_t i, j = 0, limit;
	const struct text_line *l;

	html_wrap(doc, width, &out);
	limit = width < HTML_WRAP_MIN ? HTML_WRAP_MIN : width;
	for (i = 0; i < out.nlines; i++) {
		check_str("display line", out.lines[i].text);
		if (width_str(out.lines[i].text, strlen(out.lines[i].text)) >
		    limit)
			fail("display line too wide", out.lines[i].text);
		if (out.lines[i].src >= doc->nlines ||
		    (i > 0 && out.lines[i].src < out.lines[i - 1].src))
			fail("display line from nowhere", out.lines[i].text);
	}
	/* the text of every line without a prefix comes out whole */
	for (i = 0; i < doc->nlines; i++) {
		l = &doc->lines[i];
		if (l->type != LINE_PARA && l->type != LINE_CAPTION &&
		    l->type != LINE_IMAGE && l->type != LINE_PRE)
			continue;
		strbuf_reset(&a);
		strbuf_reset(&b);
		add_unspaced(&a, l->text);
		while (j < out.nlines && out.lines[j].src < i)
			j++;
		for (; j < out.nlines && out.lines[j].src == i; j++)
			add_unspaced(&b, out.lines[j].text);
		if (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0)
			fail("wrapping changed the text", l->text);
	}
	strbuf_release(&a);
	strbuf_release(&b);
	html_wrapped_release(&out);
}

static void
check_doc(const struct html_doc *doc, size_t width)
{
	const struct text_line *l;
	size_t i;

	for (i = 0; i < doc->nlines; i++) {
		l = &doc->lines[i];
		check_str("line", l->text);
		if (l->marker != NULL)
			check_str("marker", l->marker);
		if (l->type > LINE_RULE || l->level < 0)
			fail("bad line type or level", l->text);
		if (l->type != LINE_PRE && l->type != LINE_RULE &&
		    l->text[0] == '\0')
			fail("empty line", "text");
	}
	for (i = 0; i < doc->nlinks; i++) {
		check_str("link", doc->links[i]);
		if (doc->links[i][0] == '\0' || strchr(doc->links[i], ' '))
			fail("bad link", doc->links[i]);
	}
	check_wrap(doc, width);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct html_doc doc = { 0 };
	struct strbuf line = STRBUF_INIT;
	const char *html = (const char *)data + 1;
	size_t width;

	if (size == 0)
		return 0;
	width = data[0];
	size--;
	html_render(html, size, FUZZ_BASE, &doc);
	check_doc(&doc, width);
	html_doc_release(&doc);
	html_render_text(html, size, &doc);
	check_doc(&doc, width);
	html_doc_release(&doc);
	html_to_line(html, size, &line);
	check_str("html_to_line", line.buf);
	strbuf_release(&line);
	return 0;
}
