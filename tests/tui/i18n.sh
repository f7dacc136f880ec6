# SPDX-License-Identifier: ISC
# The reader speaks German and French at 80x24: the feed list's own
# lists, the title bar's view names, the status line, the key facts box
# and the help screen's action descriptions, with nothing left in English
# and no line wider than the screen. The catalogues are compiled from
# po/*.po into a locale folder in $T that TIDINGS_LOCALEDIR names.
. "$top_srcdir/tests/tui/lib.sh"

# configure sets MSGFMT to ":" when it finds no msgfmt.
case ${MSGFMT:-:} in
:) skip "msgfmt not found" ;;
esac
command -v "$MSGFMT" >/dev/null 2>&1 || skip "msgfmt not found"
for lang in de fr; do
	[ -f "$top_srcdir/po/$lang.po" ] || skip "no po/$lang.po"
	mkdir -p "$T/locale/$lang/LC_MESSAGES"
	"$MSGFMT" -o "$T/locale/$lang/LC_MESSAGES/tidings.mo" \
	    "$top_srcdir/po/$lang.po" || fail "msgfmt failed on $lang.po"
done

# no_english TEXT...: none of TEXT is on the screen.
no_english() {
	for ne in "$@"; do
		grep -qF -- "$ne" "$T/screen" && {
			cat "$T/screen" >&2
			fail "'$ne' is still in English"
		}
	done
	[ "$(wc -L <"$T/screen")" -le 80 ] || fail "a line is wider than 80"
}

# German.
tui_start 80 24 LANGUAGE=de "TIDINGS_LOCALEDIR='$T/locale'"
wait_for "3 Feeds aktualisiert: 11 Artikel neu, 0 fehlgeschlagen"
wait_for "tidings $VERSION — Feeds"
wait_for "11 Alle Artikel"
wait_for "0 Vorgemerkt"
no_english "All articles" "Flagged" "feeds refreshed"
keys Enter
wait_for "tidings $VERSION — Schlagzeilen"
wait_for "[1/4] World desk — 4 ungelesen"
no_english "Headlines" "unread"
keys Enter
wait_for "tidings $VERSION — Artikel"
wait_for "─ Kernpunkte ─"
wait_for "World desk — von tidings demo desk"
no_english "Key facts" " — by "
keys ?
wait_for "tidings $VERSION — Hilfe"
wait_for " j, Down              nächste Zeile"
wait_for "zurück; in der Feed-Liste: beenden"
wait_for "als gelesen oder ungelesen markieren"
wait_for "vormerken oder Vormerkung aufheben"
no_english "next line" "mark read or unread" "flag or unflag"
keys q
wait_gone "— Hilfe"
keys : x y Enter
wait_for "Unbekannter Befehl: xy (siehe :help)"
keys Q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
tmux -L "$SOCK" kill-server

# French, on a store of its own so that it fetches (and reports) again.
rm -rf "$T/data"
mkdir "$T/data"
tui_start 80 24 LANGUAGE=fr "TIDINGS_LOCALEDIR='$T/locale'"
wait_for "3 flux actualisés (nouveaux articles : 11, échecs : 0)"
wait_for "tidings $VERSION — Flux"
wait_for "11 Tous les articles"
wait_for "0 Favoris"
no_english "All articles" "Flagged" "feeds refreshed"
keys Enter
wait_for "tidings $VERSION — Titres"
wait_for "[1/4] World desk — 4 non lus"
keys Enter
wait_for "─ Points clés ─"
keys ?
wait_for "tidings $VERSION — Aide"
wait_for " j, Down              ligne suivante"
wait_for "marquer comme lu ou non lu"
wait_for "ajouter aux favoris ou en retirer"
no_english "next line" "mark read or unread" "flag or unflag"
keys Q
wait_exit
[ "$TUI_STATUS" = 0 ] || fail "Q ended with status $TUI_STATUS"
exit 0
