# SPDX-License-Identifier: ISC
# The config file reaches the reader: a forced layout, a date format, a
# key binding, confirm-quit; a wrong line is named on the status line and
# the rest still counts; :set changes a setting while the reader runs.
. "$top_srcdir/tests/tui/lib.sh"

cat >"$T/config" <<'CONF'
# settings for the test
set layout wide
set date-format "%d.%m."
set reload-intervl 5
bind x next-unread
set confirm-quit yes
color unread red default bold
CONF
TUI_ARGS="-c '$T/config'"

tui_start 80 24
wait_for "config:4: unknown setting 'reload-intervl'"
# Wide at 80x24, because the file says so.
wait_for "┌ Feeds"
keys Enter
wait_for "25.11. Coastal city approves"
# x is next-unread now.
keys x
wait_for "Morning briefing"
# :set for this session: one key fact only, then back to three.
keys : s e t Space k e y - f a c t s - c o u n t Space 1 Enter
wait_for "Done: set key-facts-count 1"
keys j
wait_for "Málaga unveils"
[ "$(grep -c '• ' "$T/screen")" = 1 ] ||
    { cat "$T/screen" >&2; fail "key-facts-count 1 shows more facts"; }
keys : s e t Space d a t e - f o r m a t Enter
wait_for "date-format = %d.%m."
# Q asks first; n goes on, y quits.
keys Q
wait_for "Quit tidings? (y/n)"
keys n
wait_gone "Quit tidings?"
keys Q y
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q y ended with status $TUI_STATUS"
# The errors are printed too when the reader ends.
tmux -L "$SOCK" capture-pane -pJ -S - >"$T/after"
expect_grep "tidings: $T/config:4: unknown setting 'reload-intervl'" \
    "$T/after"

# A -c file that is missing: an error naming it, and no reader.
rc=0
"$TIDINGS" -c "$T/nothere" -u "$T/urls" -d "$T/data" </dev/null \
    >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 1 ] || fail "a missing -c file: exit $rc"
expect_grep "nothere" "$T/err"
