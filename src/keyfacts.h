/* SPDX-License-Identifier: ISC */
/*
 * The key facts of an article: the three to six bullet points shown
 * beside it. Pure and deterministic, no I/O: the same lines give the same
 * facts, byte for byte, on every machine.
 *
 * When the article's own HTML carries a short list of summary bullets
 * near its start (the list news sites put above a story), those are the
 * facts, in order, without the publisher's boilerplate ("Read more",
 * "Visit X's homepage for more stories", share and sign-up prompts); the
 * caller hides the lines of that list from the article pane.
 *
 * Otherwise the facts are sentences of the story, in article order, chosen
 * by a lead-biased extractive method: the lead of a news story says what
 * happened, so the facts are the first sentences that are story at all.
 * Passed over are photo captions and credits (on lines of their own, or run
 * into the text), bylines, dates, "Scroll down for video" and other
 * promotional lines, headlines and labels, questions, sentences under ten
 * words, sentences that open with or inside a quotation (a fact is what the
 * story says, not what someone told it), and sentences that lean on the one
 * before ("But ..."). An opening hook whose words the rest of the story
 * never uses again ("As attempts to break a world record go, ...") gives
 * way to the sentence after it. A sentence that repeats one already chosen
 * (most of its words the same) is not chosen again, nor one that only
 * repeats the headline. A sentence of more than 25 words is cut at its
 * first clause boundary (", with ...", ", who ...") past its eighth word,
 * unless the sentence goes on after the clause ("X, who ..., was ..."). How
 * many: three below 1000 words of text, one more for each further 1000
 * words, at most six. None for a text under 60 words, or when fewer than
 * three sentences qualify even with the rules relaxed (five words,
 * quotations, connectives and hooks allowed).
 */
#ifndef TIDINGS_KEYFACTS_H
#define TIDINGS_KEYFACTS_H

#include <stddef.h>

#include "html.h"

/* The fewest and the most facts an article gets. */
#define KEYFACTS_MIN	3
#define KEYFACTS_MAX	6

struct keyfacts {
	char	**facts;	/* n sentences, one line of UTF-8 each */
	size_t	  n;		/* 0: no key facts */
	int	  from_publisher; /* 1: the article's own bullet list */
	size_t	  first_line;	/* with from_publisher, the lines of doc */
	size_t	  nlines;	/* the list took (its heading included),
				   to leave out of the article pane; else
				   0 and 0 */
};

#define KEYFACTS_INIT { NULL, 0, 0, 0, 0 }

/*
 * Fill out (which must be empty or released) with the key facts of the
 * article in doc; title, the headline, may be NULL. Never fails: a text
 * too short to summarise gets n == 0.
 */
void keyfacts_from_doc(const struct html_doc *doc, const char *title,
    struct keyfacts *out);

/* Free what kf holds; it is then empty. */
void keyfacts_release(struct keyfacts *kf);

/*
 * The parts, for the tests and for anyone who needs one of them alone.
 */

/* How a sentence ended, as keyfacts_split() found it. */
enum keyfacts_end {
	KEYFACTS_END_STOP,	/* at . ! ? or an ellipsis */
	KEYFACTS_END_TEXT,	/* at the end of the text, unpunctuated */
	KEYFACTS_END_GLUED,	/* unpunctuated, with the next sentence glued
				   on: a caption left in running text */
};

/* One sentence: len bytes at off in the text that was split. */
struct keyfacts_span {
	size_t			 off;
	size_t			 len;
	enum keyfacts_end	 end;
};

struct keyfacts_spans {
	struct keyfacts_span	*v;
	size_t			 n;
	size_t			 alloc;
};

#define KEYFACTS_SPANS_INIT { NULL, 0, 0 }

/*
 * Append to out the sentences of the len bytes of UTF-8 text, without
 * the white space around them. A sentence ends at . ! ? or an ellipsis
 * (with any closing quotes and brackets) before white space and a
 * capital, a digit or an opening quote, except after an abbreviation
 * (Mr., Dr., Jan., U.S. before a name), an initial (George W. Bush),
 * inside a number ($1.5m, 3.7) or before a lower-case word ("Why?" she
 * asked). A newline always ends one. Two more kinds of boundary without
 * punctuation, left by careless HTML-to-text conversions: a caption run
 * into the next sentence ("... on Friday He said"; "... last Saturday
 * Skilful: The kite"), and the "Scroll down for video" of some sites.
 */
void keyfacts_split(const char *text, size_t len, struct keyfacts_spans *out);

/* Free what spans holds; it is then empty. */
void keyfacts_spans_release(struct keyfacts_spans *spans);

/* What a sentence of an article is, as far as key facts are concerned. */
enum keyfacts_kind {
	KEYFACTS_STORY,		/* a sentence of the story */
	KEYFACTS_CAPTION,	/* a photo caption or credit */
	KEYFACTS_BYLINE,	/* "By X", "PUBLISHED: ...", "Updated ..." */
	KEYFACTS_DATE,		/* a date or a time, and little else */
	KEYFACTS_PROMO,		/* "Scroll down for video", "Read more", ... */
	KEYFACTS_FRAGMENT,	/* a headline, a label, all capitals, a
				   question, or unpunctuated */
};

/*
 * What the len bytes at s, one sentence as keyfacts_split() ended it
 * (end), are.
 */
enum keyfacts_kind keyfacts_classify(const char *s, size_t len,
    enum keyfacts_end end);

/*
 * 1 when the len bytes at s are publisher boilerplate rather than a fact:
 * "Visit X's homepage for more stories", "Read more", "Sign up for ...",
 * "Click here", share, follow and subscribe prompts, "Scroll down for
 * video"; else 0.
 */
int keyfacts_boilerplate(const char *s, size_t len);

#endif
