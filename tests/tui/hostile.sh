# SPDX-License-Identifier: ISC
# A hostile feed: titles, authors and bodies with escape sequences (OSC 0
# and 2 to set the window title, OSC 52 to fill the clipboard, CSI to
# clear the screen, 8-bit C1 forms), bidi overrides and raw controls.
# Reading it in the reader leaves the pane's title and tmux's paste
# buffers untouched, and none of those bytes reaches the terminal.
. "$top_srcdir/tests/tui/lib.sh"

esc=$(printf '\033')
bel=$(printf '\007')
c1=$(printf '\302\233')		# U+009B, the 8-bit CSI
rlo=$(printf '\342\200\256')	# U+202E, right-to-left override
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<rss version="2.0"><channel><title>Hostile'"$esc"']0;PWNED-FEED'"$bel"'</title>'
	echo '<item><title>Title one'"$esc"']2;PWNED-TITLE'"$bel"' end'"$rlo"'gnp.exe</title>'
	echo '<guid>h1</guid><author>x'"$esc"'[2J'"$c1"'31mauthor</author>'
	echo '<description>&lt;p&gt;Body'"$esc"']52;c;UFdORUQtQ0xJUA=='"$bel"' text &amp;#27;]52;c;QUFBQQ==&amp;#7; and &amp;#x9b;1;1H more.&lt;/p&gt;</description></item>'
	echo '<item><title>Title two'"$esc"'P+q544e'"$esc"'\ end</title><guid>h2</guid>'
	echo '<description><![CDATA[<p>Second'"$esc"'_apc'"$esc"'\ body with '"$rlo"'override.</p>]]></description></item>'
	echo '</channel></rss>'
} >"$T/feeds/hostile.xml"
echo "file://$T/feeds/hostile.xml" >"$T/urls"

tui_start 80 24
wait_for "1 feed refreshed"
title_before=$(tmux -L "$SOCK" display -p '#{pane_title}')
keys G Enter
wait_for "Title one"
keys Enter
wait_for "Body"
keys q j Enter
wait_for "body with"
keys q q q
wait_exit
[ "$(tmux -L "$SOCK" display -p '#{pane_title}')" = "$title_before" ] ||
    fail "the feed changed the pane title"
tmux -L "$SOCK" list-buffers >"$T/buffers" 2>/dev/null
[ -s "$T/buffers" ] && fail "the feed filled a paste buffer: $(cat "$T/buffers")"
# The transcript of everything written to the terminal.
[ -s "$T/raw" ] || fail "no transcript"
for bad in "$esc]" "${esc}P" "${esc}_" "$esc[2J" "$rlo" "$c1"; do
	grep -qF -- "$bad" "$T/raw" &&
	    fail "'$(printf %s "$bad" | od -An -c)' reached the terminal"
done
exit 0
