# SPDX-License-Identifier: ISC
# The man page is clean for mandoc's linter, and documents every option
# that --help lists.
. "$top_srcdir/tests/cli/lib.sh"

page=$top_srcdir/man/tidings.1
[ -n "${MANDOC:-}" ] && [ -x "$MANDOC" ] || skip "mandoc not found"
# The page refers to tidings.conf(5), which is not installed yet: mandoc
# says so, and only that is let through.
"$MANDOC" -Tlint "$page" 2>&1 |
    grep -v 'STYLE: referenced manual not found: Xr tidings.conf 5' \
    >"$T/lint"
[ -s "$T/lint" ] &&
    { cat "$T/lint" >&2; fail "mandoc -Tlint complains about tidings.1"; }
"$MANDOC" -Tutf8 "$page" | col -b >"$T/page" || fail "mandoc cannot render"
"$TIDINGS" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$T/opts"
[ -s "$T/opts" ] || fail "no options found in --help"
while read -r opt; do
	expect_grep "$opt" "$T/page"
done <"$T/opts"
for env in XDG_CONFIG_HOME XDG_DATA_HOME TIDINGS_DEMO_DIR BROWSER NO_COLOR; do
	expect_grep "$env" "$T/page"
done
# Every action of the reader, by the name "bind" takes (src/keys.c).
sed -n 's/^.*\[ACT_[A-Z_0-9]*\] *=[[:space:]]*{ "\([a-z0-9-]*\)".*$/\1/p' \
    "$top_srcdir/src/keys.c" >"$T/actions"
[ "$(wc -l <"$T/actions")" -gt 30 ] || fail "no actions found in keys.c"
while read -r action; do
	case $action in
	none|open-link-[2-8]) continue ;;
	esac
	expect_grep "$action" "$T/page"
done <"$T/actions"
for cmd in "bind key action [view]" "layout wide | narrow | auto"; do
	expect_grep "$cmd" "$T/page"
done
if command -v groff >/dev/null 2>&1; then
	groff -Tutf8 -mandoc -ww -z "$page" 2>"$T/groff"
	[ -s "$T/groff" ] && { cat "$T/groff" >&2; fail "groff warns"; }
fi
exit 0
