# SPDX-License-Identifier: ISC
# Text of every width (RELIABILITY.md case 10): CJK, emoji with ZWJ
# sequences, flags and skin tones, combining marks, a title of 100 KB and
# a body that is one unbroken line of 1 MB, read at 80 and at 20 columns.
# No line of the screen is wider than the terminal, and the screen drawn
# bit by bit is the screen drawn whole again by ^L: a width that tidings
# and the terminal disagree on would leave the one different from the
# other.
. "$top_srcdir/tests/tui/lib.sh"

python3 - "$T/feeds/width.xml" <<'EOF' || fail "cannot write the feed"
import sys
from xml.sax.saxutils import escape
cjk = "東京の新しい図書館が開館し、初日から多くの市民が長い列を作った。"
emoji = ("Family \U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466, "
         "flags \U0001F1EF\U0001F1F5\U0001F1EB\U0001F1F7, "
         "thumbs \U0001F44D\U0001F3FD. ")
comb = "Cafe\u0301 re\u0301sume\u0301 Z\u0335\u0321a\u0336l\u0337g\u0338o. "
items = [
    ("CJK " + cjk * 3, "<p>a" + cjk * 40 + "</p><p>" + cjk * 20 + "</p>"),
    ("Emoji " + emoji * 4, "<p>" + emoji * 60 + "</p>"),
    ("Combining " + comb * 8, "<p>" + comb * 100 + "</p>"),
    ("Long title " * 10000, "<p>The title above is 110 KB long.</p>"),
    ("Unbroken line", "<p>" + "abcdefghij" * 100000 + "</p>"),
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
            "<channel><title>Widths</title>\n")
    for i, (title, body) in enumerate(items):
        f.write("<item><title>%s</title><guid>w%d</guid>"
                "<pubDate>Mon, 07 Dec 2026 %02d:00:00 GMT</pubDate>"
                "<description>%s</description></item>\n"
                % (escape(title), i, 20 - i, escape(body)))
    f.write("</channel></rss>\n")
EOF
echo "file://$T/feeds/width.xml" >"$T/urls"

esc=$(printf '\033')
# check_screen COLS: no line wider than COLS; then ^L, and once the
# terminal has been cleared and drawn again, the same screen.
check_screen() {
	cs_i=0
	cs_still=0
	screen
	cp "$T/screen" "$T/before"
	while [ $cs_still -lt 3 ]; do	# the screen stands still first
		[ $cs_i -lt "$WAIT" ] || fail "the screen never stood still"
		sleep 0.1
		screen
		if cmp -s "$T/screen" "$T/before"; then
			cs_still=$((cs_still + 1))
		else
			cs_still=0
		fi
		cp "$T/screen" "$T/before"
		cs_i=$((cs_i + 1))
	done
	[ "$(wc -L <"$T/screen")" -le "$1" ] || { cat "$T/screen" >&2
	    fail "a line is wider than $1 columns"; }
	cs_bytes=$(wc -c <"$T/raw")
	keys C-l
	cs_i=0
	until tail -c +$((cs_bytes + 1)) "$T/raw" | grep -qF "$esc[J"; do
		[ $cs_i -lt "$WAIT" ] || fail "^L did not clear the terminal"
		sleep 0.1
		cs_i=$((cs_i + 1))
	done
	cs_i=0
	screen
	until cmp -s "$T/screen" "$T/before"; do
		[ $cs_i -lt "$WAIT" ] || { diff "$T/before" "$T/screen" >&2
		    fail "the screen drawn again by ^L is not the same"; }
		sleep 0.1
		screen
		cs_i=$((cs_i + 1))
	done
}

# walk COLS: every article of the feed opened in turn, from the top of
# the headline list, each checked; the 1 MB line broken at the width.
walk() {
	keys g
	for want in "東京の新しい" "thumbs" "Cafe" "Long title Long" \
	    "abcdefghij"; do
		keys Enter
		wait_for "— Art"	# the article's title bar, whole or cut
		wait_for "$want"
		check_screen "$1"
		cp "$T/screen" "$T/article"
		keys q j
		wait_for "— Hea"
	done
	[ "$(grep -cE "^ *[a-j]{$(($1 - 4)),} *\$" "$T/article")" -ge 10 ] ||
	    fail "the unbroken line is not broken at $1 columns"
}

tui_start 80 24
wait_for "1 feed refreshed"
keys G Enter
wait_for "Unbroken line"
wait_for "CJK 東京"
check_screen 80
walk 80

tui_resize 20 24
wait_for "Unbroken"
check_screen 20
walk 20
keys q q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "tidings exited with $TUI_STATUS"
exit 0
