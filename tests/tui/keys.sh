# SPDX-License-Identifier: ISC
# Every default key at least once, at 80x24, each with what the user
# must see: moving, opening, marks, n/p across feeds, search, help, the
# command line, links and the browser, saving, tags, unread-only, reload.
. "$top_srcdir/tests/tui/lib.sh"

# A browser that writes each argument it gets on a line of its own.
printf '#!/bin/sh\nfor a; do printf "%%s\\n" "$a"; done >>"%s"\n' \
    "$T/opened" >"$T/browser"
chmod +x "$T/browser"
expect_cursor() {
	selected >"$T/sel"
	grep -qF -- "$1" "$T/sel" || { cat "$T/sel" "$T/screen" >&2;
	    fail "the cursor is not on '$1'"; }
}

tui_start 80 24 "BROWSER='$T/browser'"
wait_for "0 failed"
expect_cursor "World desk"
keys g
wait_for "[1/5]"
for k in j Down; do
	keys "$k"; wait_for "[2/5]"; expect_cursor "Flagged"
	keys k; wait_for "[1/5]"
done
keys G; wait_for "[5/5]"; expect_cursor "Science"
keys Up; wait_for "[4/5]"
keys g; wait_for "[1/5]"; expect_cursor "All articles"
keys End; wait_for "[5/5]"; keys Home; wait_for "[1/5]"

# World desk: open it (Enter), the first article (l), page through it.
keys j j Enter
wait_for "— Headlines"
expect_cursor "Coastal city approves flood barrier"
keys l
wait_for "— Article"
wait_for "┌─ Key facts"
expect_grep "The regional council approved a movable flood barrier" \
    "$T/screen"
keys Space
wait_gone "┌─ Key facts"
keys b
wait_for "┌─ Key facts"
keys PageDown; wait_gone "┌─ Key facts"
keys PageUp; wait_for "┌─ Key facts"
keys G; wait_gone "┌─ Key facts"
keys g; wait_for "┌─ Key facts"
keys j; wait_gone "Coastal city approves"
keys k; wait_for "Coastal city approves"

# Back: the article is read now; N marks it unread again, f flags it.
keys q
wait_for "— Headlines"
wait_for "[1/4] World desk — 3 unread"
line_of "Coastal city" | grep -q "●" && fail "an opened article is unread"
keys N; wait_for "World desk — 4 unread"
line_of "Coastal city" | grep -q "●" || fail "N did not mark it unread"
keys f; wait_for "⚑"
keys h; wait_for "— Feeds"
wait_for "1 Flagged"
keys Right; wait_for "— Headlines"
keys Left; wait_for "— Feeds"

# n: the next unread article, across feeds, opened and read.
keys g j j n
wait_for "— Article"
wait_for "Coastal city approves flood barrier"
keys n n n n
wait_for "Technology —"
keys p
wait_for "— Article"
keys q
wait_for "— Headlines"

# A marks the whole list read.
keys A
wait_for "— 0 unread"

# Search: / with a word of an article's text, then ] and [.
keys q g Enter
wait_for "— Headlines"
keys / b a r r i e r Enter
wait_for "[3/11]"
expect_cursor "Coastal city approves flood barrier"
keys / s u r v e y Enter
wait_for "[7/11]"
expect_cursor "Deep-sea survey finds"
keys ]
wait_for "[9/11]"
expect_cursor "Developers rediscover the terminal"
keys [
wait_for "[7/11]"
expect_cursor "Deep-sea survey finds"

# Help is made from the bindings; : runs a command, here a new binding.
keys ?
wait_for "— Help"
wait_for "next unread article, across feeds"
keys q
wait_gone "— Help"
keys : b i n d Space x Space h e l p Enter
wait_for "Done: bind x help"
keys x
wait_for "— Help"
keys q

# o opens the article's link, u lists links, 1 opens the first one.
keys Enter
wait_for "— Article"
keys o
i=0
while [ ! -s "$T/opened" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
expect_grep "https://demo.tidings.invalid/" "$T/opened"
[ "$(wc -l <"$T/opened")" = 1 ] || fail "the URL was not one argument"
keys u
wait_for "— Links"
keys q
keys 1
wait_for "— Article"

# s saves the article as text in a new file, twice gives two files.
keys s
wait_for "Saved the article to"
keys s
i=0
while [ "$(ls "$T/work" | wc -l)" -lt 2 ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(ls "$T/work" | wc -l)" = 2 ] || fail "s did not make two files"
grep -q "Key facts" "$T/work"/*-2.txt || fail "the saved text lacks facts"

# K hides the key facts and shows them (F has tests/tui/fulltext.sh:
# the demo's links lead nowhere).
keys g K
wait_gone "┌─ Key facts"
keys K C-l
wait_for "┌─ Key facts"

# t: only the feeds with a tag; U: only unread; r, R: reload.
keys q q t
wait_for "— Tags"
wait_for "science"
keys G Enter
wait_for "— Feeds"
wait_for "Science"
grep -q "Technology" "$T/screen" && fail "t did not filter the feeds"
keys t g Enter
wait_for "Technology"
keys U
wait_for "Showing unread articles only."
keys U
wait_for "Showing all articles."
keys r
wait_for "3 feeds refreshed"
keys G r
wait_for "1 feed refreshed"
keys R
wait_for "3 feeds refreshed"
keys Tab Q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
