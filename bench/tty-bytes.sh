#!/bin/sh
# SPDX-License-Identifier: ISC
# Bytes written to the terminal, tidings against newsboat on the same
# feed (500 items) at the same size: for one cursor step down the headline
# list, and for opening an article. Each program runs in tmux; pipe-pane
# records everything it writes, and a step is measured from the moment the
# key is sent until the output has been still for half a second.
# Usage: bench/tty-bytes.sh [COLSxROWS]   (default 80x24)
# TIDINGS=path/to/tidings (default ./tidings); needs tmux and newsboat.
set -eu
size=${1:-80x24}
cols=${size%x*}
rows=${size#*x}
TIDINGS=${TIDINGS:-./tidings}
command -v tmux >/dev/null || { echo "no tmux" >&2; exit 1; }
command -v newsboat >/dev/null || { echo "no newsboat (apt-get install newsboat)" >&2; exit 1; }
T=$(mktemp -d)
SOCK=ttybytes$$
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" \
    XDG_DATA_HOME="$T/home/.local/share" LC_ALL=C.UTF-8 TERM=screen
mkdir -p "$HOME"
printf 'set -g default-terminal screen\nset -g status off\n' >"$T/tmux.conf"

awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<rss version=\"2.0\"><channel><title>Bench feed</title>"
	print "<link>https://bench.invalid/</link>"
	for (i = 500; i >= 1; i--) {
		printf "<item><title>Article number %d about the harbour, " \
		    "the council and the weather this week</title>", i
		printf "<link>https://bench.invalid/a/%d</link><guid>g%d</guid>", i, i
		printf "<pubDate>%s, %02d Nov 2026 %02d:%02d:00 GMT</pubDate>",
		    "Mon", 1 + i % 28, i % 24, i % 60
		printf "<description>&lt;p&gt;The council met on Tuesday " \
		    "to discuss item %d. Members agreed to publish the " \
		    "report next month after a public consultation." \
		    "&lt;/p&gt;&lt;p&gt;A second paragraph gives the " \
		    "background and the figures for the year.&lt;/p&gt;" \
		    "</description></item>\n", i
	}
	print "</channel></rss>"
}' >"$T/feed.xml"
echo "file://$T/feed.xml" >"$T/urls"

# settle FILE: wait until FILE has not grown for half a second.
settle() {
	last=-1
	while :; do
		now=$(wc -c <"$1")
		[ "$now" = "$last" ] && return 0
		last=$now
		sleep 0.5
	done
}
# measure NAME KEY...: bytes written after sending the keys.
measure() {
	m_name=$1
	shift
	settle "$T/raw"
	before=$(wc -c <"$T/raw")
	tmux -L "$SOCK" send-keys "$@"
	sleep 0.3
	settle "$T/raw"
	echo $(($(wc -c <"$T/raw") - before))
	[ -z "${TTYBYTES_DUMP:-}" ] || tail -c $(($(wc -c <"$T/raw") - before)) "$T/raw" | od -c | head -30 >&2
}
# run CMD: start CMD in a fresh tmux of the size asked, recording output.
run() {
	tmux -L "$SOCK" kill-server 2>/dev/null || true
	sleep 0.5
	rm -f "$T/raw"
	: >"$T/raw"
	tmux -L "$SOCK" -f "$T/tmux.conf" new-session -d -x "$cols" \
	    -y "$rows" "$1"
	tmux -L "$SOCK" pipe-pane -o "cat >>'$T/raw'"
	sleep 1.5
	settle "$T/raw"
}

"$TIDINGS" -u "$T/urls" -d "$T/data" -r >/dev/null
printf 'reload-threads 16\n' >"$T/nbconf"
newsboat -u "$T/urls" -c "$T/cache.db" -C "$T/nbconf" -x reload >/dev/null

# tidings: the feed is the third row after All articles and Flagged.
run "'$TIDINGS' -u '$T/urls' -d '$T/data'"
tmux -L "$SOCK" send-keys j j Enter
t_step=$(measure step Down)
t_open=$(measure open Enter)

run "newsboat -u '$T/urls' -c '$T/cache.db' -C '$T/nbconf'"
tmux -L "$SOCK" send-keys Enter
n_step=$(measure step Down)
n_open=$(measure open Enter)

printf 'Terminal %s, a headline list of 500 articles, TERM=screen\n' "$size"
printf '%-28s %10s %10s %8s\n' "bytes written" tidings newsboat ratio
printf '%-28s %10d %10d %8s\n' "one cursor step (Down)" "$t_step" "$n_step" \
    "$(awk "BEGIN { printf \"%.2f\", $t_step / $n_step }")"
printf '%-28s %10d %10d %8s\n' "opening an article (Enter)" "$t_open" \
    "$n_open" "$(awk "BEGIN { printf \"%.2f\", $t_open / $n_open }")"
echo "Target: tidings <= newsboat on both (ratio <= 1)."
