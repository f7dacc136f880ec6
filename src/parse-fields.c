/* SPDX-License-Identifier: ISC */
/*
 * From feed elements to fields: which element of which dialect fills
 * which field of the neutral document. The first element that gives a
 * field a value wins; only direct children of an item or of the channel
 * count, so an Atom <source> cannot lend its title to an entry.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "parse-private.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* An item being filled, with what is only known at its end. */
struct item_ctx {
	struct parse_state	*st;
	struct feed_item	*item;
	char			*other_link;	/* first non-alternate link */
	char			*guid_link;	/* a permalink guid, as a URL */
};

typedef void field_cb(struct item_ctx *, const xmlNode *);

struct field {
	const char	*ns;		/* NULL: the feed's own namespace */
	const char	*name;
	field_cb	*fn;
};

/* Give *dst the value v unless it has one; v is taken either way. */
static void
set_once(char **dst, char *v)
{
	if (*dst == NULL)
		*dst = v;
	else
		free(v);
}

static void
set_date(int64_t *dst, const xmlNode *n)
{
	char *s;

	if (*dst != DATE_UNKNOWN)
		return;
	s = text_line(n, CAP_LINE);
	if (s != NULL)
		*dst = date_parse(s);
	free(s);
}

/* 1 for an absolute http or https URL. */
static int
is_web_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

static void
f_title(struct item_ctx *c, const xmlNode *n)
{
	set_once(&c->item->title, text_title(c->st, n));
}

static void
f_link(struct item_ctx *c, const xmlNode *n)
{
	char *s = text_line(n, CAP_URL);

	set_once(&c->item->link, text_url(n, s));
	free(s);
}

static void
f_guid(struct item_ctx *c, const xmlNode *n)
{
	char *perma, *s;

	if (c->item->guid != NULL)
		return;
	s = text_line(n, CAP_URL);
	if (s == NULL)
		return;
	c->item->guid = s;
	perma = attr_line(n, "isPermaLink", CAP_LINE);
	c->item->guid_permalink = perma == NULL ||
	    strcmp(perma, "false") != 0;
	free(perma);
	if (c->item->guid_permalink && is_web_url(s))
		set_once(&c->guid_link, text_url(n, s));
}

static void
f_id(struct item_ctx *c, const xmlNode *n)
{
	char *s = text_line(n, CAP_URL);

	if (s != NULL && c->item->guid == NULL && is_web_url(s))
		set_once(&c->guid_link, xstrdup(s));
	set_once(&c->item->guid, s);
}

static void
f_author(struct item_ctx *c, const xmlNode *n)
{
	set_once(&c->item->author, text_line(n, CAP_LINE));
}

/* "name (email)", "name" or "email" of an Atom person construct. */
static char *
atom_person(const struct parse_state *st, const xmlNode *n)
{
	char *name = NULL, *email = NULL, *s;
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (node_own(st, c, "name"))
			set_once(&name, text_line(c, CAP_LINE));
		else if (node_own(st, c, "email"))
			set_once(&email, text_line(c, CAP_LINE));
	}
	if (name != NULL && email != NULL) {
		s = xasprintf("%s (%s)", name, email);
		free(name);
		free(email);
		return s;
	}
	return name != NULL ? name : email;
}

static void
f_atom_author(struct item_ctx *c, const xmlNode *n)
{
	set_once(&c->item->author, atom_person(c->st, n));
}

static void
f_published(struct item_ctx *c, const xmlNode *n)
{
	set_date(&c->item->published, n);
}

static void
f_updated(struct item_ctx *c, const xmlNode *n)
{
	set_date(&c->item->updated, n);
}

static void
set_body(struct item_ctx *c, const xmlNode *n, int content)
{
	char **dst = content ? &c->item->content : &c->item->summary;
	enum text_type *type = content ? &c->item->content_type :
	    &c->item->summary_type;
	char *s;

	if (*dst != NULL)
		return;
	*type = text_construct(c->st, n, 1, CAP_BODY, &s);
	*dst = s;
}

static void
f_summary(struct item_ctx *c, const xmlNode *n)
{
	set_body(c, n, 0);
}

static void
f_content(struct item_ctx *c, const xmlNode *n)
{
	set_body(c, n, 1);
}

/* 1 when item has an enclosure at url already. */
static int
has_enclosure(const struct feed_item *item, const char *url)
{
	size_t i;

	for (i = 0; i < item->nenclosures; i++)
		if (strcmp(item->enclosures[i].url, url) == 0)
			return 1;
	return 0;
}

/* An enclosure from the attributes url/href, type and length/fileSize. */
static void
add_enclosure(struct item_ctx *c, const xmlNode *n, const char *url_attr,
    const char *length_attr)
{
	char *raw = attr_line(n, url_attr, CAP_URL), *url;

	url = text_url(n, raw);
	free(raw);
	if (url == NULL || has_enclosure(c->item, url)) {
		free(url);
		return;
	}
	feeditem_add_enclosure(c->item, url, attr_line(n, "type", CAP_LINE),
	    attr_line(n, length_attr, CAP_LINE));
}

static void
f_enclosure(struct item_ctx *c, const xmlNode *n)
{
	add_enclosure(c, n, "url", "length");
}

static void
f_media(struct item_ctx *c, const xmlNode *n)
{
	add_enclosure(c, n, "url", "fileSize");
}

/*
 * Atom links: the alternate one is the item's; failing that, the first
 * other link a browser can show (not the entry's own XML, not media);
 * enclosures are kept. A link without href may hold its URL as text.
 */
static void
f_atom_link(struct item_ctx *c, const xmlNode *n)
{
	char *rel = attr_line(n, "rel", CAP_LINE), *href, *url;

	href = attr_line(n, "href", CAP_URL);
	if (href == NULL)
		href = text_line(n, CAP_URL);
	url = text_url(n, href);
	if (rel != NULL && strcmp(rel, "enclosure") == 0) {
		if (url != NULL && !has_enclosure(c->item, url))
			feeditem_add_enclosure(c->item, xstrdup(url),
			    attr_line(n, "type", CAP_LINE),
			    attr_line(n, "length", CAP_LINE));
		free(url);
	} else if (rel == NULL || strcmp(rel, "alternate") == 0)
		set_once(&c->item->link, url);
	else if (strcmp(rel, "self") != 0 && strcmp(rel, "edit") != 0)
		set_once(&c->other_link, url);
	else
		free(url);
	free(href);
	free(rel);
}

static const struct field rss_item_fields[] = {
	{ NULL, "title", f_title },
	{ NULL, "link", f_link },
	{ NULL, "guid", f_guid },
	{ NULL, "description", f_summary },
	{ NULL, "author", f_author },
	{ NULL, "pubDate", f_published },
	{ NULL, "enclosure", f_enclosure },
	{ NS_CONTENT, "encoded", f_content },
	{ NS_XHTML, "body", f_content },
	{ NULL, "fullitem", f_content },
	{ NS_DC, "creator", f_author },
	{ NS_DC, "author", f_author },
	{ NS_DC, "title", f_title },
	{ NS_DC, "description", f_summary },
	{ NS_DC, "date", f_published },
	{ NS_DCTERMS, "issued", f_published },
	{ NS_DCTERMS, "created", f_published },
	{ NS_DCTERMS, "modified", f_updated },
	{ NS_MEDIA, "content", f_media },
	{ NULL, NULL, NULL }
};

static const struct field atom_item_fields[] = {
	{ NULL, "id", f_id },
	{ NULL, "title", f_title },
	{ NULL, "link", f_atom_link },
	{ NULL, "author", f_atom_author },
	{ NULL, "published", f_published },
	{ NULL, "issued", f_published },
	{ NULL, "created", f_published },
	{ NULL, "updated", f_updated },
	{ NULL, "modified", f_updated },
	{ NULL, "summary", f_summary },
	{ NULL, "content", f_content },
	{ NS_DC, "creator", f_author },
	{ NS_DC, "date", f_published },
	{ NS_DCTERMS, "issued", f_published },
	{ NS_DCTERMS, "modified", f_updated },
	{ NS_MEDIA, "content", f_media },
	{ NULL, NULL, NULL }
};

/* Run the field of table that element n fills, if any. */
static void
dispatch(struct item_ctx *c, const struct field *table, const xmlNode *n)
{
	const struct field *f;

	for (f = table; f->name != NULL; f++)
		if (f->ns == NULL ? node_own(c->st, n, f->name) :
		    node_is(n, f->ns, f->name)) {
			f->fn(c, n);
			return;
		}
}

void
fields_item(struct parse_state *st, const xmlNode *n)
{
	struct item_ctx c = { st, feeddoc_add_item(st->doc), NULL, NULL };
	const struct field *table = st->is_atom ? atom_item_fields :
	    rss_item_fields;
	const xmlNode *child;
	xmlChar *about;

	for (child = n->children; child != NULL; child = child->next)
		if (child->type == XML_ELEMENT_NODE)
			dispatch(&c, table, child);
	set_once(&c.item->link, c.guid_link);
	set_once(&c.item->link, c.other_link);
	if (c.item->guid == NULL) {	/* RSS 1.0: the item's rdf:about */
		about = xmlGetNsProp(n, (const xmlChar *)"about",
		    (const xmlChar *)NS_RDF);
		c.item->guid = text_url(n, (const char *)about);
		xmlFree(about);
	}
}

/* The feed's own fields, through an item context on a scratch item. */
void
fields_feed(struct parse_state *st, const xmlNode *n)
{
	struct feed_item scratch;
	struct item_ctx c = { st, &scratch, NULL, NULL };
	struct feed_doc *doc = st->doc;
	const xmlNode *ch;
	char *s;

	memset(&scratch, 0, sizeof(scratch));
	for (ch = n->children; ch != NULL; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (node_own(st, ch, "title") || node_is(ch, NS_DC, "title"))
			set_once(&doc->title, text_title(st, ch));
		else if (node_own(st, ch, st->is_atom ? "subtitle" :
		    "description") || (st->is_atom && node_own(st, ch,
		    "tagline")) || node_is(ch, NS_DC, "description"))
			set_once(&doc->description, text_title(st, ch));
		else if (st->is_atom && node_own(st, ch, "link"))
			f_atom_link(&c, ch);
		else if (!st->is_atom && node_own(st, ch, "link"))
			f_link(&c, ch);
		else if (st->is_atom && node_own(st, ch, "author"))
			set_once(&doc->author, atom_person(st, ch));
		else if (node_own(st, ch, "managingEditor") ||
		    node_is(ch, NS_DC, "creator")) {
			s = text_line(ch, CAP_LINE);
			set_once(&doc->author, s);
		}
	}
	set_once(&doc->link, scratch.link);
	set_once(&doc->link, c.other_link);
	enclosures_free(scratch.enclosures, scratch.nenclosures); /* none */
}
