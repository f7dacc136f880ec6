/* SPDX-License-Identifier: ISC */
/*
 * What a sentence of an article is: story, or one of the things a page
 * carries around its story (captions and credits, bylines, dates,
 * promotional lines, headline fragments), and whether a publisher's
 * bullet is boilerplate. Rules on the words alone, so that the same
 * sentence is always judged the same way.
 */
#include "config.h"

#include "keyfacts.h"

#include <stdint.h>
#include <string.h>

#include "util/ascii.h"
#include "util/utf8.h"

/* The bytes of a sentence that the rules look at. */
#define LOOK_MAX	512

/* A sentence whose letters are this share of capitals, or more, shouts. */
#define CAPS_PERCENT	70

/* Boilerplate, when a sentence starts with it (lower case). */
static const char *const promo_starts[] = {
	"advertisement", "all rights reserved", "click here", "click to",
	"continue reading", "copyright", "don't miss", "download our",
	"download the", "email us", "follow @", "follow us", "for more",
	"get our", "get the app", "get the latest", "join the conversation",
	"like us on", "listen:", "more from", "more:", "most read",
	"read more", "read our", "read the full", "related articles",
	"related stories", "related:", "scroll down", "see also", "share on",
	"share this", "share:", "sign up", "subscribe", "tap here",
	"this article has been", "this story has been", "want more",
	"watch now", "watch:", "watch the video", NULL
};

/* Boilerplate, anywhere in a sentence (lower case). */
static const char *const promo_within[] = {
	"all rights reserved", "click here", "download our app",
	"follow us on", "for all the latest", "for more stories",
	"homepage for more", "home page for more", "like us on facebook",
	"more stories", "our newsletter", "read more:", "share this article",
	"share this story", "sign up for", "sign up to", "subscribe now",
	"subscribe to our", NULL
};

/* What "Visit X's homepage" and its kind point at (lower case). */
static const char *const visit_targets[] = {
	"homepage", "home page", "website", "web site", "site", NULL
};

/* Labels that start a photo's caption or credit. */
static const char *const caption_starts[] = {
	"Above:", "Below:", "Bottom:", "Credit:", "File photo", "Image:",
	"Images:", "Inset:", "Left:", "Main picture:", "Main:", "Photo by",
	"Photo courtesy", "Photo:", "Photograph:", "Photographs:",
	"Picture:", "Pictured:", "Pictures:", "Right:", "Source:", "Top:",
	"(Photo", "(Picture", "(Image", NULL
};

/* A caption's pointers at the people in its photo. */
static const char *const caption_marks[] = {
	"(above)", "(below)", "(bottom)", "(center)", "(centre)",
	"(far left)", "(far right)", "(file photo)", "(inset)", "(left)",
	"(not pictured)", "(pictured left)", "(pictured right)", "(right)",
	"(second left)", "(second right)", "(top)", NULL
};

/* Photo agencies, the words of a credit on its own. */
static const char *const agencies[] = {
	"afp", "alamy", "ap", "bloomberg", "corbis", "epa", "getty",
	"images", "pa", "photo", "photos", "rex", "reuters", "shutterstock",
	"wire", NULL
};

/* Words of a byline besides the name. */
static const char *const byline_marks[] = {
	"PUBLISHED:", "UPDATED:", "Published:", "Updated:", "|",
	"Reporter", "Correspondent", "Editor", "for MailOnline",
	"for Dailymail.com", "Last updated", NULL
};

/* Words of speech, which make "X said: ..." a quotation, not a label. */
static const char *const say_words[] = {
	"added", "admitted", "asked", "claimed", "continued", "declared",
	"explained", "insisted", "posted", "read", "reads", "revealed",
	"said", "says", "stated", "tweeted", "wrote", NULL
};

/* The words of dates and times. */
static const char *const date_words[] = {
	"am", "apr", "april", "at", "aug", "august", "bst", "cest", "cet",
	"dec", "december", "edt", "est", "et", "feb", "february", "fri",
	"friday", "gmt", "jan", "january", "jul", "july", "jun", "june",
	"mar", "march", "may", "mon", "monday", "nd", "nov", "november",
	"oct", "october", "of", "on", "pdt", "pm", "pst", "rd", "sat",
	"saturday", "sep", "sept", "september", "st", "sun", "sunday", "th",
	"thu", "thursday", "tue", "tuesday", "utc", "wed", "wednesday", NULL
};

/* s[0..len) folded to ASCII lower case into buf (LOOK_MAX + 1 bytes). */
static size_t
fold(const char *s, size_t len, char *buf)
{
	size_t i, n = len < LOOK_MAX ? len : LOOK_MAX;

	for (i = 0; i < n; i++)
		buf[i] = (char)ASCII_TOLOWER(s[i]);
	buf[n] = '\0';
	return n;
}

static int
starts_any(const char *s, size_t len, const char *const *list)
{
	size_t i, n;

	for (i = 0; list[i] != NULL; i++) {
		n = strlen(list[i]);
		if (n <= len && memcmp(s, list[i], n) == 0)
			return 1;
	}
	return 0;
}

static int
contains_any(const char *s, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strstr(s, list[i]) != NULL)
			return 1;
	return 0;
}

/* Is the word of n bytes at w, in any case, in list (lower case)? */
static int
word_in(const char *w, size_t n, const char *const *list)
{
	size_t i, j;

	for (i = 0; list[i] != NULL; i++) {
		for (j = 0; j < n && list[i][j] != '\0' &&
		    ASCII_TOLOWER(w[j]) == list[i][j]; j++)
			;
		if (j == n && list[i][j] == '\0')
			return 1;
	}
	return 0;
}

/* Publisher boilerplate: see keyfacts.h. */
int
keyfacts_boilerplate(const char *s, size_t len)
{
	char buf[LOOK_MAX + 1];
	size_t n;

	while (len > 0 && (ASCII_ISSPACE(*s) || *s == '-' || *s == '*')) {
		s++;
		len--;
	}
	n = fold(s, len, buf);
	if (starts_any(buf, n, promo_starts) ||
	    contains_any(buf, promo_within))
		return 1;
	if (n > 6 && memcmp(buf, "visit ", 6) == 0 &&
	    contains_any(buf, visit_targets))
		return 1;
	return 0;
}

/* The next word of s from *i on (letters, digits, marks), or 0. */
static size_t
next_word(const char *s, size_t len, size_t *i)
{
	size_t j;

	while (*i < len && ASCII_ISSPACE(s[*i]))
		(*i)++;
	j = *i;
	while (j < len && !ASCII_ISSPACE(s[j]))
		j++;
	return j - *i;
}

/* A byline: "By Jane Doe", "By X . PUBLISHED: ...", "UPDATED: ...". */
static int
is_byline(const char *s, size_t len)
{
	char buf[LOOK_MAX + 1];
	size_t i, n = len < LOOK_MAX ? len : LOOK_MAX, words = 0, w = 0;

	memcpy(buf, s, n);
	buf[n] = '\0';
	if (contains_any(buf, byline_marks) &&
	    (strstr(buf, "PUBLISHED") || strstr(buf, "UPDATED") ||
	    strstr(buf, "Last updated") || strncmp(buf, "By ", 3) == 0 ||
	    strncmp(buf, "Published", 9) == 0 ||
	    strncmp(buf, "Updated", 7) == 0))
		return 1;
	if (len < 4 || memcmp(s, "By ", 3) != 0 || !ASCII_ISUPPER(s[3]))
		return 0;
	for (i = 0; next_word(s, len, &i) > 0; i += w) {
		w = next_word(s, len, &i);
		words++;
	}
	return words <= 8;
}

/* Nothing but a date or a time: "12:30 EST, 3 April 2015". */
static int
is_date(const char *s, size_t len)
{
	size_t i = 0, j, dates = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] >= 0x80) {	/* a letter is no date */
			i += utf8_decode(s + i, len - i, &cp);
			if (cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
			    !(cp >= 0x3000 && cp <= 0x303F) && cp != 0xFEFF)
				return 0;
			continue;
		}
		if (!ASCII_ISALNUM(s[i])) {
			i++;
			continue;
		}
		j = i;
		while (j < len && ASCII_ISALNUM(s[j]))
			j++;
		if (ASCII_ISDIGIT(s[i])) {
			while (i < j && ASCII_ISDIGIT(s[i]))
				i++;
			if (i < j && !word_in(s + i, j - i, date_words))
				return 0;
			dates++;
		} else if (word_in(s + i, j - i, date_words)) {
			if (j - i > 3)
				dates++;
		} else
			return 0;
		i = j;
	}
	return dates > 0;
}

/* A caption, its credit, or a credit on its own. */
static int
is_caption(const char *s, size_t len)
{
	char buf[LOOK_MAX + 1];
	size_t i = 0, w, n, words = 0;
	int agency = 1;

	if (starts_any(s, len, caption_starts))
		return 1;
	fold(s, len, buf);
	if (contains_any(buf, caption_marks))
		return 1;
	while ((w = next_word(s, len, &i)) > 0) {
		size_t a = i, b = i + w;

		while (a < b && !ASCII_ISALPHA(s[a]))
			a++;
		while (b > a && !ASCII_ISALPHA(s[b - 1]))
			b--;
		for (n = a; n < b && s[n] != '/'; n++)
			;
		if (!word_in(s + a, n - a, agencies))
			agency = 0;
		words++;
		i += w;
	}
	return agency && words > 0 && words <= 4;
}

/*
 * A caption's label: one to three words, the first capitalised, then a
 * colon: "Flying high: Half of the kite ...". "He said: ..." is speech.
 */
static int
is_label(const char *s, size_t len)
{
	size_t i = 0, w, words;

	if (len == 0 || !ASCII_ISUPPER(s[0]))
		return 0;
	for (words = 0; words < 3; words++) {
		w = next_word(s, len, &i);
		if (w == 0)
			return 0;
		if (s[i + w - 1] == ':')
			return !word_in(s + i, w - 1, say_words) &&
			    i + w < len;
		if (word_in(s + i, w, say_words))
			return 0;
		i += w;
	}
	return 0;
}

/* Shouting, a headline in Title Case, or a question. */
static int
is_fragment(const char *s, size_t len)
{
	size_t i, letters = 0, caps = 0, lower = 0, upper = 0, end;
	int start = 1;
	uint32_t cp;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (ASCII_ISALPHA(c)) {
			letters++;
			if (ASCII_ISUPPER(c))
				caps++;
			if (start) {
				if (ASCII_ISLOWER(c))
					lower++;
				else
					upper++;
			}
		}
		start = ASCII_ISSPACE(c);
	}
	if (letters >= 8 && caps * 100 >= letters * CAPS_PERCENT)
		return 1;
	if (lower + upper >= 4 && lower * 4 < lower + upper)
		return 1;
	end = len;
	while (end > 0) {
		size_t n = 1;

		while (end - n > 0 && ((unsigned char)s[end - n] & 0xC0) ==
		    0x80 && n < 4)
			n++;
		utf8_decode(s + end - n, n, &cp);
		if (cp != '\'' && cp != '"' && cp != 0x2019 && cp != 0x201D &&
		    cp != ')')
			break;
		end -= n;
	}
	return end > 0 && s[end - 1] == '?';
}

/* What a sentence is: see keyfacts.h. */
enum keyfacts_kind
keyfacts_classify(const char *s, size_t len, enum keyfacts_end end)
{
	if (keyfacts_boilerplate(s, len))
		return KEYFACTS_PROMO;
	if (is_byline(s, len))
		return KEYFACTS_BYLINE;
	if (is_date(s, len))
		return KEYFACTS_DATE;
	if (end == KEYFACTS_END_GLUED || is_caption(s, len) ||
	    is_label(s, len))
		return KEYFACTS_CAPTION;
	if (end == KEYFACTS_END_TEXT || is_fragment(s, len))
		return KEYFACTS_FRAGMENT;
	return KEYFACTS_STORY;
}
