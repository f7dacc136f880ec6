# SPDX-License-Identifier: ISC
# Feeds that fail show it: a "!" beside a feed whose last fetch failed, a
# "✕" beside one that is gone (410), and on the status line what went
# wrong and when it is tried again; the feeds that work are read as usual.
. "$top_srcdir/tests/tui/lib.sh"

faultd_start "$T/feeds"
{
	echo "$B/status?code=404 \"~Missing feed\""
	echo "$B/status?code=410 \"~Closed feed\""
	echo "$B/files/science.xml \"~Science over HTTP\""
} >>"$T/urls"

tui_start 80 24
wait_for "6 feeds refreshed"
wait_for "2 failed"
line_of "Missing feed" | grep -q ' !$' || fail "no ! for the missing feed"
line_of "Closed feed" | grep -q ' ✕$' || fail "no ✕ for the gone feed"
line_of "Science over HTTP" | grep -q '   3 Science over HTTP' ||
    fail "the working feed has not its 3 articles"
keys G k k
wait_for "Missing feed — 0 unread — HTTP 404"
wait_for "next try after"
keys j
wait_for "not fetched any more"
keys Q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
