/* SPDX-License-Identifier: ISC */
/*
 * extract: the article of a page (what is kept and what is dropped:
 * navigation, banners, share bars, related stories, comments, sidebars,
 * footers), its title from each source, byline, date and lead caption;
 * links made absolute, text-only output, data tables, a split article,
 * charsets; pages with no article, lists of links, a page over the size
 * cap, deep nesting, hostile bytes; and feed discovery (RSS, Atom,
 * several alternates, relative hrefs and <base>, none). The pages are in
 * tests/data/extract/.
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

#include "extract.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define BASE	"https://news.example.org/2026/03/barrier.html"

/* Read tests/data/extract/name into sb, which must work. */
static void
read_page(const char *name, struct strbuf *sb)
{
	struct strbuf err = STRBUF_INIT;
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/data/extract/%s",
	    top != NULL ? top : ".", name);

	if (file_read(path, sb, &err) == -1)
		fail_msg("%s", err.buf);
	free(path);
	strbuf_release(&err);
}

/* Extract the page name at url with flags into a, which must work. */
static void
extract_page(const char *name, const char *url, unsigned flags,
    struct extract_article *a)
{
	struct strbuf page = STRBUF_INIT, err = STRBUF_INIT;

	read_page(name, &page);
	if (extract_article(page.buf, page.len, url, NULL, flags, a,
	    &err) == -1)
		fail_msg("%s: %s", name, err.buf);
	strbuf_release(&page);
	strbuf_release(&err);
}

/* Extract the string s; returns what extract_article() returned. */
static int
extract_string(const char *s, unsigned flags, struct extract_article *a,
    struct strbuf *err)
{
	return extract_article(s, strlen(s), BASE, NULL, flags, a, err);
}

#define HAS(hay, needle) do {						\
	if (strstr((hay), (needle)) == NULL)				\
		fail_msg("'%s' not in:\n%s", (needle), (hay));		\
} while (0)

#define HAS_NOT(hay, needle) do {					\
	if (strstr((hay), (needle)) != NULL)				\
		fail_msg("'%s' in:\n%s", (needle), (hay));		\
} while (0)

/* Ten sentences of running text, with commas, as one <p> each. */
static void
add_story(struct strbuf *sb)
{
	int i;

	for (i = 0; i < 10; i++)
		strbuf_addf(sb, "<p>Sentence %d of the story goes on, with a "
		    "comma or two, for long enough to count as a paragraph "
		    "of the article itself.</p>\n", i);
}

static void
test_extract_article_news(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;

	(void)state;
	extract_page("article.html", BASE, 0, &a);
	assert_string_equal(a.title,
	    "Harbour council approves tidal barrier plan");
	assert_string_equal(a.byline, "By the Harbour Desk");
	assert_string_equal(a.published, "2026-03-14T09:30:00Z");
	assert_string_equal(a.site_name, "The Coastal Gazette");
	assert_string_equal(a.lead_caption, "The harbour mouth at low tide, "
	    "where the barrier will stand. Photo: Gazette archive");
	HAS(a.html, "ending a debate that has run");
	HAS(a.html, "<h2>Objections from fishing crews</h2>");
	HAS(a.html, "<blockquote>");
	HAS(a.html, "How the council voted");
	HAS(a.html, "<td>Harbour ward</td>");
	HAS(a.html, "twelve weeks to raise any objection");
	HAS(a.html, "<figcaption>");
	/* the headline is the title, and the byline is apart */
	HAS_NOT(a.html, "<h2>Harbour council approves");
	HAS_NOT(a.html, "Harbour Desk");
	/* what is not the article */
	HAS_NOT(a.html, "cookies");
	HAS_NOT(a.html, "Sport");
	HAS_NOT(a.html, "Buy two boats");
	HAS_NOT(a.html, "Share on Social");
	HAS_NOT(a.html, "Related stories");
	HAS_NOT(a.html, "Port authority posts record year");
	HAS_NOT(a.html, "About time");
	HAS_NOT(a.html, "Most read");
	HAS_NOT(a.html, "morning briefing");
	HAS_NOT(a.html, "All rights reserved");
	HAS_NOT(a.html, "window.tracker");
	HAS_NOT(a.html, "display: block");
	assert_true(a.text_len > 1000 && a.text_len < 2000);
	assert_int_equal(a.html_len, strlen(a.html));
	extract_article_release(&a);
	assert_null(a.html);
}

static void
test_extract_article_links_absolute(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "<html><body><article><p>See <a href=\"../map."
	    "html\">the map</a> and <a href=\"javascript:void(0)\">this</a> "
	    "and <a href=\"#top\">the top</a>, with an image <img src=\""
	    "/img/a.jpg\" alt=\"the quay\" data-x=\"y\" style=\"c\"> of "
	    "it.</p>");
	add_story(&sb);
	strbuf_addstr(&sb, "</article></body></html>");
	assert_int_equal(extract_string(sb.buf, 0, &a, &err), 0);
	HAS(a.html, "<a href=\"https://news.example.org/2026/map.html\">"
	    "the map</a>");
	HAS(a.html, "<img src=\"https://news.example.org/img/a.jpg\" "
	    "alt=\"the quay\">");
	HAS(a.html, " and this and the top,");
	HAS_NOT(a.html, "javascript");
	HAS_NOT(a.html, "style=");
	HAS_NOT(a.html, "data-x");
	extract_article_release(&a);
	assert_int_equal(extract_string(sb.buf, EXTRACT_TEXT_ONLY, &a,
	    &err), 0);
	HAS(a.html, "See the map and");
	HAS_NOT(a.html, "<a ");
	HAS_NOT(a.html, "<img");
	extract_article_release(&a);
	strbuf_release(&sb);
	strbuf_release(&err);
}

static void
test_extract_article_base_element(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "<html><head><base href=\"https://cdn.example."
	    "net/base/\"></head><body><div><p>A <a href=\"page.html\">link"
	    "</a> here.</p>");
	add_story(&sb);
	strbuf_addstr(&sb, "</div></body></html>");
	assert_int_equal(extract_string(sb.buf, 0, &a, &err), 0);
	HAS(a.html, "href=\"https://cdn.example.net/base/page.html\"");
	extract_article_release(&a);
	strbuf_release(&sb);
	strbuf_release(&err);
}

/* The title extract_article() finds in a page of head and the story. */
static char *
title_of(const char *head, const char *body_start)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	char *title;

	strbuf_addf(&sb, "<html><head>%s</head><body>%s<div>", head,
	    body_start);
	add_story(&sb);
	strbuf_addstr(&sb, "</div></body></html>");
	if (extract_string(sb.buf, 0, &a, &err) == -1)
		fail_msg("%s", err.buf);
	title = a.title != NULL ? xstrdup(a.title) : NULL;
	extract_article_release(&a);
	strbuf_release(&sb);
	strbuf_release(&err);
	return title;
}

#define CHECK_TITLE(head, body, want) do {				\
	char *t_ = title_of((head), (body));				\
	assert_non_null(t_);						\
	assert_string_equal(t_, (want));				\
	free(t_);							\
} while (0)

static void
test_extract_article_title(void **state)
{
	(void)state;
	/* <title> with a site name after or before a separator */
	CHECK_TITLE("<title>Harbour council approves the plan | Gazette"
	    "</title>", "", "Harbour council approves the plan");
	CHECK_TITLE("<title>Harbour council approves the plan \xe2\x80\x93 "
	    "Gazette</title>", "", "Harbour council approves the plan");
	CHECK_TITLE("<title>Gazette \xc2\xbb Harbour council approves the "
	    "plan</title>", "", "Harbour council approves the plan");
	/* too short a rest: the whole title stays */
	CHECK_TITLE("<title>Canal - Wikipedia</title>", "",
	    "Canal - Wikipedia");
	/* metadata wins over <title>, and is taken as it is */
	CHECK_TITLE("<title>Home | Gazette</title><meta property=\"og:title"
	    "\" content=\"Tide tables for the spring\">", "",
	    "Tide tables for the spring");
	CHECK_TITLE("<meta name=\"twitter:title\" content=\"From Twitter\">"
	    "<meta property=\"og:title\" content=\"From Open Graph\">", "",
	    "From Open Graph");
	CHECK_TITLE("<meta property=\"og:title\" content=\"From Open Graph\">"
	    "<meta property=\"x:title dc:title\" content=\"From Dublin "
	    "Core\">", "", "From Dublin Core");
	/* no title at all: the one h1 */
	CHECK_TITLE("", "<h1>The only heading</h1>", "The only heading");
	/* white space and entities */
	CHECK_TITLE("<title>\n  Fish &amp;\n chips  </title>", "",
	    "Fish & chips");
}

static void
test_extract_article_json_ld(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;

	(void)state;
	extract_page("jsonld.html", NULL, 0, &a);
	assert_string_equal(a.title, "Bridge reopens after \xc3\xa9t\xc3\xa9 "
	    "repairs");
	assert_string_equal(a.byline, "Example Press newsroom");
	assert_string_equal(a.published, "2026-01-02T08:00:00Z");
	HAS(a.html, "reopened to traffic on Monday");
	extract_article_release(&a);
}

static void
test_extract_article_split(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;

	(void)state;
	extract_page("split.html", NULL, EXTRACT_TEXT_ONLY, &a);
	assert_string_equal(a.title, "A long walk along the old canal");
	HAS(a.html, "The towpath starts behind the railway station");
	HAS(a.html, "The walk ends at the basin");
	HAS(a.html, "The third lock, rebuilt last year.");
	/* in order */
	assert_true(strstr(a.html, "towpath") < strstr(a.html, "aqueduct"));
	extract_article_release(&a);
}

static void
test_extract_article_charset(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf page = STRBUF_INIT, err = STRBUF_INIT;
	const char *utf8 = "<html><head><meta charset=\"iso-8859-1\"><title>"
	    "Caf\xc3\xa9</title></head><body><div><p>A caf\xc3\xa9 with a "
	    "view of the harbour, open every day of the week, and busy "
	    "at lunch.</p></div></body></html>";

	(void)state;
	/* the page's declaration */
	extract_page("latin1.html", NULL, 0, &a);
	assert_string_equal(a.title, "Caf\xc3\xa9 culture");
	HAS(a.html, "cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e");
	extract_article_release(&a);
	/* the server's charset wins */
	read_page("latin1.html", &page);
	assert_int_equal(extract_article(page.buf, page.len, NULL, "UTF-8",
	    0, &a, &err), 0);
	HAS(a.html, "\xef\xbf\xbd");
	extract_article_release(&a);
	/* a charset libxml2 does not know is not used */
	assert_int_equal(extract_article(page.buf, page.len, NULL,
	    "x-no-such-charset", 0, &a, &err), 0);
	HAS(a.html, "cr\xc3\xa8me");
	extract_article_release(&a);
	/* bytes that are UTF-8 are read as UTF-8, whatever they say */
	assert_int_equal(extract_string(utf8, 0, &a, &err), 0);
	assert_string_equal(a.title, "Caf\xc3\xa9");
	assert_true(utf8_valid(a.html, a.html_len));
	extract_article_release(&a);
	strbuf_release(&page);
	strbuf_release(&err);
}

static void
test_extract_article_hidden(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "<html><body><div>"
	    "<p hidden>Hidden by attribute.</p>"
	    "<p aria-hidden=\"true\">Hidden from readers.</p>"
	    "<p style=\"color: red; DISPLAY : none\">Hidden by style.</p>"
	    "<p class=\"sr-only\">Only for screen readers.</p>"
	    "<div role=\"dialog\"><p>Subscribe now, three months free, "
	    "cancel at any time, no questions asked.</p></div>");
	add_story(&sb);
	strbuf_addstr(&sb, "</div></body></html>");
	assert_int_equal(extract_string(sb.buf, 0, &a, &err), 0);
	HAS(a.html, "Sentence 9");
	HAS_NOT(a.html, "Hidden");
	HAS_NOT(a.html, "screen readers");
	HAS_NOT(a.html, "Subscribe");
	extract_article_release(&a);
	strbuf_release(&sb);
	strbuf_release(&err);
}

static void
test_extract_article_escapes(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "<html><head><title>A \x1b[31mred\x1b[0m title"
	    "</title></head><body><div><p>Fish &amp; chips &lt;b&gt; cost "
	    "\x1b]0;owned\x07 less than 5 &gt; 4, said the sign by the "
	    "door, in large letters.</p>");
	add_story(&sb);
	strbuf_addstr(&sb, "</div></body></html>");
	assert_int_equal(extract_string(sb.buf, 0, &a, &err), 0);
	HAS(a.html, "Fish &amp; chips &lt;b&gt; cost");
	HAS(a.html, "5 &gt; 4");
	assert_null(strchr(a.html, '\x1b'));
	assert_null(strchr(a.title, '\x1b'));
	assert_null(strchr(a.html, '\x07'));
	extract_article_release(&a);
	strbuf_release(&sb);
	strbuf_release(&err);
}

static void
test_extract_article_no_article(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf page = STRBUF_INIT, err = STRBUF_INIT;

	(void)state;
	read_page("no-article.html", &page);
	assert_int_equal(extract_article(page.buf, page.len, NULL, NULL, 0,
	    &a, &err), -1);
	assert_string_equal(err.buf, "no article found on the page");
	assert_null(a.html);
	assert_null(a.title);
	strbuf_reset(&err);
	assert_int_equal(extract_string("", 0, &a, &err), -1);
	assert_string_equal(err.buf, "the page is empty or not HTML");
	strbuf_reset(&err);
	assert_int_equal(extract_string("<html><body><nav><a href=\"/\">"
	    "Home</a></nav></body></html>", 0, &a, &err), -1);
	assert_string_equal(err.buf, "no article found on the page");
	strbuf_release(&page);
	strbuf_release(&err);
}

static void
test_extract_article_list_page(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf page = STRBUF_INIT, err = STRBUF_INIT;

	(void)state;
	read_page("list-page.html", &page);
	assert_int_equal(extract_article(page.buf, page.len, NULL, NULL, 0,
	    &a, &err), -1);
	assert_string_equal(err.buf,
	    "no article found on the page: it is a list of links");
	strbuf_release(&page);
	strbuf_release(&err);
}

static void
test_extract_article_too_large(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf err = STRBUF_INIT;
	size_t len = EXTRACT_MAX_BYTES + 1;
	char *page = xmalloc(len);

	(void)state;
	memset(page, 'a', len);
	memcpy(page, "<p>", 3);
	assert_int_equal(extract_article(page, len, NULL, NULL, 0, &a, &err),
	    -1);
	assert_string_equal(err.buf, "the page is too large (over 8 MiB)");
	assert_null(a.html);
	/* at the cap it is read */
	strbuf_reset(&err);
	assert_int_equal(extract_article(page, len - 1, NULL, NULL, 0, &a,
	    &err), 0);
	extract_article_release(&a);
	free(page);
	strbuf_release(&err);
}

static void
test_extract_article_deep(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	int i;

	(void)state;
	strbuf_addstr(&sb, "<html><body>");
	for (i = 0; i < 5000; i++)
		strbuf_addstr(&sb, "<div class=\"author\">");
	strbuf_addstr(&sb, "<p>Deep inside, a paragraph with enough text, "
	    "and commas, to be an article of sorts.</p>");
	/* the parser stops nesting at 256: what is deeper is cut off */
	(void)extract_string(sb.buf, 0, &a, &err);
	extract_article_release(&a);
	strbuf_release(&sb);
	strbuf_release(&err);
}

static void
test_extract_type_ok(void **state)
{
	(void)state;
	assert_true(extract_type_ok(NULL));
	assert_true(extract_type_ok("text/html"));
	assert_true(extract_type_ok("application/xhtml+xml"));
	assert_true(extract_type_ok("text/plain"));
	assert_false(extract_type_ok("image/png"));
	assert_false(extract_type_ok("application/pdf"));
}

static void
test_extract_article_deterministic(void **state)
{
	struct extract_article a = EXTRACT_ARTICLE_INIT;
	struct extract_article b = EXTRACT_ARTICLE_INIT;

	(void)state;
	extract_page("article.html", BASE, 0, &a);
	extract_page("article.html", BASE, 0, &b);
	assert_string_equal(a.html, b.html);
	assert_string_equal(a.title, b.title);
	extract_article_release(&a);
	extract_article_release(&b);
}

/* The feeds of page name, with base; their number. */
static size_t
links_of(const char *name, const char *base, char ***urls)
{
	struct strbuf page = STRBUF_INIT;
	size_t n;

	read_page(name, &page);
	assert_int_equal(extract_feed_links(page.buf, page.len, base, urls,
	    &n), 0);
	strbuf_release(&page);
	return n;
}

static void
test_extract_feed_links_rss(void **state)
{
	char **urls;
	size_t n;

	(void)state;
	n = links_of("discover-rss.html", "https://gazette.example.org/news/"
	    "index.html", &urls);
	assert_int_equal(n, 1);
	assert_string_equal(urls[0],
	    "https://gazette.example.org/news/feed.xml");
	extract_feed_links_free(urls, n);
}

static void
test_extract_feed_links_atom(void **state)
{
	char **urls;
	size_t n;

	(void)state;
	n = links_of("discover-atom.html", NULL, &urls);
	assert_int_equal(n, 1);
	assert_string_equal(urls[0], "https://blog.example.org/atom.xml");
	extract_feed_links_free(urls, n);
}

static void
test_extract_feed_links_several(void **state)
{
	char **urls;
	size_t n;

	(void)state;
	n = links_of("discover-several.html", "http://news.example.org/",
	    &urls);
	/* XML feeds first, in page order, once each; JSON last */
	assert_int_equal(n, 3);
	assert_string_equal(urls[0],
	    "https://news.example.org/section/atom.xml");
	assert_string_equal(urls[1], "https://news.example.org/rss.xml");
	assert_string_equal(urls[2], "https://news.example.org/feed.json");
	extract_feed_links_free(urls, n);
}

static void
test_extract_feed_links_none(void **state)
{
	char **urls;
	size_t n;

	(void)state;
	n = links_of("discover-none.html", "https://example.org/", &urls);
	assert_int_equal(n, 0);
	assert_null(urls);
	n = links_of("article.html", "https://example.org/", &urls);
	assert_int_equal(n, 0);
	assert_int_equal(extract_feed_links("", 0, NULL, &urls, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(extract_feed_links("no tags at all", 14, NULL,
	    &urls, &n), 0);
	assert_int_equal(n, 0);
}

static void
test_extract_feed_links_files(void **state)
{
	const char *page = "<link rel=alternate type=application/rss+xml "
	    "href=feed.xml>";
	char **urls;
	size_t n;

	(void)state;
	/* a page of the user's own files may name a file */
	assert_int_equal(extract_feed_links(page, strlen(page),
	    "file:///home/reader/site/index.html", &urls, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(urls[0], "file:///home/reader/site/feed.xml");
	extract_feed_links_free(urls, n);
	/* without a base, a relative href goes nowhere */
	assert_int_equal(extract_feed_links(page, strlen(page), NULL, &urls,
	    &n), 0);
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract_article_news),
		cmocka_unit_test(test_extract_article_links_absolute),
		cmocka_unit_test(test_extract_article_base_element),
		cmocka_unit_test(test_extract_article_title),
		cmocka_unit_test(test_extract_article_json_ld),
		cmocka_unit_test(test_extract_article_split),
		cmocka_unit_test(test_extract_article_charset),
		cmocka_unit_test(test_extract_article_hidden),
		cmocka_unit_test(test_extract_article_escapes),
		cmocka_unit_test(test_extract_article_no_article),
		cmocka_unit_test(test_extract_article_list_page),
		cmocka_unit_test(test_extract_article_too_large),
		cmocka_unit_test(test_extract_article_deep),
		cmocka_unit_test(test_extract_article_deterministic),
		cmocka_unit_test(test_extract_type_ok),
		cmocka_unit_test(test_extract_feed_links_rss),
		cmocka_unit_test(test_extract_feed_links_atom),
		cmocka_unit_test(test_extract_feed_links_several),
		cmocka_unit_test(test_extract_feed_links_none),
		cmocka_unit_test(test_extract_feed_links_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
