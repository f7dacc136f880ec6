# SPDX-License-Identifier: ISC
# End-to-end tests of the reader through tmux (STYLE.md 3.4): a private
# tmux server with a fixed size, tidings started in it on feeds in a
# temporary folder, keys sent with send-keys, and the screen read back
# with capture-pane, polling for the text expected (never a fixed sleep).
# The server is always killed; without tmux the test is skipped.
. "$top_srcdir/tests/cli/lib.sh"

command -v tmux >/dev/null 2>&1 || skip "no tmux"
# Each start gets a server of its own: one being killed may still hold
# the socket of the last.
SOCK=
socks=
nsock=0
kill_tmux() {
	for s in $socks; do
		tmux -L "$s" kill-server 2>/dev/null
	done
}
trap 'kill_tmux; stop_servers; rm -rf "$T"' EXIT
printf '%s\n' 'set -g default-terminal screen' 'set -g status off' \
    'set -g remain-on-exit on' 'set -g history-limit 200' >"$T/tmux.conf"
# How long to wait for the screen, in tenths of a second (sanitizers and
# valgrind make the program slower; the wait ends as soon as it is there).
WAIT=${TUI_WAIT:-100}

# The demo feeds, as file:// subscriptions of a urls file in $T.
mkdir -p "$T/feeds" "$T/data" "$T/work"
cp "$top_srcdir"/data/demo/*.xml "$T/feeds/"
{
	echo "file://$T/feeds/world.xml world \"~World desk\""
	echo "file://$T/feeds/technology.xml technology \"~Technology\""
	echo "file://$T/feeds/science.xml science \"~Science\""
} >"$T/urls"

# tui_start COLS ROWS [VAR=VALUE...]: start tidings (with $TUI_ARGS
# before its other arguments) in a new tmux server
# (in $T/work, with $T/urls and $T/data), writing everything it sends to
# the terminal to $T/raw.
tui_start() {
	ts_cols=$1
	ts_rows=$2
	shift 2
	nsock=$((nsock + 1))
	SOCK=tidingstest$$-$nsock
	socks="$socks $SOCK"
	rm -f "$T/status"
	tmux -L "$SOCK" -f "$T/tmux.conf" new-session -d -x "$ts_cols" \
	    -y "$ts_rows" -c "$T/work" \
	    "env $* '$TIDINGS' ${TUI_ARGS:-} -u '$T/urls' -d '$T/data'; echo \$? >'$T/status'" ||
	    fail "tmux cannot start"
	tmux -L "$SOCK" pipe-pane -o "cat >>'$T/raw'"
	ts_shell=$(tmux -L "$SOCK" display -p '#{pane_pid}')
	TUI_PID=
	ts_i=0
	while [ -z "$TUI_PID" ] && [ $ts_i -lt "$WAIT" ]; do
		TUI_PID=$(ps -o pid= --ppid "$ts_shell" | tr -d ' ')
		[ -n "$TUI_PID" ] || sleep 0.1
		ts_i=$((ts_i + 1))
	done
}

# screen: the pane's text now, into $T/screen.
screen() {
	tmux -L "$SOCK" capture-pane -p >"$T/screen"
}

# wait_for TEXT: wait until TEXT is on the screen; fail if it never is.
# Every check of the screen waits so: under valgrind a frame can reach
# the terminal in pieces, and a capture may fall between them.
wait_for() {
	wf_i=0
	while [ $wf_i -lt "$WAIT" ]; do
		screen
		grep -qF -- "$1" "$T/screen" && return 0
		sleep 0.1
		wf_i=$((wf_i + 1))
	done
	echo "--- screen:" >&2
	cat "$T/screen" >&2
	fail "'$1' never showed on the screen"
}

# wait_gone TEXT: wait until TEXT has left the screen.
wait_gone() {
	wg_i=0
	while [ $wg_i -lt "$WAIT" ]; do
		screen
		grep -qF -- "$1" "$T/screen" || return 0
		sleep 0.1
		wg_i=$((wg_i + 1))
	done
	cat "$T/screen" >&2
	fail "'$1' stayed on the screen"
}

# keys KEY...: send keys as tmux names them (j, Enter, C-l, Space).
keys() {
	tmux -L "$SOCK" send-keys "$@"
}

# line_of TEXT: the screen's line holding TEXT (after wait_for).
line_of() {
	grep -F -- "$1" "$T/screen" | head -1
}

# wait_exit: wait until tidings has ended; its exit status in $TUI_STATUS.
wait_exit() {
	we_i=0
	while [ $we_i -lt "$WAIT" ]; do
		if [ -s "$T/status" ]; then
			TUI_STATUS=$(cat "$T/status")
			[ "$TUI_STATUS" -lt 128 ] || { screen; cat "$T/screen" >&2
			    fail "tidings died of signal $((TUI_STATUS - 128))"; }
			return 0
		fi
		sleep 0.1
		we_i=$((we_i + 1))
	done
	screen
	cat "$T/screen" >&2
	fail "tidings did not exit"
}

# tui_resize COLS ROWS
tui_resize() {
	tmux -L "$SOCK" resize-window -x "$1" -y "$2"
}

# selected: the text of the screen's lines that start in reverse video
# (the cursor row of the focused list), one a line.
selected() {
	tmux -L "$SOCK" capture-pane -pe | python3 -c '
import re, sys
rev = False
for line in sys.stdin.read().split("\n"):
    text, first, pos = "", None, 0
    for m in re.finditer(r"\x1b\[([0-9;]*)m|([^\x1b]+)", line):
        if m.group(2) is not None:
            if first is None and m.group(2).strip():
                first = rev
            text += m.group(2)
            continue
        for p in (m.group(1) or "0").split(";"):
            if p in ("0", ""):
                rev = False
            elif p == "7":
                rev = True
            elif p == "27":
                rev = False
    if first:
        print(text.strip())
'
}
