/* SPDX-License-Identifier: ISC */
/*
 * The one filter between outside text and the terminal or the store.
 *
 * Everything a feed, a web page or a server says passes through here
 * before it is drawn, printed or saved. The output is well-formed UTF-8
 * (ill-formed bytes become U+FFFD) without:
 *  - C0 controls other than newline and tab, DEL, and C1 controls;
 *  - escape sequences, whole: CSI (ESC [ or U+009B) with its parameters,
 *    OSC, DCS, SOS, PM and APC strings up to their terminator, and the
 *    two- and three-byte ESC forms;
 *  - bidirectional embeddings, overrides, isolates and marks;
 *  - invisible characters: zero-width space, word joiner, BOM, interlinear
 *    annotation marks, tag characters and noncharacters. The zero-width
 *    joiner and non-joiner stay: Persian, Indic scripts and emoji need
 *    them (the screen leaves the joiner out, ui/draw.c says why).
 * mxml writes such bytes but cannot read them back, and a terminal obeys
 * them, so nothing else in tidings needs to know they exist.
 */
#ifndef TIDINGS_UTIL_SANITIZE_H
#define TIDINGS_UTIL_SANITIZE_H

#include <stddef.h>

#include "util/strbuf.h"

enum sanitize_mode {
	SANITIZE_LINE,	/* one line: a title, an author, a link, an error */
	SANITIZE_TEXT,	/* running text that keeps its newlines and tabs */
};

/*
 * Append the cleaned form of the len bytes at s to sb. In SANITIZE_LINE
 * mode every run of white space (newlines and tabs included) becomes one
 * space, and leading and trailing white space goes. In SANITIZE_TEXT mode CR LF and a lone CR become LF. Returns -1 when
 * the result would pass the cap of sb; what fitted stays in sb.
 */
int sanitize_add(struct strbuf *sb, const char *s, size_t len,
    enum sanitize_mode mode);

/* The cleaned form of the NUL-terminated s, as a new string. */
char *sanitize(const char *s, enum sanitize_mode mode);

#endif
