# SPDX-License-Identifier: ISC
# The German and French catalogues are complete, and tidings speaks
# German and French with them: --help (aligned, under 80 columns) and
# the subscription list.
. "$top_srcdir/tests/cli/lib.sh"

# configure sets MSGFMT to ":" when it finds no msgfmt.
case ${MSGFMT:-:} in
:) skip "msgfmt not found" ;;
esac
command -v "$MSGFMT" >/dev/null 2>&1 || skip "msgfmt not found"
for po in "$top_srcdir"/po/*.po; do
	LC_ALL=C "$MSGFMT" --check --statistics -o /dev/null "$po" \
	    2>"$T/stats" || fail "$po does not compile"
	grep -qE 'untranslated|fuzzy' "$T/stats" &&
	    fail "$po is incomplete: $(cat "$T/stats")"
done
for lang in de fr; do
	mkdir -p "$T/locale/$lang/LC_MESSAGES"
	"$MSGFMT" -o "$T/locale/$lang/LC_MESSAGES/tidings.mo" \
	    "$top_srcdir/po/$lang.po" || fail "msgfmt failed on $lang.po"
done

# help_layout FILE: no line of FILE is 80 columns or wider, and every
# description starts in column 23, as in the English --help; an option
# too long for its column stands alone on its line.
help_layout() {
	[ "$(wc -L <"$1")" -lt 80 ] || fail "a line of $1 is 80 columns or more"
	grep '^ ' "$1" | grep -vE '^ +(-[^ ,]+, )?-[^ ]+( \[[^]]*\])*$' |
	    grep -vE '^.{21} [^ ]' >"$T/misaligned" &&
	    fail "misaligned in $1: $(cat "$T/misaligned")"
	return 0
}

TIDINGS_LOCALEDIR=$T/locale LANGUAGE=de "$TIDINGS" --help >"$T/help" ||
    fail "--help in German exited $?"
expect_grep "Aufruf: tidings [OPTION]..." "$T/help"
expect_grep "  -u, --urls=DATEI    die Abonnements aus DATEI lesen" "$T/help"
expect_grep "  -r, --refresh       alle Feeds" "$T/help"
help_layout "$T/help"
TIDINGS_LOCALEDIR=$T/locale LANGUAGE=de "$TIDINGS" >"$T/out" ||
    fail "first start in German exited $?"
expect_grep "Noch keine urls-Datei" "$T/out"
expect_grep "3 Abonnements in" "$T/out"

TIDINGS_LOCALEDIR=$T/locale LANGUAGE=fr "$TIDINGS" --help >"$T/help" ||
    fail "--help in French exited $?"
expect_grep "Utilisation : tidings [OPTION]..." "$T/help"
expect_grep "  -u, --urls=FICHIER  lire les abonnements dans FICHIER" \
    "$T/help"
expect_grep "  -h, --help          afficher cette aide et quitter" "$T/help"
help_layout "$T/help"
TIDINGS_LOCALEDIR=$T/locale LANGUAGE=fr "$TIDINGS" >"$T/out" ||
    fail "tidings in French exited $?"
expect_grep "3 abonnements dans" "$T/out"

# The English --help keeps the same layout (the check itself is sound).
"$TIDINGS" --help >"$T/help" || fail "--help exited $?"
help_layout "$T/help"
exit 0
