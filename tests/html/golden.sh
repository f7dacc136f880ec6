# SPDX-License-Identifier: ISC
# Golden files for the article renderer: tidings --render of each
# tests/data/html/NAME.html must print exactly NAME.80 with --width 80 and
# NAME.40 with --width 40, with no control characters and no line wider
# than the width (but for the link list: URLs are never cut). A new case
# is three files and no code. TIDINGS_REGEN=1 rewrites the expected files:
# review every one by eye, for a golden file shows what a reader sees.
# Also: standard input, the width from $COLUMNS, an unreadable file.
. "$top_srcdir/tests/cli/lib.sh"

dir=$top_srcdir/tests/data/html
rc=0
"$TIDINGS" --render /dev/null --width 40 >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 2 ] && skip "tidings has no --render"
[ "$rc" = 0 ] || fail "--render /dev/null: exit $rc: $(cat "$T/err")"
[ -s "$T/out" ] && fail "--render /dev/null printed something"

# widest FILE: the display width of the longest line before the links
widest() {
	sed '/^$/{N;/\n\[1\] /q;}' "$1" | sed '/^\[1\] /d' | wc -L
}

n=0
for html in "$dir"/*.html; do
	name=${html%.html}
	base=$(basename "$name")
	n=$((n + 1))
	for w in 80 40; do
		rc=0
		"$TIDINGS" --render "$html" --width "$w" >"$T/out" \
		    2>"$T/err" || rc=$?
		[ "$rc" = 0 ] || fail "$base at $w: exit $rc: $(cat "$T/err")"
		[ -s "$T/err" ] && fail "$base at $w: said $(cat "$T/err")"
		expect_no_controls "$T/out"
		cols=$(widest "$T/out")
		[ "$cols" -le "$w" ] ||
		    fail "$base at $w: a line of $cols columns"
		if [ -n "${TIDINGS_REGEN:-}" ]; then
			cp "$T/out" "$name.$w"
			continue
		fi
		[ -f "$name.$w" ] || fail "$base: no $base.$w"
		if ! cmp -s "$T/out" "$name.$w"; then
			diff -u "$name.$w" "$T/out" >&2
			fail "$base at $w: output differs from $base.$w"
		fi
	done
done
[ "$n" -ge 40 ] || fail "only $n golden files"

# standard input, named "-" or not at all, renders the same
html=$dir/news-article.html
"$TIDINGS" --render - --width 40 <"$html" >"$T/out" ||
    fail "--render - failed"
cmp -s "$T/out" "$dir/news-article.40" || fail "--render - differs"
"$TIDINGS" --render --width 40 <"$html" >"$T/out" ||
    fail "--render from standard input failed"
cmp -s "$T/out" "$dir/news-article.40" || fail "--render stdin differs"

# no --width, no terminal: $COLUMNS, else 80
COLUMNS=50 "$TIDINGS" --render "$dir/paragraphs.html" >"$T/out" ||
    fail "--render with COLUMNS failed"
cols=$(wc -L <"$T/out")
[ "$cols" -le 50 ] && [ "$cols" -gt 40 ] ||
    fail "COLUMNS=50 gave lines of $cols columns"
(unset COLUMNS; "$TIDINGS" --render "$dir/paragraphs.html") >"$T/out" ||
    fail "--render without a width failed"
cmp -s "$T/out" "$dir/paragraphs.80" || fail "the default width is not 80"

# Under LANG=C the output is still UTF-8, wrapped by display columns: a
# wide character takes two.
printf '<p>%s</p>' "日本語のテキストです。日本語のテキストです。日本語のテキストです。" |
    LC_ALL=C "$TIDINGS" --render --width 20 >"$T/cjk" || fail "--render under LANG=C"
[ "$(wc -l <"$T/cjk")" = 4 ] || { cat "$T/cjk" >&2; fail "CJK under LANG=C: not 4 lines"; }
[ "$(LC_ALL=C.UTF-8 wc -L <"$T/cjk")" = 20 ] ||
    { cat "$T/cjk" >&2; fail "CJK under LANG=C: lines not 20 columns"; }

# an unreadable file: exit 1 and say so, cleaned
rc=0
"$TIDINGS" --render "$T/no such
file" >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 1 ] || fail "a missing file: exit $rc"
[ -s "$T/out" ] && fail "a missing file printed something"
expect_grep "cannot read" "$T/err"
[ "$(wc -l <"$T/err")" = 1 ] || fail "the error is not one line"
exit 0
