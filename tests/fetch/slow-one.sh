# SPDX-License-Identifier: ISC
# One feed that never answers holds up no other: `tidings -r` over fifty
# feeds from faultd and one at /idle (a server that reads the request and
# never answers) stores the fifty long before the hung one gives up, then
# names it in the summary with a timeout and exits 1. There is no option
# for a shorter timeout; the low-speed limit (100 bytes/s for 20 s, see
# FETCH_LIMITS_DEFAULT) ends the hung transfer after about 20 s.
. "$top_srcdir/tests/cli/lib.sh"

: "${top_builddir:?run the tests through make check}"
FAULTD=$top_builddir/tests/tools/faultd
[ -x "$FAULTD" ] || skip "no $FAULTD"

nfeeds=50
data=$T/data
mkdir "$T/www"
i=1
while [ $i -le $nfeeds ]; do
	cat >"$T/www/feed$i.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Feed $i</title>
<link>http://127.0.0.1/$i/</link><description>feed $i</description>
<item><guid>f$i-1</guid><title>One of $i</title></item>
<item><guid>f$i-2</guid><title>Two of $i</title></item>
</channel></rss>
XML
	i=$((i + 1))
done
faultd_start "$T/www"

# The hung feed comes first, so that it takes a slot from the start.
{
	echo "$B/idle"
	i=1
	while [ $i -le $nfeeds ]; do
		echo "$B/files/feed$i.xml"
		i=$((i + 1))
	done
} >"$T/urls"

now() { date +%s.%N; }
# secs FROM TO: whole seconds from FROM to TO, rounded down.
secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%d", e - s }'; }
stored() { find "$data/feeds" -name '*.xml' 2>/dev/null | wc -l; }

start=$(now)
"$TIDINGS" -u "$T/urls" -d "$data" -r >"$T/out" 2>"$T/err" &
pid=$!
servers="$pid $servers"
# Note when the fifty are in the store, and when tidings ends; give up
# after 90 s (the limits allow about 20 s, faultd's children live 60 s).
t50=
while kill -0 "$pid" 2>/dev/null; do
	if [ -z "$t50" ] && [ "$(stored)" -ge $nfeeds ]; then
		t50=$(now)
	fi
	[ "$(secs "$start" "$(now)")" -lt 90 ] || {
		kill "$pid"
		fail "tidings -r still running after 90 s"
	}
	sleep 0.1
done
rc=0
wait "$pid" || rc=$?
end=$(now)

[ "$rc" = 1 ] || { cat "$T/out" "$T/err" >&2; fail "exit $rc, not 1"; }
[ "$(stored)" = $nfeeds ] || fail "$(stored) feeds stored, not $nfeeds"
[ -n "$t50" ] || fail "the $nfeeds feeds were stored only at the end"
[ "$(secs "$start" "$t50")" -le 10 ] ||
    fail "the $nfeeds feeds took $(secs "$start" "$t50") s"
[ "$(secs "$t50" "$end")" -ge 10 ] ||
    fail "the hung feed ended $(secs "$t50" "$end") s after the others"
echo "note: $nfeeds feeds stored after $(secs "$start" "$t50") s," \
    "tidings ended after $(secs "$start" "$end") s" >&2
nitems=$((nfeeds * 2))
expect_grep "$B/idle: timed out: " "$T/out"
expect_grep "$((nfeeds + 1)) feeds refreshed: $nitems new articles, 1 failed" \
    "$T/out"
[ "$("$TIDINGS" -u "$T/urls" -d "$data" --print-unread)" = $nitems ] ||
    fail "not $nitems unread"
[ "$(grep -c '^GET /files/feed' "$T/faultd.log")" = $nfeeds ] ||
    fail "not one request per feed"
expect_no_controls "$T/out"
exit 0
