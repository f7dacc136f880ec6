/* SPDX-License-Identifier: ISC */
/*
 * The bytes of a feed made ready for libxml2, which is strict where feeds
 * are not: UTF-32 (which libxml2 cannot read here) and UTF-16 become
 * UTF-8; white space before the XML declaration goes; C0 control bytes
 * other than tab and the line ends go (XML forbids them, and libxml2's
 * recovery from one can lose the rest of an element: an ESC in the CDATA
 * of a body took the enclosure after it along); and an ampersand that
 * starts no reference, as in the URL "?a=1&b=2", becomes "&amp;" instead
 * of an error that loses the text after it. In a document in UTF-8, a
 * byte sequence that is not UTF-8 becomes U+FFFD, as the sanitiser would
 * make it: libxml2's push parser stops at one in a CDATA section.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "parse-private.h"
#include "util/ascii.h"
#include "util/utf8.h"

/* The encoding of a document in UTF-32 or UTF-16, or NULL; *bom its BOM. */
static const char *
wide_encoding(const unsigned char *d, size_t len, size_t *bom)
{
	*bom = 0;
	if (len >= 4 && !memcmp(d, "\xff\xfe\0\0", 4))
		return *bom = 4, "UTF-32LE";
	if (len >= 4 && !memcmp(d, "\0\0\xfe\xff", 4))
		return *bom = 4, "UTF-32BE";
	if (len >= 2 && !memcmp(d, "\xff\xfe", 2))
		return *bom = 2, "UTF-16LE";
	if (len >= 2 && !memcmp(d, "\xfe\xff", 2))
		return *bom = 2, "UTF-16BE";
	if (len >= 4 && !memcmp(d, "<\0\0\0", 4))
		return "UTF-32LE";
	if (len >= 4 && !memcmp(d, "\0\0\0<", 4))
		return "UTF-32BE";
	if (len >= 4 && !memcmp(d, "<\0?\0", 4))
		return "UTF-16LE";
	if (len >= 4 && !memcmp(d, "\0<\0?", 4))
		return "UTF-16BE";
	return NULL;
}

/* Convert len bytes in encoding enc to UTF-8 into out; bad ones: U+FFFD. */
static void
to_utf8(const char *enc, const char *data, size_t len, struct strbuf *out)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	char *in = (char *)data, *o;
	size_t left = len, room, step = enc[4] == '3' ? 4 : 2;

	if (cd == (iconv_t)-1)
		return;
	while (left > 0) {
		strbuf_grow(out, 4 * left + 16);
		o = out->buf + out->len;
		room = out->alloc - out->len - 1;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 &&
		    errno != E2BIG) {
			strbuf_setlen(out, (size_t)(o - out->buf));
			utf8_add(out, UTF8_REPLACEMENT);
			in += left < step ? left : step;
			left -= left < step ? left : step;
			continue;
		}
		strbuf_setlen(out, (size_t)(o - out->buf));
	}
	iconv_close(cd);
}

/* Length of a well-formed reference at s (just past its '&'), or 0. */
static size_t
reference_len(const char *s, const char *end)
{
	const char *p = s;

	if (p < end && *p == '#') {
		p++;
		if (p < end && (*p == 'x' || *p == 'X'))
			for (p++; p < end && ASCII_ISXDIGIT(*p); p++)
				;
		else
			for (; p < end && ASCII_ISDIGIT(*p); p++)
				;
		return p < end && *p == ';' && p - s > 1 &&
		    !(p - s == 2 && (s[1] == 'x' || s[1] == 'X')) ?
		    (size_t)(p - s + 1) : 0;
	}
	if (p >= end || !(ASCII_ISALPHA(*p) || *p == '_' || *p == ':'))
		return 0;
	while (p < end && p - s < 64 && (ASCII_ISALNUM(*p) || *p == '_' ||
	    *p == ':' || *p == '.' || *p == '-'))
		p++;
	return p < end && *p == ';' ? (size_t)(p - s + 1) : 0;
}

/*
 * Just past the first three-byte terminator t at or after start, or end.
 * Looks for its first byte, which is rare in text (']', '-'), not for the
 * '>' that every tag in the CDATA of an HTML body has.
 */
static const char *
find_close(const char *start, const char *end, const char *t)
{
	const char *hit;

	while (end - start >= 3 &&
	    (hit = memchr(start, t[0], (size_t)(end - start - 2))) != NULL) {
		if (hit[1] == t[1] && hit[2] == t[2])
			return hit + 3;
		start = hit + 1;
	}
	return end;
}

/* Where a region that may hold a bare '&' (CDATA, comment) ends, or p. */
static const char *
skip_literal(const char *p, const char *end)
{
	size_t n = (size_t)(end - p);

	if (n >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
		return find_close(p + 9, end, "]]>");
	if (n >= 4 && memcmp(p, "<!--", 4) == 0)
		return find_close(p + 4, end, "-->");
	return p;
}

/*
 * Copy the n bytes at s into out with every bare '&' escaped and "&#X"
 * written "&#x"; returns 0, adding nothing to out, when there was nothing
 * to change.
 */
static int
fix_ampersands(const char *s, size_t n, struct strbuf *out)
{
	const char *p = s, *end = s + n, *from = s, *amp, *lt, *next;
	size_t ref;
	int changed = 0;

	amp = memchr(p, '&', n);
	while (amp != NULL) {
		lt = memchr(p, '<', (size_t)(amp - p));
		if (lt != NULL) {
			next = skip_literal(lt, end);
			p = next != lt ? next : lt + 1;
			if (p > amp)
				amp = memchr(p, '&', (size_t)(end - p));
			continue;
		}
		ref = reference_len(amp + 1, end);
		if (ref > 0 && amp[1] == '#' && amp[2] == 'X') {
			strbuf_add(out, from, (size_t)(amp - from) + 2);
			strbuf_addch(out, 'x');
			from = amp + 3;
			changed = 1;
		} else if (ref == 0) {
			strbuf_add(out, from, (size_t)(amp - from) + 1);
			strbuf_addstr(out, "amp;");
			from = amp + 1;
			changed = 1;
		}
		p = amp + 1 + ref;
		amp = memchr(p, '&', (size_t)(end - p));
	}
	if (changed)
		strbuf_add(out, from, (size_t)(end - from));
	return changed;
}

/* 1 for a byte XML forbids everywhere: C0 but tab, new line and CR. */
static int
is_control(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

/* 1 when the 8 bytes at s are "ISO-2022" in any case. */
static int
is_iso2022(const char *s)
{
	return ascii_is_named(s, 8, "iso-2022");
}

/*
 * 1 when the document may be in ISO-2022 (JP, KR, CN), whose escape
 * sequences are its text: named by the charset or in the first bytes.
 */
static int
maybe_iso2022(const char *data, size_t len, const char *charset)
{
	size_t i, n = len < 256 ? len : 256;

	if (charset != NULL && strlen(charset) >= 8 && is_iso2022(charset))
		return 1;
	for (i = 0; i + 8 <= n; i++)
		if (is_iso2022(data + i))
			return 1;
	return 0;
}

/*
 * 1 when the document is in UTF-8: the charset, else the encoding of its
 * XML declaration, is UTF-8 or not given.
 */
static int
is_utf8(const char *data, size_t len, const char *charset)
{
	const char *end, *p, *v;
	char quote;

	if (charset != NULL)
		return ascii_is_named(charset, strlen(charset), "utf-8") ||
		    ascii_is_named(charset, strlen(charset), "utf8");
	if (len < 5 || memcmp(data, "<?xml", 5) != 0 ||
	    (end = memchr(data, '>', len < 512 ? len : 512)) == NULL)
		return 1;
	for (p = data; p + 8 < end && memcmp(p, "encoding", 8) != 0; p++)
		;
	for (p += 8; p < end && *p != '"' && *p != '\''; p++)
		;
	if (p >= end)
		return 1;
	quote = *p;
	v = ++p;
	while (p < end && *p != quote)
		p++;
	return ascii_is_named(v, (size_t)(p - v), "utf-8") ||
	    ascii_is_named(v, (size_t)(p - v), "utf8");
}

/*
 * The first control byte at or after p, or end. Eight bytes at a time
 * while none is below the space; the line end or tab that stops that in
 * every line of a feed is passed over by itself.
 */
static const char *
find_control(const char *p, const char *end)
{
	uint64_t m;

	while (end - p >= 8) {
		if ((m = utf8_word_below(utf8_word(p), 0x20)) == 0) {
			p += 8;
			continue;
		}
		p += utf8_word_first(m);
		if (is_control((unsigned char)*p))
			return p;
		p++;
	}
	while (p < end && !is_control((unsigned char)*p))
		p++;
	return p;
}

/* Copy the len bytes at data into out without control bytes; 0: none. */
static int
drop_controls(const char *data, size_t len, struct strbuf *out)
{
	const char *p, *end = data + len, *from = data;

	p = find_control(data, end);
	if (p == end)
		return 0;
	strbuf_grow(out, len);
	for (; p < end; p = find_control(from, end)) {
		strbuf_add(out, from, (size_t)(p - from));
		from = p + 1;
	}
	strbuf_add(out, from, (size_t)(end - from));
	return 1;
}

const char *
input_prepare(const char *data, size_t *len, const char **charset,
    struct strbuf *buf)
{
	struct strbuf wide = STRBUF_INIT, clean = STRBUF_INIT;
	struct strbuf repaired = STRBUF_INIT;
	const char *enc;
	size_t bom, i = 0, j;
	int cleaned = 0;

	enc = wide_encoding((const unsigned char *)data, *len, &bom);
	if (enc != NULL) {
		to_utf8(enc, data + bom, *len - bom, &wide);
		data = wide.buf;
		*len = wide.len;
		*charset = "UTF-8";
	} else if (*len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		i = 3;
		if (*charset == NULL)
			*charset = "UTF-8";
	}
	for (j = i; j < *len && ASCII_ISSPACE(data[j]); j++)
		;
	if (j < *len && data[j] == '<')
		i = j;
	data += i;
	*len -= i;
	if (!maybe_iso2022(data, *len, *charset) &&
	    drop_controls(data, *len, &clean)) {
		data = clean.buf;
		*len = clean.len;
		cleaned = 1;
	}
	if (is_utf8(data, *len, *charset) && !utf8_valid(data, *len)) {
		utf8_repair(&repaired, data, *len);
		data = repaired.buf;
		*len = repaired.len;
		cleaned = 1;
	}
	if (!fix_ampersands(data, *len, buf) && (enc != NULL || cleaned))
		strbuf_add(buf, data, *len);	/* keep the converted text */
	strbuf_release(&wide);
	strbuf_release(&clean);
	strbuf_release(&repaired);
	if (enc == NULL && !cleaned && buf->len == 0)
		return data;
	*len = buf->len;
	return buf->buf;
}
