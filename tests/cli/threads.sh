# SPDX-License-Identifier: ISC
# The refresh's threads (TIDINGS_THREADS): feeds parsed and written by
# three threads of each kind make the same store as the main thread alone
# makes them, byte for byte but for the times of the fetch; the same
# summary, the same failures, the same page that names its feed; and a
# second refresh after some feeds changed agrees too.
. "$top_srcdir/tests/cli/lib.sh"

gen=$top_srcdir/bench/gen-feeds.sh
[ -r "$gen" ] || fail "no $gen"
sh "$gen" 40 20 "$T/www" || fail "gen-feeds.sh failed"
printf '<html><head><link rel="alternate" type="application/rss+xml" href="f0001.rss"></head><body>A page</body></html>\n' \
    >"$T/www/page.html"
printf '{"version": "not a feed"}\n' >"$T/www/cut.xml"
faultd_start "$T/www"
for f in "$T"/www/f*.rss "$T"/www/f*.atom; do
	echo "$B/files/${f##*/}"
done >"$T/urls"
printf '%s\n' "$B/files/page.html" "$B/files/cut.xml" \
    "$B/status?code=500" >>"$T/urls"

# same DIR1 DIR2: the two stores hold the same, the times of fetches
# and first sightings aside, the index in any order.
same() {
	for d in "$1" "$2"; do
		(cd "$d" && for f in feeds/*.xml bodies/*.xml; do
			echo "== $f"
			sed -E 's/ (seen|fetched|retry-after)="[^"]*"//g' "$f"
		done) >"$d.files"
		sed -E 's/ (seen|fetched|retry-after)="[^"]*"//g' "$d/index.xml" |
		    LC_ALL=C sort >"$d.index"
	done
	cmp -s "$1.files" "$2.files" ||
	    fail "the feed files differ: $(diff "$1.files" "$2.files" | head -5)"
	cmp -s "$1.index" "$2.index" ||
	    fail "the index differs: $(diff "$1.index" "$2.index" | head -5)"
}

# refresh N DIR OUT RC: tidings -r with N threads of each kind, which
# must exit RC.
refresh() {
	rc=0
	TIDINGS_THREADS=$1 "$TIDINGS" -u "$T/urls" -d "$2" -r >"$3" 2>&1 ||
	    rc=$?
	[ $rc = "$4" ] || fail "TIDINGS_THREADS=$1: -r exited $rc: $(cat "$3")"
}

refresh 0 "$T/d0" "$T/out0" 1
refresh 3 "$T/d3" "$T/out3" 1
expect_grep "43 feeds refreshed: 820 new articles, 2 failed" "$T/out0"
for o in "$T/out0" "$T/out3"; do
	sed 's/; next try after .*//' "$o" | LC_ALL=C sort >"$o.sorted"
done
cmp -s "$T/out0.sorted" "$T/out3.sorted" ||
    fail "the reports differ: $(diff "$T/out0.sorted" "$T/out3.sorted")"
expect_grep "$B/files/cut.xml: not a feed" "$T/out3"
expect_grep "$B/status?code=500: HTTP 500" "$T/out3"
same "$T/d0" "$T/d3"
[ "$("$TIDINGS" -u "$T/urls" -d "$T/d3" --print-unread)" = 820 ] ||
    fail "not 820 unread with threads"

# A tenth of the feeds get new items; the rest answer 304 or the same;
# the two that failed wait.
sh "$gen" -g 1 -c 40 20 "$T/www" || fail "gen-feeds.sh -g 1 failed"
refresh 0 "$T/d0" "$T/out0" 0
refresh 3 "$T/d3" "$T/out3" 0
expect_grep "41 feeds refreshed: 8 new articles, 0 failed; 2 skipped" \
    "$T/out3"
same "$T/d0" "$T/d3"
exit 0
