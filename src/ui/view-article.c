/* SPDX-License-Identifier: ISC */
/*
 * The article: a header (title, feed, author and date, link), the text as
 * the renderer wraps it to the pane, and its numbered links; the key
 * facts beside it in the wide layout, or boxed above the text in the
 * narrow one. The publisher's own bullet list, when it is the key facts,
 * is not shown twice.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ui/view.h"
#include "util/ascii.h"
#include "util/i18n.h"
#include "util/width.h"
#include "util/xmalloc.h"

static void
lines_clear(struct article *art)
{
	size_t i;

	for (i = 0; i < art->nlines; i++)
		free(art->lines[i].text);
	art->nlines = 0;
	art->width = 0;
}

void
article_clear(struct ui *ui)
{
	struct article *art = &ui->art;

	lines_clear(art);
	free(art->lines);
	free(art->key);
	html_doc_release(&art->doc);
	keyfacts_release(&art->kf);
	memset(art, 0, sizeof(*art));
}

/* Render the body of item into doc. */
static void
render_body(struct ui *ui, size_t feed, const struct store_item *it,
    struct html_doc *doc)
{
	const struct store_body *b = data_body(ui, feed, it->key);
	const char *text = NULL;
	enum text_type type = TEXT_HTML;

	if (b != NULL && b->full_text != NULL) {
		text = b->full_text;	/* fetched with F: the whole story */
	} else if (b != NULL && b->content != NULL && (b->summary == NULL ||
	    strlen(b->content) >= strlen(b->summary))) {
		text = b->content;
		type = b->content_type;
	} else if (b != NULL && b->summary != NULL) {
		text = b->summary;
		type = b->summary_type;
	}
	if (text == NULL)
		return;
	if (type == TEXT_HTML)
		html_render(text, strlen(text), it->link, doc);
	else
		html_render_text(text, strlen(text), doc);
}

/* Keep the first n facts (the key-facts-count setting; 0: all). */
static void
limit_facts(struct keyfacts *kf, int n)
{
	while (n > 0 && kf->n > (size_t)n)
		free(kf->facts[--kf->n]);
}

void
article_show(struct ui *ui, const struct item_ref *ref)
{
	struct article *art = &ui->art;
	const struct store_item *it = data_item(ui, ref);

	if (art->shown && art->feed == ref->feed &&
	    strcmp(art->key, it->key) == 0)
		return;
	article_clear(ui);
	art->shown = 1;
	art->feed = ref->feed;
	art->key = xstrdup(it->key);
	render_body(ui, ref->feed, it, &art->doc);
	keyfacts_from_doc(&art->doc, it->title, &art->kf);
	limit_facts(&art->kf, ui->cfg->key_facts_count);
}

/* The item shown, in the feed's cache, or NULL. */
static struct store_item *
shown_item(struct ui *ui)
{
	size_t i;

	if (!ui->art.shown ||
	    !data_find_key(ui, ui->art.feed, ui->art.key, &i))
		return NULL;
	return &data_feed(ui, ui->art.feed)->items[i];
}

static void
add_line(struct article *art, enum art_attr attr, const char *text)
{
	if (art->nlines == art->alloc) {
		art->alloc = art->alloc ? 2 * art->alloc : 64;
		art->lines = xreallocarray(art->lines, art->alloc,
		    sizeof(*art->lines));
	}
	art->lines[art->nlines].attr = attr;
	art->lines[art->nlines++].text = xstrdup(text);
}

/* Add text wrapped to width, as a paragraph or a bulleted item. */
static void
add_wrapped(struct article *art, const char *text, int width,
    enum art_attr attr, const char *prefix, int bullet)
{
	static char marker[] = "•";
	struct text_line tl = { bullet ? LINE_ITEM : LINE_PARA, 1,
	    bullet ? marker : NULL, (char *)(uintptr_t)text, 0 };
	struct html_doc doc = { &tl, 1, 1, NULL, 0 };
	struct html_wrapped w = { NULL, 0, 0 };
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	html_wrap(&doc, (size_t)width, &w);
	for (i = 0; i < w.nlines; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%s", prefix, w.lines[i].text);
		add_line(art, attr, sb.buf);
	}
	html_wrapped_release(&w);
	strbuf_release(&sb);
}

static void
add_header(struct ui *ui, const struct store_item *it, int width)
{
	struct article *art = &ui->art;
	struct strbuf sb = STRBUF_INIT;
	char date[DATE_BUF];

	add_wrapped(art, it->title != NULL ? it->title : _("(untitled)"),
	    width, ART_TITLE, "", 0);
	strbuf_addstr(&sb, data_feed_name(ui, art->feed));
	if (it->author != NULL && it->author[0] != '\0')
		strbuf_addf(&sb, _(" — by %s"), it->author);
	if (it->published != INT64_MIN) {
		draw_date(ui, it->published, date, sizeof(date));
		strbuf_addf(&sb, ", %s", date);
	}
	add_line(art, ART_META, sb.buf);
	if (it->link != NULL)
		add_line(art, ART_META, it->link);
	add_line(art, ART_TEXT, "");
	strbuf_release(&sb);
}

/* A line of the box: left, text padded to inner columns, right. */
static void
add_box_line(struct article *art, enum art_attr attr, const char *left,
    const char *text, const char *fill, int inner, const char *right)
{
	struct strbuf sb = STRBUF_INIT;
	int w = (int)width_str(text, strlen(text));

	strbuf_addf(&sb, "%s%s", left, text);
	for (; w < inner; w++)
		strbuf_addstr(&sb, fill);
	strbuf_addstr(&sb, right);
	add_line(art, attr, sb.buf);
	strbuf_release(&sb);
}

/* The key facts as a box the width of the pane, above the text. */
static void
add_facts_box(struct article *art, int width)
{
	struct article facts;
	struct strbuf title = STRBUF_INIT;
	size_t i;
	int inner = width - 4;

	if (art->kf.n == 0 || inner < 10)
		return;
	memset(&facts, 0, sizeof(facts));
	for (i = 0; i < art->kf.n; i++)
		add_wrapped(&facts, art->kf.facts[i], inner, ART_FACT, "", 1);
	strbuf_addf(&title, " %s ", _("Key facts"));
	add_box_line(art, ART_BOX, "┌─", title.buf, "─", width - 3, "┐");
	for (i = 0; i < facts.nlines; i++)
		add_box_line(art, ART_FACT, "│ ", facts.lines[i].text, " ",
		    inner, " │");
	add_box_line(art, ART_BOX, "└", "", "─", width - 2, "┘");
	add_line(art, ART_TEXT, "");
	lines_clear(&facts);
	free(facts.lines);
	strbuf_release(&title);
}

static void
add_body(struct article *art, int width)
{
	struct html_wrapped w = { NULL, 0, 0 };
	const struct display_line *dl;
	size_t i, skip_from = art->kf.first_line;
	size_t skip_to = skip_from + art->kf.nlines;
	int hidden = art->kf.from_publisher;

	html_wrap(&art->doc, (size_t)width, &w);
	for (i = 0; i < w.nlines; i++) {
		dl = &w.lines[i];
		if (hidden && dl->src >= skip_from && dl->src < skip_to)
			continue;
		if (dl->text[0] == '\0' && (art->nlines == 0 ||
		    art->lines[art->nlines - 1].text[0] == '\0'))
			continue;	/* no blank line after a blank line */
		add_line(art, dl->type == LINE_HEADING ? ART_HEADING :
		    ART_TEXT, dl->text);
	}
	html_wrapped_release(&w);
	if (art->doc.nlinks > 0) {
		add_line(art, ART_TEXT, "");
		add_line(art, ART_HEADING, _("Links:"));
	}
	for (i = 0; i < art->doc.nlinks; i++) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "[%zu] %s", i + 1, art->doc.links[i]);
		add_line(art, ART_LINK, sb.buf);
		strbuf_release(&sb);
	}
}

void
article_layout(struct ui *ui, int width, int boxed)
{
	struct article *art = &ui->art;
	const struct store_item *it = shown_item(ui);

	if (art->width == width && art->boxed == boxed)
		return;
	lines_clear(art);
	art->width = width;
	art->boxed = boxed;
	if (it == NULL)
		return;
	add_header(ui, it, width);
	if (boxed)
		add_facts_box(art, width);
	add_body(art, width);
}

static enum draw_attr
attr_of(enum art_attr a)
{
	switch (a) {
	case ART_TITLE:
	case ART_HEADING:
		return DRAW_BOLD;
	case ART_META:
	case ART_LINK:
		return DRAW_DIM;
	case ART_BOX:
	case ART_FACT:
		return DRAW_ACCENT;
	default:
		return DRAW_NORMAL;
	}
}

static void
article_draw(struct ui *ui, const struct rect *r)
{
	struct article *art = &ui->art;
	const struct art_line *l;
	size_t i;
	int y;

	if (!art->shown) {
		draw_text(ui, r->y, r->x, r->w, _("No article selected."),
		    DRAW_DIM);
		return;
	}
	article_layout(ui, r->w - 1, !ui->wide && ui->sidebar);
	if (art->nlines > 0 && art->scroll >= art->nlines)
		art->scroll = art->nlines - 1;
	for (i = art->scroll, y = r->y; i < art->nlines && y < r->y + r->h;
	    i++, y++) {
		l = &art->lines[i];
		draw_text(ui, y, r->x, r->w - 1, l->text, attr_of(l->attr));
	}
}

void
view_article_facts_draw(struct ui *ui, const struct rect *r)
{
	struct article fa;
	size_t i;
	int y = r->y;

	memset(&fa, 0, sizeof(fa));
	if (!ui->art.shown)
		return;
	for (i = 0; i < ui->art.kf.n; i++) {
		add_wrapped(&fa, ui->art.kf.facts[i], r->w - 2, ART_FACT, "",
		    1);
		add_line(&fa, ART_TEXT, "");
	}
	if (ui->art.kf.n == 0)
		add_line(&fa, ART_META, _("(too short for key facts)"));
	else
		add_line(&fa, ART_META, ui->art.kf.from_publisher ?
		    _("(the publisher's highlights)") :
		    _("(sentences from the article)"));
	for (i = 0; i < fa.nlines && y < r->y + r->h; i++, y++)
		draw_text(ui, y, r->x + 1, r->w - 1, fa.lines[i].text,
		    attr_of(fa.lines[i].attr));
	lines_clear(&fa);
	free(fa.lines);
}

static void
scroll_by(struct ui *ui, enum action a)
{
	struct article *art = &ui->art;
	size_t page = ui->page > 2 ? (size_t)ui->page - 2 : 1;
	size_t last = art->nlines > (size_t)ui->page ?
	    art->nlines - (size_t)ui->page : 0;

	if (a == ACT_DOWN && art->scroll < last)
		art->scroll++;
	else if (a == ACT_UP && art->scroll > 0)
		art->scroll--;
	else if (a == ACT_PAGE_DOWN)
		art->scroll = art->scroll + page < last ? art->scroll + page :
		    last;
	else if (a == ACT_PAGE_UP)
		art->scroll = art->scroll > page ? art->scroll - page : 0;
	else if (a == ACT_FIRST)
		art->scroll = 0;
	else if (a == ACT_LAST)
		art->scroll = last;
}

static void
back(struct ui *ui)
{
	ui->focus = PANE_ITEMS;
}

static const struct view_fn functions[] = {
	{ ACT_BACK, back },
};

static int
article_key(struct ui *ui, enum action a)
{
	if (a >= ACT_DOWN && a <= ACT_LAST) {
		scroll_by(ui, a);
		return 1;
	}
	return VIEW_DISPATCH(ui, functions, a);
}

const char *
article_title(struct ui *ui)
{
	const struct store_item *it = shown_item(ui);

	return it != NULL && it->title != NULL ? it->title : "";
}

int
text_contains(const char *s, const char *needle)
{
	size_t i, j, n = strlen(needle);

	for (i = 0; s != NULL && s[i] != '\0'; i++) {
		for (j = 0; j < n && s[i + j] != '\0' &&
		    ASCII_TOLOWER(s[i + j]) == ASCII_TOLOWER(needle[j]); j++)
			;
		if (j == n)
			return 1;
	}
	return 0;
}

int
article_matches(struct ui *ui, const struct item_ref *ref,
    const char *needle)
{
	const struct store_item *it = data_item(ui, ref);
	const struct store_body *b;

	if (text_contains(it->title, needle))
		return 1;
	b = data_body(ui, ref->feed, it->key);
	return b != NULL && (text_contains(b->content, needle) ||
	    text_contains(b->summary, needle));
}

const struct view_ops view_article_ops = {
	N_("Article"),
	KEYS_VIEW_ARTICLE,
	article_draw,
	article_key,
};
