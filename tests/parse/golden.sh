# SPDX-License-Identifier: ISC
# Golden files: tidings --dump of each tests/data/parse/NAME.xml must print
# exactly NAME.expect, or, for a document that is not a feed, exit 1 with
# the line in NAME.error on stderr. A new case is two files and no code.
# TIDINGS_REGEN=1 rewrites the .expect files (review the diff!).
. "$top_srcdir/tests/cli/lib.sh"

dir=$top_srcdir/tests/data/parse
n=0
for xml in "$dir"/*.xml; do
	name=${xml%.xml}
	base=$(basename "$name")
	n=$((n + 1))
	rc=0
	(cd "$dir" && "$TIDINGS" --dump "$base.xml") >"$T/out" 2>"$T/err" ||
	    rc=$?
	if [ -f "$name.error" ]; then
		[ "$rc" = 1 ] || fail "$base: exit $rc, expected 1"
		[ -s "$T/out" ] && fail "$base: printed a feed"
		grep -qxF -- "$(cat "$name.error")" "$T/err" ||
		    fail "$base: stderr is '$(cat "$T/err")'"
		continue
	fi
	[ "$rc" = 0 ] || fail "$base: exit $rc: $(cat "$T/err")"
	if [ -n "${TIDINGS_REGEN:-}" ]; then
		cp "$T/out" "$name.expect"
		continue
	fi
	[ -f "$name.expect" ] || fail "$base: no $base.expect"
	if ! cmp -s "$T/out" "$name.expect"; then
		diff -u "$name.expect" "$T/out" >&2
		fail "$base: output differs from $base.expect"
	fi
done
[ "$n" -ge 10 ] || fail "only $n golden files"
exit 0
