#!/bin/sh
# SPDX-License-Identifier: ISC
# Store benchmark (issue 4): generate a store of NFEEDS feeds of NITEMS
# articles (bodies of 1 to 4 KB), plus one feed of 1000, with
# `storetool gen`, then time with `storetool bench`, best of RUNS: opening
# the store until the feed list is ready, opening the 1000-article feed,
# saving one read mark, and the peak RSS after opening; and
# `tidings --print-unread` on it from start to exit. Prints the figures
# against the targets of issue 4; the page cache is warm (the store was
# just written).
# Usage: bench/store.sh [NFEEDS] [NITEMS] [RUNS]     (1000, 100, 5)
# STORETOOL and TIDINGS name other binaries. Not part of make check:
# machines are shared and timings are noisy.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tool=${STORETOOL:-$top/tests/tools/storetool}
tidings=${TIDINGS:-$top/tidings}
nfeeds=${1:-1000}
nitems=${2:-100}
runs=${3:-5}
big=1000

if [ ! -x "$tool" ]; then
	make -C "$top" tests/tools/storetool >/dev/null ||
	    { echo "bench: cannot build $tool" >&2; exit 1; }
fi
[ -x "$tidings" ] || { echo "bench: no $tidings (make first)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
ms() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.1f", (e - s) * 1000 }'; }

s=$(now)
"$tool" gen -b $big -u "$work/urls" "$work/data" "$nfeeds" "$nitems"
e=$(now)
size=$(du -sk "$work/data" | cut -f1)
echo "store: $((nfeeds + 1)) feeds, $((nfeeds * nitems + big)) articles" \
    "($nfeeds x $nitems and one of $big), $((size / 1024)) MB;" \
    "generated in $(ms "$s" "$e") ms"

# storetool bench prints "NAME VALUE" lines; keep the least of each time,
# and the most of each RSS.
i=0
while [ $i -lt "$runs" ]; do
	"$tool" bench "$work/data" >>"$work/figures" ||
	    { echo "bench: storetool bench failed" >&2; exit 1; }
	i=$((i + 1))
done
best() {
	awk -v name="$1" '$1 == name {
		if (name ~ /_kb$/) { if (v == "" || $2 > v) v = $2 }
		else if (v == "" || $2 < v) v = $2
	} END { print v }' "$work/figures"
}

# tidings --print-unread, start to exit: best time, its peak RSS.
t_print=""
rss_print=""
i=0
while [ $i -lt "$runs" ]; do
	s=$(now)
	if command -v /usr/bin/time >/dev/null 2>&1; then
		/usr/bin/time -f %M -o "$work/rss" "$tidings" --print-unread \
		    -d "$work/data" -u "$work/urls" >"$work/unread"
		rss_print=$(cat "$work/rss")
	else
		"$tidings" --print-unread -d "$work/data" -u "$work/urls" \
		    >"$work/unread"
	fi
	e=$(now)
	t=$(ms "$s" "$e")
	t_print=$(awk -v a="$t_print" -v b="$t" \
	    'BEGIN { print (a == "" || b < a) ? b : a }')
	i=$((i + 1))
done

# row NAME VALUE UNIT TARGET: one figure against its target.
row() {
	awk -v name="$1" -v v="$2" -v unit="$3" -v target="$4" 'BEGIN {
		verdict = v < target + 0 ? "met" : "MISSED"
		if (target == "")
			printf "%-34s %9.1f %s\n", name, v, unit
		else
			printf "%-34s %9.1f %s  (target < %s %s: %s)\n", name,
			    v, unit, target, unit, verdict
	}'
}
echo "best of $runs runs (RSS: the most of them):"
row "open the store, feed list ready" "$(best open_ms)" ms 50
row "open a $(best feed_items)-article feed (headers)" \
    "$(best load_feed_ms)" ms 20
row "  and its bodies" "$(best load_bodies_ms)" ms ""
row "save one read mark" "$(best mark_ms)" ms 5
row "peak RSS after opening" \
    "$(awk -v k="$(best rss_open_kb)" 'BEGIN { print k / 1024 }')" MB 30
row "close (the index saved)" "$(best close_ms)" ms ""
row "peak RSS, all done" \
    "$(awk -v k="$(best rss_peak_kb)" 'BEGIN { print k / 1024 }')" MB ""
row "tidings --print-unread, all of it" "$t_print" ms ""
[ -n "$rss_print" ] && row "  its peak RSS" \
    "$(awk -v k="$rss_print" 'BEGIN { print k / 1024 }')" MB ""
echo "(--print-unread said $(cat "$work/unread") unread)"
exit 0
