# SPDX-License-Identifier: ISC
# Automatic reload (reload-interval, in minutes): set at the prompt, it
# reloads the feeds a minute later, in the background, and an article
# that appeared in a feed's file in the meantime shows up in its list.
# This test takes a little over a minute.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 80 24
wait_for "3 feeds refreshed"
keys Enter
wait_for "Coastal city approves"
# A new article in the World desk feed's file.
awk 'BEGIN { done = 0 } /<item>/ && !done {
	sub(/<item>/, "<item><title>Harbour pilots vote to accept the new rota</title><guid>new-1</guid><pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate><description>The vote ended a long dispute.</description></item><item>")
	done = 1 } { print }' "$T/feeds/world.xml" >"$T/world.new"
grep -q "Harbour pilots" "$T/world.new" || fail "cannot add an item"
mv "$T/world.new" "$T/feeds/world.xml"
keys : s e t Space r e l o a d - i n t e r v a l Space 1 Enter
wait_for "Done: set reload-interval 1"
grep -q "Harbour pilots" "$T/screen" && fail "reloaded before the minute"
WAIT=900
wait_for "Harbour pilots vote to accept the new rota"
# The cursor stayed where it was.
selected | grep -q "Coastal city approves" ||
    { selected >&2; fail "the cursor moved in the reload"; }
keys Q
wait_exit
