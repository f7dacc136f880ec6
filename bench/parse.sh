#!/bin/sh
# SPDX-License-Identifier: ISC
# Parser throughput, side by side: generate a 50 MB RSS 2.0 file and time
# `tidings --dump` on it against `xmllint --stream --noout` (libxml2's
# streaming reader, parsing only) and `sfeed` (a feed-to-TSV parser), in
# the same run. Prints MB/s for each, best of N runs, and the ratios.
# Usage: bench/parse.sh [TIDINGS] [SIZE-MB] [RUNS]
# Not part of make check: machines are shared and timings are noisy.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${1:-$top/tidings}
size_mb=${2:-50}
runs=${3:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

command -v xmllint >/dev/null || { echo "bench: xmllint missing (apt-get install libxml2-utils)" >&2; exit 1; }
command -v sfeed >/dev/null || echo "bench: sfeed missing (apt-get install sfeed); leaving it out" >&2

# 1000 items (tidings keeps at most 1000 a feed) of about SIZE/1000 each:
# a feed of full articles, HTML in CDATA, entities in titles.
awk -v total=$((size_mb * 1000000)) 'BEGIN {
	srand(42)
	para = "<p>The regional council met on Tuesday to discuss the budget for the coming year, " \
	    "including funds for schools, roads &amp; the harbour. Members debated for hours.</p>\n"
	per = int(total / 1000)
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	print "<channel><title>Benchmark &amp; Co</title><link>https://bench.invalid/</link><description>generated</description>"
	for (i = 0; i < 1000; i++) {
		printf "<item><title>Item %d: caf&#233; &amp; more</title><link>https://bench.invalid/%d</link>", i, i
		printf "<guid>https://bench.invalid/%d</guid><pubDate>Thu, 26 Nov 2026 %02d:%02d:00 +0000</pubDate>", i, i % 24, i % 60
		printf "<dc:creator>Desk %d</dc:creator><description>Teaser %d &lt;b&gt;bold&lt;/b&gt;</description><content:encoded><![CDATA[", i % 7, i
		n = 0
		while (n < per - 400) { printf "%s", para; n += length(para) }
		print "]]></content:encoded></item>"
	}
	print "</channel></rss>"
}' >"$work/feed.xml"
bytes=$(wc -c <"$work/feed.xml")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1000000 }')

# best_of CMD...: the least wall time of $runs runs, in seconds.
best_of() {
	best=""
	i=0
	while [ $i -lt "$runs" ]; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 </dev/null || { echo "bench: '$*' failed" >&2; exit 1; }
		e=$(date +%s.%N)
		t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }')
		best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
		i=$((i + 1))
	done
	echo "$best"
}

# sfeed reads standard input.
sfeed_run() { sfeed <"$work/feed.xml"; }

t_tid=$(best_of "$tidings" --dump "$work/feed.xml")
t_xml=$(best_of xmllint --stream --noout "$work/feed.xml")
t_sfeed=""
command -v sfeed >/dev/null && t_sfeed=$(best_of sfeed_run)

rate() { awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%.1f", b / 1000000 / t }'; }
echo "feed: $mb MB, 1000 items; best of $runs runs"
printf '%-28s %8s s %8s MB/s\n' "tidings --dump" "$t_tid" "$(rate "$t_tid")"
printf '%-28s %8s s %8s MB/s\n' "xmllint --stream --noout" "$t_xml" "$(rate "$t_xml")"
[ -n "$t_sfeed" ] &&
    printf '%-28s %8s s %8s MB/s\n' "sfeed" "$t_sfeed" "$(rate "$t_sfeed")"
awk -v a="$t_xml" -v b="$t_tid" 'BEGIN {
	printf "tidings / xmllint --stream: %.2f x the rate (target >= 0.70)\n", a / b }'
[ -n "$t_sfeed" ] && awk -v a="$t_sfeed" -v b="$t_tid" 'BEGIN {
	printf "tidings / sfeed:            %.2f x the rate\n", a / b }'
exit 0
