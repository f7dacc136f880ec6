# SPDX-License-Identifier: ISC
# A reload never freezes the screen: with one feed whose server never
# answers, the reload goes on in the background while the cursor moves,
# articles open and the feeds that did answer show up; Q ends it at once.
. "$top_srcdir/tests/tui/lib.sh"

faultd_start "$T/feeds"
echo "$B/idle slow \"~Silent server\"" >>"$T/urls"

tui_start 80 24
wait_for "Reloading 3/4"
wait_for "World desk"
keys g
wait_for "[1/6]"
for row in 2 3 4 5 6; do
	keys j
	wait_for "[$row/6]"
	wait_for "Reloading 3/4"
done
keys g j j Enter
wait_for "— Headlines"
keys Enter
wait_for "— Article"
wait_for "Reloading 3/4"
start=$(date +%s)
keys Q
wait_exit
[ $(($(date +%s) - start)) -le 5 ] || fail "Q took more than 5 s"
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
