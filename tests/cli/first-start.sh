# SPDX-License-Identifier: ISC
# The first start subscribes to the demo; later starts list what the urls
# file says; nothing from the urls file reaches the terminal unfiltered.
. "$top_srcdir/tests/cli/lib.sh"

urls=$XDG_CONFIG_HOME/tidings/urls
umask 000
"$TIDINGS" >"$T/out" 2>"$T/err" || fail "first start exited $?"
expect_grep "No urls file yet: subscribed to the demo feeds in $urls" "$T/out"
expect_grep "3 subscriptions in $urls:" "$T/out"
for name in "World desk" "Technology" "Science"; do
	expect_grep "  $name  [demo, " "$T/out"
done
expect_grep "file://$TIDINGS_DEMO_DIR/world.xml" "$urls"
[ -s "$T/err" ] && fail "first start wrote to stderr: $(cat "$T/err")"

# Private files even under umask 000.
[ "$(stat -c %a "$urls")" = 600 ] || fail "urls file is $(stat -c %a "$urls")"
[ "$(stat -c %a "$XDG_CONFIG_HOME/tidings")" = 700 ] ||
    fail "config folder is $(stat -c %a "$XDG_CONFIG_HOME/tidings")"

# Every demo URL points at a file that exists.
grep -o 'file://[^ ]*' "$urls" | sed 's|^file://||' | while read -r f; do
	[ -f "$f" ] || fail "demo subscription $f does not exist"
done || exit 1

# The second start keeps the user's file as it is.
cp "$urls" "$T/urls.before"
"$TIDINGS" >"$T/out2" 2>&1 || fail "second start exited $?"
grep -q "No urls file yet" "$T/out2" && fail "demo subscribed twice"
cmp -s "$urls" "$T/urls.before" || fail "the second start changed the urls file"
expect_grep "3 subscriptions in $urls:" "$T/out2"

# -u names another file; a missing one is an error, not a demo.
rc=0
"$TIDINGS" -u "$T/missing" >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 1 ] || fail "-u with a missing file exited $rc"
expect_grep "cannot read '$T/missing'" "$T/err"
[ -e "$T/missing" ] && fail "-u with a missing file created it"

# Hostile titles and URLs: escape sequences, bidi, C1, bad UTF-8.
# printf's %s does not expand \033: write the bytes with printf's format.
printf 'https://a.example/1 "~Evil\033]52;c;cHduZWQ=\007 title\033[2J"\nhttps://a.example/2\033[31m "~\302\23331mred \342\200\256gpj.exe"\nhttps://a.example/3 "~bad \377 byte" "tag\033]0;x\007"\nhttps://a.example/4 "~unclosed\n' >"$T/hostile"
"$TIDINGS" -u "$T/hostile" >"$T/out" 2>"$T/err" || fail "hostile urls exited $?"
expect_no_controls "$T/out"
expect_no_controls "$T/err"
expect_grep "Evil title" "$T/out"
expect_grep "red gpj.exe" "$T/out"
expect_grep "bad � byte" "$T/out"
expect_grep "line 4: a quote is not closed" "$T/err"
expect_grep "3 subscriptions" "$T/out"
exit 0
