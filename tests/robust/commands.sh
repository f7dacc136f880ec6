# SPDX-License-Identifier: ISC
# Links and titles that try to run commands (RELIABILITY.md 2.4, test
# plan 23 and 25), through the reader in tmux. A feed's items have links
# built to break out of a shell ('$(touch P)', ";touch P", backticks),
# to be taken for an option (-oProxyCommand=...), to carry a new line, or
# to lead elsewhere (javascript:, file:///etc/passwd, a relative
# ../../x that resolves to a file: URL); their titles are paths
# (../../.bashrc, /etc/x), an option (-rf), 10 KB long, or hold a NUL.
# For each item, `o` either starts the test browser with exactly one
# argument, the link as `tidings --dump` reads it, or refuses with a
# message; `s` saves the article in the working folder only, under a
# name of letters, digits and '-', never over a file that is there. No
# command from the feed ever runs: the file P is never made.
. "$top_srcdir/tests/tui/lib.sh"

# The test browser writes each argument on a line, then "--".
printf '#!/bin/sh\nfor a; do printf "%%s\\n" "$a"; done >>"%s"\necho -- >>"%s"\n' \
    "$T/opened" "$T/opened" >"$T/browser"
chmod +x "$T/browser"
: >"$T/opened"
P=$T/P

# item N TITLE LINK: one item, the newer the smaller N.
item() {
	printf '<item><guid>cmd-%s</guid><title>%s</title><link>%s</link>' \
	    "$1" "$2" "$3"
	printf '<pubDate>Fri, 27 Nov 2026 %02d:00:00 GMT</pubDate>' \
	    $((20 - $1))
	printf '<description>Article %s of the command tests.</description></item>\n' "$1"
}
long=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "a" }')
nul=$(printf 'Title with a NUL\001here')	# \001 becomes the NUL
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<rss version="2.0"><channel><title>Commands</title>'
	echo '<link>http://cmd.invalid/</link>'
	item 1 "../../.bashrc" "http://cmd.invalid/'\$(touch $P)'"
	item 2 "/etc/x" "http://cmd.invalid/;touch $P"
	item 3 "-rf" "http://cmd.invalid/\`touch $P\`"
	item 4 "$long" "-oProxyCommand=touch $P"
	item 5 "$nul" "http://cmd.invalid/a&#10;touch $P"
	item 6 "Javascript link" "javascript:alert(1)"
	item 7 "File link" "file:///etc/passwd"
	item 8 "Relative link" "../../x"
	item 9 "Plain link" "https://cmd.invalid/plain?a=1&amp;b=2"
	echo '</channel></rss>'
} | tr '\001' '\000' >"$T/feeds/commands.xml"
echo "file://$T/feeds/commands.xml" >"$T/urls"
n=9

# The links as tidings reads them, newest first.
"$TIDINGS" --dump "$T/feeds/commands.xml" >"$T/dump" ||
    fail "--dump of the feed failed"
python3 -c 'import sys, xml.etree.ElementTree as ET
for item in ET.parse(sys.argv[1]).getroot().iter("item"):
    print(item.findtext("link", ""))' \
    "$T/dump" >"$T/links"
[ "$(wc -l <"$T/links")" = $n ] || fail "the feed has not $n links"
# A file that is there already, named as the "-rf" article would be.
echo "keep me" >"$T/work/rf.txt"

tui_start 80 24 "BROWSER='$T/browser'"
wait_for "1 feed refreshed"
keys G Enter
wait_for "Plain link"
keys g
i=1
while [ $i -le $n ]; do
	link=$(sed -n "${i}p" "$T/links")
	keys Enter
	wait_for "— Article"
	before=$(grep -c -- '^--$' "$T/opened")
	keys o
	case $link in
	http://*|https://*)
		j=0
		while [ "$(grep -c -- '^--$' "$T/opened")" = "$before" ] &&
		    [ $j -lt "$WAIT" ]; do
			sleep 0.1
			j=$((j + 1))
		done
		# the last call: exactly one argument, the link
		awk -v b="$before" '/^--$/ { n++; next } n == b' "$T/opened" \
		    >"$T/args"
		[ "$(wc -l <"$T/args")" = 1 ] ||
		    fail "item $i: the browser got $(wc -l <"$T/args") arguments"
		[ "$(cat "$T/args")" = "$link" ] ||
		    fail "item $i: the browser got '$(cat "$T/args")', not '$link'"
		;;
	*)
		wait_for "Only http and https links are opened."
		sleep 0.3
		[ "$(grep -c -- '^--$' "$T/opened")" = "$before" ] ||
		    fail "item $i: the browser ran for '$link'"
		;;
	esac
	keys s
	wait_for "Saved the article to"
	keys q
	wait_gone "— Article"
	keys j
	i=$((i + 1))
done
keys q q
wait_exit

[ -e "$P" ] && fail "a command from a link ran"
# Saved only in the working folder, under clean new names.
[ "$(ls "$T/work" | wc -l)" = $((n + 1)) ] ||
    fail "not $n saved files: $(ls "$T/work" | tr '\n' ' ')"
for f in "$T/work"/*; do
	case $(basename "$f") in
	*[!a-z0-9.-]*|-*|.*) fail "a saved file is named '$(basename "$f")'" ;;
	esac
done
[ "$(cat "$T/work/rf.txt")" = "keep me" ] || fail "a saved article overwrote a file"
[ -e "$T/work/rf-2.txt" ] || fail "the -rf article is not in rf-2.txt"
[ -e "$T/.bashrc" ] || [ -e "$HOME/.bashrc" ] || [ -e "$T/x" ] &&
    fail "a title named a file outside the working folder"
for f in "$T"/work/a*.txt; do
	[ "$(basename "$f" .txt | wc -c)" -le 101 ] || fail "a name of $(basename "$f" | wc -c) bytes"
done
exit 0
