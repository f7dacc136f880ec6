# SPDX-License-Identifier: ISC
# The layout follows the terminal: wide to narrow in the middle of an
# article and back, the same article on screen and the reading position
# kept; the key facts move between the sidebar and the box; skimming in
# the wide layout shows each article as the cursor reaches it, with the
# publisher's bullets for one and extracted facts for another; K hides
# and shows the sidebar.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 160 50
wait_for "0 failed"
# Skimming: World desk's headlines; the article follows the cursor.
wait_for "Coastal city approves flood barrier plan"
wait_for "(the publisher's highlights)"
wait_for "• The regional council approved"
keys Enter j
wait_for "Morning briefing: port workers end strike"
wait_for "(sentences from the article)"
wait_for "• The deal raises basic wages"
# Skimming did not mark it read; opening does.
wait_for "4 World desk"
keys Enter
wait_for "3 World desk"
keys K
wait_gone "Key facts"
keys K
wait_for "Key facts"
# Narrow, mid-article: the same article, facts boxed above the text.
tui_resize 80 24
wait_for "┌─ Key facts"
expect_grep "tidings $(sed -n 's/^AC_INIT(\[tidings\], \[\([^]]*\)\].*/\1/p' \
    "$top_srcdir/configure.ac") — Article" "$T/screen"
wait_for "Morning briefing: port workers"
[ "$(wc -L <"$T/screen")" -le 80 ] || fail "a line is wider than 80"
keys Space
wait_gone "┌─ Key facts"
# And wide again: still this article, the sidebar back.
tui_resize 160 50
wait_for "┬ Key facts"
wait_for "Morning briefing: port workers"
wait_for "Coastal city approves"
keys Q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
