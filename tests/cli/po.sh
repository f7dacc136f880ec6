# SPDX-License-Identifier: ISC
# Every catalogue in po/ compiles and is complete: no untranslated and no
# fuzzy messages (msgfmt --statistics counts them), and po/LINGUAS lists
# each one. And every message of the sources is in every catalogue: a
# string added to the program without its translations fails here.
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

command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1 ||
    { echo "no xgettext or msgcmp: the sources are not compared" >&2; exit 0; }
(cd "$top_srcdir" && xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
    --language=C -o "$T/now.pot" --files-from=po/POTFILES.in) 2>"$T/xg" ||
    { cat "$T/xg" >&2; fail "xgettext failed"; }
for po in "$top_srcdir"/po/*.po; do
	msgcmp "$po" "$T/now.pot" 2>"$T/cmp" ||
	    { head -20 "$T/cmp" >&2; fail "$po lacks messages of the sources"; }
done
exit 0
