# SPDX-License-Identifier: ISC
# The reader starts on the demo feeds at 80x24 (narrow: one view) and at
# 160x50 (wide: feeds, headlines, article and key facts in one frame),
# fetches the feeds it never saw, and Q ends it with status 0.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 80 24
wait_for "3 feeds refreshed: 11 new articles, 0 failed"
wait_for "World desk"
wait_for "Technology"
wait_for "All articles"
[ "$(selected | head -2 | tail -1)" = ">    4 World desk [world]" ] ||
    { selected >&2; fail "the cursor is not on the first feed"; }
grep -q "Key facts" "$T/screen" && fail "a narrow screen shows panes"
[ "$(wc -L <"$T/screen")" -le 80 ] || fail "a line is wider than 80"
keys Q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
tmux -L "$SOCK" kill-server

tui_start 160 50
wait_for "Key facts"
wait_for "┌ Feeds ─"
wait_for "┬ Headlines ─"
wait_for "├ Article ─"
wait_for "┬ Key facts ─"
# The headlines of the feed under the cursor (the first), and its newest
# article with its key facts; All articles lists every feed's.
wait_for "Coastal city approves flood barrier plan"
wait_for "Morning briefing: port workers"
grep -q "Repair & reuse" "$T/screen" && fail "another feed's headline"
wait_for "• The regional council approved"
wait_for "(the publisher's highlights)"
keys g
wait_for "Repair & reuse: laptops must get spare parts"
wait_for "• Laptop manufacturers will have to"
wait_for "(sentences from the article)"
[ "$(wc -L <"$T/screen")" -le 160 ] || fail "a line is wider than 160"
[ "$(wc -l <"$T/screen")" -le 50 ] || fail "more than 50 lines"
keys q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "q ended with status $TUI_STATUS"
