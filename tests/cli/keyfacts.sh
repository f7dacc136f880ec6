# SPDX-License-Identifier: ISC
# tidings --keyfacts: the publisher's bullets without its boilerplate, or
# sentences from the story; only "- " lines on standard output.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/keyfacts
"$TIDINGS" --keyfacts "$data/highlights.html" >"$T/out" 2>"$T/err" ||
    fail "--keyfacts exited $?"
cat >"$T/want" <<'TXT'
- The harbour ferry will sail again from Saturday after three months of repairs.
- A new engine cuts the crossing from twenty minutes to fifteen.
- Fares stay the same until the end of the year.
TXT
cmp -s "$T/out" "$T/want" || { diff -u "$T/want" "$T/out" >&2;
    fail "the publisher's bullets"; }

# Standard input, as a file of "-" or no file at all.
"$TIDINGS" --keyfacts - <"$data/highlights.html" | cmp -s - "$T/want" ||
    fail "--keyfacts - differs"
"$TIDINGS" --keyfacts <"$data/highlights.html" | cmp -s - "$T/want" ||
    fail "--keyfacts from standard input differs"

# A plain-text story: three to six sentences of it, nothing else.
"$TIDINGS" --keyfacts "$data/captions.txt" >"$T/out" 2>"$T/err" ||
    fail "--keyfacts on text exited $?"
n=$(grep -c '^- ' "$T/out")
[ "$n" -ge 3 ] && [ "$n" -le 6 ] || fail "$n key facts"
[ "$(grep -vc '^- ' "$T/out")" = 0 ] || fail "other lines on stdout"
grep -qi "scroll down\|pictured\|published:" "$T/out" &&
    fail "a caption or byline was chosen"

# Japanese: with its headline, its three opening sentences, whole.
"$TIDINGS" --keyfacts "$data/japanese.txt" \
    --title="東京都、中央図書館を建て替え　2029年春に新館開館" >"$T/out" \
    2>"$T/err" || fail "--keyfacts on Japanese exited $?"
cat >"$T/want" <<'TXT'
- 東京都は7日、老朽化した中央図書館を建て替え、2029年春に新館を開館すると発表した。
- 総事業費は約420億円で、蔵書数は現在の1.5倍となる300万冊を目指す。
- 都によると、新館は地上8階、地下2階の建物で、子ども向けの閲覧室や24時間利用できる自習室を設ける。
TXT
cmp -s "$T/out" "$T/want" || { diff -u "$T/want" "$T/out" >&2;
    fail "the key facts of a Japanese story"; }

# Too short: nothing on stdout, a note on stderr, success.
"$TIDINGS" --keyfacts "$data/short.txt" >"$T/out" 2>"$T/err" ||
    fail "a short text exited $?"
[ -s "$T/out" ] && fail "a short text printed facts"
expect_grep "no key facts" "$T/err"

rc=0
"$TIDINGS" --keyfacts "$T/missing" >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 1 ] || fail "a missing file exited $rc"
expect_grep "$T/missing" "$T/err"

# Escapes in the article never reach the output.
printf '<p>The council met on Monday \033]52;c;eA==\007 and agreed the budget for the coming year after a long debate.</p><p>The vote was \033[31mclose\033[0m, with the mayor casting the deciding vote late in the evening.</p><p>Work on the new library will start in the spring and end before the autumn.</p>' |
    "$TIDINGS" --keyfacts >"$T/out" 2>"$T/err"
expect_no_controls "$T/out"
exit 0
