/* SPDX-License-Identifier: ISC */
/*
 * The key facts of an article: the publisher's own bullet list when its
 * page has one near the start, else sentences of the story chosen from
 * its lead (keyfacts.h says how, and why). The words of every sentence
 * are hashed once; a table of how many sentences use each word tells an
 * opening hook from the story, and sorted word sets tell a sentence that
 * repeats another. Nothing here depends on the order of a hash table,
 * the locale or the clock.
 */
#include "config.h"

#include "keyfacts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/ascii.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* A sentence shorter than this says too little to be a fact. */
#define FACT_MIN_WORDS		10

/* A text with fewer words in its paragraphs is too short to summarise. */
#define SHORT_TEXT_WORDS	60

/* One more fact for each this many words in the paragraphs. */
#define WORDS_PER_FACT		1000

/* A sentence longer than this is cut at a clause boundary ... */
#define TRIM_WORDS		25

/* ... that leaves it at least this many words. */
#define TRIM_KEEP_WORDS		8

/* An opening sentence with fewer of its words used elsewhere is a hook. */
#define HOOK_PERCENT		30

/* A hook is passed over when there are this many sentences a fact. */
#define HOOK_FACTS		2

/* Two sentences this alike (shared words of all their words) repeat. */
#define DUP_PERCENT		50

/* A sentence with this share of its words in another repeats it. */
#define DUP_WITHIN_PERCENT	80

/* A publisher's list: at most this many items, words an item, and ... */
#define LIST_MAX_ITEMS		8
#define LIST_MAX_WORDS		60

/* ... words of its shortest fact; ... */
#define LIST_MIN_WORDS		4

/* ... and at most this many paragraphs of text come before it. */
#define LIST_PARAS_BEFORE	2

/* A paragraph of text has at least this many words. */
#define PARA_WORDS		12

/* The longest word hashed whole. */
#define WORD_MAX		32

/* Words too common to say what a sentence is about. */
static const char *const stop_words[] = {
	"a", "about", "above", "after", "again", "against", "all",
	"also", "am", "an", "and", "any", "are", "as", "at", "be",
	"because", "been", "before", "being", "below", "between",
	"both", "but", "by", "can", "cent", "could", "d", "did", "do",
	"does", "doing", "down", "dr", "during", "each", "even", "few",
	"for", "from", "further", "had", "has", "have", "having", "he",
	"her", "here", "hers", "herself", "him", "himself", "his",
	"how", "i", "if", "in", "into", "is", "it", "its", "itself",
	"just", "ll", "m", "may", "me", "might", "more", "most", "mr",
	"mrs", "ms", "must", "my", "myself", "new", "no", "nor", "not",
	"now", "of", "off", "on", "once", "one", "only", "or", "other",
	"our", "ours", "out", "over", "own", "per", "re", "s", "said",
	"same", "says", "she", "should", "so", "some", "such", "t",
	"than", "that", "the", "their", "theirs", "them", "themselves",
	"then", "there", "these", "they", "this", "those", "through",
	"to", "told", "too", "two", "under", "until", "up", "ve",
	"very", "was", "we", "were", "what", "when", "where", "which",
	"while", "who", "whom", "why", "will", "with", "would", "year",
	"years", "you", "your", "yours", "yourself",
};
#define NSTOP	(sizeof(stop_words) / sizeof(stop_words[0]))

/* The slots of the table of stop words: a power of two, over 2 * NSTOP. */
#define STOP_SLOTS	512

/* Words that make a sentence lean on the one before it. */
static const char *const connectives[] = {
	"And", "But", "However", "Meanwhile", "Now", "So", "Still", "Then",
	"Yet", NULL
};

/* Where a long sentence may be cut: after ", " and before these. */
static const char *const clause_words[] = {
	"according", "after", "amid", "as", "because", "before", "but",
	"claiming", "despite", "following", "including", "leaving",
	"making", "saying", "than", "when", "where", "which", "while",
	"who", "with", NULL
};

/* Words that join a clause to the one before. */
static const char *const conjunctions[] = {
	"and", "but", "nor", "or", "so", "yet", NULL
};

/* News agencies whose name marks the end of a dateline. */
static const char *const dateline_marks[] = {
	"(CNN)", "(Reuters)", "(AP)", "(AFP)", "(UPI)", "(dpa)", NULL
};

/* The headings of a publisher's list ("Story highlights"), lower case. */
static const char *const list_headings[] = {
	"at a glance", "highlights", "in brief", "key facts", "key points",
	"need to know", "summary", "takeaways", NULL
};

/* Plain-text bullets that start an item written as a paragraph. */
static const char *const plain_bullets[] = {
	"- ", "* ", "\xe2\x80\xa2 ", "\xe2\x80\x93 ", "\xc2\xb7 ",
	"\xe2\x96\xaa ", "\xe2\x96\xba ", NULL
};

/* One sentence of the article, or a caption, quote or list item. */
struct unit {
	const char		*s;	/* in the text of a doc line */
	size_t			 len;
	size_t			 words;
	enum keyfacts_end	 end;
	int			 story;	/* of a paragraph: may be a fact */
	int			 speech; /* starts in or with a quotation */
	size_t			 tok;	/* its distinct words, sorted, are */
	size_t			 ntok;	/* pool[tok .. tok + ntok) */
};

struct extract {
	struct unit	*units;
	size_t		 n;
	size_t		 alloc;
	uint64_t	*pool;		/* word hashes of every unit */
	size_t		 npool;
	size_t		 pool_alloc;
	uint64_t	*df_keys;	/* a word's hash (not 0), by slot */
	uint32_t	*df_counts;	/* the units that use the word */
	size_t		 df_size;	/* a power of two */
	uint64_t	*title;		/* the words of the headline, sorted */
	size_t		 ntitle;
	uint64_t	 stop[STOP_SLOTS]; /* the stop words' hashes */
};

/* The table of the stop words' hashes, for is_stop(). */
static void
stop_table(struct extract *x)
{
	size_t i, slot;
	uint64_t h;

	memset(x->stop, 0, sizeof(x->stop));
	for (i = 0; i < NSTOP; i++) {
		h = hash_fnv1a(HASH_FNV1A_INIT, stop_words[i],
		    strlen(stop_words[i])) | 1;
		slot = (size_t)(h ^ (h >> 29)) & (STOP_SLOTS - 1);
		while (x->stop[slot] != 0)
			slot = (slot + 1) & (STOP_SLOTS - 1);
		x->stop[slot] = h;
	}
}

/* Is the word whose hash is h a stop word? */
static int
is_stop(const struct extract *x, uint64_t h)
{
	size_t slot = (size_t)(h ^ (h >> 29)) & (STOP_SLOTS - 1);

	while (x->stop[slot] != 0) {
		if (x->stop[slot] == h)
			return 1;
		slot = (slot + 1) & (STOP_SLOTS - 1);
	}
	return 0;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Is the word of n bytes at w one of list? */
static int
word_listed(const char *w, size_t n, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strncmp(w, list[i], n) == 0 && list[i][n] == '\0')
			return 1;
	return 0;
}

/* Does the len bytes at s start with the word w (then a space or ",")? */
static int
starts_word(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);

	return len > n && memcmp(s, w, n) == 0 &&
	    (s[n] == ' ' || s[n] == ',');
}

/* utf8_decode(), with ASCII first. */
static size_t
decode(const char *s, size_t len, uint32_t *cp)
{
	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	return utf8_decode(s, len, cp);
}

/* A letter of a word: ASCII ones and digits, and letters past Latin-1. */
static int
word_char(uint32_t cp)
{
	return ASCII_ISALNUM(cp) || (cp >= 0xC0 && cp != 0xD7 &&
	    cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
	    !(cp >= 0x3000 && cp <= 0x303F) && cp != 0xFEFF);
}

static void
pool_add(struct extract *x, uint64_t h)
{
	if (x->npool == x->pool_alloc) {
		x->pool_alloc = x->pool_alloc ? 2 * x->pool_alloc : 256;
		x->pool = xreallocarray(x->pool, x->pool_alloc,
		    sizeof(*x->pool));
	}
	x->pool[x->npool++] = h;
}

/*
 * Chinese and Japanese have no spaces to find words by: each two
 * characters side by side in the run of Han and kana at i are one word
 * (the usual stand-in). The end of the run.
 */
static size_t
add_bigrams(struct extract *x, const char *s, size_t len, size_t i)
{
	size_t prev = i, prev_n, n;
	uint32_t cp;

	prev_n = decode(s + i, len - i, &cp);
	i += prev_n;
	while (i < len) {
		n = decode(s + i, len - i, &cp);
		if (!utf8_is_unspaced(cp))
			break;
		pool_add(x, hash_fnv1a(HASH_FNV1A_INIT, s + prev,
		    prev_n + n) | 1);
		prev = i;
		prev_n = n;
		i += n;
	}
	return i;
}

/*
 * Append to pool the hashes of the words of s worth comparing: lower-
 * cased, neither a stop word nor a number nor one letter.
 */
static void
add_words(struct extract *x, const char *s, size_t len)
{
	char w[WORD_MAX + 1];
	size_t i = 0, n, wl, bytes;
	uint32_t cp;
	uint64_t h;
	int digits;

	while (i < len) {
		n = decode(s + i, len - i, &cp);
		if (utf8_is_unspaced(cp)) {
			i = add_bigrams(x, s, len, i);
			continue;
		}
		if (!word_char(cp)) {
			i += n;
			continue;
		}
		wl = 0;
		bytes = 0;
		digits = 1;
		while (i < len) {
			n = decode(s + i, len - i, &cp);
			if (!word_char(cp) || utf8_is_unspaced(cp))
				break;
			if (!ASCII_ISDIGIT(cp))
				digits = 0;
			if (wl + n <= WORD_MAX) {
				if (n == 1)
					w[wl] = (char)ASCII_TOLOWER(s[i]);
				else
					memcpy(w + wl, s + i, n);
				wl += n;
			}
			bytes++;
			i += n;
		}
		if (digits || bytes < 2)
			continue;
		h = hash_fnv1a(HASH_FNV1A_INIT, w, wl) | 1;
		if (!is_stop(x, h))
			pool_add(x, h);
	}
}

/* Sort pool[from ..] and keep each hash once; the new end. */
static size_t
unique_words(uint64_t *pool, size_t from, size_t to)
{
	size_t i, n = from;

	if (to - from > 1)
		qsort(pool + from, to - from, sizeof(*pool), cmp_u64);
	for (i = from; i < to; i++)
		if (n == from || pool[n - 1] != pool[i])
			pool[n++] = pool[i];
	return n;
}

/* Add one unit, its words hashed. */
static void
add_unit(struct extract *x, const char *s, size_t len, enum keyfacts_end end,
    int story)
{
	struct unit *u;

	if (x->n == x->alloc) {
		x->alloc = x->alloc ? 2 * x->alloc : 64;
		x->units = xreallocarray(x->units, x->alloc, sizeof(*x->units));
	}
	u = &x->units[x->n++];
	u->s = s;
	u->len = len;
	u->words = utf8_count_words(s, len);
	u->end = end;
	u->story = story;
	u->speech = 0;
	u->tok = x->npool;
	add_words(x, s, len);
	x->npool = unique_words(x->pool, u->tok, x->npool);
	u->ntok = x->npool - u->tok;
}

/*
 * Follow the quotation marks of the len bytes at s: *open is set while a
 * quotation is open at the end. Curly marks say which they are; a
 * straight or curly single one opens after a space and closes before
 * one (else it is an apostrophe); a straight double one turns it over.
 */
static void
follow_quotes(const char *s, size_t len, int *open)
{
	size_t i, n;
	uint32_t cp, prev = ' ', next;

	for (i = 0; i < len; i += n, prev = cp) {
		n = decode(s + i, len - i, &cp);
		if (cp == 0x201C)
			*open = 1;
		else if (cp == 0x201D)
			*open = 0;
		else if (cp == '"')
			*open = !*open;
		else if (cp == 0x2018 || cp == 0x2019 || cp == '\'') {
			next = i + n < len ? (unsigned char)s[i + n] : ' ';
			if (cp != 0x2019 && (prev == ' ' || prev == '(') &&
			    !ASCII_ISSPACE(next))
				*open = 1;
			else if (cp != 0x2018 && prev != ' ' &&
			    !ASCII_ISALPHA(next))
				*open = 0;
		}
	}
}

/* Split a line's text into units. */
static void
add_line(struct extract *x, const char *text, int story)
{
	struct keyfacts_spans sp = KEYFACTS_SPANS_INIT;
	size_t i;
	int open = 0;
	struct unit *u;

	keyfacts_split(text, strlen(text), &sp);
	for (i = 0; i < sp.n; i++) {
		add_unit(x, text + sp.v[i].off, sp.v[i].len, sp.v[i].end,
		    story);
		u = &x->units[x->n - 1];
		u->speech = open;
		follow_quotes(u->s, u->len, &open);
		if (!u->speech && u->len > 0) {
			int first = 0;

			follow_quotes(u->s, u->s[0] & 0x80 ? 3 : 1, &first);
			u->speech = first;
		}
	}
	keyfacts_spans_release(&sp);
}

/* The slot of key in the word table. */
static size_t
df_slot(const struct extract *x, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 29)) & (x->df_size - 1);

	while (x->df_keys[i] != 0 && x->df_keys[i] != key)
		i = (i + 1) & (x->df_size - 1);
	return i;
}

/* Count, for every word, the units that use it. */
static void
count_units(struct extract *x)
{
	size_t i, slot;

	x->df_size = 64;
	while (x->df_size < 2 * x->npool)
		x->df_size *= 2;
	x->df_keys = xcalloc(x->df_size, sizeof(*x->df_keys));
	x->df_counts = xcalloc(x->df_size, sizeof(*x->df_counts));
	for (i = 0; i < x->npool; i++) {
		slot = df_slot(x, x->pool[i]);
		x->df_keys[slot] = x->pool[i];
		x->df_counts[slot]++;
	}
}

static int
in_title(const struct extract *x, uint64_t h)
{
	return x->ntitle > 0 && bsearch(&h, x->title, x->ntitle,
	    sizeof(*x->title), cmp_u64) != NULL;
}

/* The share (percent) of u's words that other units or the title use. */
static size_t
central(const struct extract *x, const struct unit *u)
{
	size_t i, shared = 0;
	uint64_t h;

	if (u->ntok == 0)
		return 0;
	for (i = 0; i < u->ntok; i++) {
		h = x->pool[u->tok + i];
		if (x->df_counts[df_slot(x, h)] >= 2 || in_title(x, h))
			shared++;
	}
	return shared * 100 / u->ntok;
}

/* Do the sorted word sets a (na) and b (nb) say the same thing? */
static int
repeats(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
    int in_b)
{
	size_t i = 0, j = 0, both = 0, least;

	if (na == 0 || nb == 0)
		return 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			both++;
			i++;
			j++;
		} else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	if (in_b)
		return both * 100 >= na * DUP_WITHIN_PERCENT;
	least = na < nb ? na : nb;
	return both * 100 >= (na + nb - both) * DUP_PERCENT ||
	    both * 100 >= least * DUP_WITHIN_PERCENT;
}

/*
 * Append to sb the len bytes at s without "[N]" link numbers, each run of
 * white space one space.
 */
static void
add_unlinked(struct strbuf *sb, const char *s, size_t len)
{
	size_t i = 0, j;

	while (i < len) {
		if (ASCII_ISSPACE(s[i])) {
			if (sb->len > 0 && sb->buf[sb->len - 1] != ' ')
				strbuf_addch(sb, ' ');
			i++;
			continue;
		}
		if (s[i] == '[' && i > 0 && !ASCII_ISSPACE(s[i - 1])) {
			j = i + 1;
			while (j < len && ASCII_ISDIGIT(s[j]))
				j++;
			if (j > i + 1 && j < len && s[j] == ']') {
				i = j + 1;
				continue;
			}
		}
		strbuf_addch(sb, s[i]);
		i++;
	}
	strbuf_trim(sb);
}

/*
 * Drop a dateline: "LONDON (Reuters) - ", "Kathmandu, Nepal (CNN)", or a
 * source in brackets glued to the first word: "(The Hollywood Reporter)".
 */
static void
drop_dateline(struct strbuf *sb)
{
	size_t i, n, at;
	char *p;

	for (i = 0; dateline_marks[i] != NULL || sb->buf[0] == '('; i++) {
		if (dateline_marks[i] == NULL) {
			p = strchr(sb->buf, ')');
			if (p == NULL || p - sb->buf > 40 ||
			    !ASCII_ISUPPER(p[1]))
				return;
			at = (size_t)(p - sb->buf) + 1;
		} else {
			p = strstr(sb->buf, dateline_marks[i]);
			if (p == NULL || (size_t)(p - sb->buf) > 60)
				continue;
			at = (size_t)(p - sb->buf) + strlen(dateline_marks[i]);
		}
		while (at < sb->len && (sb->buf[at] == ' ' ||
		    sb->buf[at] == '-'))
			at++;
		if (at + 3 <= sb->len &&
		    memcmp(sb->buf + at, "\xe2\x80\x94", 3) == 0)
			at += 3;
		while (at < sb->len && sb->buf[at] == ' ')
			at++;
		n = sb->len - at;
		if (n == 0)
			return;
		memmove(sb->buf, sb->buf + at, n);
		strbuf_setlen(sb, n);
		return;
	}
}

/*
 * Does the sentence go on after the clause that starts the len bytes at
 * s, ending at a comma ("X, who ..., was quick to say")? It does when a
 * lower-case word other than a conjunction follows that comma; a clause
 * that runs to the end, or is followed by "and ..." or a name, is one
 * the sentence can lose.
 */
static int
continues(const char *s, size_t len)
{
	size_t i, j, n;

	for (i = 0; i + 2 < len; i++) {
		if (s[i] != ',' || s[i + 1] != ' ')
			continue;
		j = i + 2;
		if (!ASCII_ISLOWER(s[j]))
			return 0;
		for (n = 0; j + n < len && ASCII_ISALPHA(s[j + n]); n++)
			;
		return !word_listed(s + j, n, conjunctions) &&
		    !word_listed(s + j, n, clause_words);
	}
	return 0;
}

/* Does a relative clause start with w ("who", "which")? */
static int
relative(const char *w)
{
	return strcmp(w, "who") == 0 || strcmp(w, "which") == 0 ||
	    strcmp(w, "where") == 0 || strcmp(w, "when") == 0;
}

/*
 * Cut a long sentence at its first clause boundary past TRIM_KEEP_WORDS
 * words, outside quotation marks, and end it with a full stop.
 */
static void
trim_clause(struct strbuf *sb)
{
	size_t i, words = 1, quotes = 0, n;
	const char *s = sb->buf;

	if (utf8_count_words(s, sb->len) <= TRIM_WORDS)
		return;
	for (i = 0; i + 2 < sb->len; i++) {
		if (s[i] == '"' ||
		    (i + 2 < sb->len && (unsigned char)s[i] == 0xE2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x9C ||
		    (unsigned char)s[i + 2] == 0x9D)))
			quotes++;
		if (s[i] == ' ')
			words++;
		if (s[i] != ',' || s[i + 1] != ' ' || words < TRIM_KEEP_WORDS ||
		    quotes % 2 != 0)
			continue;
		for (n = 0; clause_words[n] != NULL; n++)
			if (starts_word(s + i + 2, sb->len - i - 2,
			    clause_words[n]) && s[i + 2 +
			    strlen(clause_words[n])] == ' ')
				break;
		if (clause_words[n] == NULL)
			continue;
		if (relative(clause_words[n]) &&
		    continues(s + i + 2, sb->len - i - 2))
			continue;	/* "X, who ..., was": X needs it */
		strbuf_setlen(sb, i);
		strbuf_addch(sb, '.');
		return;
	}
}

/* The text of a fact made of the len bytes at s. */
static char *
make_fact(const char *s, size_t len, int trim)
{
	struct strbuf sb = STRBUF_INIT;

	add_unlinked(&sb, s, len);
	drop_dateline(&sb);
	if (trim)
		trim_clause(&sb);
	return strbuf_detach(&sb, NULL);
}

/* Is u a sentence of the story long enough to be a fact? */
static int
candidate(const struct unit *u, int relaxed)
{
	size_t i;

	if (!u->story || u->words < (relaxed ? FACT_MIN_WORDS / 2 :
	    FACT_MIN_WORDS))
		return 0;
	if (!relaxed && u->speech)
		return 0;
	if (!relaxed)
		for (i = 0; connectives[i] != NULL; i++)
			if (starts_word(u->s, u->len, connectives[i]))
				return 0;
	return keyfacts_classify(u->s, u->len, u->end) == KEYFACTS_STORY;
}

/*
 * Choose up to want units into chosen (indices, in article order);
 * relaxed takes shorter sentences, connectives and hooks too.
 */
static size_t
choose(const struct extract *x, size_t want, int relaxed, size_t *chosen)
{
	size_t i, j, n = 0, seen = 0, left;
	const struct unit *u;

	left = 0;
	for (i = 0; i < x->n; i++)
		if (x->units[i].story &&
		    x->units[i].words >= FACT_MIN_WORDS)
			left++;
	for (i = 0; i < x->n && n < want; i++) {
		u = &x->units[i];
		if (!candidate(u, relaxed))
			continue;
		seen++;
		if (x->ntitle > 0 && repeats(x->pool + u->tok, u->ntok,
		    x->title, x->ntitle, 1))
			continue;
		for (j = 0; j < n; j++)
			if (repeats(x->pool + u->tok, u->ntok,
			    x->pool + x->units[chosen[j]].tok,
			    x->units[chosen[j]].ntok, 0))
				break;
		if (j < n)
			continue;
		if (!relaxed && n == 0 && seen == 1 &&
		    left >= HOOK_FACTS * want && central(x, u) < HOOK_PERCENT)
			continue;
		chosen[n++] = i;
	}
	return n;
}

/* Sentences of the story as the facts: see keyfacts.h. */
static void
extract(const struct html_doc *doc, const char *title, struct keyfacts *out)
{
	struct extract x;
	size_t i, text_words = 0, want, n, chosen[KEYFACTS_MAX];
	const struct text_line *l;

	memset(&x, 0, sizeof(x));
	stop_table(&x);
	for (i = 0; i < doc->nlines; i++) {
		l = &doc->lines[i];
		if (l->text == NULL || l->text[0] == '\0')
			continue;
		switch (l->type) {
		case LINE_PARA:
			add_line(&x, l->text, 1);
			break;
		case LINE_CAPTION:
			add_unit(&x, l->text, strlen(l->text),
			    KEYFACTS_END_GLUED, 0);
			break;
		case LINE_QUOTE:
		case LINE_ITEM:
			add_line(&x, l->text, 0);
			break;
		case LINE_HEADING:
			add_unit(&x, l->text, strlen(l->text),
			    KEYFACTS_END_TEXT, 0);
			break;
		default:
			break;
		}
	}
	for (i = 0; i < x.n; i++)
		if (x.units[i].story)
			text_words += x.units[i].words;
	if (text_words < SHORT_TEXT_WORDS)
		goto out;
	count_units(&x);
	if (title != NULL) {
		n = x.npool;
		add_words(&x, title, strlen(title));
		x.npool = unique_words(x.pool, n, x.npool);
		x.ntitle = x.npool - n;
		x.title = xreallocarray(NULL, x.ntitle + 1, sizeof(*x.title));
		memcpy(x.title, x.pool + n, x.ntitle * sizeof(*x.title));
		x.npool = n;
	}
	want = KEYFACTS_MIN + text_words / WORDS_PER_FACT;
	if (want > KEYFACTS_MAX)
		want = KEYFACTS_MAX;
	n = choose(&x, want, 0, chosen);
	if (n < KEYFACTS_MIN)
		n = choose(&x, want, 1, chosen);
	if (n < KEYFACTS_MIN)
		goto out;
	out->facts = xcalloc(n, sizeof(*out->facts));
	for (i = 0; i < n; i++)
		out->facts[i] = make_fact(x.units[chosen[i]].s,
		    x.units[chosen[i]].len, 1);
	out->n = n;
out:
	free(x.units);
	free(x.pool);
	free(x.df_keys);
	free(x.df_counts);
	free(x.title);
}

/* The bullet that starts a paragraph written as a list item, or 0. */
static size_t
plain_bullet(const char *s)
{
	size_t i, n;

	for (i = 0; plain_bullets[i] != NULL; i++) {
		n = strlen(plain_bullets[i]);
		if (strncmp(s, plain_bullets[i], n) == 0 && s[n] != '\0' &&
		    !ASCII_ISSPACE(s[n]))
			return n;
	}
	return 0;
}

/* Is line an item of a list at the top level? */
static int
list_item(const struct text_line *l)
{
	if (l->text == NULL)
		return 0;
	if (l->type == LINE_ITEM)
		return l->marker != NULL && l->level <= 1;
	return l->type == LINE_PARA && plain_bullet(l->text) > 0;
}

/* Is line the heading of a publisher's list ("Story highlights")? */
static int
list_heading(const struct text_line *l)
{
	char buf[64];
	size_t i, n;

	if (l->text == NULL || (l->type != LINE_HEADING &&
	    l->type != LINE_PARA) || utf8_count_words(l->text,
	    strlen(l->text)) > 4)
		return 0;
	n = strlen(l->text);
	if (n >= sizeof(buf))
		return 0;
	for (i = 0; i < n; i++)
		buf[i] = (char)ASCII_TOLOWER(l->text[i]);
	buf[n] = '\0';
	for (i = 0; list_headings[i] != NULL; i++)
		if (strstr(buf, list_headings[i]) != NULL)
			return 1;
	return 0;
}

/*
 * Take lines [a, b) of doc, a list near the start, as the publisher's
 * bullets when they read like summary facts; 1 when they do.
 */
static int
take_list(const struct html_doc *doc, size_t a, size_t b,
    struct keyfacts *out)
{
	const char *facts[LIST_MAX_ITEMS], *t;
	size_t i, nfacts = 0, links = 0, len, words, skip;

	if (b - a < 2 || b - a > LIST_MAX_ITEMS)
		return 0;
	if (b < doc->nlines && doc->lines[b].type == LINE_ITEM)
		return 0;	/* items of many paragraphs, or nested */
	for (i = a; i < b; i++) {
		t = doc->lines[i].text;
		skip = doc->lines[i].type == LINE_PARA ? plain_bullet(t) : 0;
		t += skip;
		len = strlen(t);
		words = utf8_count_words(t, len);
		if (words > LIST_MAX_WORDS)
			return 0;
		if (keyfacts_boilerplate(t, len))
			continue;
		if (words < LIST_MIN_WORDS)
			return 0;
		if (len > 0 && t[len - 1] == ']')
			links++;
		facts[nfacts++] = t;
	}
	if (nfacts < 2 || links * 2 > nfacts)
		return 0;
	if (nfacts > KEYFACTS_MAX)
		nfacts = KEYFACTS_MAX;
	out->facts = xcalloc(nfacts, sizeof(*out->facts));
	for (i = 0; i < nfacts; i++)
		out->facts[i] = make_fact(facts[i], strlen(facts[i]), 0);
	out->n = nfacts;
	out->from_publisher = 1;
	out->first_line = a > 0 && list_heading(&doc->lines[a - 1]) ? a - 1 : a;
	out->nlines = b - out->first_line;
	return 1;
}

/* Find the publisher's bullets near the start of doc; 1 when found. */
static int
publisher_list(const struct html_doc *doc, struct keyfacts *out)
{
	size_t i, j, paras = 0;
	const struct text_line *l;

	for (i = 0; i < doc->nlines && paras <= LIST_PARAS_BEFORE; i++) {
		l = &doc->lines[i];
		if (list_item(l)) {
			for (j = i; j < doc->nlines &&
			    list_item(&doc->lines[j]); j++)
				;
			if (take_list(doc, i, j, out))
				return 1;
			i = j - 1;
			continue;
		}
		if (l->type == LINE_PARA && l->text != NULL &&
		    utf8_count_words(l->text, strlen(l->text)) >= PARA_WORDS)
			paras++;
	}
	return 0;
}

/* The key facts of the article in doc: see keyfacts.h. */
void
keyfacts_from_doc(const struct html_doc *doc, const char *title,
    struct keyfacts *out)
{
	memset(out, 0, sizeof(*out));
	if (doc == NULL || doc->nlines == 0)
		return;
	if (publisher_list(doc, out))
		return;
	extract(doc, title, out);
}

/* Free what kf holds. */
void
keyfacts_release(struct keyfacts *kf)
{
	size_t i;

	for (i = 0; i < kf->n; i++)
		free(kf->facts[i]);
	free(kf->facts);
	memset(kf, 0, sizeof(*kf));
}
