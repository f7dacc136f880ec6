/* SPDX-License-Identifier: ISC */
/*
 * subs: newsboat's urls file format, adding to it, and OPML in and out.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "subs.h"
#include "util/fileio.h"

static void
parse(struct subs *subs, const char *text, struct strbuf *warn)
{
	subs_parse(subs, text, strlen(text), warn);
}

static void
test_subs_parse_newsboat_lines(void **state)
{
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT;

	parse(&subs,
	    "# my feeds\n"
	    "\n"
	    "https://a.example/feed.xml\n"
	    "https://b.example/rss news tech \"~Bee News\"\n"
	    "   https://c.example/atom \"two words\" ! \n"
	    "https://d.example/x \"~Say \\\"hi\\\"\"\n", &warn);
	assert_int_equal(warn.len, 0);
	assert_int_equal(subs.n, 4);
	assert_string_equal(subs.v[0].url, "https://a.example/feed.xml");
	assert_null(subs.v[0].title);
	assert_int_equal(subs.v[0].ntags, 0);
	assert_int_equal(subs.v[0].line, 3);
	assert_string_equal(sub_name(&subs.v[0]), subs.v[0].url);
	assert_string_equal(subs.v[1].title, "Bee News");
	assert_int_equal(subs.v[1].ntags, 2);
	assert_string_equal(subs.v[1].tags[0], "news");
	assert_string_equal(subs.v[1].tags[1], "tech");
	assert_string_equal(subs.v[2].tags[0], "two words");
	assert_true(subs.v[2].hidden);
	assert_false(subs.v[1].hidden);
	assert_string_equal(subs.v[3].title, "Say \"hi\"");
	subs_release(&subs);
	strbuf_release(&warn);
}

static void
test_subs_parse_bad_lines(void **state)
{
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT;

	parse(&subs,
	    "https://a.example/ \"~unclosed\n"
	    "https://b.example/\n"
	    "https://b.example/ dup\n"
	    "\"\"\n"
	    "https://c.example/ \"~\x1b]2;pwned\x07Title\x1b[31m\" "
	    "\"\x1b\x07\" \"\x1b[1mnews\"\n"
	    "https://b.example/ again", &warn);
	assert_int_equal(subs.n, 2);
	assert_string_equal(subs.v[0].url, "https://b.example/");
	assert_int_equal(subs.v[0].ntags, 0);	/* the first one wins */
	assert_string_equal(subs.v[1].title, "Title");
	/* a tag of control characters only is no tag */
	assert_int_equal(subs.v[1].ntags, 1);
	assert_string_equal(subs.v[1].tags[0], "news");
	assert_non_null(strstr(warn.buf, "line 1:"));
	assert_null(strstr(warn.buf, "line 2:"));
	subs_release(&subs);
	strbuf_release(&warn);
}

static void
test_subs_load_missing_file(void **state)
{
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT, err = STRBUF_INIT;

	assert_int_equal(subs_load(&subs, "/nonexistent/urls", &warn, &err),
	    -1);
	assert_non_null(strstr(err.buf, "/nonexistent/urls"));
	assert_int_equal(subs.n, 0);
	strbuf_release(&warn);
	strbuf_release(&err);
}

static void
test_subs_write_demo_round_trip(void **state)
{
	char dir[] = "/tmp/tidings-test-subs.XXXXXX";
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT, err = STRBUF_INIT;
	char list[64], out[64];
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(list, sizeof(list), "%s/urls", dir);
	snprintf(out, sizeof(out), "%s/mine", dir);
	f = fopen(list, "w");
	assert_non_null(f);
	fputs("# demo\none.xml demo \"~One \\\"1\\\"\"\ntwo.xml\n", f);
	fclose(f);
	assert_int_equal(subs_write_demo(out, dir, &err), 0);
	assert_int_equal(subs_load(&subs, out, &warn, &err), 0);
	assert_int_equal(warn.len, 0);
	assert_int_equal(subs.n, 2);
	assert_true(strncmp(subs.v[0].url, "file:///tmp/", 12) == 0);
	assert_non_null(strstr(subs.v[0].url, "/one.xml"));
	assert_string_equal(subs.v[0].title, "One \"1\"");
	assert_string_equal(subs.v[0].tags[0], "demo");
	assert_non_null(strstr(subs.v[1].url, "/two.xml"));
	subs_release(&subs);
	unlink(list);
	unlink(out);
	rmdir(dir);
	strbuf_release(&warn);
	strbuf_release(&err);
}

static void
opml(struct subs_import *imp, const char *text, int want)
{
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(subs_opml_read(imp, text, strlen(text), "t.opml",
	    &err), want);
	if (want == 0)
		assert_int_equal(err.len, 0);
	strbuf_release(&err);
}

static void
test_subs_check_url_schemes(void **state)
{
	assert_int_equal(subs_check_url("https://a.example/"), SUBS_OK);
	assert_int_equal(subs_check_url("HTTP://a.example/"), SUBS_OK);
	assert_int_equal(subs_check_url("file:///tmp/f.xml"), SUBS_OK);
	assert_int_equal(subs_check_url("https://"), SUBS_NOT_URL);
	assert_int_equal(subs_check_url("https://a b/"), SUBS_NOT_URL);
	assert_int_equal(subs_check_url("ftp://a.example/"), SUBS_NOT_URL);
	assert_int_equal(subs_check_url("javascript:x"), SUBS_NOT_URL);
	assert_int_equal(subs_check_url(""), SUBS_NOT_URL);
	assert_int_equal(subs_check_url("|cat /etc/passwd"), SUBS_COMMAND);
	assert_int_equal(subs_check_url("exec:ls"), SUBS_COMMAND);
	assert_int_equal(subs_check_url("EXEC:ls"), SUBS_COMMAND);
	assert_int_equal(subs_check_url("filter:f:https://a/"),
	    SUBS_COMMAND);
	assert_int_equal(subs_check_url("query:x:unread = \"yes\""),
	    SUBS_QUERY);
}

static void
test_subs_opml_read_nested(void **state)
{
	struct subs_import imp = SUBS_IMPORT_INIT;
	const struct sub *s;

	opml(&imp,
	    "<?xml version=\"1.0\"?>\n"
	    "<opml version=\"2.0\"><head/><body>\n"
	    "<outline text=\"Tech\" title=\"Technology\">\n"
	    " <outline text=\"C &amp; Unix\">\n"
	    "  <outline text=\"Deep\">\n"
	    "   <outline type=\"rss\" text=\"Text\" title=\"A &lt;1&gt;\""
	    " xmlUrl=\"https://a.example/?x=1&amp;y=2\""
	    " category=\"/one, two ,,Deep\"/>\n"
	    "  </outline>\n"
	    " </outline>\n"
	    " <outline type=\"Atom\" text=\"B\" xmlUrl=\"https://b.example/\""
	    " category=\"!,~odd\"/>\n"
	    "</outline>\n"
	    "<outline text=\"\"><outline xmlUrl=\" https://c.example/ \""
	    " text=\"https://c.example/\"/></outline>\n"
	    "<OUTLINE XMLURL=\"https://d.example/\" TEXT=\"Dee\"/>\n"
	    "<outline type=\"link\" text=\"Page\""
	    " xmlUrl=\"https://e.example/\"/>\n"
	    "<outline text=\"Gopher\" xmlUrl=\"gopher://f.example/\"/>\n"
	    "</body></opml>\n", 0);
	assert_int_equal(imp.found.n, 4);
	s = &imp.found.v[0];
	assert_string_equal(s->url, "https://a.example/?x=1&y=2");
	assert_string_equal(s->title, "A <1>");
	assert_int_equal(s->ntags, 5);
	assert_string_equal(s->tags[0], "Technology");
	assert_string_equal(s->tags[1], "C & Unix");
	assert_string_equal(s->tags[2], "Deep");
	assert_string_equal(s->tags[3], "one");
	assert_string_equal(s->tags[4], "two");
	s = &imp.found.v[1];
	assert_string_equal(s->title, "B");
	assert_true(s->hidden);
	assert_int_equal(s->ntags, 2);
	assert_string_equal(s->tags[1], "odd");
	s = &imp.found.v[2];
	assert_string_equal(s->url, "https://c.example/");
	assert_null(s->title);
	assert_int_equal(s->ntags, 0);
	assert_string_equal(imp.found.v[3].title, "Dee");
	assert_int_equal(imp.nrefused, 2);
	assert_string_equal(imp.refused[0].what, "https://e.example/");
	assert_int_equal(imp.refused[0].why, SUBS_NOT_FEED);
	assert_int_equal(imp.refused[1].why, SUBS_NOT_URL);
	subs_import_release(&imp);
}

static void
test_subs_opml_read_commands(void **state)
{
	struct subs_import imp = SUBS_IMPORT_INIT;
	size_t i;

	opml(&imp,
	    "<opml version=\"1.0\" xmlns:nb=\"urn:x\"><body>\n"
	    "<outline text=\"P\" type=\"rss\" xmlUrl=\"|cat /etc/passwd\"/>\n"
	    "<outline text=\"E\" xmlUrl=\"exec:touch x\"/>\n"
	    "<outline text=\"F\" xmlUrl=\"filter:f.sh:https://a.example/\"/>\n"
	    "<outline text=\"C\" xmlUrl=\"https://b.example/\""
	    " filtercmd=\"touch x\"/>\n"
	    "<outline text=\"N\" xmlUrl=\"https://c.example/\""
	    " newsboat:filter=\"touch x\"/>\n"
	    "<outline text=\"Q\""
	    " xmlUrl=\"query:q:unread = &quot;yes&quot;\"/>\n"
	    "<outline text=\"L\" type=\"link\" xmlUrl=\"exec:y\"/>\n"
	    "<outline text=\"ok\" xmlUrl=\"https://ok.example/\""
	    " nb:other=\"1\"/>\n"
	    "</body></opml>", 0);
	assert_int_equal(imp.found.n, 1);
	assert_string_equal(imp.found.v[0].url, "https://ok.example/");
	assert_int_equal(imp.nrefused, 7);
	for (i = 0; i < 5; i++)
		assert_int_equal(imp.refused[i].why, SUBS_COMMAND);
	assert_string_equal(imp.refused[0].what, "|cat /etc/passwd");
	assert_string_equal(imp.refused[3].what, "https://b.example/");
	assert_int_equal(imp.refused[5].why, SUBS_QUERY);
	assert_string_equal(imp.refused[5].what, "query:q:unread = \"yes\"");
	assert_int_equal(imp.refused[6].why, SUBS_COMMAND);
	subs_import_release(&imp);
}

static void
test_subs_opml_read_bad(void **state)
{
	static const char *const bad[] = {
		"",
		"<opml><body><outline></body></opml>",
		"<rss version=\"2.0\"><channel/></rss>",
		"<opml version=\"2.0\"><head/></opml>",
		"<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n"
		"<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		"<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
		"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
		"<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
		"<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
		"<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
		"]>\n<opml><body><outline text=\"&g;\" xmlUrl=\"https://a/\"/>"
		"</body></opml>",
		"<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		"<opml><body><outline text=\"&x;\" xmlUrl=\"https://a/\"/>"
		"</body></opml>",
	};
	struct subs_import imp = SUBS_IMPORT_INIT;
	struct strbuf err = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		strbuf_reset(&err);
		assert_int_equal(subs_opml_read(&imp, bad[i], strlen(bad[i]),
		    "bad.opml", &err), -1);
		assert_non_null(strstr(err.buf, "'bad.opml'"));
		assert_int_equal(imp.found.n + imp.nrefused, 0);
	}
	strbuf_reset(&err);
	subs_opml_read(&imp, bad[1], strlen(bad[1]), "bad.opml", &err);
	assert_non_null(strstr(err.buf, "not well-formed XML: line 1:"));
	strbuf_reset(&err);
	subs_opml_read(&imp, bad[2], strlen(bad[2]), "bad.opml", &err);
	assert_non_null(strstr(err.buf, "<rss>"));
	strbuf_release(&err);
}

static void
test_subs_opml_read_entities_not_expanded(void **state)
{
	struct subs_import imp = SUBS_IMPORT_INIT;

	opml(&imp,
	    "<!DOCTYPE opml [<!ENTITY co \"Example Co\">"
	    "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
	    "<opml><body><outline text=\"&co; News\" xmlUrl=\"https://a/\"/>"
	    "</body></opml>", 0);
	assert_int_equal(imp.found.n, 1);
	assert_string_equal(imp.found.v[0].title, "News");
	subs_import_release(&imp);
}

static void
test_subs_opml_write_escaped(void **state)
{
	struct subs subs = SUBS_INIT;
	struct strbuf warn = STRBUF_INIT, out = STRBUF_INIT;

	parse(&subs,
	    "https://a.example/?a=1&b=\"2\" \"x,y\" t "
	    "\"~Tom & <Jerry> \\\"!\\\"\"\n"
	    "https://b.example/ ! hid\n"
	    "exec:ls \"~Command\"\n"
	    "file:///tmp/c.xml\n", &warn);
	subs_opml_write(&subs, 86400 * 366, &out);
	assert_string_equal(out.buf,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "  <head>\n"
	    "    <title>tidings subscriptions</title>\n"
	    "    <dateCreated>Sat, 02 Jan 1971 00:00:00 GMT</dateCreated>\n"
	    "  </head>\n"
	    "  <body>\n"
	    "    <outline type=\"rss\" text=\"Tom &amp; &lt;Jerry&gt; "
	    "&quot;!&quot;\" title=\"Tom &amp; &lt;Jerry&gt; &quot;!&quot;\" "
	    "xmlUrl=\"https://a.example/?a=1&amp;b=&quot;2&quot;\" "
	    "category=\"x,y,t\"/>\n"
	    "    <outline type=\"rss\" text=\"https://b.example/\" "
	    "xmlUrl=\"https://b.example/\" category=\"hid,!\"/>\n"
	    "    <outline type=\"rss\" text=\"file:///tmp/c.xml\" "
	    "xmlUrl=\"file:///tmp/c.xml\"/>\n"
	    "  </body>\n"
	    "</opml>\n");
	subs_release(&subs);
	strbuf_release(&warn);
	strbuf_release(&out);
}

/* Are a and b the same subscriptions, tags and titles included? */
static void
assert_same_subs(const struct subs *a, const struct subs *b)
{
	size_t i, j;

	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		assert_string_equal(a->v[i].url, b->v[i].url);
		assert_int_equal(a->v[i].title == NULL, b->v[i].title == NULL);
		if (a->v[i].title != NULL)
			assert_string_equal(a->v[i].title, b->v[i].title);
		assert_int_equal(a->v[i].hidden, b->v[i].hidden);
		assert_int_equal(a->v[i].ntags, b->v[i].ntags);
		for (j = 0; j < a->v[i].ntags; j++)
			assert_string_equal(a->v[i].tags[j], b->v[i].tags[j]);
	}
}

static void
test_subs_opml_round_trip(void **state)
{
	struct subs subs = SUBS_INIT;
	struct subs_import imp = SUBS_IMPORT_INIT;
	struct strbuf warn = STRBUF_INIT, out = STRBUF_INIT, again =
	    STRBUF_INIT;

	parse(&subs,
	    "https://a.example/feed \"two words\" x "
	    "\"~Caf\xc3\xa9 & \\\"co\\\"\"\n"
	    "https://b.example/?q=<x> ! \"~B\"\n"
	    "https://c.example/ a/b \"~https://c.example/x\"\n", &warn);
	subs_opml_write(&subs, 0, &out);
	opml(&imp, out.buf, 0);
	assert_int_equal(imp.nrefused, 0);
	assert_same_subs(&subs, &imp.found);
	subs_opml_write(&imp.found, 0, &again);
	assert_string_equal(out.buf, again.buf);
	subs_import_release(&imp);
	subs_release(&subs);
	strbuf_release(&warn);
	strbuf_release(&out);
	strbuf_release(&again);
}

/* A local file may come from the user's own urls file, never from OPML. */
static void
test_subs_opml_refuses_local_files(void **state)
{
	struct subs_import imp = SUBS_IMPORT_INIT;

	(void)state;
	opml(&imp, "<opml version=\"2.0\"><body>"
	    "<outline type=\"rss\" xmlUrl=\"file:///home/u/.ssh/id_rsa\"/>"
	    "<outline type=\"rss\" xmlUrl=\"FILE:/etc/passwd\"/>"
	    "<outline type=\"rss\" xmlUrl=\"https://a.example/\"/>"
	    "</body></opml>", 0);
	assert_int_equal(imp.found.n, 1);
	assert_int_equal(imp.nrefused, 2);
	subs_import_release(&imp);
}

static void
test_subs_import_urls_refuses_commands(void **state)
{
	struct subs_import imp = SUBS_IMPORT_INIT;
	struct strbuf warn = STRBUF_INIT;
	const char *text =
	    "https://a.example/ news \"~A\"\n"
	    "\"query:Unread:unread = \\\"yes\\\"\"\n"
	    "exec:~/bin/feed.sh\n"
	    "filter:~/f.sh:https://b.example/\n"
	    "https://c.example/ ! tag\n";

	subs_import_urls(&imp, text, strlen(text), &warn);
	assert_int_equal(imp.found.n, 2);
	assert_true(imp.found.v[1].hidden);
	assert_string_equal(imp.found.v[1].tags[0], "tag");
	assert_int_equal(imp.nrefused, 3);
	assert_int_equal(imp.refused[0].why, SUBS_QUERY);
	assert_string_equal(imp.refused[1].what, "exec:~/bin/feed.sh");
	assert_int_equal(imp.refused[2].why, SUBS_COMMAND);
	subs_import_release(&imp);
	strbuf_release(&warn);
}

/* A new folder for a test, and a file name in it. */
static void
temp_file(char *dir, size_t dirlen, char *path, size_t len)
{
	snprintf(dir, dirlen, "/tmp/tidings-test-subs.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, len, "%s/urls", dir);
}

static void
read_back(const char *path, struct strbuf *sb)
{
	struct strbuf err = STRBUF_INIT;

	strbuf_reset(sb);
	assert_int_equal(file_read(path, sb, &err), 0);
	strbuf_release(&err);
}

static void
test_subs_append_lines(void **state)
{
	char dir[64], path[96];
	char news[] = "news", two[] = "two words", odd[] = "~not a title";
	char empty[] = "";
	char *tags[] = { news, two, odd, empty, news };
	const char *want =
	    "https://a.example/ news \"two words\" \"not a title\" "
	    "\"~A \\\"quoted\\\" one\"\n"
	    "https://b.example/\n";
	struct strbuf err = STRBUF_INIT, text = STRBUF_INIT;

	temp_file(dir, sizeof(dir), path, sizeof(path));
	assert_int_equal(subs_append(path, "https://a.example/", tags, 5,
	    "A \"quoted\" one", &err), 0);
	assert_int_equal(subs_append(path, "https://b.example/", NULL, 0,
	    NULL, &err), 0);
	read_back(path, &text);
	assert_string_equal(text.buf, want);
	assert_int_equal(subs_append(path, "https://a.example/", NULL, 0,
	    NULL, &err), -1);
	assert_non_null(strstr(err.buf, "subscribed already"));
	strbuf_reset(&err);
	assert_int_equal(subs_append(path, "exec:rm -rf ~", NULL, 0, NULL,
	    &err), -1);
	assert_non_null(strstr(err.buf, "runs a command"));
	strbuf_reset(&err);
	assert_int_equal(subs_append(path, "gopher://x/", NULL, 0, NULL,
	    &err), -1);
	read_back(path, &text);
	assert_string_equal(text.buf, want);
	unlink(path);
	rmdir(dir);
	strbuf_release(&err);
	strbuf_release(&text);
}

static void
test_subs_import_write_keeps_bytes(void **state)
{
	char dir[64], path[96];
	const char *before = "# mine\r\nhttps://a.example/ \"~A\"\n\n"
	    "  https://b.example/   \"unclosed";
	struct subs_import imp = SUBS_IMPORT_INIT;
	struct strbuf err = STRBUF_INIT, text = STRBUF_INIT;
	struct sub sub;
	size_t added, skipped;

	temp_file(dir, sizeof(dir), path, sizeof(path));
	assert_int_equal(file_replace(path, before, strlen(before), &err), 0);
	memset(&sub, 0, sizeof(sub));
	sub.url = strdup("https://a.example/");
	subs_import_add(&imp, &sub);
	sub.url = strdup("https://c.example/");
	subs_import_add(&imp, &sub);
	sub.url = strdup("https://c.example/");
	subs_import_add(&imp, &sub);
	assert_int_equal(subs_import_write(path, &imp, &added, &skipped,
	    &err), 0);
	assert_int_equal(added, 1);
	assert_int_equal(skipped, 2);
	read_back(path, &text);
	assert_int_equal(text.len, strlen(before) + 20);
	assert_memory_equal(text.buf, before, strlen(before));
	assert_string_equal(text.buf + strlen(before),
	    "\nhttps://c.example/\n");
	subs_import_release(&imp);
	unlink(path);
	rmdir(dir);
	strbuf_release(&err);
	strbuf_release(&text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subs_parse_newsboat_lines),
		cmocka_unit_test(test_subs_parse_bad_lines),
		cmocka_unit_test(test_subs_load_missing_file),
		cmocka_unit_test(test_subs_write_demo_round_trip),
		cmocka_unit_test(test_subs_check_url_schemes),
		cmocka_unit_test(test_subs_opml_read_nested),
		cmocka_unit_test(test_subs_opml_read_commands),
		cmocka_unit_test(test_subs_opml_read_bad),
		cmocka_unit_test(test_subs_opml_read_entities_not_expanded),
		cmocka_unit_test(test_subs_opml_write_escaped),
		cmocka_unit_test(test_subs_opml_refuses_local_files),
		cmocka_unit_test(test_subs_opml_round_trip),
		cmocka_unit_test(test_subs_import_urls_refuses_commands),
		cmocka_unit_test(test_subs_append_lines),
		cmocka_unit_test(test_subs_import_write_keeps_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
