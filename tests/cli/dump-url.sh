# SPDX-License-Identifier: ISC
# tidings --dump URL: the feed comes over HTTP from faultd; the charset of
# the Content-Type wins over the document's declaration, relative links
# resolve against the URL, and failures are clear one-line errors.
. "$top_srcdir/tests/cli/lib.sh"

mkdir "$T/www"
# Declared UTF-8, but the bytes are Latin-1 and the server says so.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Caf\351</title><link>/home</link>\n<item><title>Cr\350me</title><link>items/1.html</link></item></channel></rss>\n' >"$T/www/latin1.xml"
printf '<!DOCTYPE html><html><body>Please sign in</body></html>\n' >"$T/www/login.html"
faultd_start "$T/www"

"$TIDINGS" --dump "$B/files/latin1.xml?charset=ISO-8859-1" >"$T/out" 2>"$T/err" ||
    fail "--dump URL exited $?: $(cat "$T/err")"
expect_grep "<title>Café</title>" "$T/out"
expect_grep "<title>Crème</title>" "$T/out"
expect_grep "<link>$B/home</link>" "$T/out"
expect_grep "<link>$B/files/items/1.html</link>" "$T/out"

rc=0
"$TIDINGS" --dump "$B/status?code=404" >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 1 ] || fail "a 404 exited $rc"
expect_grep "HTTP 404 Not Found" "$T/err"
[ -s "$T/out" ] && fail "a 404 printed a feed"

rc=0
"$TIDINGS" --dump "$B/files/login.html?type=text/html" >"$T/out" 2>"$T/err" ||
    rc=$?
[ "$rc" = 1 ] || fail "a login page exited $rc"
expect_grep "not a feed: the document is <html>" "$T/err"

rc=0
"$TIDINGS" --dump "$B/redir?to=file:///etc/passwd" >"$T/out" 2>"$T/err" ||
    rc=$?
[ "$rc" = 1 ] || fail "a redirect to file: exited $rc"
grep -q "root:" "$T/out" "$T/err" && fail "a redirect read /etc/passwd"
expect_no_controls "$T/err"
exit 0
