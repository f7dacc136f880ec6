# SPDX-License-Identifier: ISC
# F in the reader: a teaser-only feed served on 127.0.0.1 whose link
# points to a local article page; F fetches the page, the article pane
# shows the whole story and the key facts become those of the full text;
# it is stored, so a second F and the next start need no download.
. "$top_srcdir/tests/tui/lib.sh"

mkdir "$T/www"
cp "$top_srcdir/tests/data/extract/article.html" "$T/www/"
faultd_start "$T/www"
{
	printf '<rss version="2.0"><channel><title>Teasers</title>\n'
	printf '<item><guid>a</guid><title>Council backs the harbour barrier</title>'
	printf '<link>%s/files/article.html?type=text/html</link>' "$B"
	printf '<description>The council decided. Read on.</description></item>\n'
	printf '</channel></rss>\n'
} >"$T/www/teasers.xml"
echo "$B/files/teasers.xml \"~Teasers\"" >"$T/urls"

tui_start 160 50
wait_for "1 feed refreshed"
wait_for "Council backs the harbour barrier"
wait_for "(too short for key facts)"
grep -q "tidal barrier" "$T/screen" && fail "the full text before F"
keys F
wait_for "The full article is here."
wait_for "The regional council voted on Tuesday evening"
wait_gone "(too short for key facts)"
wait_for "(sentences from the article)"
grep -c "GET /files/article.html" "$T/faultd.log" >"$T/n1"
keys F
wait_for "This is the full article already."
keys Q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"

# The next start shows the stored full text without fetching it again.
tui_start 160 50
wait_for "The regional council voted on Tuesday evening"
keys Q
wait_exit
[ "$(grep -c "GET /files/article.html" "$T/faultd.log")" = "$(cat "$T/n1")" ] ||
    fail "the full text was fetched again"
[ "$(cat "$T/n1")" = 1 ] || fail "F fetched the page $(cat "$T/n1") times"
