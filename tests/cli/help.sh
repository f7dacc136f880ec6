# SPDX-License-Identifier: ISC
# --help, --version and bad command lines.
. "$top_srcdir/tests/cli/lib.sh"

"$TIDINGS" --help >"$T/help" 2>"$T/err" || fail "--help exited $?"
[ -s "$T/err" ] && fail "--help wrote to stderr"
expect_grep "Usage: tidings [OPTION]..." "$T/help"
for opt in "-u, --urls=FILE" "-h, --help" "-V, --version"; do
	expect_grep "$opt" "$T/help"
done
"$TIDINGS" -h | cmp -s - "$T/help" || fail "-h differs from --help"

"$TIDINGS" --version >"$T/version" || fail "--version exited $?"
[ "$(head -n 1 "$T/version")" = "tidings $VERSION" ] ||
    fail "--version says '$(head -n 1 "$T/version")', not 'tidings $VERSION'"

# An unknown option: exit 2, the usage on stderr, nothing on stdout.
rc=0
"$TIDINGS" --no-such-option >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || fail "unknown option exited $rc, not 2"
expect_grep "no-such-option" "$T/err"
expect_grep "Usage:" "$T/err"
[ -s "$T/out" ] && fail "unknown option wrote to stdout"

rc=0
"$TIDINGS" stray >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || fail "a stray argument exited $rc, not 2"
expect_grep "unexpected argument 'stray'" "$T/err"

# A full standard output is an error, not silence.
if [ -w /dev/full ]; then
	rc=0
	"$TIDINGS" --help >/dev/full 2>"$T/err" || rc=$?
	[ "$rc" = 1 ] || fail "--help to /dev/full exited $rc, not 1"
	expect_grep "cannot write to standard output" "$T/err"
fi
exit 0
