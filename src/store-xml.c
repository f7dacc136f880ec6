/* SPDX-License-Identifier: ISC */
/*
 * The store's XML, read and written with mxml (3.x). Every string handed
 * to mxml has been through the sanitiser, because mxml writes control
 * characters it cannot read back; and every file written is read back
 * before it replaces the old one. A text whose escapes (&lt; and the
 * like) would cost more than a CDATA section is written as one (HTML
 * bodies, mostly): smaller, and mxml writes it without looking up an
 * entity for every character.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include <mxml.h>

#include "date.h"
#include "store-private.h"
#include "util/fileio.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

static const char *const root_names[] = {
	[XML_INDEX] = "index", [XML_FEED] = "feed", [XML_BODIES] = "bodies"
};

/* The root element of the tree this thread is saving, for whitespace(). */
static _Thread_local const mxml_node_t *saving_root;

/*
 * Layout: the root's children one a line (an item, a body, a feed of the
 * index each on its own line, for grep and wc -l), everything under them
 * on that line, no indentation: whitespace is no small part of a store.
 * mxml asks four times for every element, so the answer is found by
 * comparing pointers, not names.
 */
static const char *
whitespace(mxml_node_t *node, int where)
{
	mxml_node_t *p, *first;

	if (node == saving_root) {
		first = mxmlGetFirstChild(node);
		return where == MXML_WS_AFTER_CLOSE ||
		    (where == MXML_WS_BEFORE_CLOSE && first != NULL &&
		    mxmlGetType(first) == MXML_ELEMENT) ? "\n" : NULL;
	}
	p = mxmlGetParent(node);
	if (p == NULL)		/* the <?xml ...?> declaration */
		return where == MXML_WS_AFTER_OPEN ? "\n" : NULL;
	return p == saving_root && where == MXML_WS_BEFORE_OPEN ? "\n" : NULL;
}

/* Write the document xml (made by new_doc) to fd; 0 or -1 as mxml. */
static int
save_fd(mxml_node_t *xml, int fd)
{
	int rc;

	saving_root = mxmlGetFirstChild(xml);
	rc = mxmlSaveFd(xml, fd, whitespace);
	saving_root = NULL;
	return rc;
}

/* 1 when the escapes of s would cost more than <![CDATA[ and ]]>. */
static int
wants_cdata(const char *s)
{
	size_t extra = 0;

	for (; *s != '\0'; s++) {
		if (*s == '<' || *s == '>')
			extra += 3;		/* &lt; &gt; */
		else if (*s == '&')
			extra += 4;		/* &amp; */
		else if (*s == '"')
			extra += 5;		/* &quot; */
		if (extra > 12)
			return 1;
	}
	return 0;
}

/* value as CDATA sections under e, a new one after each "]]" of "]]>". */
static void
add_cdata(mxml_node_t *e, const char *value)
{
	const char *end;
	char *part;

	while ((end = strstr(value, "]]>")) != NULL) {
		part = xstrndup(value, (size_t)(end + 2 - value));
		mxmlNewCDATA(e, part);
		free(part);
		value = end + 2;
	}
	mxmlNewCDATA(e, value);
}

/* <name>value</name> under parent, unless value is NULL or empty. */
static mxml_node_t *
add_text(mxml_node_t *parent, const char *name, const char *value)
{
	mxml_node_t *e;

	if (value == NULL || value[0] == '\0')
		return NULL;
	e = mxmlNewElement(parent, name);
	if (wants_cdata(value))
		add_cdata(e, value);
	else
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
set_attr(mxml_node_t *e, const char *name, const char *value)
{
	if (value != NULL)
		mxmlElementSetAttr(e, name, value);
}

static void
add_body_text(mxml_node_t *parent, const char *name, const char *value,
    enum text_type type)
{
	mxml_node_t *e = add_text(parent, name, value);

	if (e != NULL)
		mxmlElementSetAttr(e, "type", type == TEXT_HTML ? "html" :
		    "text");
}

/* An item's headers: the same elements in --dump and in feed files. */
static void
add_headers(mxml_node_t *e, const char *guid, const char *title,
    const char *link, const char *author, int64_t published,
    int64_t updated)
{
	add_text(e, "guid", guid);
	add_text(e, "title", title);
	add_text(e, "link", link);
	add_text(e, "author", author);
	add_date(e, "published", published);
	add_date(e, "updated", updated);
}

static void
add_enclosures(mxml_node_t *e, const struct enclosure *v, size_t n)
{
	mxml_node_t *enc;
	size_t i;

	for (i = 0; i < n; i++) {
		enc = mxmlNewElement(e, "enclosure");
		set_attr(enc, "url", v[i].url);
		set_attr(enc, "type", v[i].type);
		set_attr(enc, "length", v[i].length);
	}
}

/* A new document whose root element is name, with the version. */
static mxml_node_t *
new_doc(const char *name, mxml_node_t **root)
{
	mxml_node_t *xml = mxmlNewXML("1.0");
	char version[16];

	*root = mxmlNewElement(xml, name);
	snprintf(version, sizeof(version), "%d", STORE_VERSION);
	mxmlElementSetAttr(*root, "version", version);
	return xml;
}

static mxml_node_t *
dump_tree(const struct feed_doc *doc)
{
	mxml_node_t *root, *xml = new_doc("feed", &root), *e;
	const struct feed_item *it;
	size_t i;

	set_attr(root, "format", feed_format_name(doc->format));
	add_text(root, "title", doc->title);
	add_text(root, "link", doc->link);
	add_text(root, "description", doc->description);
	for (i = 0; i < doc->nitems; i++) {
		it = &doc->items[i];
		e = mxmlNewElement(root, "item");
		add_headers(e, it->guid, it->title, it->link, it->author,
		    it->published, it->updated);
		add_body_text(e, "summary", it->summary, it->summary_type);
		add_body_text(e, "content", it->content, it->content_type);
		add_enclosures(e, it->enclosures, it->nenclosures);
	}
	return xml;
}

/* The letters of an item's flags: u(nread), f(lagged), d(eleted). */
static void
flags_text(unsigned flags, char *out)
{
	char *p = out;

	if (flags & ITEM_UNREAD)
		*p++ = 'u';
	if (flags & ITEM_FLAGGED)
		*p++ = 'f';
	if (flags & ITEM_DELETED)
		*p++ = 'd';
	*p = '\0';
}

static mxml_node_t *
feed_tree(const struct store_feed *feed)
{
	mxml_node_t *root, *xml = new_doc("feed", &root), *e;
	const struct store_item *it;
	char flags[4], seen[DATE_RFC3339_SIZE];
	size_t i;

	set_attr(root, "id", feed->id);
	set_attr(root, "url", feed->url);
	add_text(root, "title", feed->title);
	add_text(root, "link", feed->link);
	add_text(root, "etag", feed->etag);
	add_text(root, "last-modified", feed->last_modified);
	for (i = 0; i < feed->nitems; i++) {
		it = &feed->items[i];
		e = mxmlNewElement(root, "item");
		mxmlElementSetAttr(e, "key", it->key);
		flags_text(it->flags, flags);
		mxmlElementSetAttr(e, "flags", flags);
		if (it->first_seen != DATE_UNKNOWN)
			mxmlElementSetAttr(e, "seen",
			    date_format_rfc3339(it->first_seen, seen));
		add_headers(e, it->guid, it->title, it->link, it->author,
		    it->published, it->updated);
		add_enclosures(e, it->enclosures, it->nenclosures);
	}
	return xml;
}

static mxml_node_t *
bodies_tree(const struct store_bodies *b)
{
	mxml_node_t *root, *xml = new_doc("bodies", &root), *e;
	size_t i;

	for (i = 0; i < b->n; i++) {
		e = mxmlNewElement(root, "body");
		mxmlElementSetAttr(e, "key", b->v[i].key);
		add_body_text(e, "summary", b->v[i].summary,
		    b->v[i].summary_type);
		add_body_text(e, "content", b->v[i].content,
		    b->v[i].content_type);
		add_body_text(e, "fulltext", b->v[i].full_text, TEXT_HTML);
	}
	return xml;
}

/*
 * What the fetches of f left for the next ones, each attribute only when
 * it says something (files without them read as nothing to say).
 */
static void
add_waits(mxml_node_t *e, const struct store_feed_info *f)
{
	char num[32], when[DATE_RFC3339_SIZE];

	if (f->failures > 0) {
		snprintf(num, sizeof(num), "%u", f->failures);
		mxmlElementSetAttr(e, "failures", num);
	}
	if (f->retry_after != DATE_UNKNOWN)
		mxmlElementSetAttr(e, "retry-after",
		    date_format_rfc3339(f->retry_after, when));
	if (f->gone)
		mxmlElementSetAttr(e, "gone", "1");
	set_attr(e, "moved-to", f->moved_to);
	if (f->discovered && f->moved_to != NULL)
		mxmlElementSetAttr(e, "discovered", "1");
}

static mxml_node_t *
index_tree(const struct store *st)
{
	mxml_node_t *root, *xml = new_doc("index", &root), *e;
	const struct store_feed_info *f;
	char num[32], when[DATE_RFC3339_SIZE];
	size_t i;

	for (i = 0; i < st->nfeeds; i++) {
		f = &st->feeds[i];
		e = mxmlNewElement(root, "feed");
		set_attr(e, "id", f->id);
		set_attr(e, "url", f->url);
		set_attr(e, "title", f->title);
		snprintf(num, sizeof(num), "%u", f->total);
		mxmlElementSetAttr(e, "total", num);
		snprintf(num, sizeof(num), "%u", f->unread);
		mxmlElementSetAttr(e, "unread", num);
		snprintf(num, sizeof(num), "%u", f->flagged);
		mxmlElementSetAttr(e, "flagged", num);
		if (f->fetched != DATE_UNKNOWN)
			mxmlElementSetAttr(e, "fetched",
			    date_format_rfc3339(f->fetched, when));
		set_attr(e, "error", f->error);
		add_waits(e, f);
	}
	return xml;
}

/*
 * What mxml complains about, for the next error message: each writer
 * thread has its own, as mxml keeps its callback a thread.
 */
static _Thread_local char mxml_complaint[256];

static void
on_mxml_error(const char *message)
{
	snprintf(mxml_complaint, sizeof(mxml_complaint), "%s", message);
}

/* mxml's settings for saving and reading, which are the thread's. */
void
mxml_setup(void)
{
	mxmlSetErrorCallback(on_mxml_error);
	mxmlSetWrapMargin(0);
}

struct write_job {
	mxml_node_t	*tree;
	const char	*root;
	const char	*path;
};

/*
 * Read the XML at fd under a node of our own, and return that node, or
 * NULL when the file cannot be read. mxml 3.3.1 loses (leaks) an element
 * at the top of a document whose attributes it fails to read (`<a \1`)
 * when it is given no node to load under; under one, every node it made
 * goes with it.
 */
static mxml_node_t *
load_fd(int fd)
{
	mxml_node_t *top = mxmlNewElement(MXML_NO_PARENT, "tidings-load");

	if (mxmlLoadFd(top, fd, MXML_OPAQUE_CALLBACK) == NULL) {
		mxmlDelete(top);
		return NULL;
	}
	return top;
}

/* Read a just-written file back: what cannot be read must not replace. */
static int
check_written(int fd, const char *root, const char *path,
    struct strbuf *err)
{
	mxml_node_t *back;
	int ok;

	if (lseek(fd, 0, SEEK_SET) != 0) {
		strbuf_addf(err, _("cannot read back '%s': %s"), path,
		    strerror(errno));
		return -1;
	}
	mxml_complaint[0] = '\0';
	back = load_fd(fd);
	ok = back != NULL && mxmlFindElement(back, back, root, NULL, NULL,
	    MXML_DESCEND_FIRST) != NULL;
	mxmlDelete(back);
	if (!ok)
		strbuf_addf(err, _("'%s' would not read back (%s); not saved"),
		    path, mxml_complaint);
	return ok ? 0 : -1;
}

static int
write_tree(int fd, void *arg, struct strbuf *err)
{
	struct write_job *job = arg;

	errno = 0;
	if (save_fd(job->tree, fd) == -1) {
		strbuf_addf(err, _("cannot write '%s': %s"), job->path,
		    strerror(errno ? errno : EIO));
		return -1;
	}
	return check_written(fd, job->root, job->path, err);
}

int
xml_save(const char *path, enum xml_kind kind, const void *data,
    unsigned flags, struct strbuf *err)
{
	struct write_job job = { NULL, root_names[kind], path };
	int rc;

	mxml_setup();
	if (kind == XML_INDEX)
		job.tree = index_tree(data);
	else if (kind == XML_FEED)
		job.tree = feed_tree(data);
	else
		job.tree = bodies_tree(data);
	rc = file_replace_flags(path, write_tree, &job, flags, err);
	mxmlDelete(job.tree);
	return rc;
}

int
store_write_feed(const struct feed_doc *doc, FILE *out, struct strbuf *err)
{
	mxml_node_t *xml = dump_tree(doc);
	int rc;

	mxml_setup();
	/* mxml buffers a file descriptor itself; through stdio it would
	 * lock the FILE for every character */
	rc = fflush(out) == 0 ? save_fd(xml, fileno(out)) : -1;
	mxmlDelete(xml);
	if (rc == -1 || ferror(out)) {
		strbuf_addf(err, _("cannot write the feed: %s"),
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* 1 for n hex digits at s, and nothing after them. */
static int
is_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[n] == '\0';
}

/* A feed id as tidings makes them: 16 hex digits. */
static int
good_id(const char *s)
{
	return s != NULL && is_hex(s, HASH_HEX_SIZE - 1);
}

/* An item key as tidings makes them: a letter and 16 hex digits. */
static int
good_key(const char *s)
{
	return s[0] >= 'a' && s[0] <= 'z' && is_hex(s + 1, HASH_HEX_SIZE - 1);
}

/*
 * s cleaned as a new string, or NULL when nothing is left. What tidings
 * wrote is clean already and comes back as it was; a file changed by
 * hand or by damage could hold what mxml reads but a line must not (new
 * lines in a title, bidi controls).
 */
static char *
clean_of(const char *s, enum sanitize_mode mode)
{
	char *clean;

	if (s == NULL || s[0] == '\0')
		return NULL;
	clean = sanitize(s, mode);
	if (clean[0] == '\0') {
		free(clean);
		return NULL;
	}
	return clean;
}

/*
 * The text of element e cleaned, a new string, or NULL: its text and
 * CDATA children joined (version 1 wrote text only).
 */
static char *
content_of(mxml_node_t *e, enum sanitize_mode mode)
{
	struct strbuf joined = STRBUF_INIT;
	mxml_node_t *c, *first = mxmlGetFirstChild(e);
	const char *s;
	char *clean;

	if (first != NULL && mxmlGetNextSibling(first) == NULL)
		return clean_of(mxmlGetType(first) == MXML_OPAQUE ?
		    mxmlGetOpaque(first) : mxmlGetCDATA(first), mode);
	for (c = first; c != NULL; c = mxmlGetNextSibling(c))
		if ((s = mxmlGetType(c) == MXML_OPAQUE ? mxmlGetOpaque(c) :
		    mxmlGetCDATA(c)) != NULL)
			strbuf_addstr(&joined, s);
	clean = clean_of(joined.buf, mode);
	strbuf_release(&joined);
	return clean;
}

/* The text of element e, one line, a new string, or NULL. */
static char *
text_of(mxml_node_t *e)
{
	return content_of(e, SANITIZE_LINE);
}

/* The running text of element e (a body), a new string, or NULL. */
static char *
body_of(mxml_node_t *e)
{
	return content_of(e, SANITIZE_TEXT);
}

static char *
attr_of(mxml_node_t *e, const char *name)
{
	return clean_of(mxmlElementGetAttr(e, name), SANITIZE_LINE);
}

static int64_t
date_of(mxml_node_t *e)
{
	char *s = text_of(e);
	int64_t t = s != NULL ? date_parse(s) : DATE_UNKNOWN;

	free(s);
	return t;
}

/* The date in attribute name of e, or DATE_UNKNOWN. */
static int64_t
attr_date_of(mxml_node_t *e, const char *name)
{
	const char *s = mxmlElementGetAttr(e, name);

	return s != NULL ? date_parse(s) : DATE_UNKNOWN;
}

static unsigned
number_of(mxml_node_t *e, const char *name)
{
	const char *s = mxmlElementGetAttr(e, name);
	unsigned long v;
	char *end;

	if (s == NULL)
		return 0;
	v = strtoul(s, &end, 10);
	return *end == '\0' && v <= 0xFFFFFFFFu ? (unsigned)v : 0;
}

static enum text_type
type_of(mxml_node_t *e)
{
	const char *t = mxmlElementGetAttr(e, "type");

	return t != NULL && strcmp(t, "html") == 0 ? TEXT_HTML : TEXT_PLAIN;
}

/* The element children of parent, one after the other. */
static mxml_node_t *
next_element(mxml_node_t *parent, mxml_node_t *after)
{
	mxml_node_t *n = after == NULL ? mxmlGetFirstChild(parent) :
	    mxmlGetNextSibling(after);

	while (n != NULL && mxmlGetType(n) != MXML_ELEMENT)
		n = mxmlGetNextSibling(n);
	return n;
}

static int
is(mxml_node_t *e, const char *name)
{
	return strcmp(mxmlGetElement(e), name) == 0;
}

static unsigned
flags_of(mxml_node_t *e)
{
	const char *s = mxmlElementGetAttr(e, "flags");
	unsigned flags = 0;

	for (; s != NULL && *s != '\0'; s++)
		flags |= *s == 'u' ? ITEM_UNREAD : *s == 'f' ? ITEM_FLAGGED :
		    *s == 'd' ? ITEM_DELETED : 0;
	return flags;
}

static void
read_enclosure(struct store_item *it, mxml_node_t *e)
{
	char *url = attr_of(e, "url");

	if (url == NULL)
		return;
	it->enclosures = xreallocarray(it->enclosures, it->nenclosures + 1,
	    sizeof(*it->enclosures));
	it->enclosures[it->nenclosures].url = url;
	it->enclosures[it->nenclosures].type = attr_of(e, "type");
	it->enclosures[it->nenclosures].length = attr_of(e, "length");
	it->nenclosures++;
}

static void
read_item(struct store_feed *feed, mxml_node_t *item)
{
	struct store_item *it;
	const char *seen = mxmlElementGetAttr(item, "seen");
	mxml_node_t *e = NULL;
	char *key = attr_of(item, "key");

	if (key == NULL || !good_key(key)) {
		free(key);	/* no identity tidings wrote: dropped */
		return;
	}
	it = store_feed_add_item(feed);
	it->key = key;
	it->flags = flags_of(item);
	it->first_seen = seen != NULL ? date_parse(seen) : DATE_UNKNOWN;
	while ((e = next_element(item, e)) != NULL) {
		if (is(e, "guid") && it->guid == NULL)
			it->guid = text_of(e);
		else if (is(e, "title") && it->title == NULL)
			it->title = text_of(e);
		else if (is(e, "link") && it->link == NULL)
			it->link = text_of(e);
		else if (is(e, "author") && it->author == NULL)
			it->author = text_of(e);
		else if (is(e, "published"))
			it->published = date_of(e);
		else if (is(e, "updated"))
			it->updated = date_of(e);
		else if (is(e, "enclosure"))
			read_enclosure(it, e);
	}
}

static void
read_feed(mxml_node_t *root, struct store_feed *feed)
{
	mxml_node_t *e = NULL;

	free(feed->url);
	feed->url = attr_of(root, "url");
	while ((e = next_element(root, e)) != NULL) {
		if (is(e, "item"))
			read_item(feed, e);
		else if (is(e, "title") && feed->title == NULL)
			feed->title = text_of(e);
		else if (is(e, "link") && feed->link == NULL)
			feed->link = text_of(e);
		else if (is(e, "etag") && feed->etag == NULL)
			feed->etag = text_of(e);
		else if (is(e, "last-modified") && feed->last_modified == NULL)
			feed->last_modified = text_of(e);
	}
}

static void
read_bodies(mxml_node_t *root, struct store_bodies *b)
{
	mxml_node_t *e = NULL, *c;
	struct store_body *body;
	char *key;

	while ((e = next_element(root, e)) != NULL) {
		if (!is(e, "body") || (key = attr_of(e, "key")) == NULL)
			continue;
		body = store_bodies_add(b);
		body->key = key;
		for (c = next_element(e, NULL); c; c = next_element(e, c)) {
			if (is(c, "summary") && body->summary == NULL) {
				body->summary = body_of(c);
				body->summary_type = type_of(c);
			} else if (is(c, "content") && body->content == NULL) {
				body->content = body_of(c);
				body->content_type = type_of(c);
			} else if (is(c, "fulltext") && body->full_text == NULL)
				body->full_text = body_of(c);
		}
	}
}

static void
read_index(mxml_node_t *root, struct store *st)
{
	struct store_feed_info *f;
	mxml_node_t *e = NULL;
	const char *gone;
	char *url;

	while ((e = next_element(root, e)) != NULL) {
		if (!is(e, "feed") || !good_id(mxmlElementGetAttr(e, "id")) ||
		    (url = attr_of(e, "url")) == NULL)
			continue;
		f = store_index_add(st);
		f->id = attr_of(e, "id");
		f->url = url;
		f->title = attr_of(e, "title");
		f->total = number_of(e, "total");
		f->unread = number_of(e, "unread");
		f->flagged = number_of(e, "flagged");
		f->fetched = attr_date_of(e, "fetched");
		f->error = attr_of(e, "error");
		f->failures = number_of(e, "failures");
		f->retry_after = attr_date_of(e, "retry-after");
		gone = mxmlElementGetAttr(e, "gone");
		f->gone = gone != NULL && strcmp(gone, "1") == 0;
		f->moved_to = attr_of(e, "moved-to");
		gone = mxmlElementGetAttr(e, "discovered");
		f->discovered = f->moved_to != NULL && gone != NULL &&
		    strcmp(gone, "1") == 0;
	}
}

/*
 * The version of a file, or -1 when tidings cannot read it. Files of an
 * older version would be upgraded here, one step a version. Version 2
 * writes CDATA sections, which a tidings reading version 1 would take
 * for no text; its reading of version 1 is the same. What a version gains
 * without a new number is optional, and left out it reads as before: the
 * index's failures, retry-after, gone, moved-to and discovered, and a
 * body's fulltext (which an older tidings ignores, so it can still read
 * the file).
 */
static long
file_version(mxml_node_t *root)
{
	const char *s = mxmlElementGetAttr(root, "version");
	char *end;
	long v;

	if (s == NULL)
		return -1;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= 1 && v <= STORE_VERSION ? v : -1;
}

int
xml_load(const char *path, enum xml_kind kind, void *data,
    struct strbuf *err)
{
	mxml_node_t *xml, *root = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 && errno == ENOENT)
		return 1;
	if (fd < 0) {
		strbuf_addf(err, _("cannot read '%s': %s"), path,
		    strerror(errno));
		return -1;
	}
	mxml_setup();
	mxml_complaint[0] = '\0';
	xml = load_fd(fd);
	close(fd);
	if (xml != NULL)
		root = mxmlFindElement(xml, xml, root_names[kind], NULL, NULL,
		    MXML_DESCEND_FIRST);
	if (root == NULL || file_version(root) == -1) {
		strbuf_addf(err, _("'%s' is damaged or of an unknown version%s%s"),
		    path, mxml_complaint[0] != '\0' ? ": " : "",
		    mxml_complaint);
		mxmlDelete(xml);
		return -2;
	}
	if (kind == XML_INDEX)
		read_index(root, data);
	else if (kind == XML_FEED)
		read_feed(root, data);
	else
		read_bodies(root, data);
	mxmlDelete(xml);
	return 0;
}
