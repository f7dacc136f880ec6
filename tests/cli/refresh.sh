# SPDX-License-Identifier: ISC
# tidings -r and --print-unread: feeds into the store and counted, a feed
# that fails keeps its articles and its error and waits before it is
# asked for again, conditional GET, the lock. (outcomes.sh has the rest
# of what a fetch can end in.)
. "$top_srcdir/tests/cli/lib.sh"

data=$T/data
"$TIDINGS" -d "$data" -r >"$T/out" 2>"$T/err" || fail "-r exited $?: $(cat "$T/err")"
expect_grep "3 feeds refreshed: 11 new articles, 0 failed" "$T/out"
[ "$("$TIDINGS" -d "$data" --print-unread)" = 11 ] || fail "not 11 unread"
[ "$(stat -c %a "$data")" = 700 ] || fail "data folder is $(stat -c %a "$data")"
for f in "$data"/index.xml "$data"/feeds/*.xml "$data"/bodies/*.xml; do
	[ "$(stat -c %a "$f")" = 600 ] || fail "$f is $(stat -c %a "$f")"
done
"$TIDINGS" -d "$data" -r >"$T/out" 2>&1 || fail "second -r exited $?"
expect_grep "3 feeds refreshed: 0 new articles, 0 failed" "$T/out"

# Feeds over HTTP: one that answers, one that fails, one that will turn
# into a login page.
mkdir "$T/www"
cat >"$T/www/good.xml" <<'XML'
<rss version="2.0"><channel><title>Good</title>
<item><guid>g1</guid><title>One</title></item>
<item><guid>g2</guid><title>Two</title></item></channel></rss>
XML
cp "$T/www/good.xml" "$T/www/turns.xml"
faultd_start "$T/www"
printf '%s\n' "$B/etag?tag=%22v1%22" "$B/files/turns.xml" "$B/status?code=404" \
    "$B/files/good.xml" >"$T/urls"
rc=0
"$TIDINGS" -u "$T/urls" -d "$data" -r >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 1 ] || fail "a failing feed: exit $rc, not 1"
expect_grep "$B/status?code=404: HTTP 404 Not Found" "$T/out"
expect_grep "4 feeds refreshed: 5 new articles, 1 failed" "$T/out"
expect_grep 'error="HTTP 404 Not Found"' "$data/index.xml"
[ "$("$TIDINGS" -u "$T/urls" -d "$data" --print-unread)" = 5 ] ||
    fail "not 5 unread after the first fetch"

# The second fetch is conditional; the login page keeps the old items.
printf '<html><body>Sign in</body></html>\n' >"$T/www/turns.xml"
"$TIDINGS" -u "$T/urls" -d "$data" -r >"$T/out" 2>"$T/err"
expect_grep 'GET /etag?tag=%22v1%22 inm="v1"' "$T/faultd.log"
expect_grep "$B/files/turns.xml: not a feed: the document is <html>" "$T/out"
expect_grep "3 feeds refreshed: 0 new articles, 1 failed; 1 skipped: 1 waiting \
after failures, 0 gone" "$T/out"
[ "$(grep -c 'GET /status?code=404 ' "$T/faultd.log")" = 1 ] ||
    fail "a feed that failed was asked for again at once"
[ "$("$TIDINGS" -u "$T/urls" -d "$data" --print-unread)" = 5 ] ||
    fail "a failed fetch lost articles"
expect_no_controls "$T/out"

# The lock: a second writer says so and stops at once; reading goes on.
if command -v flock >/dev/null 2>&1; then
	flock "$data/lock" sleep 30 &
	servers="$servers $!"
	sleep 0.3
	rc=0
	"$TIDINGS" -u "$T/urls" -d "$data" -r >"$T/out" 2>"$T/err" || rc=$?
	[ "$rc" = 1 ] || fail "a second writer exited $rc"
	expect_grep "tidings is already running on $data" "$T/err"
	[ "$("$TIDINGS" -u "$T/urls" -d "$data" --print-unread)" = 5 ] ||
	    fail "--print-unread failed while the store was locked"
fi
exit 0
