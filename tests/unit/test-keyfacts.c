/* SPDX-License-Identifier: ISC */
/*
 * keyfacts: the sentence splitter on tricky news text, what a sentence
 * is, publisher boilerplate, the publisher's bullets found and cleaned,
 * extraction that never takes captions, bylines or promotions, how many
 * facts, and determinism. The articles in tests/data/keyfacts/ become
 * typed lines through a small stand-in for the HTML renderer, so that
 * these tests do not depend on it.
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

#include "html.h"
#include "keyfacts.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* Add a line to doc. */
static void
push_line(struct html_doc *doc, enum line_type type, int level,
    const char *marker, const char *text, size_t len)
{
	struct text_line *l;

	if (doc->nlines == doc->alloc) {
		doc->alloc = doc->alloc ? 2 * doc->alloc : 16;
		doc->lines = xreallocarray(doc->lines, doc->alloc,
		    sizeof(*doc->lines));
	}
	l = &doc->lines[doc->nlines++];
	memset(l, 0, sizeof(*l));
	l->type = type;
	l->level = level;
	l->marker = marker != NULL ? xstrdup(marker) : NULL;
	l->text = xstrndup(text, len);
}

/*
 * The stand-in for the renderer: blocks between blank lines; "# " and
 * "## " headings, "* " list items (one a line), "[caption] ", "> "
 * quotes; any other block a paragraph, its lines joined by spaces.
 */
static void
standin_doc(const char *s, struct html_doc *doc)
{
	struct strbuf para = STRBUF_INIT;
	size_t len = strlen(s), i = 0, j;

	memset(doc, 0, sizeof(*doc));
	while (i <= len) {
		for (j = i; j < len && s[j] != '\n'; j++)
			;
		if (j == i) {
			if (para.len > 0)
				push_line(doc, LINE_PARA, 0, NULL, para.buf,
				    para.len);
			strbuf_reset(&para);
		} else if (strncmp(s + i, "## ", 3) == 0)
			push_line(doc, LINE_HEADING, 2, NULL, s + i + 3,
			    j - i - 3);
		else if (strncmp(s + i, "# ", 2) == 0)
			push_line(doc, LINE_HEADING, 1, NULL, s + i + 2,
			    j - i - 2);
		else if (strncmp(s + i, "* ", 2) == 0)
			push_line(doc, LINE_ITEM, 1, "\xe2\x80\xa2", s + i + 2,
			    j - i - 2);
		else if (strncmp(s + i, "[caption] ", 10) == 0)
			push_line(doc, LINE_CAPTION, 0, NULL, s + i + 10,
			    j - i - 10);
		else if (strncmp(s + i, "> ", 2) == 0)
			push_line(doc, LINE_QUOTE, 1, NULL, s + i + 2,
			    j - i - 2);
		else {
			if (para.len > 0)
				strbuf_addch(&para, ' ');
			strbuf_add(&para, s + i, j - i);
		}
		if (j >= len)
			break;
		i = j + 1;
	}
	if (para.len > 0)
		push_line(doc, LINE_PARA, 0, NULL, para.buf, para.len);
	strbuf_release(&para);
}

static void
standin_release(struct html_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nlines; i++) {
		free(doc->lines[i].marker);
		free(doc->lines[i].text);
	}
	free(doc->lines);
	memset(doc, 0, sizeof(*doc));
}

/* The text of tests/data/keyfacts/name, as a new string. */
static char *
fixture(const char *name)
{
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	const char *top = getenv("top_srcdir");
	char *path;

	path = xasprintf("%s/tests/data/keyfacts/%s",
	    top != NULL ? top : ".", name);
	if (file_read(path, &sb, &err) == -1)
		fail_msg("%s", err.buf);
	free(path);
	strbuf_release(&err);
	return strbuf_detach(&sb, NULL);
}

/* The key facts of the fixture name, with title (may be NULL). */
static void
facts_of(const char *name, const char *title, struct keyfacts *kf,
    struct html_doc *doc)
{
	char *text = fixture(name);

	standin_doc(text, doc);
	free(text);
	keyfacts_from_doc(doc, title, kf);
}

static void
assert_facts(const struct keyfacts *kf, const char *const *want)
{
	size_t i;

	for (i = 0; want[i] != NULL; i++) {
		assert_true(i < kf->n);
		assert_string_equal(kf->facts[i], want[i]);
	}
	assert_int_equal(kf->n, i);
}

/* Split text and compare the sentences with want (NULL-terminated). */
static void
check_split(const char *text, const char *const *want)
{
	struct keyfacts_spans sp = KEYFACTS_SPANS_INIT;
	size_t i;

	keyfacts_split(text, strlen(text), &sp);
	for (i = 0; want[i] != NULL; i++) {
		if (i >= sp.n)
			fail_msg("'%s': %zu sentences, wanted more", text,
			    sp.n);
		if (strlen(want[i]) != sp.v[i].len ||
		    memcmp(want[i], text + sp.v[i].off, sp.v[i].len) != 0)
			fail_msg("sentence %zu: got '%.*s', wanted '%s'", i,
			    (int)sp.v[i].len, text + sp.v[i].off, want[i]);
	}
	if (sp.n != i)
		fail_msg("'%s': %zu sentences, wanted %zu", text, sp.n, i);
	keyfacts_spans_release(&sp);
}

#define SPLIT(text, ...) do {						\
	const char *const want_[] = { __VA_ARGS__, NULL };		\
	check_split(text, want_);					\
} while (0)

static void
test_keyfacts_split_tricky(void **state)
{
	SPLIT("Mr. Speaker went to Washington. He said \"Hi.\" Then U.S. "
	    "troops left! OK",
	    "Mr. Speaker went to Washington.", "He said \"Hi.\"",
	    "Then U.S. troops left!", "OK");
	SPLIT("Dr. Foster paid $1.5 million on Jan. 5 for No. 10 Downing "
	    "St. The sale closed.",
	    "Dr. Foster paid $1.5 million on Jan. 5 for No. 10 Downing St. "
	    "The sale closed.");
	SPLIT("George W. Bush met J. K. Rowling in the U.K. on Monday. It "
	    "went well.",
	    "George W. Bush met J. K. Rowling in the U.K. on Monday.",
	    "It went well.");
	SPLIT("Blues legend B.B. King is better. He thanked fans.",
	    "Blues legend B.B. King is better.", "He thanked fans.");
	SPLIT("The deal was struck in the U.S. The talks took a year.",
	    "The deal was struck in the U.S.", "The talks took a year.");
	SPLIT("The rate rose to 3.7 per cent. Prices fell by 0.5% in May.",
	    "The rate rose to 3.7 per cent.", "Prices fell by 0.5% in May.");
	SPLIT("They met at 9 a.m. on Friday. It ended at 10 p.m. The "
	    "talks resume today.",
	    "They met at 9 a.m. on Friday.", "It ended at 10 p.m.",
	    "The talks resume today.");
	SPLIT("'It was over,' she said. 'We lost.' The team left.",
	    "'It was over,' she said.", "'We lost.'", "The team left.");
	SPLIT("\xe2\x80\x98We are ready.\xe2\x80\x99 The mayor smiled.",
	    "\xe2\x80\x98We are ready.\xe2\x80\x99", "The mayor smiled.");
	SPLIT("\"Why now?\" she asked. \"Because!\" he said.",
	    "\"Why now?\" she asked.", "\"Because!\" he said.");
	SPLIT("A long, long time ago... Those five words stayed. Wait... "
	    "what? It\xe2\x80\xa6 Then nothing.",
	    "A long, long time ago...", "Those five words stayed.",
	    "Wait... what?", "It\xe2\x80\xa6", "Then nothing.");
	SPLIT("The firm, Acme Inc., hired staff. Acme Inc. The end.",
	    "The firm, Acme Inc., hired staff.", "Acme Inc.", "The end.");
	SPLIT("It cost \xc2\xa3" "2,100.50 in 2015. The bill rose.",
	    "It cost \xc2\xa3" "2,100.50 in 2015.", "The bill rose.");
	SPLIT("One line\nAnother line. And more.",
	    "One line", "Another line.", "And more.");
	SPLIT("He told The Times he was happy. She starred in The Great "
	    "Escape last year.",
	    "He told The Times he was happy.",
	    "She starred in The Great Escape last year.");
}

/* Chinese and Japanese end sentences in 。！？ with no space after. */
static void
test_keyfacts_split_cjk(void **state)
{
	SPLIT("東京都は7日に発表した。総事業費は約420億円。"
	    "「続けたい。」と述べた！本当か？ Then English.",
	    "東京都は7日に発表した。", "総事業費は約420億円。",
	    "「続けたい。」と述べた！", "本当か？", "Then English.");
	SPLIT("文の終わり。", "文の終わり。");
}

static void
test_keyfacts_split_glued(void **state)
{
	struct keyfacts_spans sp = KEYFACTS_SPANS_INIT;
	const char *t = "The club will confirm Locke as manager on Friday "
	    "He said the deal was close.";

	SPLIT(t, "The club will confirm Locke as manager on Friday",
	    "He said the deal was close.");
	keyfacts_split(t, strlen(t), &sp);
	assert_int_equal(sp.v[0].end, KEYFACTS_END_GLUED);
	assert_int_equal(sp.v[1].end, KEYFACTS_END_STOP);
	keyfacts_spans_release(&sp);
	SPLIT("Half of the kite took to the sky last Saturday Skilful: The "
	    "kite weighs 200 kilograms.",
	    "Half of the kite took to the sky last Saturday",
	    "Skilful: The kite weighs 200 kilograms.");
	SPLIT("Mr Speaker said: 'It is a big kite.' The crowd agreed.",
	    "Mr Speaker said: 'It is a big kite.'", "The crowd agreed.");
	SPLIT("It was the biggest day for the White House: The law passed.",
	    "It was the biggest day for the White House: The law passed.");
	SPLIT("The kite was grounded. Scroll down for video Flying high: "
	    "Half of it flew. Officials worried.",
	    "The kite was grounded.", "Scroll down for video",
	    "Flying high: Half of it flew.", "Officials worried.");
	SPLIT("GettyThe development came as a surprise.",
	    "Getty", "The development came as a surprise.");
	SPLIT("He will be named manager on Friday \xe2\x80\x98I would be "
	    "over the moon to get it,\xe2\x80\x99 said Locke.",
	    "He will be named manager on Friday",
	    "\xe2\x80\x98I would be over the moon to get it,\xe2\x80\x99 said "
	    "Locke.");
	SPLIT("He called the club the \xe2\x80\x98" "Biggest in "
	    "town\xe2\x80\x99 on Monday.",
	    "He called the club the \xe2\x80\x98" "Biggest in "
	    "town\xe2\x80\x99 on Monday.");
	SPLIT("She helped Nurse A with her training in May.",
	    "She helped Nurse A with her training in May.");
}

static void
test_keyfacts_split_empty(void **state)
{
	struct keyfacts_spans sp = KEYFACTS_SPANS_INIT;

	keyfacts_split("", 0, &sp);
	assert_int_equal(sp.n, 0);
	keyfacts_split("  \n \t\n", 6, &sp);
	assert_int_equal(sp.n, 0);
	keyfacts_split("...", 3, &sp);
	assert_int_equal(sp.n, 1);
	keyfacts_spans_release(&sp);
	assert_null(sp.v);
}

#define KIND(s, end) keyfacts_classify(s, strlen(s), end)

static void
test_keyfacts_classify_kinds(void **state)
{
	const enum keyfacts_end stop = KEYFACTS_END_STOP;

	assert_int_equal(KIND("The council approved a new budget for the "
	    "schools on Tuesday.", stop), KEYFACTS_STORY);
	assert_int_equal(KIND("He said: 'We are ready for the storm.'",
	    stop), KEYFACTS_STORY);
	assert_int_equal(KIND("By Jane Doe", KEYFACTS_END_TEXT),
	    KEYFACTS_BYLINE);
	assert_int_equal(KIND("By Jane Doe .", stop), KEYFACTS_BYLINE);
	assert_int_equal(KIND("PUBLISHED: 09:14 EST, 12 May 2025 | UPDATED: "
	    "11:02 EST, 12 May 2025", KEYFACTS_END_TEXT), KEYFACTS_BYLINE);
	assert_int_equal(KIND("Last updated at 10:31 GMT on 3 April 2015",
	    KEYFACTS_END_TEXT), KEYFACTS_BYLINE);
	assert_int_equal(KIND("By the end of the week the river had "
	    "burst its banks in three places and the town was cut off.",
	    stop), KEYFACTS_STORY);
	assert_int_equal(KIND("12:30 EST, 12 May 2025", KEYFACTS_END_TEXT),
	    KEYFACTS_DATE);
	assert_int_equal(KIND("Monday 3 April 2015.", stop), KEYFACTS_DATE);
	assert_int_equal(KIND("東京都は7日、2029年春に開館すると発表した。",
	    stop), KEYFACTS_STORY);
	assert_int_equal(KIND("Москва, 3 April 2015: the talks ended.",
	    stop), KEYFACTS_STORY);
	assert_int_equal(KIND("Scroll down for video",
	    KEYFACTS_END_GLUED), KEYFACTS_PROMO);
	assert_int_equal(KIND("Read more: the full list of closures.",
	    stop), KEYFACTS_PROMO);
	assert_int_equal(KIND("Pictured: the mayor at the opening of the "
	    "new bridge.", stop), KEYFACTS_CAPTION);
	assert_int_equal(KIND("The mayor (left) with the new fire engine.",
	    stop), KEYFACTS_CAPTION);
	assert_int_equal(KIND("Getty Images", KEYFACTS_END_TEXT),
	    KEYFACTS_CAPTION);
	assert_int_equal(KIND("AFP/Getty Images", KEYFACTS_END_TEXT),
	    KEYFACTS_CAPTION);
	assert_int_equal(KIND("Flying high: Half of the kite took to the "
	    "sky.", stop), KEYFACTS_CAPTION);
	assert_int_equal(KIND("A farmer inspects a failed crop of barley "
	    "near Ely", KEYFACTS_END_GLUED), KEYFACTS_CAPTION);
	assert_int_equal(KIND("BREAKING NEWS FROM THE COUNCIL TONIGHT.",
	    stop), KEYFACTS_FRAGMENT);
	assert_int_equal(KIND("Council Approves New Budget For Schools",
	    stop), KEYFACTS_FRAGMENT);
	assert_int_equal(KIND("The council approved a budget",
	    KEYFACTS_END_TEXT), KEYFACTS_FRAGMENT);
	assert_int_equal(KIND("Why does the budget matter so much?", stop),
	    KEYFACTS_FRAGMENT);
	assert_int_equal(KIND("", KEYFACTS_END_TEXT), KEYFACTS_FRAGMENT);
}

#define BOILER(s) keyfacts_boilerplate(s, strlen(s))

static void
test_keyfacts_boilerplate_prompts(void **state)
{
	assert_true(BOILER("Visit Business Insider's homepage for more "
	    "stories."));
	assert_true(BOILER("Visit the Gazette's website"));
	assert_true(BOILER("Read more: our full coverage"));
	assert_true(BOILER("READ MORE"));
	assert_true(BOILER("Sign up for our daily newsletter"));
	assert_true(BOILER("Click here to see the pictures"));
	assert_true(BOILER("CLICK HERE for all the latest United news."));
	assert_true(BOILER("Share this article"));
	assert_true(BOILER("Follow us on Twitter"));
	assert_true(BOILER("Subscribe to our podcast"));
	assert_true(BOILER("Scroll down for video"));
	assert_false(BOILER("The President has repeatedly threatened to "
	    "cut intelligence-sharing with the UK."));
	assert_false(BOILER("Visitors flocked to the museum on Sunday."));
	assert_false(BOILER("Readers of the paper voted for the new "
	    "design."));
	assert_false(BOILER(""));
}

static void
test_keyfacts_from_doc_publisher(void **state)
{
	const char *const want[] = {
		"Councillors in Port Elwyn voted nine to two to rebuild the "
		    "pier destroyed in the January storm.",
		"The \xc2\xa3" "4.2 million project will be paid for by a "
		    "regional grant and a local levy.",
		"Work is expected to start in the spring and to take "
		    "eighteen months.",
		NULL
	};
	struct keyfacts kf;
	struct html_doc doc;

	facts_of("publisher.txt", NULL, &kf, &doc);
	assert_facts(&kf, want);
	assert_true(kf.from_publisher);
	/* the heading "Story highlights" and all five items */
	assert_int_equal(kf.first_line, 1);
	assert_int_equal(kf.nlines, 6);
	assert_int_equal(doc.lines[kf.first_line].type, LINE_HEADING);
	assert_int_equal(doc.lines[kf.first_line + kf.nlines].type,
	    LINE_PARA);
	keyfacts_release(&kf);
	assert_int_equal(kf.n, 0);
	assert_null(kf.facts);
	standin_release(&doc);
}

static void
test_keyfacts_from_doc_plain_bullets(void **state)
{
	const char *const want[] = {
		"Twelve branch libraries will close on Mondays from "
		    "September to save money.",
		"The county says the change will save about \xc2\xa3"
		    "300,000 a year.",
		NULL
	};
	struct keyfacts kf;
	struct html_doc doc;

	facts_of("plain.txt", NULL, &kf, &doc);
	assert_facts(&kf, want);
	assert_true(kf.from_publisher);
	assert_int_equal(kf.first_line, 1);
	assert_int_equal(kf.nlines, 3);
	keyfacts_release(&kf);
	standin_release(&doc);
}

static void
test_keyfacts_from_doc_promo_list(void **state)
{
	struct keyfacts kf;
	struct html_doc doc;
	size_t i;

	facts_of("promo-list.txt", NULL, &kf, &doc);
	assert_false(kf.from_publisher);
	assert_int_equal(kf.nlines, 0);
	assert_int_equal(kf.n, 3);
	for (i = 0; i < kf.n; i++) {
		assert_false(keyfacts_boilerplate(kf.facts[i],
		    strlen(kf.facts[i])));
		assert_null(strstr(kf.facts[i], "newsletter"));
	}
	assert_string_equal(kf.facts[0], "A family bakery in the village of "
	    "Marston Green has won a national prize for its sourdough loaf, "
	    "beating more than four hundred entries from across the "
	    "country.");
	keyfacts_release(&kf);
	standin_release(&doc);
}

static void
test_keyfacts_from_doc_captions(void **state)
{
	const char *const want[] = {
		"Farmers across the eastern counties are counting the cost "
		    "of the driest spring in fifty years.",
		"Rainfall between March and May was less than a third of "
		    "the long-term average, according to figures published "
		    "by the Met Office on Thursday.",
		"The National Farmers' Union has asked the government to "
		    "relax the rules on taking water from rivers so that "
		    "crops can be irrigated.",
		NULL
	};
	const char *const never[] = {
		"By Tom", "PUBLISHED", "EST", "Scroll", "Parched", "Dry fields",
		"pictured", "Getty", "never seen", NULL
	};
	struct keyfacts kf;
	struct html_doc doc;
	size_t i, j;

	facts_of("captions.txt", NULL, &kf, &doc);
	assert_facts(&kf, want);
	assert_false(kf.from_publisher);
	for (i = 0; i < kf.n; i++)
		for (j = 0; never[j] != NULL; j++)
			assert_null(strstr(kf.facts[i], never[j]));
	keyfacts_release(&kf);
	standin_release(&doc);
}

/*
 * A story in Japanese: with its headline, the facts are its opening
 * sentences, whole; without one, still three whole sentences of it.
 */
static void
test_keyfacts_from_doc_japanese(void **state)
{
	const char *const want[] = {
		"東京都は7日、老朽化した中央図書館を建て替え、2029年春に新館を"
		    "開館すると発表した。",
		"総事業費は約420億円で、蔵書数は現在の1.5倍となる300万冊を"
		    "目指す。",
		"都によると、新館は地上8階、地下2階の建物で、子ども向けの"
		    "閲覧室や24時間利用できる自習室を設ける。",
		NULL
	};
	struct keyfacts kf;
	struct html_doc doc;
	char *text = fixture("japanese.txt");
	size_t i;

	facts_of("japanese.txt", "東京都、中央図書館を建て替え　2029年春に"
	    "新館開館", &kf, &doc);
	assert_facts(&kf, want);
	keyfacts_release(&kf);
	standin_release(&doc);
	facts_of("japanese.txt", NULL, &kf, &doc);
	assert_int_equal(kf.n, 3);
	for (i = 0; i < kf.n; i++) {
		assert_non_null(strstr(text, kf.facts[i]));
		assert_true(strlen(kf.facts[i]) > 3 && strcmp(kf.facts[i] +
		    strlen(kf.facts[i]) - 3, "。") == 0);
	}
	free(text);
	keyfacts_release(&kf);
	standin_release(&doc);
}

/*
 * With only two sentences of story among captions and bylines, nothing
 * is made up from the rest: no key facts.
 */
static void
test_keyfacts_from_doc_captions_only(void **state)
{
	const char *text =
	    "By Tom Aldous . PUBLISHED: 09:14 EST, 12 May 2025\n\n"
	    "Farmers across the eastern counties are counting the cost of "
	    "the driest spring in fifty years.\n\n"
	    "[caption] A farmer inspects a failed crop of barley near Ely "
	    "on Monday after the driest spring in fifty years\n\n"
	    "Scroll down for video Parched: A farmer inspects a failed "
	    "crop of barley near Ely on Monday Another farmer looks at "
	    "the cracked earth of a wheat field outside Cambridge\n\n"
	    "Rainfall between March and May was less than a third of the "
	    "long-term average, the Met Office said on Thursday.\n";
	struct keyfacts kf;
	struct html_doc doc;

	standin_doc(text, &doc);
	keyfacts_from_doc(&doc, NULL, &kf);
	assert_int_equal(kf.n, 0);
	keyfacts_release(&kf);
	standin_release(&doc);
}

static void
test_keyfacts_from_doc_hook(void **state)
{
	const char *const want[] = {
		"Regional operator Coastlink will scrap six late-night bus "
		    "routes from next month, leaving several villages without "
		    "a service after nine in the evening.",
		"The decision was criticised by the town's mayor.",
		"Coastlink said it would review the decision in the autumn "
		    "if the council offered to share the cost of running the "
		    "buses.",
		NULL
	};
	struct keyfacts kf;
	struct html_doc doc;

	facts_of("hook.txt", NULL, &kf, &doc);
	assert_facts(&kf, want);
	keyfacts_release(&kf);
	standin_release(&doc);
}

static void
test_keyfacts_from_doc_short(void **state)
{
	struct keyfacts kf;
	struct html_doc doc;

	facts_of("short.txt", NULL, &kf, &doc);
	assert_int_equal(kf.n, 0);
	assert_null(kf.facts);
	assert_false(kf.from_publisher);
	keyfacts_release(&kf);
	standin_release(&doc);
}

static void
test_keyfacts_from_doc_null_empty(void **state)
{
	struct keyfacts kf;
	struct html_doc doc;

	keyfacts_from_doc(NULL, NULL, &kf);
	assert_int_equal(kf.n, 0);
	keyfacts_release(&kf);
	memset(&doc, 0, sizeof(doc));
	keyfacts_from_doc(&doc, "A title", &kf);
	assert_int_equal(kf.n, 0);
	keyfacts_release(&kf);
	standin_doc("\n\n# Only a heading\n\n[caption] and a caption\n", &doc);
	keyfacts_from_doc(&doc, "", &kf);
	assert_int_equal(kf.n, 0);
	keyfacts_release(&kf);
	standin_release(&doc);
}

/* An article of about words words, no two sentences alike. */
static char *
long_article(size_t words)
{
	static const char *const who[] = {
		"The harbour master", "A fisherman", "The town clerk",
		"Every shopkeeper", "The lifeboat crew", "A visiting engineer",
		"The ferry captain", "Local children",
	};
	static const char *const did[] = {
		"painted", "counted", "repaired", "measured", "photographed",
		"cleaned", "inspected",
	};
	static const char *const what[] = {
		"the old lighthouse", "seven blue boats", "the stone quay",
		"a broken crane", "the tide gauge", "the chapel roof",
		"forty lobster pots", "the mooring chains", "the fish market",
		"a rusty anchor", "the beach huts",
	};
	static const char *const when[] = {
		"before the autumn gales arrived", "during a quiet morning",
		"while the tourists watched", "after the spring tides",
		"under a grey and heavy sky",
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0;

	while (sb.len / 6 < words) {
		strbuf_addf(&sb, "%s %s %s %s.%s", who[i % 8], did[i % 7],
		    what[i % 11], when[i % 5], i % 4 == 3 ? "\n\n" : " ");
		i++;
	}
	return strbuf_detach(&sb, NULL);
}

static void
test_keyfacts_from_doc_count(void **state)
{
	static const struct {
		size_t	words;
		size_t	facts;
	} cases[] = {
		{ 300, 3 }, { 900, 3 }, { 1300, 4 }, { 2300, 5 }, { 3300, 6 },
		{ 9000, 6 },
	};
	struct keyfacts kf;
	struct html_doc doc;
	size_t i, j, k;
	char *text;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		text = long_article(cases[i].words);
		standin_doc(text, &doc);
		keyfacts_from_doc(&doc, NULL, &kf);
		if (kf.n != cases[i].facts)
			fail_msg("%zu words: %zu facts, wanted %zu",
			    cases[i].words, kf.n, cases[i].facts);
		for (j = 0; j < kf.n; j++)
			for (k = j + 1; k < kf.n; k++)
				assert_string_not_equal(kf.facts[j],
				    kf.facts[k]);
		keyfacts_release(&kf);
		standin_release(&doc);
		free(text);
	}
}

/* Near-duplicates: the same sentence twice, reworded, is taken once. */
static void
test_keyfacts_from_doc_near_duplicates(void **state)
{
	const char *text =
	    "The river Ouse burst its banks at York on Sunday, flooding "
	    "more than two hundred homes near the city centre.\n\n"
	    "On Sunday the river Ouse burst its banks at York, flooding more "
	    "than two hundred homes close to the city centre.\n\n"
	    "Soldiers were sent to help build a wall of sandbags along the "
	    "quay as the water kept rising through the night.\n\n"
	    "The Environment Agency said the level would peak on Monday "
	    "morning before falling slowly over the rest of the week.\n";
	struct keyfacts kf;
	struct html_doc doc;

	standin_doc(text, &doc);
	keyfacts_from_doc(&doc, NULL, &kf);
	assert_int_equal(kf.n, 3);
	assert_non_null(strstr(kf.facts[0], "The river Ouse"));
	assert_non_null(strstr(kf.facts[1], "Soldiers"));
	assert_non_null(strstr(kf.facts[2], "Environment Agency"));
	keyfacts_release(&kf);
	standin_release(&doc);
}

/* Link numbers of the renderer ("text[3]") are not part of a fact. */
static void
test_keyfacts_from_doc_links(void **state)
{
	const char *text =
	    "The museum[1] will reopen on Saturday after a two-year "
	    "restoration of its glass roof and galleries.\n\n"
	    "Visitors will be able to see the whale skeleton[2] again, "
	    "hung from the new roof on steel cables.\n\n"
	    "Tickets will be free for the first week, the museum's "
	    "director said in a statement on Friday.\n\n"
	    "The roof had leaked for years before the council found the "
	    "money to replace it.\n";
	struct keyfacts kf;
	struct html_doc doc;
	size_t i;

	standin_doc(text, &doc);
	keyfacts_from_doc(&doc, NULL, &kf);
	assert_int_equal(kf.n, 3);
	for (i = 0; i < kf.n; i++)
		assert_null(strchr(kf.facts[i], '['));
	assert_string_equal(kf.facts[0], "The museum will reopen on Saturday "
	    "after a two-year restoration of its glass roof and galleries.");
	keyfacts_release(&kf);
	standin_release(&doc);
}

/* The same article gives the same facts, wherever its lines live. */
static void
test_keyfacts_from_doc_determinism(void **state)
{
	static const char *const names[] = {
		"publisher.txt", "plain.txt", "promo-list.txt", "captions.txt",
		"hook.txt", "short.txt",
	};
	struct keyfacts a, b;
	struct html_doc d1, d2;
	size_t i, j, round;
	char *text;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		text = fixture(names[i]);
		standin_doc(text, &d1);
		keyfacts_from_doc(&d1, "Some headline", &a);
		for (round = 0; round < 3; round++) {
			standin_doc(text, &d2);
			keyfacts_from_doc(&d2, "Some headline", &b);
			assert_int_equal(a.n, b.n);
			assert_int_equal(a.from_publisher, b.from_publisher);
			assert_int_equal(a.first_line, b.first_line);
			assert_int_equal(a.nlines, b.nlines);
			for (j = 0; j < a.n; j++)
				assert_string_equal(a.facts[j], b.facts[j]);
			keyfacts_release(&b);
			standin_release(&d2);
		}
		keyfacts_release(&a);
		standin_release(&d1);
		free(text);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyfacts_split_tricky),
		cmocka_unit_test(test_keyfacts_split_cjk),
		cmocka_unit_test(test_keyfacts_split_glued),
		cmocka_unit_test(test_keyfacts_from_doc_japanese),
		cmocka_unit_test(test_keyfacts_split_empty),
		cmocka_unit_test(test_keyfacts_classify_kinds),
		cmocka_unit_test(test_keyfacts_boilerplate_prompts),
		cmocka_unit_test(test_keyfacts_from_doc_publisher),
		cmocka_unit_test(test_keyfacts_from_doc_plain_bullets),
		cmocka_unit_test(test_keyfacts_from_doc_promo_list),
		cmocka_unit_test(test_keyfacts_from_doc_captions),
		cmocka_unit_test(test_keyfacts_from_doc_captions_only),
		cmocka_unit_test(test_keyfacts_from_doc_hook),
		cmocka_unit_test(test_keyfacts_from_doc_short),
		cmocka_unit_test(test_keyfacts_from_doc_null_empty),
		cmocka_unit_test(test_keyfacts_from_doc_count),
		cmocka_unit_test(test_keyfacts_from_doc_near_duplicates),
		cmocka_unit_test(test_keyfacts_from_doc_links),
		cmocka_unit_test(test_keyfacts_from_doc_determinism),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
