/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the feed parser and the store's writer, from bytes
 * to a feed document and back out as the store's XML. parse_feed() must
 * neither crash, leak nor hang; every string of the document it gives
 * back must be well-formed UTF-8 free of controls (but for new lines and
 * tabs in bodies), DEL, C1 controls and bidi controls; the item cap must
 * hold; and what store_write_feed() writes must read back as well-formed
 * XML (libxml2, not recovering) holding the same values: mxml writes some
 * things it cannot read. Each input is parsed twice, once with its own
 * encoding and once as ISO-8859-1, as an HTTP Content-Type could say.
 */
#include "config.h"

#include "fuzz-check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "date.h"
#include "feeddoc.h"
#include "parse.h"
#include "store.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#define FUZZ_URL	"http://fuzz.invalid/feed"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A body and its type go together. */
static void
check_body(const char *what, const char *s, enum text_type type)
{
	fuzz_check_str(what, s, 1);
	if ((s == NULL) != (type == TEXT_NONE) ||
	    (type != TEXT_NONE && type != TEXT_PLAIN && type != TEXT_HTML))
		fuzz_fail("body and type disagree", what);
}

static void
check_doc(const struct feed_doc *doc)
{
	const struct feed_item *item;
	size_t i, j;

	if (doc->format == FEED_UNKNOWN || doc->format > FEED_ATOM)
		fuzz_fail("no feed format", feed_format_name(doc->format));
	if (doc->nitems > PARSE_MAX_ITEMS)
		fuzz_fail("past the item cap", "nitems");
	fuzz_check_str("feed title", doc->title, 0);
	fuzz_check_str("feed link", doc->link, 0);
	fuzz_check_str("feed description", doc->description, 0);
	fuzz_check_str("feed author", doc->author, 0);
	for (i = 0; i < doc->nitems; i++) {
		item = &doc->items[i];
		fuzz_check_str("guid", item->guid, 0);
		fuzz_check_str("title", item->title, 0);
		fuzz_check_str("link", item->link, 0);
		fuzz_check_str("author", item->author, 0);
		check_body("summary", item->summary, item->summary_type);
		check_body("content", item->content, item->content_type);
		for (j = 0; j < item->nenclosures; j++) {
			if (item->enclosures[j].url == NULL)
				fuzz_fail("enclosure without a URL", "url");
			fuzz_check_str("enclosure url", item->enclosures[j].url, 0);
			fuzz_check_str("enclosure type", item->enclosures[j].type,
			    0);
			fuzz_check_str("enclosure length",
			    item->enclosures[j].length, 0);
		}
	}
}

/* The first element child of n from c on called name, or NULL. */
static xmlNodePtr
next_element(xmlNodePtr c, const char *name)
{
	for (; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/* The text of the child element name of n is want (absent when NULL). */
static void
expect_text(xmlNodePtr n, const char *name, const char *want)
{
	xmlNodePtr e = next_element(n->children, name);
	xmlChar *got;

	if (want == NULL || want[0] == '\0') {
		if (e != NULL)
			fuzz_fail("the store wrote an empty field", name);
		return;
	}
	if (e == NULL)
		fuzz_fail("the store lost a field", name);
	got = xmlNodeGetContent(e);
	if (got == NULL || strcmp((const char *)got, want) != 0)
		fuzz_fail("the store changed a field", name);
	xmlFree(got);
}

/* The attribute name of n is want (absent when NULL). */
static void
expect_attr(xmlNodePtr n, const char *name, const char *want)
{
	xmlChar *got = xmlGetNoNsProp(n, (const xmlChar *)name);

	if ((got == NULL) != (want == NULL) || (got != NULL &&
	    strcmp((const char *)got, want) != 0))
		fuzz_fail("the store changed an attribute", name);
	xmlFree(got);
}

/* The date element name of n holds t (absent when unknown). */
static void
expect_date(xmlNodePtr n, const char *name, int64_t t)
{
	xmlNodePtr e = next_element(n->children, name);
	xmlChar *got;

	if (t == DATE_UNKNOWN) {
		if (e != NULL)
			fuzz_fail("the store wrote an unknown date", name);
		return;
	}
	got = e != NULL ? xmlNodeGetContent(e) : NULL;
	if (got == NULL || date_parse((const char *)got) != t)
		fuzz_fail("the store changed a date", name);
	xmlFree(got);
}

static void
expect_item(xmlNodePtr n, const struct feed_item *item)
{
	xmlNodePtr e;
	size_t j;

	expect_text(n, "guid", item->guid);
	expect_text(n, "title", item->title);
	expect_text(n, "link", item->link);
	expect_text(n, "author", item->author);
	expect_date(n, "published", item->published);
	expect_date(n, "updated", item->updated);
	expect_text(n, "summary", item->summary);
	expect_text(n, "content", item->content);
	e = n->children;
	for (j = 0; j < item->nenclosures; j++, e = e->next) {
		e = next_element(e, "enclosure");
		if (e == NULL)
			fuzz_fail("the store lost an enclosure", "enclosure");
		expect_attr(e, "url", item->enclosures[j].url);
		expect_attr(e, "type", item->enclosures[j].type);
		expect_attr(e, "length", item->enclosures[j].length);
	}
	if (e != NULL && next_element(e, "enclosure") != NULL)
		fuzz_fail("the store added an enclosure", "enclosure");
}

/* The store's XML for doc, read back strictly, holds what doc holds. */
static void
check_store(const struct feed_doc *doc)
{
	struct strbuf err = STRBUF_INIT;
	const xmlError *xe;
	xmlDocPtr xdoc;
	xmlNodePtr root, n;
	FILE *f;
	char *buf;
	off_t size;
	size_t i;

	/* store_write_feed() writes to the descriptor: no memstream */
	f = tmpfile();
	if (f == NULL)
		fuzz_fail("tmpfile", "cannot make a temporary file");
	if (store_write_feed(doc, f, &err) == -1)
		fuzz_fail("store_write_feed", err.buf);
	strbuf_release(&err);
	size = lseek(fileno(f), 0, SEEK_END);
	if (size <= 0 || size > INT32_MAX)
		fuzz_fail("store_write_feed", "wrote nothing");
	buf = malloc((size_t)size);
	if (buf == NULL ||
	    pread(fileno(f), buf, (size_t)size, 0) != (ssize_t)size)
		fuzz_fail("store_write_feed", "cannot read the output back");
	fclose(f);
	xdoc = xmlReadMemory(buf, (int)size, "store.xml", NULL,
	    XML_PARSE_NONET);
	if (xdoc == NULL) {
		xe = xmlGetLastError();
		fwrite(buf, 1, (size_t)size, stderr);
		fuzz_fail("the store wrote XML it cannot read",
		    xe != NULL ? xe->message : NULL);
	}
	free(buf);
	root = xmlDocGetRootElement(xdoc);
	if (root == NULL || strcmp((const char *)root->name, "feed") != 0)
		fuzz_fail("the store wrote no <feed>", "feed");
	expect_attr(root, "format", feed_format_name(doc->format));
	expect_text(root, "title", doc->title);
	expect_text(root, "link", doc->link);
	expect_text(root, "description", doc->description);
	n = root->children;
	for (i = 0; i < doc->nitems; i++, n = n->next) {
		n = next_element(n, "item");
		if (n == NULL)
			fuzz_fail("the store lost an item", "item");
		expect_item(n, &doc->items[i]);
	}
	if (n != NULL && next_element(n, "item") != NULL)
		fuzz_fail("the store added an item", "item");
	xmlFreeDoc(xdoc);
}

static void
one_parse(const uint8_t *data, size_t size, const char *charset)
{
	struct strbuf err = STRBUF_INIT;
	struct feed_doc *doc;

	doc = parse_feed((const char *)data, size, FUZZ_URL, charset, &err);
	if (doc == NULL) {
		/* the reason reaches the terminal: clean too */
		if (err.len == 0)
			fuzz_fail("no document and no reason", charset);
		fuzz_check_str("error message", err.buf, 0);
	} else {
		check_doc(doc);
		check_store(doc);
		feeddoc_free(doc);
	}
	strbuf_release(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one_parse(data, size, NULL);
	one_parse(data, size, "ISO-8859-1");
	return 0;
}
