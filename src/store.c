/* SPDX-License-Identifier: ISC */
/*
 * The store's XML, written with mxml (3.x). Every string handed to mxml
 * has been through the sanitiser: mxml writes control characters it
 * cannot read back.
 */
#include "config.h"

#include "store.h"

#include <errno.h>
#include <string.h>

#include <mxml.h>

#include "date.h"
#include "util/i18n.h"

/* Indentation: two spaces a level, elements holding elements broken. */
static const char *
whitespace(mxml_node_t *node, int where)
{
	static const char *const indent[] = {
		"", "\n  ", "\n    ", "\n      "
	};
	int depth = 0;
	mxml_node_t *p;

	for (p = mxmlGetParent(node); p != NULL &&
	    mxmlGetType(p) == MXML_ELEMENT &&
	    strncmp(mxmlGetElement(p), "?xml", 4) != 0; p = mxmlGetParent(p))
		depth++;
	if (depth > 3)
		depth = 3;
	if (where == MXML_WS_BEFORE_OPEN)
		return depth > 0 ? indent[depth] : NULL;
	if (where == MXML_WS_BEFORE_CLOSE && mxmlGetFirstChild(node) != NULL &&
	    mxmlGetType(mxmlGetFirstChild(node)) == MXML_ELEMENT)
		return depth > 0 ? indent[depth] : "\n";
	if (where == MXML_WS_AFTER_CLOSE && depth == 0)
		return "\n";
	if (where == MXML_WS_AFTER_OPEN && depth == 0 &&
	    strncmp(mxmlGetElement(node), "?xml", 4) == 0)
		return "\n";
	return NULL;
}

/* <name>value</name> under parent, unless value is NULL. */
static mxml_node_t *
add_text(mxml_node_t *parent, const char *name, const char *value)
{
	mxml_node_t *e;

	if (value == NULL || value[0] == '\0')
		return NULL;
	e = mxmlNewElement(parent, name);
	mxmlNewOpaque(e, value);
	return e;
}

static void
add_date(mxml_node_t *parent, const char *name, int64_t t)
{
	char buf[DATE_RFC3339_SIZE];

	if (t != DATE_UNKNOWN)
		add_text(parent, name, date_format_rfc3339(t, buf));
}

static void
add_body(mxml_node_t *parent, const char *name, const char *value,
    enum text_type type)
{
	mxml_node_t *e = add_text(parent, name, value);

	if (e != NULL)
		mxmlElementSetAttr(e, "type", type == TEXT_HTML ? "html" :
		    "text");
}

static void
add_item(mxml_node_t *feed, const struct feed_item *item)
{
	mxml_node_t *e = mxmlNewElement(feed, "item"), *enc;
	size_t i;

	add_text(e, "guid", item->guid);
	add_text(e, "title", item->title);
	add_text(e, "link", item->link);
	add_text(e, "author", item->author);
	add_date(e, "published", item->published);
	add_date(e, "updated", item->updated);
	add_body(e, "summary", item->summary, item->summary_type);
	add_body(e, "content", item->content, item->content_type);
	for (i = 0; i < item->nenclosures; i++) {
		enc = mxmlNewElement(e, "enclosure");
		mxmlElementSetAttr(enc, "url", item->enclosures[i].url);
		if (item->enclosures[i].type != NULL)
			mxmlElementSetAttr(enc, "type",
			    item->enclosures[i].type);
		if (item->enclosures[i].length != NULL)
			mxmlElementSetAttr(enc, "length",
			    item->enclosures[i].length);
	}
}

int
store_write_feed(const struct feed_doc *doc, FILE *out, struct strbuf *err)
{
	mxml_node_t *xml = mxmlNewXML("1.0"), *feed;
	char version[16];
	size_t i;
	int rc;

	feed = mxmlNewElement(xml, "feed");
	snprintf(version, sizeof(version), "%d", STORE_VERSION);
	mxmlElementSetAttr(feed, "version", version);
	if (feed_format_name(doc->format) != NULL)
		mxmlElementSetAttr(feed, "format",
		    feed_format_name(doc->format));
	add_text(feed, "title", doc->title);
	add_text(feed, "link", doc->link);
	add_text(feed, "description", doc->description);
	for (i = 0; i < doc->nitems; i++)
		add_item(feed, &doc->items[i]);
	mxmlSetWrapMargin(0);
	/* mxml buffers a file descriptor itself; through stdio it would
	 * lock the FILE for every character */
	rc = fflush(out) == 0 ? mxmlSaveFd(xml, fileno(out), whitespace) : -1;
	mxmlDelete(xml);
	if (rc == -1 || ferror(out)) {
		strbuf_addf(err, _("cannot write the feed: %s"),
		    strerror(errno));
		return -1;
	}
	return 0;
}
