/* SPDX-License-Identifier: ISC */
/*
 * The sentence splitter of the key facts, made for news text: it knows
 * the abbreviations of names, titles and months, initials, numbers and
 * money, quotations that end with their sentence and ellipses, and it
 * finds the two boundaries without punctuation that a careless
 * conversion of a web page to text leaves behind: a photo caption run
 * into the sentence after it, and "Scroll down for video".
 */
#include "config.h"

#include "keyfacts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/ascii.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* A caption is at least this many words before it can be glued on. */
#define GLUE_MIN_WORDS	4

/* A quotation glued onto a caption has at least this many words. */
#define GLUE_QUOTE_WORDS	6

/* The longest word the abbreviation and word lists are checked for. */
#define WORD_MAX	16

/* Abbreviations after which a full stop never ends a sentence. */
static const char *const abbr_strong[] = {
	"adm", "apr", "aug", "brig", "capt", "cmdr", "col", "cpl", "dec",
	"det", "dr", "feb", "fig", "ft", "gen", "gov", "hon", "insp", "jan",
	"jul", "jun", "lt", "maj", "mar", "messrs", "mme", "mlle", "mr",
	"mrs", "ms", "mt", "nov", "oct", "prof", "rep", "rev", "sen", "sep",
	"sept", "sgt", "st", "supt", "vol", NULL
};

/* Abbreviations that end a sentence only before a word that starts one. */
static const char *const abbr_weak[] = {
	"al", "approx", "ave", "blvd", "bros", "co", "corp", "dept", "est",
	"etc", "inc", "jr", "llc", "ltd", "plc", "rd", "sr", "univ", "vs",
	NULL
};

/* Words that start sentences and are rarely capitalised otherwise. */
static const char *const starters[] = {
	"A", "After", "An", "And", "As", "At", "But", "He", "Her", "His",
	"However", "I", "If", "In", "It", "Its", "Meanwhile", "On", "Our",
	"She", "So", "That", "The", "Their", "There", "These", "They",
	"This", "Those", "We", "When", "While", "Yet", NULL
};

/* Capitalised words that start a sentence glued onto a caption. */
static const char *const glue_starters[] = {
	"But", "He", "Her", "His", "However", "It", "Its", "She", "Their",
	"There", "These", "They", "This", "Those", "We", NULL
};

/* The articles, which start a glued sentence before a lower-case word. */
static const char *const glue_articles[] = { "A", "An", "The", NULL };

/*
 * Words a sentence does not end on: a capitalised word after them is a
 * name or a title ("told The Times"), not a new sentence.
 */
static const char *const no_end[] = {
	"a", "about", "after", "against", "also", "an", "and", "are", "as",
	"at", "be", "been", "before", "beat", "beating", "between", "both",
	"but", "by", "call", "called", "dubbed", "during", "either",
	"entitled", "featuring", "for", "from", "her", "his", "how", "if",
	"in", "including", "into", "is", "its", "like", "my", "named",
	"neither", "nor", "not", "of", "on", "onto", "or", "our", "over",
	"per", "read", "reads", "said", "say", "says", "see", "starring",
	"tell", "tells", "than", "that", "the", "their", "these", "this",
	"those", "titled", "to", "told", "under", "versus", "via", "visit",
	"vs", "was", "watch", "were", "what", "when", "where", "which",
	"while", "who", "whom", "whose", "why", "with", "your", NULL
};

/* Days and months, after which a caption's label may follow. */
static const char *const days[] = {
	"April", "August", "December", "February", "Friday", "January",
	"July", "June", "March", "May", "Monday", "November", "October",
	"Saturday", "September", "Sunday", "Thursday", "Tuesday",
	"Wednesday", NULL
};

/* Words of speech that make "X said: ..." a quotation, not a label. */
static const char *const say_words[] = {
	"added", "admitted", "asked", "claimed", "continued", "declared",
	"explained", "insisted", "posted", "read", "reads", "revealed",
	"said", "says", "stated", "tweeted", "wrote", NULL
};

/* Phrases some sites leave in the text where a video was. */
static const char *const promo_phrases[] = {
	"Scroll down for videos", "Scroll down for video",
	"Scroll down to watch the video", "Scroll down to watch",
	"Scroll down for more", NULL
};

/* Photo agencies whose credit is glued onto the next word ("GettyThe"). */
static const char *const credits[] = {
	"Getty Images", "Getty", "Reuters", "AFP", "AP", "EPA", "PA",
	"Alamy", "Shutterstock", "Rex", "REX", "Corbis", "Bloomberg", NULL
};

struct splitter {
	const char		*s;
	size_t			 len;
	size_t			 start;	/* of the sentence being read */
	size_t			 words;	/* words of it so far */
	struct keyfacts_spans	*out;
};

/* The code point at i, its length in *n; 0 at the end. */
static uint32_t
cp_at(const char *s, size_t len, size_t i, size_t *n)
{
	uint32_t cp;

	if (i >= len) {
		*n = 0;
		return 0;
	}
	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return (unsigned char)s[i];
	}
	*n = utf8_decode(s + i, len - i, &cp);
	return cp;
}

/* The code point that ends before i (which is > lo), its start in *at. */
static uint32_t
cp_before(const char *s, size_t lo, size_t i, size_t *at)
{
	size_t j = i - 1, n;

	while (j > lo && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
		j--;
	*at = j;
	return cp_at(s, i, j, &n);
}

/* The bytes of white space at i: a space, a tab, a no-break space. */
static size_t
space_at(const char *s, size_t len, size_t i)
{
	size_t n;
	uint32_t cp;
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80)
		return c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v';
	if (c != 0xC2 && c != 0xE2)
		return 0;
	cp = cp_at(s, len, i, &n);
	if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F)
		return n;
	return 0;
}

static int
is_closer(uint32_t cp)
{
	return cp == '\'' || cp == '"' || cp == ')' || cp == ']' ||
	    cp == 0x2019 || cp == 0x201D || cp == 0xBB || cp == 0x203A ||
	    cp == 0x300D || cp == 0x300F || cp == 0x3011 || cp == 0xFF09;
}

/* The full stop, exclamation and question marks of Chinese and Japanese. */
static int
is_cjk_stop(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

static int
is_opener(uint32_t cp)
{
	return cp == '\'' || cp == '"' || cp == '(' || cp == '[' ||
	    cp == 0x2018 || cp == 0x201C || cp == 0xAB || cp == 0x2039;
}

/* A capital letter, of the scripts that have them, or a CJK character. */
static int
is_capital(uint32_t cp)
{
	return ASCII_ISUPPER(cp) ||
	    (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F) ||
	    (cp >= 0x3040 && cp <= 0x9FFF);
}

/* Does a sentence start at i: a capital, a digit, or a quote of one? */
static int
starts_sentence(const char *s, size_t len, size_t i)
{
	size_t n;
	uint32_t cp = cp_at(s, len, i, &n);

	if (is_capital(cp) || ASCII_ISDIGIT(cp))
		return 1;
	if (is_opener(cp)) {
		cp = cp_at(s, len, i + n, &n);
		return is_capital(cp) || ASCII_ISDIGIT(cp);
	}
	return 0;
}

/* Is the word of n bytes at w in list (compared as is, or lower-cased)? */
static int
word_in(const char *w, size_t n, const char *const *list, int fold)
{
	char buf[WORD_MAX + 1];
	size_t i;

	if (n == 0 || n > WORD_MAX)
		return 0;
	for (i = 0; i < n; i++)
		buf[i] = fold ? (char)ASCII_TOLOWER(w[i]) : w[i];
	buf[n] = '\0';
	for (i = 0; list[i] != NULL; i++)
		if (list[i][0] == buf[0] && strcmp(buf, list[i]) == 0)
			return 1;
	return 0;
}

/* The length of the run of ASCII letters at i. */
static size_t
letters_at(const char *s, size_t len, size_t i)
{
	size_t j = i;

	while (j < len && ASCII_ISALPHA(s[j]))
		j++;
	return j - i;
}

/* Does the word at i start sentences ("The", "He", "However")? */
static int
common_starter(const char *s, size_t len, size_t i)
{
	size_t n;

	if (i < len && is_opener((unsigned char)s[i]))
		i++;
	n = letters_at(s, len, i);
	return word_in(s + i, n, starters, 0);
}

/*
 * Does the full stop at dot end the sentence that started at lo, the
 * next one starting at next?
 */
static int
stop_ends(const char *s, size_t len, size_t lo, size_t dot, size_t next)
{
	size_t w = dot, n, i;
	int dotted = 0;

	while (w > lo && (ASCII_ISALPHA(s[w - 1]) || s[w - 1] == '.'))
		w--;
	while (w < dot && s[w] == '.')
		w++;
	n = dot - w;
	if (n == 0)
		return 1;	/* after a digit, a quote, a bracket */
	for (i = w; i < dot; i++)
		if (s[i] == '.')
			dotted = 1;
	if (n == 1)
		return 0;	/* an initial: George W. Bush */
	if (dotted) {
		/* U.S., a.m., B.B.: e.g. and i.e. never end one */
		if (n == 3 && (ASCII_TOLOWER(s[w]) == 'e' ||
		    ASCII_TOLOWER(s[w]) == 'i'))
			return 0;
		return common_starter(s, len, next);
	}
	if (n == 2 && ASCII_TOLOWER(s[w]) == 'n' &&
	    ASCII_TOLOWER(s[w + 1]) == 'o')
		return !(ASCII_ISUPPER(s[w]) && ASCII_ISDIGIT(s[next]));
	if (word_in(s + w, n, abbr_strong, 1) && ASCII_ISUPPER(s[w]))
		return 0;
	if (word_in(s + w, n, abbr_weak, 1))
		return common_starter(s, len, next);
	return 1;
}

/* Close the sentence being read at end. */
static void
emit(struct splitter *sp, size_t end, enum keyfacts_end how)
{
	const char *s = sp->s;
	size_t a = sp->start, b = end, n;
	struct keyfacts_spans *out = sp->out;

	sp->start = end;
	sp->words = 0;
	for (;;) {
		if (a < b && ASCII_ISSPACE(s[a]))
			a++;
		else if (a < b && (n = space_at(s, b, a)) > 0)
			a += n;
		else
			break;
	}
	while (b > a) {
		size_t at;
		uint32_t cp = cp_before(s, a, b, &at);

		if (!ASCII_ISSPACE(cp) && cp != 0xA0 && cp != 0x2009 &&
		    cp != 0x202F)
			break;
		b = at;
	}
	if (b == a)
		return;
	if (out->n == out->alloc) {
		out->alloc = out->alloc ? 2 * out->alloc : 32;
		out->v = xreallocarray(out->v, out->alloc, sizeof(*out->v));
	}
	out->v[out->n].off = a;
	out->v[out->n].len = b - a;
	out->v[out->n].end = how;
	out->n++;
}

/* How the text from lo to hi ends: punctuated or not. */
static enum keyfacts_end
end_kind(const char *s, size_t lo, size_t hi)
{
	size_t at;
	uint32_t cp;

	while (hi > lo) {
		cp = cp_before(s, lo, hi, &at);
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
		    is_cjk_stop(cp))
			return KEYFACTS_END_STOP;
		if (!is_closer(cp) && !ASCII_ISSPACE(cp) && cp != 0xA0)
			return KEYFACTS_END_TEXT;
		hi = at;
	}
	return KEYFACTS_END_TEXT;
}

/* The word that ends at i, without closing quotes and brackets. */
static void
word_before(const char *s, size_t lo, size_t i, size_t *w, size_t *n)
{
	size_t e = i, at;

	while (e > lo) {
		uint32_t cp = cp_before(s, lo, e, &at);

		if (!is_closer(cp))
			break;
		e = at;
	}
	*w = e;
	while (*w > lo && ASCII_ISALPHA(s[*w - 1]))
		(*w)--;
	*n = e - *w;
}

/* The words of the quotation that opens at i, to its closing mark. */
static size_t
quoted_words(const char *s, size_t len, size_t i)
{
	size_t n, m, words = 1;
	uint32_t open = cp_at(s, len, i, &n), cp, after;

	for (i += n; i < len; i += n) {
		cp = cp_at(s, len, i, &n);
		if (cp == ' ')
			words++;
		if ((open == 0x201C && cp == 0x201D) ||
		    (open == '"' && cp == '"'))
			break;
		if ((open == 0x2018 && cp == 0x2019) ||
		    (open == '\'' && cp == '\'')) {
			after = cp_at(s, len, i + n, &m);
			if (!ASCII_ISALPHA(after))
				break;
		}
	}
	return words;
}

/*
 * Is the space at i a caption's end, the next word (at next) starting
 * the sentence glued onto it?
 */
static int
glued_at(const struct splitter *sp, size_t i, size_t next)
{
	const char *s = sp->s;
	size_t len = sp->len, w, n, pn, at, k, words;
	uint32_t cp, q;

	if (i <= sp->start)
		return 0;
	q = cp_at(s, len, next, &n);
	if (q == '\'' || q == '"' || q == 0x2018 || q == 0x201C) {
		if (next + n >= len || !ASCII_ISUPPER(s[next + n]))
			return 0;
	} else if (!ASCII_ISUPPER(s[next]))
		return 0;
	else
		q = 0;
	cp = cp_before(s, sp->start, i, &at);
	if (!(ASCII_ISALNUM(cp) || is_closer(cp) ||
	    (cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x206F))))
		return 0;
	if (cp == '\'' || cp == '"')
		return 0;	/* a straight quote may open as well */
	word_before(s, sp->start, i, &w, &pn);
	if (word_in(s + w, pn, no_end, 1) || word_in(s + w, pn, say_words, 1))
		return 0;
	if (sp->words < GLUE_MIN_WORDS)
		return 0;
	if (q != 0)
		return quoted_words(s, len, next) >= GLUE_QUOTE_WORDS;
	n = letters_at(s, len, next);
	if (word_in(s + next, n, glue_starters, 0) &&
	    (next + n >= len || s[next + n] == ' ' || s[next + n] == ','))
		return 1;
	if (word_in(s + next, n, glue_articles, 0) && next + n + 1 < len &&
	    s[next + n] == ' ' &&
	    (ASCII_ISLOWER(s[next + n + 1]) || ASCII_ISDIGIT(s[next + n + 1])))
		return !word_in(s + next + n + 1, letters_at(s, len,
		    next + n + 1), no_end, 1);
	/*
	 * A caption's label: "Flying high: Half of the kite ...", but not
	 * the end of a name: "the White House: ...".
	 */
	if (pn > 0 && ASCII_ISUPPER(s[w]) && !word_in(s + w, pn, days, 0))
		return 0;
	k = next;
	for (words = 0; words < 4 && k < len; words++) {
		n = 0;
		while (k + n < len && s[k + n] != ' ' && s[k + n] != ':')
			n++;
		if (word_in(s + k, n, say_words, 1) ||
		    (words > 0 && !ASCII_ISLOWER(s[k])))
			return 0;
		if (k + n < len && s[k + n] == ':')
			return k + n + 2 < len && s[k + n + 1] == ' ' &&
			    starts_sentence(s, len, k + n + 2);
		k += n;
		if (k >= len || s[k] != ' ' || s[k - 1] == '.' ||
		    s[k - 1] == ',' || s[k - 1] == '!' || s[k - 1] == '?' ||
		    s[k - 1] == ';')
			return 0;
		k++;
	}
	return 0;
}

/* Are the n bytes at a and at b the same, in any ASCII case? */
static int
same_folded(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ASCII_TOLOWER(a[i]) != ASCII_TOLOWER(b[i]))
			return 0;
	return 1;
}

/* The length of a promotional phrase at i, or 0. */
static size_t
promo_at(const char *s, size_t len, size_t i)
{
	size_t j, n;

	if (s[i] != 'S' && s[i] != 's')
		return 0;
	for (j = 0; promo_phrases[j] != NULL; j++) {
		n = strlen(promo_phrases[j]);
		if (n <= len - i && same_folded(s + i, promo_phrases[j], n) &&
		    (i + n == len || !ASCII_ISALPHA(s[i + n])))
			return n;
	}
	return 0;
}

/* The length of a photo credit glued onto the word after it, or 0. */
static size_t
credit_at(const char *s, size_t len, size_t i)
{
	size_t j, n;

	for (j = 0; credits[j] != NULL; j++) {
		n = strlen(credits[j]);
		if (n + 2 <= len - i && memcmp(s + i, credits[j], n) == 0 &&
		    ASCII_ISUPPER(s[i + n]) && ASCII_ISLOWER(s[i + n + 1]))
			return n;
	}
	return 0;
}

/* At a terminal mark at i: end the sentence there or not; the next i. */
static size_t
at_stop(struct splitter *sp, size_t i)
{
	const char *s = sp->s;
	size_t len = sp->len, j = i, k, m, n, ws;
	uint32_t cp;
	int single;

	for (;;) {
		cp = cp_at(s, len, j, &n);
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026)
			j += n;
		else
			break;
	}
	single = j == i + 1 && s[i] == '.';
	k = j;
	while (k < len && is_closer(cp_at(s, len, k, &n)))
		k += n;
	if (k >= len || (ws = space_at(s, len, k)) == 0)
		return k > j ? k : j;
	m = k + ws;
	while (m < len && (n = space_at(s, len, m)) > 0)
		m += n;
	if (m >= len || s[m] == '\n' || !starts_sentence(s, len, m))
		return k;
	if (single && !stop_ends(s, len, sp->start, i, m))
		return k;
	emit(sp, k, KEYFACTS_END_STOP);
	return k;
}

/*
 * At a Chinese or Japanese stop at i: the sentence ends after it and the
 * closing brackets after it, with or without a space (those languages
 * put none), unless a quotation closed there goes on with hiragana
 * (「…。」と述べた); the next i.
 */
static size_t
at_cjk_stop(struct splitter *sp, size_t i, size_t hi)
{
	size_t n;
	uint32_t cp = 0;
	int closed = 0;

	while (i < hi) {
		cp = cp_at(sp->s, hi, i, &n);
		if (!is_cjk_stop(cp) && !is_closer(cp))
			break;
		closed = is_closer(cp);
		i += n;
	}
	if (i < hi && !(closed && cp >= 0x3041 && cp <= 0x309F))
		emit(sp, i, KEYFACTS_END_STOP);
	return i;
}

/* Split the sentences of the text between newlines, lo to hi. */
static void
split_line(struct splitter *sp, size_t hi)
{
	const char *s = sp->s;
	size_t i = sp->start, n, ws;
	int word_start = 1;

	while (i < hi) {
		unsigned char c = (unsigned char)s[i];

		if (word_start && (n = promo_at(s, hi, i)) > 0) {
			emit(sp, i, end_kind(s, sp->start, i) ==
			    KEYFACTS_END_STOP ? KEYFACTS_END_STOP :
			    KEYFACTS_END_GLUED);
			emit(sp, i + n, KEYFACTS_END_GLUED);
			i += n;
			continue;
		}
		if (word_start && sp->words == 0 &&
		    (n = credit_at(s, hi, i)) > 0) {
			emit(sp, i + n, KEYFACTS_END_GLUED);
			i += n;
			continue;
		}
		if (c == '.' || c == '!' || c == '?' ||
		    (c == 0xE2 && i + 2 < hi && (unsigned char)s[i + 1] ==
		    0x80 && (unsigned char)s[i + 2] == 0xA6)) {
			i = at_stop(sp, i);
			word_start = 0;
			continue;
		}
		if ((c == 0xE3 || c == 0xEF) && is_cjk_stop(cp_at(s, hi, i,
		    &n))) {
			i = at_cjk_stop(sp, i, hi);
			word_start = 1;
			continue;
		}
		if ((ws = space_at(s, hi, i)) > 0) {
			size_t next = i + ws;

			while (next < hi && (n = space_at(s, hi, next)) > 0)
				next += n;
			if (next < hi && glued_at(sp, i, next))
				emit(sp, i, KEYFACTS_END_GLUED);
			i = next;
			word_start = 1;
			continue;
		}
		if (word_start)
			sp->words++;
		word_start = 0;
		i++;
	}
}

/* Split text into sentences: see keyfacts.h. */
void
keyfacts_split(const char *text, size_t len, struct keyfacts_spans *out)
{
	struct splitter sp;
	size_t i, line;

	sp.s = text;
	sp.len = len;
	sp.start = 0;
	sp.out = out;
	for (line = 0; line <= len; line = i + 1) {
		i = line;
		while (i < len && text[i] != '\n')
			i++;
		sp.start = line;
		sp.words = 0;
		sp.len = i;
		split_line(&sp, i);
		emit(&sp, i, end_kind(text, sp.start, i));
		if (i >= len)
			break;
	}
}

/* Free what spans holds. */
void
keyfacts_spans_release(struct keyfacts_spans *spans)
{
	free(spans->v);
	spans->v = NULL;
	spans->n = 0;
	spans->alloc = 0;
}
