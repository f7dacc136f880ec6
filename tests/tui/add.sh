# SPDX-License-Identifier: ISC
# :add URL [TAG...] subscribes from the reader: the line is appended to the
# urls file, the feed is fetched at once and shows in the feed list; a
# site's address (a web page that names its feed) works too; a URL that
# is subscribed already, or not http, https or file, is refused.
. "$top_srcdir/tests/tui/lib.sh"

mkdir "$T/www"
cp "$top_srcdir/tests/data/extract/discover-rss.html" "$T/www/index.html"
cp "$T/feeds/science.xml" "$T/www/feed.xml"
cp "$T/feeds/technology.xml" "$T/www/tech.xml"
faultd_start "$T/www"
echo "file://$T/feeds/world.xml \"~World desk\"" >"$T/urls"

tui_start 80 24
wait_for "1 feed refreshed"
keys : a d d Space
keys -l "$B/files/tech.xml"
keys Space t e c h Enter
wait_for "Technology [tech]"
grep -qF "$B/files/tech.xml tech" "$T/urls" ||
    { cat "$T/urls" >&2; fail "the urls file lacks the new line"; }
# A site's page: its feed is found and read.
keys : a d d Space
keys -l "$B/files/index.html?type=text/html"
keys Enter
wait_for "Science"
# Twice, and a scheme that is not allowed: refused, the file unchanged.
cp "$T/urls" "$T/urls.before"
keys : a d d Space
keys -l "$B/files/tech.xml"
keys Enter
wait_for "already subscribed"
keys : a d d Space f t p : / / x . e x a m p l e / f Enter
wait_for "not an http, https or file URL"
cmp -s "$T/urls" "$T/urls.before" || fail "a refused :add changed the urls file"
keys Q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
