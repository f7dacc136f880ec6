# SPDX-License-Identifier: ISC
# Every catalogue in po/ compiles and is complete: no untranslated and no
# fuzzy messages (msgfmt --statistics counts them), and po/LINGUAS lists
# each one.
. "$top_srcdir/tests/cli/lib.sh"

# configure sets MSGFMT to ":" when it finds no msgfmt.
case ${MSGFMT:-:} in
:) skip "msgfmt not found" ;;
esac
command -v "$MSGFMT" >/dev/null 2>&1 || skip "msgfmt not found"
n=0
for po in "$top_srcdir"/po/*.po; do
	[ -f "$po" ] || continue
	n=$((n + 1))
	LC_ALL=C "$MSGFMT" --check --statistics -o /dev/null "$po" \
	    2>"$T/stats" || { cat "$T/stats" >&2; fail "$po does not compile"; }
	grep -qE 'untranslated|fuzzy' "$T/stats" &&
	    fail "$po is incomplete: $(cat "$T/stats")"
	grep -q ' translated message' "$T/stats" ||
	    fail "$po: no statistics: $(cat "$T/stats")"
	lang=$(basename "$po" .po)
	grep -v '^#' "$top_srcdir/po/LINGUAS" | tr -s ' \t' '\n\n' |
	    grep -qx "$lang" || fail "po/LINGUAS does not list $lang"
done
[ "$n" -gt 0 ] || skip "no catalogues in po/"
exit 0
