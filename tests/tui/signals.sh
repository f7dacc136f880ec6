# SPDX-License-Identifier: ISC
# SIGHUP (an SSH connection dropping), SIGTERM and Ctrl-C end the reader
# with the terminal restored and every read mark on disk.
. "$top_srcdir/tests/tui/lib.sh"

esc=$(printf '\033')
unread() {
	"$TIDINGS" -u "$T/urls" -d "$T/data" --print-unread
}
# read_one_then HOW: open the next unread article, then end with HOW.
read_one_then() {
	tui_start 80 24
	wait_for "World desk"
	keys n
	wait_for "— Article"
	case $1 in
	C-c) keys C-c ;;
	*) kill "-$1" "$TUI_PID" ;;
	esac
	wait_exit
	[ "$TUI_STATUS" = 0 ] || fail "$1 ended with status $TUI_STATUS"
	tail -c 200 "$T/raw" | grep -qF "$esc[?1049l" ||
	    fail "$1: the terminal was not restored"
	rm -f "$T/raw"
}

# Stored first: a signal during the first refresh would end it before
# every feed is in.
"$TIDINGS" -u "$T/urls" -d "$T/data" -r >/dev/null || fail "refresh failed"
[ "$(unread)" = 11 ] || fail "after the refresh: $(unread) unread, not 11"
read_one_then HUP
[ "$(unread)" = 10 ] || fail "after SIGHUP: $(unread) unread, not 10"
read_one_then TERM
[ "$(unread)" = 9 ] || fail "after SIGTERM: $(unread) unread, not 9"
read_one_then C-c
[ "$(unread)" = 8 ] || fail "after Ctrl-C: $(unread) unread, not 8"
