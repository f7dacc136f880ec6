/* SPDX-License-Identifier: ISC */
/*
 * HTML to text, with libxml2's HTML parser: network off, errors quiet,
 * recovering from whatever a feed sends. html_to_line() makes one clean
 * line of a fragment (a title); html_render() makes an article's typed
 * lines and its numbered links. Both walk the tree without recursion: the
 * renderer keeps what the open elements mean in an explicit stack of
 * frames, capped, so that no nesting can exhaust the C stack.
 */
#include "config.h"

#include "html.h"
#include "html-xml.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "util/ascii.h"
#include "util/hash.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/width.h"
#include "util/xmalloc.h"

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED)

/*
 * Without HTML_PARSE_NOIMPLIED: with it, libxml2 2.9.14 nests a <p> in
 * the paragraph it implied for text before it, instead of closing it.
 */
#define RENDER_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

#define MAX_FRAMES	1024	/* deeper elements change no context */
#define MAX_URL		8192	/* a longer link gets no number */
#define SCAN_NODES	4096	/* the most nodes a look-ahead visits */
#define SMALL_TEXT	400	/* the text of a share bar is less */
#define CAPTION_TEXT	1500	/* the text of a caption is less */
#define MAX_ORDINAL	1000000000L
#define TAG_CACHE	64	/* element names remembered, a power of 2 */

/* What an element is to the renderer. */
enum kind {
	K_INLINE,	/* its text flows on: b, span, and the unknown */
	K_SKIP,		/* never shown, contents and all */
	K_HEAD,		/* skipped, but for a <base href> in it */
	K_BASE,
	K_BLOCK,	/* a block of its own: p, div, section... */
	K_BR,
	K_HR,
	K_HEADING,
	K_UL,
	K_OL,
	K_LI,
	K_DL,
	K_DT,
	K_DD,
	K_QUOTE,
	K_PRE,
	K_TABLE,
	K_TR,
	K_CELL,
	K_TCAPTION,	/* a table's <caption> */
	K_FIGURE,
	K_FIGCAPTION,
	K_IMG,
	K_A,
	K_Q,
	K_SUP,
	K_SUB,
};

/* Properties of a tag besides its kind. */
enum tag_flags {
	TAG_SECTION = 1 << 0,	/* a container: never a caption */
	TAG_LAYOUT = 1 << 1,	/* in a table cell: the table is layout */
};

struct tag {
	const char	*name;
	unsigned char	 kind;
	unsigned char	 level;		/* a heading's */
	unsigned char	 flags;		/* enum tag_flags */
};

/* Sorted by name, for bsearch(). */
static const struct tag tags[] = {
	{ "a",		K_A,		0, 0 },
	{ "address",	K_BLOCK,	0, 0 },
	{ "applet",	K_SKIP,		0, 0 },
	{ "article",	K_BLOCK,	0, TAG_SECTION | TAG_LAYOUT },
	{ "aside",	K_BLOCK,	0, TAG_SECTION },
	{ "audio",	K_SKIP,		0, 0 },
	{ "base",	K_BASE,		0, 0 },
	{ "blockquote",	K_QUOTE,	0, TAG_SECTION | TAG_LAYOUT },
	{ "body",	K_BLOCK,	0, TAG_SECTION },
	{ "br",		K_BR,		0, 0 },
	{ "button",	K_SKIP,		0, 0 },
	{ "canvas",	K_SKIP,		0, 0 },
	{ "caption",	K_TCAPTION,	0, 0 },
	{ "center",	K_BLOCK,	0, TAG_SECTION },
	{ "col",	K_SKIP,		0, 0 },
	{ "colgroup",	K_SKIP,		0, 0 },
	{ "datalist",	K_SKIP,		0, 0 },
	{ "dd",		K_DD,		0, 0 },
	{ "details",	K_BLOCK,	0, TAG_SECTION },
	{ "dialog",	K_SKIP,		0, 0 },
	{ "dir",	K_UL,		0, TAG_SECTION | TAG_LAYOUT },
	{ "div",	K_BLOCK,	0, 0 },
	{ "dl",		K_DL,		0, TAG_SECTION | TAG_LAYOUT },
	{ "dt",		K_DT,		0, 0 },
	{ "embed",	K_SKIP,		0, 0 },
	{ "fieldset",	K_BLOCK,	0, TAG_SECTION },
	{ "figcaption",	K_FIGCAPTION,	0, 0 },
	{ "figure",	K_FIGURE,	0, TAG_SECTION | TAG_LAYOUT },
	{ "footer",	K_BLOCK,	0, TAG_SECTION },
	{ "form",	K_BLOCK,	0, TAG_SECTION },
	{ "frame",	K_SKIP,		0, 0 },
	{ "frameset",	K_SKIP,		0, 0 },
	{ "h1",		K_HEADING,	1, TAG_LAYOUT },
	{ "h2",		K_HEADING,	2, TAG_LAYOUT },
	{ "h3",		K_HEADING,	3, TAG_LAYOUT },
	{ "h4",		K_HEADING,	4, TAG_LAYOUT },
	{ "h5",		K_HEADING,	5, TAG_LAYOUT },
	{ "h6",		K_HEADING,	6, TAG_LAYOUT },
	{ "head",	K_HEAD,		0, 0 },
	{ "header",	K_BLOCK,	0, TAG_SECTION },
	{ "hgroup",	K_BLOCK,	0, TAG_SECTION },
	{ "hr",		K_HR,		0, TAG_LAYOUT },
	{ "html",	K_BLOCK,	0, TAG_SECTION },
	{ "iframe",	K_SKIP,		0, 0 },
	{ "img",	K_IMG,		0, 0 },
	{ "input",	K_SKIP,		0, 0 },
	{ "legend",	K_BLOCK,	0, 0 },
	{ "label",	K_SKIP,		0, 0 },
	{ "li",		K_LI,		0, 0 },
	{ "listing",	K_PRE,		0, TAG_LAYOUT },
	{ "main",	K_BLOCK,	0, TAG_SECTION | TAG_LAYOUT },
	{ "map",	K_SKIP,		0, 0 },
	{ "menu",	K_UL,		0, TAG_SECTION | TAG_LAYOUT },
	{ "nav",	K_SKIP,		0, 0 },
	{ "noscript",	K_SKIP,		0, 0 },
	{ "object",	K_SKIP,		0, 0 },
	{ "ol",		K_OL,		0, TAG_SECTION | TAG_LAYOUT },
	{ "optgroup",	K_SKIP,		0, 0 },
	{ "option",	K_SKIP,		0, 0 },
	{ "p",		K_BLOCK,	0, TAG_LAYOUT },
	{ "plaintext",	K_PRE,		0, TAG_LAYOUT },
	{ "pre",	K_PRE,		0, TAG_LAYOUT },
	{ "q",		K_Q,		0, 0 },
	{ "script",	K_SKIP,		0, 0 },
	{ "section",	K_BLOCK,	0, TAG_SECTION | TAG_LAYOUT },
	{ "select",	K_SKIP,		0, 0 },
	{ "style",	K_SKIP,		0, 0 },
	{ "sub",	K_SUB,		0, 0 },
	{ "summary",	K_BLOCK,	0, 0 },
	{ "sup",	K_SUP,		0, 0 },
	{ "svg",	K_SKIP,		0, 0 },
	{ "table",	K_TABLE,	0, TAG_SECTION | TAG_LAYOUT },
	{ "tbody",	K_BLOCK,	0, TAG_SECTION },
	{ "td",		K_CELL,		0, TAG_SECTION },
	{ "template",	K_SKIP,		0, 0 },
	{ "textarea",	K_SKIP,		0, 0 },
	{ "tfoot",	K_BLOCK,	0, TAG_SECTION },
	{ "th",		K_CELL,		0, TAG_SECTION },
	{ "thead",	K_BLOCK,	0, TAG_SECTION },
	{ "title",	K_SKIP,		0, 0 },
	{ "tr",		K_TR,		0, TAG_SECTION },
	{ "ul",		K_UL,		0, TAG_SECTION | TAG_LAYOUT },
	{ "video",	K_SKIP,		0, 0 },
	{ "xmp",	K_PRE,		0, TAG_LAYOUT },
};

static int
tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag *)elem)->name);
}

/* The tag n is, or NULL for an inline or unknown element. */
static const struct tag *
tag_of(const xmlNode *n)
{
	if (n->name == NULL)
		return NULL;
	return bsearch(n->name, tags, sizeof(tags) / sizeof(tags[0]),
	    sizeof(tags[0]), tag_cmp);
}

static int
kind_of(const struct tag *t)
{
	return t != NULL ? t->kind : K_INLINE;
}

/* The next node after n in document order, not entering n if skip. */
static const xmlNode *
next_node(const xmlNode *n, const xmlNode *top, int skip)
{
	if (!skip && n->children != NULL)
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/* Append the shown text below top to raw; a space where elements meet. */
static void
collect(const xmlNode *top, struct strbuf *raw)
{
	const xmlNode *n = top->children;
	int skip, kind;

	while (n != NULL) {
		skip = 0;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			strbuf_addstr(raw, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE) {
			kind = kind_of(tag_of(n));
			skip = kind == K_SKIP || kind == K_HEAD;
			if (kind >= K_BLOCK && kind <= K_FIGCAPTION)
				strbuf_addch(raw, ' ');	/* a block */
		}
		n = next_node(n, top, skip);
	}
}

void
html_to_line(const char *html, size_t len, struct strbuf *out)
{
	struct strbuf raw = STRBUF_INIT;
	htmlDocPtr doc;

	if (len == 0)
		return;
	if (memchr(html, '<', len) == NULL && memchr(html, '&', len) == NULL) {
		sanitize_add(out, html, len, SANITIZE_LINE);
		return;
	}
	doc = htmlReadMemory(html, (int)(len > 0x7fffffff ? 0x7fffffff : len),
	    NULL, "UTF-8", HTML_OPTIONS);
	if (doc != NULL)
		collect((const xmlNode *)doc, &raw);
	sanitize_add(out, raw.buf, raw.len, SANITIZE_LINE);
	xmlFreeDoc(doc);
	strbuf_release(&raw);
}

const char *
html_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->name != NULL &&
		    strcmp((const char *)a->name, name) == 0) {
			if (a->children != NULL &&
			    a->children->type == XML_TEXT_NODE &&
			    a->children->content != NULL)
				return (const char *)a->children->content;
			return "";
		}
	return NULL;
}

/* The length of the ASCII white space at the start of s. */
static size_t
skip_space(const char *s)
{
	size_t i = 0;

	while (ASCII_ISSPACE(s[i]))
		i++;
	return i;
}

/* 1 when the CSS in s has "property: value" (any case and spacing). */
static int
css_has(const char *s, const char *property, const char *value)
{
	size_t plen = strlen(property), vlen = strlen(value), i;

	for (; *s != '\0'; s++) {
		if (!ascii_is_named(s, plen, property) ||
		    (s[plen] != ' ' && s[plen] != ':' && s[plen] != '\t'))
			continue;
		i = plen + skip_space(s + plen);
		if (s[i] != ':')
			continue;
		i++;
		i += skip_space(s + i);
		if (ascii_is_named(s + i, vlen, value) &&
		    !ASCII_ISALNUM(s[i + vlen]) && s[i + vlen] != '-')
			return 1;
	}
	return 0;
}

/* What the attributes of an element say about it. */
enum attr_flags {
	ATTR_HIDDEN = 1 << 0,	/* never shown */
	ATTR_SHARE = 1 << 1,	/* a share bar, if its text is small */
	ATTR_CAPTION = 1 << 2,	/* a caption or credit */
	ATTR_EMOJI = 1 << 3,	/* an image that stands for an emoji */
};

/* The flags for one part of a class or id ("share" in "share-bar"). */
static int
part_flags(const char *s, size_t len, int is_class)
{
	static const char *const share[] = {
		"share", "sharing", "social", "newsletter", NULL
	};
	int i;

	for (i = 0; share[i] != NULL; i++)
		if (ascii_is_named(s, len, share[i]))
			return ATTR_SHARE;
	if (!is_class)
		return 0;
	if (ascii_is_named(s, len, "caption") || ascii_is_named(s, len, "credit"))
		return ATTR_CAPTION;
	if (ascii_is_named(s, len, "emoji") || ascii_is_named(s, len, "smiley"))
		return ATTR_EMOJI;
	return 0;
}

/* The flags a class attribute (is_class) or an id attribute gives. */
static int
class_flags(const char *s, int is_class)
{
	static const char *const hidden[] = {
		"hidden", "sr-only", "visually-hidden", "visuallyhidden",
		"screen-reader-text", NULL
	};
	size_t len, i, start;
	int flags = 0, k;

	for (;;) {
		s += skip_space(s);
		if (*s == '\0')
			break;
		len = 0;
		while (s[len] != '\0' && !ASCII_ISSPACE(s[len]))
			len++;
		for (k = 0; is_class && hidden[k] != NULL; k++)
			if (ascii_is_named(s, len, hidden[k]))
				flags |= ATTR_HIDDEN;
		for (start = 0, i = 0; i <= len; i++)
			if (i == len || s[i] == '-' || s[i] == '_') {
				flags |= part_flags(s + start, i - start,
				    is_class);
				start = i + 1;
			}
		s += len;
	}
	return flags;
}

/* The enum attr_flags of the element n. */
static int
attr_flags(const xmlNode *n)
{
	const xmlAttr *a;
	const char *name, *v;
	int flags = 0;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->name == NULL)
			continue;
		name = (const char *)a->name;
		v = "";
		if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
		    a->children->content != NULL)
			v = (const char *)a->children->content;
		if (strcmp(name, "hidden") == 0)
			flags |= ATTR_HIDDEN;
		else if (strcmp(name, "aria-hidden") == 0) {
			v += skip_space(v);
			if (ascii_is_named(v, 4, "true") &&
			    v[4 + skip_space(v + 4)] == '\0')
				flags |= ATTR_HIDDEN;
		} else if (strcmp(name, "style") == 0) {
			if (css_has(v, "display", "none") ||
			    css_has(v, "visibility", "hidden"))
				flags |= ATTR_HIDDEN;
		} else if (strcmp(name, "class") == 0)
			flags |= class_flags(v, 1);
		else if (strcmp(name, "id") == 0)
			flags |= class_flags(v, 0);
	}
	return flags;
}

/*
 * 1 when the text below n has fewer than max bytes other than white
 * space, looking at no more than SCAN_NODES nodes (past them: 0).
 */
static int
text_below(const xmlNode *n, size_t max)
{
	const xmlNode *c = n->children;
	const char *s;
	size_t count = 0, nodes = 0;
	int skip;

	while (c != NULL) {
		if (++nodes > SCAN_NODES)
			return 0;
		skip = 0;
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			for (s = (const char *)c->content; *s != '\0'; s++)
				if (!ASCII_ISSPACE(*s) && ++count >= max)
					return 0;
		} else if (c->type == XML_ELEMENT_NODE)
			skip = kind_of(tag_of(c)) == K_SKIP;
		c = next_node(c, n, skip);
	}
	return 1;
}

/*
 * 1 when the table n is for layout, not data: its cells hold blocks
 * (paragraphs, lists, other tables...), or it has at most one cell, or it
 * is too big to look through.
 */
static int
table_is_layout(const xmlNode *n)
{
	const xmlNode *c = n->children;
	const struct tag *t;
	size_t nodes = 0, cells = 0;

	while (c != NULL) {
		if (++nodes > SCAN_NODES)
			return 1;
		t = c->type == XML_ELEMENT_NODE ? tag_of(c) : NULL;
		if (t != NULL && (t->flags & TAG_LAYOUT))
			return 1;
		if (t != NULL && t->kind == K_CELL)
			cells++;
		c = next_node(c, n, t != NULL && t->kind == K_SKIP);
	}
	return cells <= 1;
}

/* 1 when s is a whole number (after white space); it goes to *out. */
static int
parse_number(const char *s, long *out)
{
	long v;

	s += skip_space(s);
	if (!ASCII_ISDIGIT(*s) && !(*s == '-' && ASCII_ISDIGIT(s[1])))
		return 0;
	v = strtol(s, NULL, 10);
	*out = v < -MAX_ORDINAL ? -MAX_ORDINAL : v > MAX_ORDINAL ?
	    MAX_ORDINAL : v;
	return 1;
}

/* 1 for an image 0 or 1 pixel wide or high: a tracking pixel. */
static int
is_pixel(const xmlNode *n)
{
	const char *v;
	long size;

	v = html_attr(n, "width");
	if (v != NULL && parse_number(v, &size) && size <= 1)
		return 1;
	v = html_attr(n, "height");
	return v != NULL && parse_number(v, &size) && size <= 1;
}

enum table_mode { TABLE_NONE, TABLE_DATA, TABLE_LAYOUT };

/* What the open elements say about the text at the current node. */
struct ctx {
	int		 quote;		/* blockquote depth */
	int		 list;		/* list depth */
	int		 item;		/* inside a list item or a <dd> */
	int		 heading;	/* 1 to 6 inside a heading, else 0 */
	int		 pre;		/* inside pre: white space is kept */
	int		 caption;	/* inside a caption or credit */
	int		 figure;	/* inside a figure */
	int		 table;		/* enum table_mode, innermost table */
	int		 cell;		/* inside a cell of a data table */
	long		 listf;		/* the innermost list's frame, or -1 */
	unsigned	 group;		/* the lines of one list, table, pre or
					   figure go together; 0: none */
};

/* What to do when an element ends. */
enum frame_flags {
	FR_BLOCK = 1 << 0,	/* a block boundary */
	FR_LINK = 1 << 1,	/* the open link ends */
	FR_PRE = 1 << 2,	/* the preformatted text ends */
	FR_ROW = 1 << 3,	/* a data table's row ends */
	FR_CELL = 1 << 4,	/* a data table's cell ends */
	FR_TABLE = 1 << 5,	/* a data table ends */
	FR_Q = 1 << 6,		/* a closing quotation mark */
	FR_ITEM = 1 << 7,	/* a list item ends */
	FR_SUP = 1 << 8,	/* superscript digits become ¹²³ */
	FR_SUB = 1 << 9,	/* subscript digits become ₁₂₃ */
};

struct frame {
	struct ctx	 saved;		/* the context to go back to */
	int		 flags;		/* enum frame_flags */
	int		 step;		/* a list's: 1, or -1 when reversed */
	long		 counter;	/* a list's next number */
	size_t		 start;		/* where a sup or sub starts in cur */
	char		 style;		/* '1', 'a', 'A', 'i', 'I', 0: bullet */
};

struct render {
	struct html_doc	*doc;
	struct ctx	 ctx;
	int		 plain;		/* no tags: blank lines end blocks */
	struct frame	*frames;
	size_t		 nframes;
	size_t		 aframes;
	size_t		 overflow;	/* elements open past MAX_FRAMES */
	struct strbuf	 cur;		/* the raw text of the block so far */
	struct strbuf	 row;		/* a data table's row so far, clean */
	size_t		 ncells;
	size_t		 row_keep;	/* the row's length to its last text */
	struct strbuf	 tmp;
	char		*marker;	/* the open list item's, until used */
	int		 join_next;	/* the next line goes with the last */
	unsigned	 groups;	/* group numbers given out */
	unsigned	 last_group;	/* the group of the last line */
	char		*base;		/* what links are resolved against */
	int		 base_seen;	/* a <base href> was taken */
	char		*link;		/* the open link's URL, or NULL */
	size_t		 link_num;	/* its number, 0 until it has one */
	size_t		 link_start;	/* where its text starts in cur */
	size_t		*slots;		/* a hash of the links: index + 1 */
	size_t		 nslots;
	/* libxml2 keeps one copy of each name: the tags, by its address */
	const xmlChar	*cache_name[TAG_CACHE];
	const struct tag *cache_tag[TAG_CACHE];
};

/* 1 for the code points that count as blank at the ends of a line. */
static int
is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xA0;
}

/* 1 when the len bytes at s show something: not all blank or invisible. */
static int
has_visible(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] > 0x20 && (unsigned char)s[i] < 0x7F)
			return 1;
		i += utf8_decode(s + i, len - i, &cp);
		if (!is_blank(cp) && width_char(cp) > 0)
			return 1;
	}
	return 0;
}

/* Cut the no-break spaces and spaces from both ends of sb. */
static void
trim_blank(struct strbuf *sb)
{
	size_t start = 0, end = sb->len;

	for (;;) {
		if (start < end && sb->buf[start] == ' ')
			start++;
		else if (end - start >= 2 &&
		    memcmp(sb->buf + start, "\xc2\xa0", 2) == 0)
			start += 2;
		else
			break;
	}
	for (;;) {
		if (end > start && sb->buf[end - 1] == ' ')
			end--;
		else if (end - start >= 2 &&
		    memcmp(sb->buf + end - 2, "\xc2\xa0", 2) == 0)
			end -= 2;
		else
			break;
	}
	if (start > 0)
		memmove(sb->buf, sb->buf + start, end - start);
	strbuf_setlen(sb, end - start);
}

/* Remove the soft hyphens (U+00AD) of sb: hints a terminal cannot use. */
static void
drop_soft_hyphens(struct strbuf *sb)
{
	const char *p = sb->buf;
	size_t i, j;

	while ((p = memchr(p, '\xc2', sb->len - (size_t)(p - sb->buf))) !=
	    NULL && p + 1 < sb->buf + sb->len && p[1] != '\xad')
		p++;
	if (p == NULL || p + 1 >= sb->buf + sb->len)
		return;
	for (i = j = (size_t)(p - sb->buf); i < sb->len; i++) {
		if (i + 1 < sb->len && sb->buf[i] == '\xc2' &&
		    sb->buf[i + 1] == '\xad') {
			i++;
			continue;
		}
		sb->buf[j++] = sb->buf[i];
	}
	strbuf_setlen(sb, j);
}

/* r->tmp = the clean, trimmed form of len raw bytes; 1 if it shows. */
static int
clean(struct render *r, const char *raw, size_t len)
{
	strbuf_reset(&r->tmp);
	sanitize_add(&r->tmp, raw, len, SANITIZE_LINE);
	drop_soft_hyphens(&r->tmp);
	trim_blank(&r->tmp);
	return has_visible(r->tmp.buf, r->tmp.len);
}

/* Append a line of clean text to the document. */
static void
add_line(struct render *r, enum line_type type, int level,
    const char *text, size_t len, char *marker, int joined)
{
	struct html_doc *doc = r->doc;
	struct text_line *line;

	if (doc->nlines == doc->alloc) {
		doc->alloc = doc->alloc < 16 ? 16 : doc->alloc * 2;
		doc->lines = xreallocarray(doc->lines, doc->alloc,
		    sizeof(*doc->lines));
	}
	line = &doc->lines[doc->nlines++];
	line->type = type;
	line->level = level;
	line->marker = marker;
	line->text = xstrndup(text, len);
	line->joined = doc->nlines > 1 && (joined || r->join_next ||
	    (r->ctx.group != 0 && r->ctx.group == r->last_group) ||
	    (type == LINE_CAPTION && (line[-1].type == LINE_IMAGE ||
	    line[-1].type == LINE_CAPTION)));
	r->last_group = r->ctx.group;
	r->join_next = 0;
}

/* The type and level of a block of text in the current context. */
static enum line_type
block_type(const struct render *r, int *level)
{
	const struct ctx *c = &r->ctx;

	*level = 0;
	if (c->caption)
		return LINE_CAPTION;
	if (c->quote > 0) {
		*level = c->quote;
		return LINE_QUOTE;
	}
	if (c->item) {
		*level = c->list > 0 ? c->list : 1;
		return LINE_ITEM;
	}
	if (c->heading > 0) {
		*level = c->heading;
		return LINE_HEADING;
	}
	if (c->figure)
		return LINE_CAPTION;
	return LINE_PARA;
}

/* Add the text in r->tmp as a line of the type the context says. */
static int
add_block(struct render *r, enum line_type type, int level)
{
	char *marker = NULL;

	if (type == LINE_ITEM || type == LINE_QUOTE) {
		marker = r->marker;
		r->marker = NULL;
	}
	add_line(r, type, level, r->tmp.buf, r->tmp.len, marker, 0);
	return 1;
}

/* Empty cur; the open link's text, if any, starts again. */
static void
reset_cur(struct render *r)
{
	strbuf_reset(&r->cur);
	r->link_start = 0;
}

/* Add the number of the open link to s: "[N]". */
static void
add_link_mark(struct render *r, struct strbuf *s)
{
	struct html_doc *doc = r->doc;
	size_t i, mask;
	uint64_t h;

	if (r->link_num == 0) {
		if (doc->nlinks * 2 >= r->nslots) {
			free(r->slots);
			r->nslots = r->nslots == 0 ? 64 : r->nslots * 2;
			r->slots = xcalloc(r->nslots, sizeof(*r->slots));
			mask = r->nslots - 1;
			for (i = 0; i < doc->nlinks; i++) {
				h = hash_fnv1a(HASH_FNV1A_INIT, doc->links[i],
				    strlen(doc->links[i]));
				while (r->slots[h & mask] != 0)
					h++;
				r->slots[h & mask] = i + 1;
			}
		}
		mask = r->nslots - 1;
		h = hash_fnv1a(HASH_FNV1A_INIT, r->link, strlen(r->link));
		while (r->slots[h & mask] != 0 &&
		    strcmp(doc->links[r->slots[h & mask] - 1], r->link) != 0)
			h++;
		if (r->slots[h & mask] == 0) {
			if ((doc->nlinks & (doc->nlinks - 1)) == 0)
				doc->links = xreallocarray(doc->links,
				    doc->nlinks == 0 ? 8 : doc->nlinks * 2,
				    sizeof(*doc->links));
			doc->links[doc->nlinks++] = xstrdup(r->link);
			r->slots[h & mask] = doc->nlinks;
		}
		r->link_num = r->slots[h & mask];
	}
	strbuf_addf(s, "[%zu]", r->link_num);
}

/*
 * When the open link has text in cur, end that text with its number,
 * before any white space at the end.
 */
static void
mark_link(struct render *r)
{
	size_t end = r->cur.len;

	if (r->link == NULL || r->link_start > r->cur.len ||
	    !has_visible(r->cur.buf + r->link_start,
	    r->cur.len - r->link_start))
		return;
	if (!r->ctx.pre)
		while (end > r->link_start &&
		    ASCII_ISSPACE(r->cur.buf[end - 1]))
			end--;
	if (end == r->cur.len) {
		add_link_mark(r, &r->cur);
		return;
	}
	strbuf_setlen(&r->cur, end);
	add_link_mark(r, &r->cur);
	strbuf_addch(&r->cur, ' ');
}

/* End the block of text in cur: a line, if it shows anything. */
static int
flush(struct render *r)
{
	enum line_type type;
	int level, added = 0;

	mark_link(r);
	if (r->cur.len > 0 && clean(r, r->cur.buf, r->cur.len)) {
		type = block_type(r, &level);
		added = add_block(r, type, level);
	}
	reset_cur(r);
	return added;
}

/* The text of the current cell goes into the row. */
static void
add_cell(struct render *r)
{
	int shows;

	mark_link(r);
	shows = clean(r, r->cur.buf, r->cur.len);
	if (r->ncells > 0)
		strbuf_addstr(&r->row, " | ");
	strbuf_add(&r->row, r->tmp.buf, r->tmp.len);
	r->ncells++;
	if (shows)
		r->row_keep = r->row.len;
	reset_cur(r);
}

/* End a row of a data table: a line, if a cell shows anything. */
static void
end_row(struct render *r)
{
	if (has_visible(r->cur.buf, r->cur.len))
		add_cell(r);
	reset_cur(r);
	if (r->row_keep > 0) {
		strbuf_setlen(&r->row, r->row_keep);
		if (clean(r, r->row.buf, r->row.len))
			add_line(r, LINE_TABLE, 0, r->tmp.buf, r->tmp.len,
			    NULL, 0);
	}
	strbuf_reset(&r->row);
	r->ncells = 0;
	r->row_keep = 0;
}

/* Expand the tabs of the clean line s into spaces, to columns of 8. */
static void
expand_tabs(struct strbuf *out, const char *s, size_t len)
{
	size_t i = 0, n, col = 0, keep;
	uint32_t cp;

	while (i < len) {
		if (s[i] == '\t') {
			do
				strbuf_addch(out, ' ');
			while (++col % 8 != 0);
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		col += (size_t)width_char(cp);
		strbuf_add(out, s + i, n);
		i += n;
	}
	for (keep = out->len; keep > 0 && out->buf[keep - 1] == ' '; keep--)
		;
	strbuf_setlen(out, keep);
}

/* End preformatted text: a LINE_PRE for each of its lines. */
static void
end_pre(struct render *r)
{
	struct strbuf text = STRBUF_INIT;
	const char *s, *nl, *end;
	int first = 1;

	mark_link(r);
	sanitize_add(&text, r->cur.buf, r->cur.len, SANITIZE_TEXT);
	reset_cur(r);
	/* a new line just after <pre> is not part of the text */
	s = text.buf;
	if (*s == '\n')
		s++;
	end = text.buf + text.len;
	while (end > s && (end[-1] == '\n' || end[-1] == ' ' ||
	    end[-1] == '\t'))
		end--;
	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		strbuf_reset(&r->tmp);
		expand_tabs(&r->tmp, s, (size_t)(nl - s));
		add_line(r, LINE_PRE, 0, r->tmp.buf, r->tmp.len, NULL, !first);
		first = 0;
		s = nl + 1;
	}
	strbuf_release(&text);
}

/* Where a block starts or ends. */
static void
boundary(struct render *r)
{
	if (r->ctx.cell) {
		strbuf_addch(&r->cur, ' ');
		return;
	}
	if (r->ctx.pre) {
		if (r->cur.len > 0 && r->cur.buf[r->cur.len - 1] != '\n')
			strbuf_addch(&r->cur, '\n');
		return;
	}
	if (r->ctx.table == TABLE_DATA && !r->ctx.caption) {
		/* text astray in a table waits for its row */
		strbuf_addch(&r->cur, ' ');
		return;
	}
	flush(r);
	r->join_next = 0;
}

/* <br>: the text goes on on the next line of the same block. */
static void
line_break(struct render *r)
{
	int level;

	if (r->ctx.pre) {
		strbuf_addch(&r->cur, '\n');
		return;
	}
	/* a heading is one line, however it was broken */
	if (r->ctx.cell || r->ctx.table == TABLE_DATA ||
	    block_type(r, &level) == LINE_HEADING) {
		strbuf_addch(&r->cur, ' ');
		return;
	}
	/* a second <br> in a row makes a new block */
	r->join_next = flush(r);
}

/* <hr> */
static void
rule(struct render *r)
{
	if (r->ctx.cell || r->ctx.pre || r->ctx.table == TABLE_DATA) {
		boundary(r);
		return;
	}
	boundary(r);
	/* no rule at the top, nor two in a row */
	if (r->doc->nlines == 0 ||
	    r->doc->lines[r->doc->nlines - 1].type == LINE_RULE)
		return;
	add_line(r, LINE_RULE, 0, "", 0, NULL, 0);
	r->last_group = 0;
}

/* <img>: "[image: alt]", on a line of its own where blocks are. */
static void
image(struct render *r, const xmlNode *n, int flags)
{
	struct strbuf text = STRBUF_INIT;
	const char *alt = html_attr(n, "alt");
	enum line_type type;
	int level;

	if (alt == NULL)
		return;
	if (flags & ATTR_EMOJI) {
		strbuf_addstr(&r->cur, alt);
		return;
	}
	if (is_pixel(n) || !clean(r, alt, strlen(alt)))
		return;
	strbuf_addstr(&text, "[image: ");
	strbuf_add(&text, r->tmp.buf, r->tmp.len);
	strbuf_addch(&text, ']');
	/* in running text, an image is a word of it */
	if (r->ctx.cell || r->ctx.pre || r->ctx.table == TABLE_DATA ||
	    has_visible(r->cur.buf, r->cur.len)) {
		if (!r->ctx.pre)
			strbuf_addch(&r->cur, ' ');
		strbuf_add(&r->cur, text.buf, text.len);
		if (!r->ctx.pre)
			strbuf_addch(&r->cur, ' ');
		strbuf_release(&text);
		return;
	}
	boundary(r);
	if (r->link != NULL)
		add_link_mark(r, &text);
	type = block_type(r, &level);
	if (type != LINE_ITEM && type != LINE_QUOTE) {
		type = LINE_IMAGE;
		level = 0;
	}
	clean(r, text.buf, text.len);
	add_block(r, type, level);
	strbuf_release(&text);
}

/*
 * Append the URL s to out with what a URI may not hold percent-encoded:
 * spaces, controls, bytes past ASCII, a "%" not followed by two hex
 * digits, and " < > \ ^ ` { | }". Then xmlBuildURI() takes it, and
 * nothing invisible or bidirectional is left. When strip, first as the
 * URL standard reads a link: without the ASCII white space at its ends,
 * nor tabs and new lines.
 */
static void
clean_url(struct strbuf *out, const char *s, int strip)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;
	size_t len;

	if (strip)
		s += skip_space(s);
	len = strlen(s);
	while (strip && len > 0 && ASCII_ISSPACE(s[len - 1]))
		len--;
	for (; len > 0; s++, len--) {
		c = (unsigned char)*s;
		if (strip && (c == '\t' || c == '\n' || c == '\r'))
			continue;
		if (c <= 0x20 || c >= 0x7F || strchr("\"<>\\^`{|}", c) ||
		    (c == '%' && (len < 3 || !ASCII_ISXDIGIT(s[1]) ||
		    !ASCII_ISXDIGIT(s[2])))) {
			strbuf_addch(out, '%');
			strbuf_addch(out, hex[c >> 4]);
			strbuf_addch(out, hex[c & 15]);
		} else
			strbuf_addch(out, (char)c);
	}
}

/* The length of url's scheme (before its ':'), or 0 for none. */
static size_t
scheme_len(const char *url)
{
	size_t len = 0;

	while (ASCII_ISALNUM(url[len]) || url[len] == '+' ||
	    url[len] == '-' || url[len] == '.')
		len++;
	return url[len] == ':' ? len : 0;
}

/* 1 for a URL with a scheme other than http, https and those allow adds;
 * or, when allow asks for HTML_URL_ABSOLUTE, with none. */
static int
bad_scheme(const char *url, unsigned allow)
{
	size_t len = scheme_len(url);

	if (len == 0)
		return (allow & HTML_URL_ABSOLUTE) != 0;
	return !(ascii_is_named(url, len, "http") ||
	    ascii_is_named(url, len, "https") ||
	    ((allow & HTML_URL_MAILTO) && ascii_is_named(url, len, "mailto")) ||
	    ((allow & HTML_URL_FILE) && ascii_is_named(url, len, "file")));
}

char *
html_resolve_url(const char *href, const char *base, unsigned allow)
{
	struct strbuf raw = STRBUF_INIT, url = STRBUF_INIT;
	xmlChar *built = NULL;

	clean_url(&raw, href, 1);
	if (raw.len == 0 || raw.len > MAX_URL || raw.buf[0] == '#' ||
	    (scheme_len(raw.buf) > 0 && bad_scheme(raw.buf, allow)))
		goto out;
	if (base != NULL)
		built = xmlBuildURI((const xmlChar *)raw.buf,
		    (const xmlChar *)base);
	/* xmlBuildURI() decodes a host name: "%1B" would be an ESC */
	if (built != NULL) {
		clean_url(&url, (const char *)built, 0);
		xmlFree(built);
	} else
		strbuf_add(&url, raw.buf, raw.len);
	/* a URL starting with '-' would be an option to a browser */
	if (url.len > MAX_URL || bad_scheme(url.buf, allow) ||
	    url.buf[0] == '-')
		strbuf_release(&url);
out:
	strbuf_release(&raw);
	if (url.len == 0) {
		strbuf_release(&url);
		return NULL;
	}
	return strbuf_detach(&url, NULL);
}

/* <base href>: the first one sets what links are resolved against. */
static void
set_base(struct render *r, const xmlNode *n)
{
	const char *href = html_attr(n, "href");
	char *url;

	if (r->base_seen || href == NULL)
		return;
	url = html_resolve_url(href, r->base, HTML_URL_MAILTO);
	if (url == NULL)
		return;
	r->base_seen = 1;
	free(r->base);
	r->base = url;
}

/* Bullets by depth, numbers in the style of the list. */
static char *
item_marker(struct render *r, const xmlNode *n)
{
	static const char *const bullets[] = { "•", "◦", "▪" };
	static const char *const roman[] = {
		"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v",
		"iv", "i"
	};
	static const int values[] = {
		1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1
	};
	struct strbuf sb = STRBUF_INIT;
	struct frame *f;
	const char *v;
	char digits[16];
	long num, rest;
	size_t i, nd = 0;
	int depth = r->ctx.list > 0 ? r->ctx.list : 1;

	if (r->ctx.listf < 0 || r->frames[r->ctx.listf].style == 0)
		return xstrdup(bullets[depth > 3 ? 2 : depth - 1]);
	f = &r->frames[r->ctx.listf];
	v = html_attr(n, "value");
	if (v != NULL && parse_number(v, &num))
		f->counter = num;
	num = f->counter;
	if (f->counter > -MAX_ORDINAL && f->counter < MAX_ORDINAL)
		f->counter += f->step;
	if ((f->style == 'a' || f->style == 'A') && num >= 1) {
		for (rest = num; rest > 0 && nd < sizeof(digits); rest /= 26)
			digits[nd++] = (char)((f->style == 'a' ? 'a' : 'A') +
			    (--rest) % 26);
		while (nd > 0)
			strbuf_addch(&sb, digits[--nd]);
	} else if ((f->style == 'i' || f->style == 'I') && num >= 1 &&
	    num < 4000) {
		for (rest = num, i = 0; rest > 0; )
			if (rest >= values[i]) {
				for (v = roman[i]; *v != '\0'; v++)
					strbuf_addch(&sb, f->style == 'i' ? *v :
					    ASCII_TOUPPER(*v));
				rest -= values[i];
			} else
				i++;
	} else
		strbuf_addf(&sb, "%ld", num);
	strbuf_addch(&sb, '.');
	return strbuf_detach(&sb, NULL);
}

/* Set up the list frame f from the <ol> or <ul> n. */
static void
start_list(struct render *r, struct frame *f, const xmlNode *n, int ordered)
{
	const xmlNode *c;
	const char *v;
	long start;

	f->style = 0;
	f->step = 1;
	f->counter = 1;
	if (!ordered)
		return;
	f->style = '1';
	v = html_attr(n, "type");
	if (v != NULL && (v[0] == 'a' || v[0] == 'A' || v[0] == 'i' ||
	    v[0] == 'I') && v[1] == '\0')
		f->style = v[0];
	if (html_attr(n, "reversed") != NULL) {
		f->step = -1;
		f->counter = 0;
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE &&
			    kind_of(tag_of(c)) == K_LI)
				f->counter++;
	}
	v = html_attr(n, "start");
	if (v != NULL && parse_number(v, &start))
		f->counter = start;
}

/* A new group of lines, unless the lines are in one already. */
static void
new_group(struct render *r)
{
	if (r->ctx.group == 0)
		r->ctx.group = ++r->groups;
}

/* Open a frame for an element; NULL past MAX_FRAMES. */
static struct frame *
push(struct render *r)
{
	struct frame *f;

	if (r->nframes == MAX_FRAMES) {
		r->overflow++;
		return NULL;
	}
	if (r->nframes == r->aframes) {
		r->aframes = r->aframes == 0 ? 32 : r->aframes * 2;
		r->frames = xreallocarray(r->frames, r->aframes,
		    sizeof(*r->frames));
	}
	f = &r->frames[r->nframes++];
	memset(f, 0, sizeof(*f));
	f->saved = r->ctx;
	return f;
}

/* A block element's start: the text before it ends. */
static void
start_block(struct render *r, struct frame *f)
{
	boundary(r);
	f->flags |= FR_BLOCK;
}

/* Start the element n of kind k, in frame f. */
static void
start_element(struct render *r, struct frame *f, const xmlNode *n,
    const struct tag *t, int flags)
{
	struct ctx *c = &r->ctx;
	const char *href;
	int k = kind_of(t);

	if (c->cell && (k == K_TABLE || k == K_TR || k == K_CELL ||
	    k == K_PRE))
		k = K_BLOCK;
	switch (k) {
	case K_BLOCK:
	case K_DT:
		start_block(r, f);
		break;
	case K_HEADING:
		start_block(r, f);
		c->heading = t->level;
		break;
	case K_UL:
	case K_OL:
		start_block(r, f);
		c->list++;
		c->listf = (long)(f - r->frames);
		start_list(r, f, n, k == K_OL);
		new_group(r);
		break;
	case K_LI:
		start_block(r, f);
		f->flags |= FR_ITEM;
		c->item = 1;
		free(r->marker);
		r->marker = item_marker(r, n);
		if (c->cell) {
			strbuf_addstr(&r->cur, r->marker);
			strbuf_addch(&r->cur, ' ');
		}
		break;
	case K_DL:
		start_block(r, f);
		new_group(r);
		break;
	case K_DD:
		start_block(r, f);
		c->list++;
		c->item = 1;
		break;
	case K_QUOTE:
		start_block(r, f);
		c->quote++;
		break;
	case K_PRE:
		if (c->pre)
			break;
		boundary(r);
		f->flags |= FR_PRE;
		c->pre = 1;
		new_group(r);
		break;
	case K_TABLE:
		if (c->table == TABLE_DATA) {
			start_block(r, f);
			break;
		}
		start_block(r, f);
		if (table_is_layout(n)) {
			c->table = TABLE_LAYOUT;
			break;
		}
		/* no boundary at its end: its rows are lines */
		f->flags = FR_TABLE;
		c->table = TABLE_DATA;
		new_group(r);
		break;
	case K_TR:
		if (c->table != TABLE_DATA) {
			start_block(r, f);
			break;
		}
		end_row(r);
		f->flags |= FR_ROW;
		break;
	case K_CELL:
		if (c->table != TABLE_DATA) {
			start_block(r, f);
			break;
		}
		if (has_visible(r->cur.buf, r->cur.len))
			add_cell(r);
		reset_cur(r);
		f->flags |= FR_CELL;
		c->cell = 1;
		break;
	case K_TCAPTION:
		start_block(r, f);
		c->caption = 1;
		break;
	case K_FIGURE:
		start_block(r, f);
		c->figure = 1;
		new_group(r);
		break;
	case K_FIGCAPTION:
		start_block(r, f);
		c->caption = 1;
		break;
	case K_A:
		href = html_attr(n, "href");
		if (r->link != NULL || href == NULL)
			break;
		r->link = html_resolve_url(href, r->base, HTML_URL_MAILTO);
		if (r->link == NULL)
			break;
		r->link_num = 0;
		r->link_start = r->cur.len;
		f->flags |= FR_LINK;
		break;
	case K_Q:
		strbuf_addstr(&r->cur, "\xe2\x80\x9c");
		f->flags |= FR_Q;
		break;
	case K_SUP:
	case K_SUB:
		f->flags |= k == K_SUP ? FR_SUP : FR_SUB;
		f->start = r->cur.len;
		break;
	default:
		break;
	}
	if ((flags & ATTR_CAPTION) && !c->cell && !c->pre &&
	    (t == NULL || !(t->flags & TAG_SECTION)) &&
	    text_below(n, CAPTION_TEXT)) {
		if (!(f->flags & FR_BLOCK))
			start_block(r, f);
		c->caption = 1;
	}
}

/*
 * The text in cur from start on, when it is digits (and + - = ( ) and
 * spaces), in superscript (sup) or subscript characters: "mc²", "H₂O".
 */
static void
script_digits(struct render *r, size_t start, int sup)
{
	static const char *const up[] = {
		"\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3",
		"\xe2\x81\xb4", "\xe2\x81\xb5", "\xe2\x81\xb6",
		"\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9",
	};
	static const char signs[] = "+-=()";
	struct strbuf out = STRBUF_INIT;
	const char *s, *end;
	size_t i, digits = 0;

	if (start > r->cur.len)
		return;
	s = r->cur.buf + start;
	end = r->cur.buf + r->cur.len;
	for (; s < end; s++) {
		if (ASCII_ISDIGIT(*s))
			digits++;
		else if (*s == '\0' || (*s != ' ' &&
		    strchr(signs, *s) == NULL))
			return;
	}
	if (digits == 0)
		return;
	for (s = r->cur.buf + start; s < end; s++) {
		if (*s == ' ')
			strbuf_addch(&out, ' ');
		else if (ASCII_ISDIGIT(*s) && sup)
			strbuf_addstr(&out, up[*s - '0']);
		else if (ASCII_ISDIGIT(*s))
			utf8_add(&out, 0x2080u + (uint32_t)(*s - '0'));
		else {
			i = (size_t)(strchr(signs, *s) - signs);
			utf8_add(&out, (sup ? 0x207Au : 0x208Au) + (uint32_t)i);
		}
	}
	strbuf_setlen(&r->cur, start);
	strbuf_add(&r->cur, out.buf, out.len);
	strbuf_release(&out);
}

/* End the element whose frame is f. */
static void
end_element(struct render *r, struct frame *f)
{
	if (f->flags & FR_LINK) {
		mark_link(r);
		free(r->link);
		r->link = NULL;
	}
	if (f->flags & FR_Q)
		strbuf_addstr(&r->cur, "\xe2\x80\x9d");
	if (f->flags & (FR_SUP | FR_SUB))
		script_digits(r, f->start, f->flags & FR_SUP);
	if (f->flags & FR_CELL)
		add_cell(r);
	if (f->flags & FR_ROW)
		end_row(r);
	if (f->flags & FR_TABLE)
		end_row(r);
	if (f->flags & FR_PRE)
		end_pre(r);
	if (f->flags & FR_BLOCK)
		boundary(r);
	if (f->flags & FR_ITEM) {
		free(r->marker);
		r->marker = NULL;
	}
	r->ctx = f->saved;
}

/* 1 when n is a block to the renderer, for elements past MAX_FRAMES. */
static int
is_render_block(const struct tag *t)
{
	int k = kind_of(t);

	return k != K_INLINE && k != K_A && k != K_Q && k != K_IMG;
}

/*
 * The text of a text node. In a document without tags, a blank line
 * ends a paragraph, as in html_render_text().
 */
static void
add_text(struct render *r, const char *s)
{
	const char *nl, *p;

	while (r->plain && (nl = strchr(s, '\n')) != NULL) {
		for (p = nl + 1; *p != '\n' && *p != '\0' &&
		    ASCII_ISSPACE(*p); p++)
			;
		strbuf_add(&r->cur, s, (size_t)(nl - s) + 1);
		if (*p == '\n')
			boundary(r);
		s = nl + 1;
	}
	strbuf_addstr(&r->cur, s);
}

/* tag_of(n), remembered by the address of the name. */
static const struct tag *
render_tag(struct render *r, const xmlNode *n)
{
	size_t i = ((uintptr_t)n->name >> 3) & (TAG_CACHE - 1);

	if (r->cache_name[i] != n->name || n->name == NULL) {
		r->cache_name[i] = n->name;
		r->cache_tag[i] = tag_of(n);
	}
	return r->cache_tag[i];
}

/* Start the node n; 1 when its children are to be walked, then left. */
static int
enter(struct render *r, const xmlNode *n)
{
	const struct tag *t;
	struct frame *f;
	int flags;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			add_text(r, (const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	t = render_tag(r, n);
	switch (kind_of(t)) {
	case K_SKIP:
		return 0;
	case K_HEAD:
		for (n = n->children; n != NULL; n = n->next)
			if (n->type == XML_ELEMENT_NODE &&
			    kind_of(tag_of(n)) == K_BASE)
				set_base(r, n);
		return 0;
	case K_BASE:
		set_base(r, n);
		return 0;
	default:
		break;
	}
	flags = n->properties != NULL ? attr_flags(n) : 0;
	if (flags & ATTR_HIDDEN)
		return 0;
	/* a share bar has little text; an article so marked has more */
	if ((flags & ATTR_SHARE) && strcmp((const char *)n->name, "html") &&
	    strcmp((const char *)n->name, "body") &&
	    text_below(n, SMALL_TEXT))
		return 0;
	switch (kind_of(t)) {
	case K_BR:
		line_break(r);
		return 0;
	case K_HR:
		rule(r);
		return 0;
	case K_IMG:
		image(r, n, flags);
		return 0;
	default:
		break;
	}
	f = push(r);
	if (f == NULL) {
		if (is_render_block(t))
			boundary(r);
		return 1;
	}
	start_element(r, f, n, t, flags);
	return 1;
}

/* End the element n, which enter() started. */
static void
leave(struct render *r, const xmlNode *n)
{
	if (r->overflow > 0) {
		r->overflow--;
		if (is_render_block(render_tag(r, n)))
			boundary(r);
		return;
	}
	end_element(r, &r->frames[--r->nframes]);
}

/* Render the tree below root, without recursion. */
static void
walk(struct render *r, const xmlNode *root)
{
	const xmlNode *n = root->children;

	while (n != NULL) {
		if (enter(r, n)) {
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
			leave(r, n);
		}
		while (n->next == NULL) {
			n = n->parent;
			if (n == NULL || n == root)
				return;
			leave(r, n);
		}
		n = n->next;
	}
}

void
html_render(const char *html, size_t len, const char *base_url,
    struct html_doc *doc)
{
	struct render r;
	htmlDocPtr xdoc;

	memset(&r, 0, sizeof(r));
	r.doc = doc;
	r.ctx.listf = -1;
	strbuf_init(&r.cur, 0);
	strbuf_init(&r.row, 0);
	strbuf_init(&r.tmp, 0);
	if (base_url != NULL && base_url[0] != '\0')
		r.base = html_resolve_url(base_url, NULL, HTML_URL_MAILTO);
	if (len > INT_MAX)
		len = INT_MAX;
	r.plain = memchr(html, '<', len) == NULL;
	xdoc = len > 0 ? htmlReadMemory(html, (int)len, NULL, "UTF-8",
	    RENDER_OPTIONS) : NULL;
	if (xdoc != NULL) {
		walk(&r, (const xmlNode *)xdoc);
		r.ctx.table = TABLE_NONE;
		r.ctx.cell = r.ctx.pre = 0;
		flush(&r);
		xmlFreeDoc(xdoc);
	}
	/* no rule at the end */
	while (doc->nlines > 0 && doc->lines[doc->nlines - 1].type == LINE_RULE)
		free(doc->lines[--doc->nlines].text);
	free(r.frames);
	free(r.marker);
	free(r.base);
	free(r.link);
	free(r.slots);
	strbuf_release(&r.cur);
	strbuf_release(&r.row);
	strbuf_release(&r.tmp);
}

void
html_render_text(const char *text, size_t len, struct html_doc *doc)
{
	struct render r;
	const char *s = text, *end = text + len, *nl, *para = NULL;

	memset(&r, 0, sizeof(r));
	r.doc = doc;
	strbuf_init(&r.tmp, 0);
	/* s is the start of a line, or end */
	for (;;) {
		nl = s < end ? memchr(s, '\n', (size_t)(end - s)) : NULL;
		if (nl == NULL)
			nl = end;
		if (s < end && has_visible(s, (size_t)(nl - s))) {
			if (para == NULL)
				para = s;
		} else if (para != NULL) {
			if (clean(&r, para, (size_t)(s - para)))
				add_line(&r, LINE_PARA, 0, r.tmp.buf,
				    r.tmp.len, NULL, 0);
			para = NULL;
		}
		if (s == end)
			break;
		s = nl < end ? nl + 1 : end;
	}
	strbuf_release(&r.tmp);
}

void
html_doc_release(struct html_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nlines; i++) {
		free(doc->lines[i].marker);
		free(doc->lines[i].text);
	}
	free(doc->lines);
	for (i = 0; i < doc->nlinks; i++)
		free(doc->links[i]);
	free(doc->links);
	memset(doc, 0, sizeof(*doc));
}
