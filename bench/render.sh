#!/bin/sh
# SPDX-License-Identifier: ISC
# Article rendering speed: generate a 100 KB news article (headings,
# paragraphs with links and entities, lists, a table, figures, a quote,
# code, CJK and emoji) and time html_render() + html_wrap() on it, in
# process, RUNS times after a warm-up; print the median (target: under
# 2 ms), the best and the 90th percentile. The timing program is built
# here from src/html.c and src/html-wrap.c, -O2, against src/libtidings.a
# (run make first).
# Typography is written as WordPress writes it, in numeric references
# (&#8217;); NAMED=1 writes &rsquo; &ldquo; &rdquo; &mdash; instead, the
# worst case: libxml2 2.9 looks each named entity up in a linear table.
# Usage: [NAMED=1] bench/render.sh [RUNS] [SIZE-KB] [WIDTH]
# Not part of make check: machines are shared and timings are noisy.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-200}
size_kb=${2:-100}
width=${3:-80}
named=${NAMED:-}
cc=${CC:-cc}
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

[ -f "$top/src/libtidings.a" ] && [ -f "$top/config.h" ] ||
    { echo "bench: build tidings first (make)" >&2; exit 1; }

# The article: sections of varied markup until SIZE-KB kilobytes.
awk -v total=$((size_kb * 1024)) -v named="$named" 'BEGIN {
	rsquo = named != "" ? "\\&rsquo;" : "\\&#8217;"
	ldquo = named != "" ? "\\&ldquo;" : "\\&#8220;"
	rdquo = named != "" ? "\\&rdquo;" : "\\&#8221;"
	mdash = named != "" ? "\\&mdash;" : "\\&#8212;"
	print "<article><h1>Regional council approves the harbour plan &amp; budget</h1>"
	print "<p class=\"byline\">By <a href=\"/staff/desk\">The Desk</a></p>"
	n = 0
	for (s = 0; n < total - 2000; s++) {
		out = sprintf("<h2>Section %d: what the council decided</h2>\n", s)
		for (p = 0; p < 4; p++) {
			para = sprintf("<p>The regional council met on Tuesday to discuss the budget for the coming year, including funds for <a href=\"/topics/schools-%d\">schools</a>, roads &amp; the harbour. Members debated for hours MDASH the caf&eacute; ownersRSQUO association called it LDQUOa long nightRDQUO. <b>Turnout</b> at the public session was <i>higher</i> than expected, officials said, and a further&nbsp;meeting (%d) will follow.</p>\n", s * 4 + p, p)
			gsub(/MDASH/, mdash, para)
			gsub(/RSQUO/, rsquo, para)
			gsub(/LDQUO/, ldquo, para)
			gsub(/RDQUO/, rdquo, para)
			out = out para
		}
		out = out "<ul><li>The plan passed by 31 votes to 12.</li><li>Work begins in <a href=\"/calendar\">March</a>.</li><li>Campaigners may appeal.</li></ul>\n"
		if (s % 3 == 0)
			out = out "<figure><img src=\"/img/h.jpg\" alt=\"The harbour at dusk\"><figcaption>The harbour at dusk. <span class=\"credit\">Photo: Desk</span></figcaption></figure>\n"
		if (s % 4 == 1)
			out = out "<table><tr><th>Ward</th><th>Turnout</th><th>Winner</th></tr><tr><td>North</td><td>41%</td><td>Green</td></tr><tr><td>South</td><td>38%</td><td>Labour</td></tr></table>\n"
		if (s % 4 == 2)
			out = out "<blockquote><p>This is a great day for the town, and for everyone who worked on the plan.</p></blockquote>\n"
		if (s % 5 == 3)
			out = out "<pre>for ward in wards:\n\ttotal = sum(ward.ballots)\n</pre>\n"
		if (s % 6 == 4)
			out = out "<p>東京では午前中に激しい雨が降り、多くの路線で運転の見合わせが続いている。Reactions: \342\235\244\357\270\217 \360\237\221\215</p>\n"
		printf "%s", out
		n += length(out)
	}
	print "<div class=\"share-bar\"><a href=\"https://x.example/share\">Share</a></div></article>"
}' >"$work/article.html"

cat >"$work/bench.c" <<'EOF'
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html.h"
#include "util/fileio.h"
#include "util/strbuf.h"

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	struct strbuf data = STRBUF_INIT, err = STRBUF_INIT;
	struct html_doc doc;
	struct html_wrapped out;
	int runs = (int)strtol(argv[2], NULL, 10), i;
	int width = (int)strtol(argv[3], NULL, 10);
	double *t, start;
	size_t lines = 0, links = 0;

	if (runs < 1)
		runs = 1;
	t = calloc((size_t)runs, sizeof(*t));

	setlocale(LC_ALL, "C.UTF-8");
	if (t == NULL || file_read(argv[1], &data, &err) == -1) {
		fprintf(stderr, "bench: %s\n", err.buf);
		return 1;
	}
	for (i = -runs / 10 - 1; i < runs; i++) {
		memset(&doc, 0, sizeof(doc));
		memset(&out, 0, sizeof(out));
		start = now();
		html_render(data.buf, data.len, "https://news.example/a/b",
		    &doc);
		html_wrap(&doc, (size_t)width, &out);
		if (i >= 0)
			t[i] = now() - start;
		lines = out.nlines;
		links = doc.nlinks;
		html_wrapped_release(&out);
		html_doc_release(&doc);
	}
	qsort(t, (size_t)runs, sizeof(*t), cmp);
	printf("article: %zu bytes -> %zu display lines, %zu links%s\n",
	    data.len, lines, links, argv[4][0] != '\0' ?
	    ", named entities" : "");
	printf("render + wrap at %d columns, %d runs: median %.3f ms, "
	    "best %.3f ms, p90 %.3f ms (target: median < 2 ms)\n", width,
	    runs, t[runs / 2], t[0], t[runs * 9 / 10]);
	return 0;
}
EOF

# shellcheck disable=SC2046
"$cc" -std=c11 -O2 -include "$top/config.h" -I"$top" -I"$top/src" \
    $(pkg-config --cflags libxml-2.0) -o "$work/bench" "$work/bench.c" \
    "$top/src/html.c" "$top/src/html-wrap.c" "$top/src/libtidings.a" \
    $(pkg-config --libs libxml-2.0)
"$work/bench" "$work/article.html" "$runs" "$width" "$named"
