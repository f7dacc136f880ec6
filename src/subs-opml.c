/* SPDX-License-Identifier: ISC */
/*
 * OPML, the outline format feed readers trade their subscriptions in:
 * reading one (from any reader, with libxml2, as hostile input: no
 * network, no entities from a DTD, commands refused) into the feeds an
 * import adds, and writing the subscriptions as an OPML 2.0 document.
 */
#include "config.h"

#include "subs.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "util/ascii.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* The titles of the outlines around the one being read: its tags. */
struct opml_reader {
	struct subs_import	*imp;
	char			**tags;
	size_t			  ntags;
	size_t			  alloc;
};

/* Is s the name (lower case) in any case? */
static int
name_is(const xmlChar *s, const char *name)
{
	return xmlStrcasecmp(s, (const xmlChar *)name) == 0;
}

/* The name of attr with its namespace prefix: "newsboat:filter". */
static int
attr_is(const xmlAttr *attr, const char *name)
{
	xmlChar *full;
	int is;

	if (attr->ns == NULL || attr->ns->prefix == NULL)
		return name_is(attr->name, name);
	full = xmlBuildQName(attr->name, attr->ns->prefix, NULL, 0);
	if (full == NULL)
		fatal(_("out of memory"));
	is = name_is(full, name);
	xmlFree(full);
	return is;
}

/*
 * The value of the attribute name of node, cleaned, as a new string; NULL
 * when it has none. Only its text counts: an entity reference left in it
 * is not looked up (xmlGetProp would expand it).
 */
static char *
attr_value(const xmlNode *node, const char *name)
{
	const xmlAttr *attr;
	const xmlNode *text;
	struct strbuf sb = STRBUF_INIT;
	char *value;

	for (attr = node->properties; attr != NULL; attr = attr->next)
		if (attr_is(attr, name))
			break;
	if (attr == NULL)
		return NULL;
	for (text = attr->children; text != NULL; text = text->next)
		if (text->type == XML_TEXT_NODE && text->content != NULL)
			strbuf_addstr(&sb, (const char *)text->content);
	value = sanitize(sb.buf, SANITIZE_LINE);
	strbuf_release(&sb);
	return value;
}

static int
has_attr(const xmlNode *node, const char *name)
{
	const xmlAttr *attr;

	for (attr = node->properties; attr != NULL; attr = attr->next)
		if (attr_is(attr, name))
			return 1;
	return 0;
}

/* The title of an outline: its title, else its text; NULL for none. */
static char *
outline_title(const xmlNode *node)
{
	char *title = attr_value(node, "title");

	if (title != NULL && title[0] != '\0')
		return title;
	free(title);
	return attr_value(node, "text");
}

static void
add_tag(struct sub *sub, const char *tag, size_t len)
{
	sub->tags = xreallocarray(sub->tags, sub->ntags + 1,
	    sizeof(*sub->tags));
	sub->tags[sub->ntags++] = xstrndup(tag, len);
}

/*
 * Add the OPML 2.0 categories of a feed (comma-separated; a leading '/'
 * marks a path from the root) to its tags.
 */
static void
add_categories(struct sub *sub, const char *categories)
{
	const char *p = categories, *end;
	size_t len;

	while (*p != '\0') {
		while (*p == ',' || *p == '/' || ASCII_ISSPACE(*p))
			p++;
		end = p + strcspn(p, ",");
		len = (size_t)(end - p);
		while (len > 0 && ASCII_ISSPACE(p[len - 1]))
			len--;
		if (len > 0)
			add_tag(sub, p, len);
		p = end;
	}
}

/* Read the feed outline node, whose xmlUrl is url (taken). */
static void
read_feed(struct opml_reader *r, const xmlNode *node, char *url)
{
	struct sub sub;
	char *type = attr_value(node, "type"), *categories;
	size_t i;

	if (has_attr(node, "filtercmd") || has_attr(node, "newsboat:filter"))
		subs_import_refuse(r->imp, url, SUBS_COMMAND);
	else if (strncasecmp(url, "file:", 5) == 0)
		subs_import_refuse(r->imp, url, SUBS_LOCAL);
	else if (type != NULL && type[0] != '\0' &&
	    !name_is((const xmlChar *)type, "rss") &&
	    !name_is((const xmlChar *)type, "atom") &&
	    subs_check_url(url) == SUBS_OK)
		subs_import_refuse(r->imp, url, SUBS_NOT_FEED);
	else {
		memset(&sub, 0, sizeof(sub));
		sub.url = url;
		url = NULL;
		sub.title = outline_title(node);
		for (i = 0; i < r->ntags; i++)
			add_tag(&sub, r->tags[i], strlen(r->tags[i]));
		categories = attr_value(node, "category");
		if (categories != NULL)
			add_categories(&sub, categories);
		free(categories);
		subs_import_add(r->imp, &sub);
	}
	free(url);
	free(type);
}

static void read_outlines(struct opml_reader *r, const xmlNode *node);

/*
 * Read an outline: a feed when it has an xmlUrl, else a folder whose
 * title is a tag of every feed inside it.
 */
static void
read_outline(struct opml_reader *r, const xmlNode *node)
{
	char *url = attr_value(node, "xmlUrl"), *title;

	if (url != NULL) {
		read_feed(r, node, url);
		read_outlines(r, node->children);
		return;
	}
	title = outline_title(node);
	if (title == NULL || title[0] == '\0') {
		free(title);
		read_outlines(r, node->children);
		return;
	}
	if (r->ntags == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 8;
		r->tags = xreallocarray(r->tags, r->alloc, sizeof(*r->tags));
	}
	r->tags[r->ntags++] = title;
	read_outlines(r, node->children);
	free(r->tags[--r->ntags]);
}

/* Read the outline elements among node and its siblings. */
static void
read_outlines(struct opml_reader *r, const xmlNode *node)
{
	for (; node != NULL; node = node->next)
		if (node->type == XML_ELEMENT_NODE &&
		    name_is(node->name, "outline"))
			read_outline(r, node);
}

/* The first child element of node called name, or NULL. */
static const xmlNode *
child(const xmlNode *node, const char *name)
{
	for (node = node->children; node != NULL; node = node->next)
		if (node->type == XML_ELEMENT_NODE && name_is(node->name, name))
			return node;
	return NULL;
}

/* The first fatal error of a parse, which says best what is wrong. */
struct first_error {
	struct strbuf	msg;
	int		line;
};

/* Keep the first fatal error of the parser ctxt (data) in its _private. */
static void
keep_first_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	struct first_error *first = ctxt->_private;

	if (e == NULL || e->level != XML_ERR_FATAL || first->msg.len > 0)
		return;
	strbuf_addstr(&first->msg, e->message != NULL ? e->message : "");
	strbuf_trim(&first->msg);
	first->line = e->line;
}

/* Parse data as XML, safely; NULL with the reason in err. */
static xmlDocPtr
parse_xml(const char *data, size_t len, const char *name, struct strbuf *err)
{
	struct first_error first = { STRBUF_INIT, 0 };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	if (len > INT_MAX) {
		strbuf_addf(err, _("cannot read '%s': %s"), name,
		    _("file too large"));
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		fatal(_("out of memory"));
	ctxt->_private = &first;
	ctxt->sax->serror = keep_first_error;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL && first.msg.len == 0)
		strbuf_addstr(&first.msg, _("cannot be parsed"));
	if (doc == NULL)
		strbuf_addf(err, _("'%s' is not well-formed XML: line %d: %s"),
		    name, first.line, first.msg.buf);
	xmlFreeParserCtxt(ctxt);
	strbuf_release(&first.msg);
	return doc;
}

int
subs_opml_read(struct subs_import *imp, const char *data, size_t len,
    const char *name, struct strbuf *err)
{
	struct opml_reader r = { imp, NULL, 0, 0 };
	const xmlNode *root, *body = NULL;
	xmlDocPtr doc = parse_xml(data, len, name, err);
	int rc = -1;

	if (doc == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !name_is(root->name, "opml"))
		strbuf_addf(err, _("'%s' is not OPML: its root element is "
		    "<%s>, not <opml>"), name,
		    root != NULL ? (const char *)root->name : "");
	else if ((body = child(root, "body")) == NULL)
		strbuf_addf(err, _("'%s' is not OPML: it has no <body>"), name);
	else {
		read_outlines(&r, body->children);
		rc = 0;
	}
	free(r.tags);
	xmlFreeDoc(doc);
	return rc;
}

/* Append s to out with what XML attribute values must escape escaped. */
static void
add_escaped(struct strbuf *out, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			strbuf_addstr(out, "&amp;");
			break;
		case '<':
			strbuf_addstr(out, "&lt;");
			break;
		case '>':
			strbuf_addstr(out, "&gt;");
			break;
		case '"':
			strbuf_addstr(out, "&quot;");
			break;
		case '\t': case '\n': case '\r':
			strbuf_addf(out, "&#%d;", *s);
			break;
		default:
			strbuf_addch(out, *s);
		}
}

static void
add_attr(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, " %s=\"", name);
	add_escaped(out, value);
	strbuf_addch(out, '"');
}

/* Append t as an RFC 822 date in UTC, in English whatever the locale. */
static void
add_date(struct strbuf *out, time_t t)
{
	static const char days[7][4] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	static const char months[12][4] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	strbuf_addf(out, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Append the outline of one feed. */
static void
add_outline(struct strbuf *out, const struct sub *sub)
{
	struct strbuf cat = STRBUF_INIT;
	size_t i;

	strbuf_addstr(out, "    <outline type=\"rss\"");
	add_attr(out, "text", sub_name(sub));
	if (sub->title != NULL && sub->title[0] != '\0')
		add_attr(out, "title", sub->title);
	add_attr(out, "xmlUrl", sub->url);
	for (i = 0; i < sub->ntags; i++)
		strbuf_addf(&cat, "%s%s", i > 0 ? "," : "", sub->tags[i]);
	if (sub->hidden)
		strbuf_addstr(&cat, cat.len > 0 ? ",!" : "!");
	if (cat.len > 0)
		add_attr(out, "category", cat.buf);
	strbuf_addstr(out, "/>\n");
	strbuf_release(&cat);
}

void
subs_opml_write(const struct subs *subs, time_t created,
    struct strbuf *out)
{
	size_t i;

	strbuf_addstr(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "  <head>\n"
	    "    <title>tidings subscriptions</title>\n"
	    "    <dateCreated>");
	add_date(out, created);
	strbuf_addstr(out, "</dateCreated>\n"
	    "  </head>\n"
	    "  <body>\n");
	for (i = 0; i < subs->n; i++)
		if (subs_check_url(subs->v[i].url) == SUBS_OK)
			add_outline(out, &subs->v[i]);
	strbuf_addstr(out, "  </body>\n</opml>\n");
}
