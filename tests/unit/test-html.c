/* SPDX-License-Identifier: ISC */
/*
 * html: HTML to typed lines (types, levels, markers, links, what is
 * dropped, captions, entities, the sanitiser, deep nesting) and wrapping
 * (widths in display columns, CJK, emoji, combining marks, a 1 MB word,
 * indentation), and html_to_line() for titles.
 */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "html.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/width.h"

#define ZHONG	"\xe4\xb8\xad"		/* U+4E2D, wide */
#define MARU	"\xe3\x80\x82"		/* U+3002 "。", wide */
#define GRIN	"\xf0\x9f\x98\x80"	/* U+1F600, wide */
#define HEART	"\xe2\x9d\xa4"		/* U+2764, one column */
#define VS16	"\xef\xb8\x8f"		/* U+FE0F */
#define ZWJ	"\xe2\x80\x8d"		/* U+200D */
#define MAN	"\xf0\x9f\x91\xa8"	/* U+1F468 */
#define WOMAN	"\xf0\x9f\x91\xa9"	/* U+1F469 */
#define GIRL	"\xf0\x9f\x91\xa7"	/* U+1F467 */
#define ACUTE	"\xcc\x81"		/* U+0301, combining */
#define RLO	"\xe2\x80\xae"		/* U+202E */
#define ZWSP	"\xe2\x80\x8b"		/* U+200B */
#define NBSP	"\xc2\xa0"

static int
setup(void **state)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return -1;
	return 0;
}

/* Render s (NUL-terminated) against base into doc. */
static void
render(const char *s, const char *base, struct html_doc *doc)
{
	memset(doc, 0, sizeof(*doc));
	html_render(s, strlen(s), base, doc);
}

/* Line i of doc is of type with text. */
#define CHECK_LINE(doc, i, t, lvl, txt) do {				\
	assert_true((i) < (doc)->nlines);				\
	assert_int_equal((doc)->lines[i].type, (t));			\
	assert_int_equal((doc)->lines[i].level, (lvl));			\
	assert_string_equal((doc)->lines[i].text, (txt));		\
} while (0)

/* s clean: well-formed UTF-8 without controls, bidi or zero-width. */
static void
check_clean(const char *s)
{
	size_t i = 0, len = strlen(s);
	uint32_t cp;

	assert_true(utf8_valid(s, len));
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		assert_false(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F));
		assert_false(cp >= 0x202A && cp <= 0x202E);
		assert_false(cp >= 0x2066 && cp <= 0x2069);
		assert_false(cp == 0x200B || cp == 0xFEFF || cp == 0x2060);
	}
}

static void
check_doc_clean(const struct html_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nlines; i++) {
		check_clean(doc->lines[i].text);
		if (doc->lines[i].marker != NULL)
			check_clean(doc->lines[i].marker);
	}
	for (i = 0; i < doc->nlinks; i++) {
		check_clean(doc->links[i]);
		assert_null(strchr(doc->links[i], ' '));
	}
}

static void
test_html_render_paragraphs(void **state)
{
	struct html_doc doc;

	render("<p>One  <b>bold</b>\n\tword.</p><p>Two</p>text<div>three"
	    "</div>", NULL, &doc);
	assert_int_equal(doc.nlines, 4);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "One bold word.");
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "Two");
	CHECK_LINE(&doc, 2, LINE_PARA, 0, "text");
	CHECK_LINE(&doc, 3, LINE_PARA, 0, "three");
	assert_int_equal(doc.lines[1].joined, 0);
	assert_null(doc.lines[0].marker);
	assert_int_equal(doc.nlinks, 0);
	html_doc_release(&doc);
	assert_int_equal(doc.nlines, 0);
	assert_null(doc.lines);
}

static void
test_html_render_headings(void **state)
{
	struct html_doc doc;
	char html[64], want[8];
	int i;

	for (i = 1; i <= 6; i++) {
		snprintf(html, sizeof(html), "<h%d>Head %d</h%d><p>x</p>", i,
		    i, i);
		snprintf(want, sizeof(want), "Head %d", i);
		render(html, NULL, &doc);
		assert_int_equal(doc.nlines, 2);
		CHECK_LINE(&doc, 0, LINE_HEADING, i, want);
		CHECK_LINE(&doc, 1, LINE_PARA, 0, "x");
		html_doc_release(&doc);
	}
	/* a heading is one line, even broken */
	render("<h2>Two<br>lines</h2>", NULL, &doc);
	assert_int_equal(doc.nlines, 1);
	CHECK_LINE(&doc, 0, LINE_HEADING, 2, "Two lines");
	html_doc_release(&doc);
}

static void
test_html_render_list_bullets(void **state)
{
	struct html_doc doc;

	render("<p>Intro</p><ul><li>one<li>two<ul><li>deep<ul><li>deeper"
	    "</ul></ul><li>three</ul><p>after</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 7);
	CHECK_LINE(&doc, 1, LINE_ITEM, 1, "one");
	assert_string_equal(doc.lines[1].marker, "•");
	assert_int_equal(doc.lines[1].joined, 0);
	CHECK_LINE(&doc, 2, LINE_ITEM, 1, "two");
	assert_int_equal(doc.lines[2].joined, 1);
	CHECK_LINE(&doc, 3, LINE_ITEM, 2, "deep");
	assert_string_equal(doc.lines[3].marker, "◦");
	CHECK_LINE(&doc, 4, LINE_ITEM, 3, "deeper");
	assert_string_equal(doc.lines[4].marker, "▪");
	CHECK_LINE(&doc, 5, LINE_ITEM, 1, "three");
	CHECK_LINE(&doc, 6, LINE_PARA, 0, "after");
	assert_int_equal(doc.lines[6].joined, 0);
	html_doc_release(&doc);

	/* a second paragraph of an item has no marker of its own */
	render("<ul><li><p>first</p><p>more</p></li></ul>", NULL, &doc);
	assert_int_equal(doc.nlines, 2);
	assert_string_equal(doc.lines[0].marker, "•");
	CHECK_LINE(&doc, 1, LINE_ITEM, 1, "more");
	assert_null(doc.lines[1].marker);
	html_doc_release(&doc);
}

static void
test_html_render_list_numbers(void **state)
{
	static const struct {
		const char	*html;
		const char	*markers[4];
	} cases[] = {
		{ "<ol><li>a<li>b<li>c</ol>", { "1.", "2.", "3." } },
		{ "<ol start=9><li>a<li>b</ol>", { "9.", "10." } },
		{ "<ol type=a start=26><li>a<li>b</ol>", { "z.", "aa." } },
		{ "<ol type=I start=3><li>a<li>b</ol>", { "III.", "IV." } },
		{ "<ol type=i start=1999><li>a</ol>", { "mcmxcix." } },
		{ "<ol reversed><li>a<li>b<li>c</ol>", { "3.", "2.", "1." } },
		{ "<ol><li>a<li value=7>b<li>c</ol>", { "1.", "7.", "8." } },
		{ "<ol start=-1><li>a<li>b</ol>", { "-1.", "0." } },
		{ "<ol start=99999999999999><li>a</ol>", { "1000000000." } },
	};
	struct html_doc doc;
	size_t i, j;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		render(cases[i].html, NULL, &doc);
		for (j = 0; cases[i].markers[j] != NULL; j++) {
			assert_true(j < doc.nlines);
			assert_int_equal(doc.lines[j].type, LINE_ITEM);
			assert_string_equal(doc.lines[j].marker,
			    cases[i].markers[j]);
		}
		assert_int_equal(doc.nlines, j);
		html_doc_release(&doc);
	}
}

static void
test_html_render_quote(void **state)
{
	struct html_doc doc;

	render("<blockquote><p>said</p>loose<blockquote>inner"
	    "</blockquote></blockquote><p>out</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 4);
	CHECK_LINE(&doc, 0, LINE_QUOTE, 1, "said");
	CHECK_LINE(&doc, 1, LINE_QUOTE, 1, "loose");
	CHECK_LINE(&doc, 2, LINE_QUOTE, 2, "inner");
	CHECK_LINE(&doc, 3, LINE_PARA, 0, "out");
	html_doc_release(&doc);
}

static void
test_html_render_pre(void **state)
{
	struct html_doc doc;

	render("<p>code:</p><pre>\nif (x)\n\ty =  <b>1</b>;\n\n  end\n\n"
	    "</pre><p>after</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 6);
	CHECK_LINE(&doc, 1, LINE_PRE, 0, "if (x)");
	assert_int_equal(doc.lines[1].joined, 0);
	CHECK_LINE(&doc, 2, LINE_PRE, 0, "        y =  1;");
	assert_int_equal(doc.lines[2].joined, 1);
	CHECK_LINE(&doc, 3, LINE_PRE, 0, "");
	CHECK_LINE(&doc, 4, LINE_PRE, 0, "  end");
	CHECK_LINE(&doc, 5, LINE_PARA, 0, "after");
	html_doc_release(&doc);
}

static void
test_html_render_rule(void **state)
{
	struct html_doc doc;

	render("<p>a</p><hr><p>b</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 1, LINE_RULE, 0, "");
	html_doc_release(&doc);
}

static void
test_html_render_table(void **state)
{
	struct html_doc doc;

	render("<table><caption>Votes</caption><thead><tr><th>Party<th>Seats"
	    "</thead><tr><td>Red<td> 12 </tr><tr><td>Blue<td></tr>"
	    "<tr><td><td></tr><tr><td>A<br>B<td><a href=\"/r\">C</a> "
	    "<img alt=up></tr><tr><td><td>D</table><p>after</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 7);
	CHECK_LINE(&doc, 0, LINE_CAPTION, 0, "Votes");
	CHECK_LINE(&doc, 1, LINE_TABLE, 0, "Party | Seats");
	assert_int_equal(doc.lines[1].joined, 1);
	CHECK_LINE(&doc, 2, LINE_TABLE, 0, "Red | 12");
	CHECK_LINE(&doc, 3, LINE_TABLE, 0, "Blue");
	CHECK_LINE(&doc, 4, LINE_TABLE, 0, "A B | C[1] [image: up]");
	CHECK_LINE(&doc, 5, LINE_TABLE, 0, "| D");
	CHECK_LINE(&doc, 6, LINE_PARA, 0, "after");
	assert_int_equal(doc.lines[6].joined, 0);
	html_doc_release(&doc);

	/* a table in a cell: the outer one is for layout */
	render("<table><tr><td>Red<td>12</tr><tr><td><table><tr><td>x<td>y"
	    "</table></table>", NULL, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "Red");
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "12");
	CHECK_LINE(&doc, 2, LINE_TABLE, 0, "x | y");
	html_doc_release(&doc);

	/* cells holding paragraphs: a table for layout */
	render("<table><tr><td><p>First para</p><p>Second</p></td><td>side"
	    "</td></tr></table>", NULL, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "First para");
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "Second");
	CHECK_LINE(&doc, 2, LINE_PARA, 0, "side");
	html_doc_release(&doc);
}

static void
test_html_render_image(void **state)
{
	struct html_doc doc;

	render("<p>before <img src=a.png alt=\" A  chart \"> after</p>"
	    "<img src=b.png><img src=c.png alt=\"\">"
	    "<img src=t.gif width=1 height=1 alt=tracker>"
	    "<img src=t.gif width=\"0\" alt=tracker>"
	    "<a href=\"http://x.example/big.jpg\"><img alt=Photo></a>"
	    "<p>I <img class=\"wp-smiley emoji\" alt=\"" GRIN "\"> it</p>"
	    "<p><img alt=Lead> </p>", NULL, &doc);
	assert_int_equal(doc.nlines, 4);
	/* in running text, an image is a word of it */
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "before [image: A chart] after");
	CHECK_LINE(&doc, 1, LINE_IMAGE, 0, "[image: Photo][1]");
	CHECK_LINE(&doc, 2, LINE_PARA, 0, "I " GRIN " it");
	CHECK_LINE(&doc, 3, LINE_IMAGE, 0, "[image: Lead]");
	assert_int_equal(doc.nlinks, 1);
	assert_string_equal(doc.links[0], "http://x.example/big.jpg");
	html_doc_release(&doc);
}

static void
test_html_render_caption(void **state)
{
	struct html_doc doc;
	size_t i;

	render("<figure><img src=x alt=\"The minister\"><figcaption>The "
	    "minister on Monday. <span class=credit>Getty</span>"
	    "</figcaption></figure><p>The development came.</p>"
	    "<div><img alt=Mast><span class=\"image-credit\">Getty</span>"
	    "The paragraph went on.</div>"
	    "<p class=\"wp-caption-text\">A caption</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 8);
	CHECK_LINE(&doc, 0, LINE_IMAGE, 0, "[image: The minister]");
	CHECK_LINE(&doc, 1, LINE_CAPTION, 0, "The minister on Monday.");
	assert_int_equal(doc.lines[1].joined, 1);
	CHECK_LINE(&doc, 2, LINE_CAPTION, 0, "Getty");
	CHECK_LINE(&doc, 3, LINE_PARA, 0, "The development came.");
	assert_int_equal(doc.lines[3].joined, 0);
	CHECK_LINE(&doc, 4, LINE_IMAGE, 0, "[image: Mast]");
	CHECK_LINE(&doc, 5, LINE_CAPTION, 0, "Getty");
	CHECK_LINE(&doc, 6, LINE_PARA, 0, "The paragraph went on.");
	CHECK_LINE(&doc, 7, LINE_CAPTION, 0, "A caption");
	/* the defect of the seed article: a credit glued to a paragraph */
	for (i = 0; i < doc.nlines; i++)
		assert_null(strstr(doc.lines[i].text, "GettyThe"));
	html_doc_release(&doc);
}

static void
test_html_render_links(void **state)
{
	struct html_doc doc;

	render("<p><a href=\"/a\">first </a>then <a href=\"b c\">second</a>,"
	    " <a href=\"http://news.example/a\">again</a>"
	    " <a href=\"javascript:alert(1)\">js</a>"
	    " <a href=\" JavaScript:x\">js2</a>"
	    " <a href=\"#top\">top</a> <a href=\"data:text/html,x\">d</a>"
	    " <a href=\"mailto:desk@news.example\">mail</a>"
	    " <a href=\"\">empty</a> <a>name</a>"
	    " <a href=\"/hidden\"><span hidden>x</span></a></p>",
	    "http://news.example/world/story.html", &doc);
	assert_int_equal(doc.nlines, 1);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "first[1] then second[2], "
	    "again[1] js js2 top d mail[3] empty name");
	assert_int_equal(doc.nlinks, 3);
	assert_string_equal(doc.links[0], "http://news.example/a");
	assert_string_equal(doc.links[1],
	    "http://news.example/world/b%20c");
	assert_string_equal(doc.links[2], "mailto:desk@news.example");
	html_doc_release(&doc);

	/* <base href> wins over the base given; relative to it */
	render("<head><base href=\"../other/\"></head><p><a href=\"x.html\">"
	    "x</a></p>", "http://news.example/world/story.html", &doc);
	assert_int_equal(doc.nlinks, 1);
	assert_string_equal(doc.links[0],
	    "http://news.example/other/x.html");
	html_doc_release(&doc);

	/* no base: the link as written, but what a URL may not hold */
	render("<a href=\"rel/x\">x</a><a href=\" caf\xc3\xa9 " RLO
	    "\n|%zz%41\">y</a>", NULL, &doc);
	assert_int_equal(doc.nlinks, 2);
	assert_string_equal(doc.links[0], "rel/x");
	assert_string_equal(doc.links[1], "caf%C3%A9%20%E2%80%AE%7C%25zz%41");
	html_doc_release(&doc);

	/* xmlBuildURI() decodes the host: encoded again, no ESC, no space */
	render("<base href=\"http://e.example%20x%1B%5B2J/\"><a href=y>y</a>",
	    NULL, &doc);
	assert_int_equal(doc.nlinks, 1);
	assert_string_equal(doc.links[0], "http://e.example%20x%1B[2J/y");
	html_doc_release(&doc);

	/* a link around blocks numbers each */
	render("<a href=\"http://e.example/\"><h2>Title</h2><p>Teaser</p></a>",
	    NULL, &doc);
	assert_int_equal(doc.nlines, 2);
	CHECK_LINE(&doc, 0, LINE_HEADING, 2, "Title[1]");
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "Teaser[1]");
	html_doc_release(&doc);
}

/* Many links: numbers stay right when the hash of links grows. */
static void
test_html_render_many_links(void **state)
{
	struct strbuf html = STRBUF_INIT;
	struct html_doc doc;
	char want[64];
	int i;

	for (i = 0; i < 3000; i++)
		strbuf_addf(&html, "<a href=\"http://e.example/%d\">l</a> ",
		    i % 1000);
	render(html.buf, NULL, &doc);
	assert_int_equal(doc.nlinks, 1000);
	for (i = 0; i < 1000; i++) {
		snprintf(want, sizeof(want), "http://e.example/%d", i);
		assert_string_equal(doc.links[i], want);
	}
	assert_non_null(strstr(doc.lines[0].text, "l[1000] l[1] l[2]"));
	html_doc_release(&doc);
	strbuf_release(&html);
}

static void
test_html_render_dropped(void **state)
{
	struct html_doc doc;
	struct strbuf big = STRBUF_INIT;
	int i;

	render("<script>alert(1)</script><style>p{}</style><!-- note -->"
	    "<p>kept</p><p hidden>h1</p><p style=\"color:red; DISPLAY : "
	    "None\">h2</p><p style=\"visibility:hidden\">h3</p>"
	    "<span aria-hidden=\"true\">h4</span>"
	    "<div class=\"share-bar\"><a href=\"http://t.example/s\">Tweet"
	    "</a></div><ul id=\"social_links\"><li>Follow</ul>"
	    "<div class=\"newsletter-signup\">Sign up</div>"
	    "<span class=\"sr-only\">h5</span><noscript>h6</noscript>"
	    "<iframe src=\"http://v.example/\">h7</iframe><form><input "
	    "value=h8><button>h9</button>form text</form>"
	    "<p class=\"shareholder\">shareholders</p>"
	    "<p style=\"display:none-ish\">shown</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 4);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "kept");
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "form text");
	CHECK_LINE(&doc, 2, LINE_PARA, 0, "shareholders");
	CHECK_LINE(&doc, 3, LINE_PARA, 0, "shown");
	assert_int_equal(doc.nlinks, 0);
	html_doc_release(&doc);

	/* an article that calls itself "social" has too much text to drop */
	strbuf_addstr(&big, "<div class=\"social-affairs\">");
	for (i = 0; i < 20; i++)
		strbuf_addstr(&big, "<p>Housing benefit claims rose again in "
		    "the spring, the department said.</p>");
	strbuf_addstr(&big, "</div>");
	render(big.buf, NULL, &doc);
	assert_int_equal(doc.nlines, 20);
	html_doc_release(&doc);
	strbuf_release(&big);
}

static void
test_html_render_inline(void **state)
{
	struct html_doc doc;

	render("<p>E = mc<sup>2</sup>, H<sub>2</sub>O, x<sup>(2+1)</sup>, "
	    "5<sup>th</sup>, note<sup><a href=\"#fn1\">1</a></sup>, "
	    "<q>quoted</q>, extra\xc2\xadordinary</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 1);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "E = mc\xc2\xb2, H\xe2\x82\x82O, "
	    "x\xe2\x81\xbd\xc2\xb2\xe2\x81\xba\xc2\xb9\xe2\x81\xbe, 5th, "
	    "note\xc2\xb9, \xe2\x80\x9cquoted\xe2\x80\x9d, extraordinary");
	html_doc_release(&doc);
}

static void
test_html_render_rules_collapse(void **state)
{
	struct html_doc doc;

	render("<hr><p>a</p><hr><hr/><hr><p>b</p><hr><nav>menu</nav><hr>",
	    NULL, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "a");
	CHECK_LINE(&doc, 1, LINE_RULE, 0, "");
	CHECK_LINE(&doc, 2, LINE_PARA, 0, "b");
	html_doc_release(&doc);
}

/* HTML without a tag is taken as text: blank lines end paragraphs. */
static void
test_html_render_untagged(void **state)
{
	struct html_doc doc;

	render("One &amp; one\nline.\n \t\nTwo.\n\n\nThree.", NULL, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "One & one line.");
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "Two.");
	CHECK_LINE(&doc, 2, LINE_PARA, 0, "Three.");
	html_doc_release(&doc);
	/* with a tag it is HTML: new lines are spaces */
	render("<b>One</b>\n\nTwo.", NULL, &doc);
	assert_int_equal(doc.nlines, 1);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "One Two.");
	html_doc_release(&doc);
}

static void
test_html_render_entities(void **state)
{
	struct html_doc doc;

	render("<p>caf&eacute; &amp; &lt;b&gt; &#x4E2D;&#20013; &quot;q&quot;"
	    " a&nbsp;b &unknown; &#0; &#x110000;</p><p>&nbsp;</p>"
	    "<p> &nbsp; &#160; </p><p>&#x1b;[31mred</p>", NULL, &doc);
	assert_int_equal(doc.nlines, 2);
	assert_non_null(strstr(doc.lines[0].text,
	    "café & <b> " ZHONG ZHONG " \"q\" a" NBSP "b &unknown;"));
	check_clean(doc.lines[0].text);
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "[31mred");
	html_doc_release(&doc);
}

static void
test_html_render_sanitised(void **state)
{
	struct html_doc doc;

	/* libxml2 drops a raw ESC, the sanitiser the rest */
	render("<p>a\x1b[2Jb\x07\xc2\x9b" "31mc</p>"
	    "<p><a href=\"http://e.example/\x1b]52;c;x\x07y\">t" RLO "xe."
	    ZWSP "exe</a></p><p>bad \xff\xfe bytes</p>"
	    "<img alt=\"x\x1b[1m" RLO "y\">", NULL, &doc);
	check_doc_clean(&doc);
	assert_int_equal(doc.nlines, 4);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "a[2Jbc");
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "txe.exe[1]");
	CHECK_LINE(&doc, 2, LINE_PARA, 0, "bad \xef\xbf\xbd\xef\xbf\xbd bytes");
	CHECK_LINE(&doc, 3, LINE_IMAGE, 0, "[image: xy]");
	assert_int_equal(doc.nlinks, 1);
	assert_int_equal(strncmp(doc.links[0], "http://e.example/", 17), 0);
	html_doc_release(&doc);
}

static void
test_html_render_text(void **state)
{
	struct html_doc doc;
	static const char text[] = "First line\nwraps on.\r\n\r\n  \n"
	    "Second <b>not a tag</b>\x1b[31m\n\n\nThird";

	memset(&doc, 0, sizeof(doc));
	html_render_text(text, sizeof(text) - 1, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 0, LINE_PARA, 0, "First line wraps on.");
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "Second <b>not a tag</b>");
	CHECK_LINE(&doc, 2, LINE_PARA, 0, "Third");
	html_doc_release(&doc);
	html_render_text("", 0, &doc);
	assert_int_equal(doc.nlines, 0);
	html_render_text(" \n\n ", 4, &doc);
	assert_int_equal(doc.nlines, 0);
}

static void
test_html_render_empty(void **state)
{
	static const char *const empty[] = {
		"", " ", "\n\n", "<p></p>", "<!-- x -->", "<script>x</script>",
		"<html><head><title>t</title></head><body></body></html>",
		"<", "<p>&nbsp;</p>", "<div><span> </span></div>",
	};
	struct html_doc doc;
	size_t i;

	for (i = 0; i < sizeof(empty) / sizeof(empty[0]); i++) {
		render(empty[i], NULL, &doc);
		assert_int_equal(doc.nlines, 0);
		assert_int_equal(doc.nlinks, 0);
		html_doc_release(&doc);
	}
}

/* Open and close n copies of tag around "deep". */
static char *
nested(const char *open, const char *close, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	strbuf_addstr(&sb, "<p>before</p>");
	for (i = 0; i < n; i++)
		strbuf_addstr(&sb, open);
	strbuf_addstr(&sb, "deep");
	for (i = 0; i < n; i++)
		strbuf_addstr(&sb, close);
	strbuf_addstr(&sb, "<p>after</p>");
	return strbuf_detach(&sb, NULL);
}

static void
test_html_render_deep(void **state)
{
	static const char *const tags[][2] = {
		{ "<div>", "</div>" }, { "<span>", "</span>" },
		{ "<blockquote>", "</blockquote>" }, { "<ul><li>", "</ul>" },
		{ "<table><tr><td>", "</table>" }, { "<a href=x>", "</a>" },
		{ "<b><i>", "</i></b>" }, { "<pre>", "</pre>" },
	};
	struct html_doc doc;
	struct html_wrapped out;
	size_t i;
	char *html;

	/* 100 000 levels: no crash; libxml2 stops parsing at 256 */
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		html = nested(tags[i][0], tags[i][1], 100000);
		render(html, NULL, &doc);
		assert_true(doc.nlines >= 1);
		CHECK_LINE(&doc, 0, LINE_PARA, 0, "before");
		memset(&out, 0, sizeof(out));
		html_wrap(&doc, 20, &out);
		html_wrapped_release(&out);
		html_doc_release(&doc);
		free(html);
	}
	/* 200 levels are all kept */
	html = nested("<div>", "</div>", 200);
	render(html, NULL, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 1, LINE_PARA, 0, "deep");
	html_doc_release(&doc);
	free(html);
	html = nested("<blockquote>", "</blockquote>", 200);
	render(html, NULL, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 1, LINE_QUOTE, 200, "deep");
	html_doc_release(&doc);
	free(html);
}

static void
test_html_to_line(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	static const char s[] = "Caf&eacute; <b>news</b><script>x()</script>"
	    "<p>para</p>\n\tend";

	html_to_line(s, sizeof(s) - 1, &sb);
	assert_string_equal(sb.buf, "Café news para end");
	strbuf_reset(&sb);
	html_to_line("plain \x1b[31m text", 17, &sb);
	assert_string_equal(sb.buf, "plain text");
	strbuf_release(&sb);
}

/* Wrap doc to width; check each display line and return them. */
static void
wrap_checked(const struct html_doc *doc, size_t width,
    struct html_wrapped *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	html_wrap(doc, width, out);
	for (i = 0; i < out->nlines; i++) {
		check_clean(out->lines[i].text);
		assert_true(width_str(out->lines[i].text,
		    strlen(out->lines[i].text)) <=
		    (width < HTML_WRAP_MIN ? HTML_WRAP_MIN : width));
		assert_true(out->lines[i].src < doc->nlines);
	}
}

/* The display lines of a one-paragraph doc, joined, hold text less spaces. */
static void
check_same_text(const struct html_wrapped *out, const char *text)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	size_t i;
	const char *s;

	for (s = text; *s != '\0'; s++)
		if (*s != ' ')
			strbuf_addch(&a, *s);
	for (i = 0; i < out->nlines; i++)
		for (s = out->lines[i].text; *s != '\0'; s++)
			if (*s != ' ')
				strbuf_addch(&b, *s);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	strbuf_release(&a);
	strbuf_release(&b);
}

/* A doc of one paragraph with text s, as html_render_text makes it. */
static void
one_para(const char *s, struct html_doc *doc)
{
	memset(doc, 0, sizeof(*doc));
	html_render_text(s, strlen(s), doc);
	assert_int_equal(doc->nlines, 1);
	assert_string_equal(doc->lines[0].text, s);
}

/* Wrap the paragraph s at 80, 40 and 20 columns: widths and text kept. */
static void
check_widths(const char *s)
{
	static const size_t widths[] = { 80, 40, 20, 7, 2 };
	struct html_doc doc;
	struct html_wrapped out;
	size_t i;

	one_para(s, &doc);
	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		wrap_checked(&doc, widths[i], &out);
		check_same_text(&out, s);
		html_wrapped_release(&out);
	}
	html_doc_release(&doc);
}

/* A text of n copies of the pieces, cycled. */
static char *
repeat(const char *const *pieces, size_t npieces, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_addstr(&sb, pieces[i % npieces]);
	return strbuf_detach(&sb, NULL);
}

static void
test_html_wrap_words(void **state)
{
	struct html_doc doc;
	struct html_wrapped out;

	one_para("aaa bbb ccc dddddddddd e", &doc);
	wrap_checked(&doc, 7, &out);
	assert_int_equal(out.nlines, 4);
	assert_string_equal(out.lines[0].text, "aaa bbb");
	assert_string_equal(out.lines[1].text, "ccc");
	assert_string_equal(out.lines[2].text, "ddddddd");
	assert_string_equal(out.lines[3].text, "ddd e");
	assert_int_equal(out.lines[0].type, LINE_PARA);
	html_wrapped_release(&out);
	wrap_checked(&doc, 80, &out);
	assert_int_equal(out.nlines, 1);
	assert_string_equal(out.lines[0].text, "aaa bbb ccc dddddddddd e");
	html_wrapped_release(&out);
	/* a width under the least is the least */
	wrap_checked(&doc, 0, &out);
	assert_string_equal(out.lines[0].text, "aa");
	html_wrapped_release(&out);
	html_doc_release(&doc);
}

/* A word longer than a line is cut after "-", "/", "?" or "&" if it can. */
static void
test_html_wrap_soft_cuts(void **state)
{
	struct html_doc doc;
	struct html_wrapped out;

	one_para("x mother-in-law-to-be-of-the-year-award-winner.", &doc);
	wrap_checked(&doc, 40, &out);
	assert_int_equal(out.nlines, 3);
	assert_string_equal(out.lines[0].text, "x");
	assert_string_equal(out.lines[1].text,
	    "mother-in-law-to-be-of-the-year-award-");
	assert_string_equal(out.lines[2].text, "winner.");
	html_wrapped_release(&out);
	html_doc_release(&doc);
	/* not in the first half of the line: "a/" stays a character cut */
	one_para("a/bcdefghijklmnopqrstuvwxyz", &doc);
	wrap_checked(&doc, 10, &out);
	assert_string_equal(out.lines[0].text, "a/bcdefghi");
	html_wrapped_release(&out);
	html_doc_release(&doc);
}

static void
test_html_wrap_cjk(void **state)
{
	static const char *const cjk[] = {
		"日本語の文章は、", "空白なしで書かれます。", "「引用」と",
		"English words", " 混ざる", "。", "한국어 문장도 ",
	};
	struct html_doc doc;
	struct html_wrapped out;
	char *s;
	size_t i, len;

	s = repeat(cjk, 7, 200);
	check_widths(s);
	one_para(s, &doc);
	wrap_checked(&doc, 20, &out);
	for (i = 0; i < out.nlines; i++) {
		/* no line starts with a closing mark or ends opening one */
		assert_false(strncmp(out.lines[i].text, MARU, 3) == 0);
		assert_false(strncmp(out.lines[i].text, "、", 3) == 0);
		assert_false(strncmp(out.lines[i].text, "」", 3) == 0);
		len = strlen(out.lines[i].text);
		assert_false(len >= 3 &&
		    strcmp(out.lines[i].text + len - 3, "「") == 0);
	}
	/* CJK fills the line: 20 columns of text, not a word a line */
	assert_int_equal(width_str(out.lines[0].text,
	    strlen(out.lines[0].text)), 20);
	html_wrapped_release(&out);
	html_doc_release(&doc);
	free(s);

	/* Korean breaks at spaces only */
	one_para("서울시는 오늘 새로운 대중교통 계획을", &doc);
	wrap_checked(&doc, 24, &out);
	assert_int_equal(out.nlines, 2);
	assert_string_equal(out.lines[0].text, "서울시는 오늘 새로운");
	assert_string_equal(out.lines[1].text, "대중교통 계획을");
	html_wrapped_release(&out);
	html_doc_release(&doc);

	/* wide characters never straddle: 11 of them at 21 columns */
	one_para(ZHONG ZHONG ZHONG ZHONG ZHONG ZHONG ZHONG ZHONG ZHONG
	    ZHONG ZHONG, &doc);
	wrap_checked(&doc, 21, &out);
	assert_int_equal(out.nlines, 2);
	assert_int_equal(width_str(out.lines[0].text,
	    strlen(out.lines[0].text)), 20);
	html_wrapped_release(&out);
	html_doc_release(&doc);
}

static void
test_html_wrap_emoji(void **state)
{
	static const char *const emoji[] = {
		"love " HEART VS16 " ", GRIN, GRIN " ", "thumbs\xf0\x9f\x91\x8d"
		    "\xf0\x9f\x8f\xbd ", MAN ZWJ WOMAN ZWJ GIRL " family ",
		"\xf0\x9f\x87\xac\xf0\x9f\x87\xa7 ", "e" ACUTE ACUTE "x ",
		"noSpaces" HEART VS16 GRIN MAN ZWJ WOMAN ZWJ GIRL "e" ACUTE,
	};
	struct html_doc doc;
	struct html_wrapped out;
	char *s;
	size_t i, j;

	s = repeat(emoji, 8, 400);
	check_widths(s);
	free(s);
	/* a heart with VS16 counts two columns: the line breaks before it */
	one_para("abcdefgh " HEART VS16, &doc);
	wrap_checked(&doc, 10, &out);
	assert_int_equal(out.nlines, 2);
	assert_string_equal(out.lines[1].text, HEART VS16);
	html_wrapped_release(&out);
	html_doc_release(&doc);
	/* a ZWJ family cut short stays whole when a cluster fits */
	one_para("xy" MAN ZWJ WOMAN ZWJ GIRL, &doc);
	wrap_checked(&doc, 7, &out);
	assert_int_equal(out.nlines, 2);
	assert_string_equal(out.lines[0].text, "xy");
	html_wrapped_release(&out);
	html_doc_release(&doc);
	/* combining marks stay with their base at every cut */
	s = repeat((const char *const[]){ "e" ACUTE }, 1, 100);
	one_para(s, &doc);
	for (j = 2; j < 30; j++) {
		wrap_checked(&doc, j, &out);
		for (i = 0; i < out.nlines; i++)
			assert_false(strncmp(out.lines[i].text, ACUTE, 2) == 0);
		check_same_text(&out, s);
		html_wrapped_release(&out);
	}
	html_doc_release(&doc);
	free(s);
}

/* A 1 MB line without spaces, of ASCII, CJK and emoji. */
static void
test_html_wrap_1mb(void **state)
{
	static const char *const parts[] = {
		"x", ZHONG, "y", GRIN, "e" ACUTE, HEART VS16,
	};
	struct strbuf sb = STRBUF_INIT;
	struct html_doc doc;
	struct html_wrapped out;
	size_t i;

	while (sb.len < 1024 * 1024)
		strbuf_addstr(&sb, "abcdefghij");
	one_para(sb.buf, &doc);
	wrap_checked(&doc, 20, &out);
	assert_int_equal(out.nlines, (sb.len + 19) / 20);
	check_same_text(&out, sb.buf);
	html_wrapped_release(&out);
	html_doc_release(&doc);
	strbuf_reset(&sb);
	for (i = 0; sb.len < 1024 * 1024; i++)
		strbuf_addstr(&sb, parts[i % 6]);
	check_widths(sb.buf);
	strbuf_release(&sb);
}

static void
test_html_wrap_items(void **state)
{
	struct html_doc doc;
	struct html_wrapped out;

	render("<p>Intro text</p><ul><li>one two three four<li>five<ol>"
	    "<li>six seven eight</ol></ul>", NULL, &doc);
	wrap_checked(&doc, 12, &out);
	assert_int_equal(out.nlines, 8);
	assert_string_equal(out.lines[0].text, "Intro text");
	assert_string_equal(out.lines[1].text, "");
	assert_string_equal(out.lines[2].text, "• one two");
	assert_string_equal(out.lines[3].text, "  three four");
	assert_string_equal(out.lines[4].text, "• five");
	assert_string_equal(out.lines[5].text, "  1. six");
	assert_string_equal(out.lines[6].text, "     seven");
	assert_string_equal(out.lines[7].text, "     eight");
	assert_int_equal(out.lines[2].type, LINE_ITEM);
	assert_int_equal(out.lines[2].src, 1);
	html_wrapped_release(&out);
	html_doc_release(&doc);
}

static void
test_html_wrap_quote(void **state)
{
	struct html_doc doc;
	struct html_wrapped out;

	render("<blockquote><p>one two three</p><blockquote>four</blockquote>"
	    "</blockquote>", NULL, &doc);
	wrap_checked(&doc, 10, &out);
	assert_int_equal(out.nlines, 4);
	assert_string_equal(out.lines[0].text, "│ one two");
	assert_string_equal(out.lines[1].text, "│ three");
	assert_string_equal(out.lines[2].text, "│");
	assert_string_equal(out.lines[3].text, "│ │ four");
	html_wrapped_release(&out);
	html_doc_release(&doc);
}

static void
test_html_wrap_blocks(void **state)
{
	struct html_doc doc;
	struct html_wrapped out;

	render("<h1>Big title</h1><h2>Sub</h2><hr><pre>  a long line of code"
	    "</pre><table><tr><td>one<td>two<td>three</table>", NULL, &doc);
	wrap_checked(&doc, 12, &out);
	assert_int_equal(out.nlines, 13);
	assert_string_equal(out.lines[0].text, "Big title");
	assert_string_equal(out.lines[1].text, "═════════");
	assert_string_equal(out.lines[3].text, "Sub");
	assert_string_equal(out.lines[4].text, "───");
	assert_string_equal(out.lines[6].text, "────────────");
	/* preformatted: cut, not reflowed */
	assert_string_equal(out.lines[8].text, "  a long lin");
	assert_string_equal(out.lines[9].text, "e of code");
	assert_string_equal(out.lines[11].text, "one | two |");
	assert_string_equal(out.lines[12].text, "  three");
	html_wrapped_release(&out);
	html_doc_release(&doc);
}

/* Deep lists and quotes leave at least half the width for text. */
static void
test_html_wrap_deep_indent(void **state)
{
	struct html_doc doc;
	struct html_wrapped out;
	char *html;
	size_t i;

	html = nested("<blockquote><ol><li>", "</ol></blockquote>", 60);
	render(html, NULL, &doc);
	assert_int_equal(doc.nlines, 3);
	CHECK_LINE(&doc, 1, LINE_QUOTE, 60, "deep");
	assert_string_equal(doc.lines[1].marker, "1.");
	wrap_checked(&doc, 20, &out);
	/* three bars and the marker leave half the width for the text */
	for (i = 0; i < out.nlines; i++)
		if (strstr(out.lines[i].text, "deep") != NULL)
			break;
	assert_true(i < out.nlines);
	assert_int_equal(out.lines[i].src, 1);
	assert_string_equal(out.lines[i].text, "│ │ │ 1. deep");
	html_wrapped_release(&out);
	wrap_checked(&doc, 2, &out);
	html_wrapped_release(&out);
	html_doc_release(&doc);
	free(html);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_render_paragraphs),
		cmocka_unit_test(test_html_render_headings),
		cmocka_unit_test(test_html_render_list_bullets),
		cmocka_unit_test(test_html_render_list_numbers),
		cmocka_unit_test(test_html_render_quote),
		cmocka_unit_test(test_html_render_pre),
		cmocka_unit_test(test_html_render_rule),
		cmocka_unit_test(test_html_render_table),
		cmocka_unit_test(test_html_render_image),
		cmocka_unit_test(test_html_render_caption),
		cmocka_unit_test(test_html_render_links),
		cmocka_unit_test(test_html_render_many_links),
		cmocka_unit_test(test_html_render_dropped),
		cmocka_unit_test(test_html_render_inline),
		cmocka_unit_test(test_html_render_rules_collapse),
		cmocka_unit_test(test_html_render_untagged),
		cmocka_unit_test(test_html_render_entities),
		cmocka_unit_test(test_html_render_sanitised),
		cmocka_unit_test(test_html_render_text),
		cmocka_unit_test(test_html_render_empty),
		cmocka_unit_test(test_html_render_deep),
		cmocka_unit_test(test_html_to_line),
		cmocka_unit_test(test_html_wrap_words),
		cmocka_unit_test(test_html_wrap_soft_cuts),
		cmocka_unit_test(test_html_wrap_cjk),
		cmocka_unit_test(test_html_wrap_emoji),
		cmocka_unit_test(test_html_wrap_1mb),
		cmocka_unit_test(test_html_wrap_items),
		cmocka_unit_test(test_html_wrap_quote),
		cmocka_unit_test(test_html_wrap_blocks),
		cmocka_unit_test(test_html_wrap_deep_indent),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
