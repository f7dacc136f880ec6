# SPDX-License-Identifier: ISC
# Terminal hygiene: colours by default and none with NO_COLOR; ASCII
# stand-ins under LANG=C; the common TERM values all work.
. "$top_srcdir/tests/tui/lib.sh"

esc=$(printf '\033')
# open_article TEXT...: open World desk's first article, wait for each
# TEXT on the screen, and quit.
open_article() {
	wait_for "World desk"
	keys Enter Enter
	for oa_text in "$@"; do
		wait_for "$oa_text"
	done
	keys Q
	wait_exit
	[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
	tmux -L "$SOCK" kill-server
}

tui_start 80 24
open_article "┌─ Key facts"
grep -q "$esc\[3[0-7]m\|$esc\[3[0-7];" "$T/raw" ||
    fail "no colour with colours allowed"
rm -f "$T/raw"

tui_start 80 24 NO_COLOR=1
open_article "┌─ Key facts"
grep -q "$esc\[3[0-7]m\|$esc\[3[0-7];\|$esc\[[0-9;]*;3[0-7]m" "$T/raw" &&
    fail "colour with NO_COLOR set"
rm -f "$T/raw"

tui_start 80 24 LC_ALL=C LANG=C
open_article "+- Key facts ---" "| * " " - Article"
LC_ALL=C grep -q '[^[:print:][:space:]]' "$T/screen" &&
    fail "bytes that are not ASCII under LANG=C"
rm -f "$T/raw"

for term in vt100 xterm-256color tmux-256color screen-256color; do
	infocmp "$term" >/dev/null 2>&1 || continue
	tui_start 80 24 TERM=$term
	open_article "┌─ Key facts"
	rm -f "$T/raw"
done
