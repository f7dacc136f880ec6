# SPDX-License-Identifier: ISC
# The German catalogue is complete, and tidings speaks German with it.
. "$top_srcdir/tests/cli/lib.sh"

[ -n "${MSGFMT:-}" ] && command -v "$MSGFMT" >/dev/null 2>&1 ||
    skip "msgfmt not found"
mkdir -p "$T/locale/de/LC_MESSAGES"
for po in "$top_srcdir"/po/*.po; do
	LC_ALL=C "$MSGFMT" --check --statistics -o /dev/null "$po" \
	    2>"$T/stats" || fail "$po does not compile"
	grep -qE 'untranslated|fuzzy' "$T/stats" &&
	    fail "$po is incomplete: $(cat "$T/stats")"
done
"$MSGFMT" -o "$T/locale/de/LC_MESSAGES/tidings.mo" "$top_srcdir/po/de.po" ||
    fail "msgfmt failed"
TIDINGS_LOCALEDIR=$T/locale LANGUAGE=de "$TIDINGS" --help >"$T/help" ||
    fail "--help in German exited $?"
expect_grep "Aufruf: tidings [OPTION]..." "$T/help"
TIDINGS_LOCALEDIR=$T/locale LANGUAGE=de "$TIDINGS" >"$T/out" ||
    fail "first start in German exited $?"
expect_grep "3 Abonnements in" "$T/out"
exit 0
