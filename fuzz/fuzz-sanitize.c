/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the sanitiser and the UTF-8 and width helpers: the
 * output must always be well-formed UTF-8 free of controls, escape
 * sequences and bidi controls, and truncation must stay inside its width.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/width.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_clean(const struct strbuf *sb, enum sanitize_mode mode)
{
	size_t i = 0;
	uint32_t cp;

	if (!utf8_valid(sb->buf, sb->len))
		abort();
	while (i < sb->len) {
		i += utf8_decode(sb->buf + i, sb->len - i, &cp);
		if (mode == SANITIZE_TEXT && (cp == '\n' || cp == '\t'))
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf sb = STRBUF_INIT, cut = STRBUF_INIT;
	size_t cols = size > 0 ? data[0] % 64 : 0;

	setlocale(LC_CTYPE, "C.UTF-8");
	sanitize_add(&sb, (const char *)data, size, SANITIZE_LINE);
	check_clean(&sb, SANITIZE_LINE);
	if (width_truncate(&cut, sb.buf, sb.len, cols) > cols ||
	    width_str(cut.buf, cut.len) > cols || !utf8_valid(cut.buf, cut.len))
		abort();
	strbuf_reset(&sb);
	sanitize_add(&sb, (const char *)data, size, SANITIZE_TEXT);
	check_clean(&sb, SANITIZE_TEXT);
	strbuf_release(&sb);
	strbuf_release(&cut);
	return 0;
}
