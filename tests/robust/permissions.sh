# SPDX-License-Identifier: ISC
# Permissions (RELIABILITY.md 2.5, test plan 32): under umask 000, every
# file tidings makes -- the urls file of a first start or an OPML import,
# the data folder and everything in it after a refresh and a mark -- is
# private (files 0600, folders 0700), since feed URLs can hold tokens.
# (The other half of test plan 32, a config file others may write, is
# tests/robust/config-perms.sh.)
. "$top_srcdir/tests/cli/lib.sh"

umask 000
mkdir -p "$T/www"
printf '%s\n' '<rss version="2.0"><channel><title>P</title>' \
    '<item><guid>p1</guid><title>One</title></item>' \
    '<item><guid>p2</guid><title>Two</title></item></channel></rss>' \
    >"$T/www/feed.xml"

# A first start writes the demo urls file; a refresh, the store.
TIDINGS_DEMO_DIR=${TIDINGS_DEMO_DIR:-$top_srcdir/data/demo} \
    "$TIDINGS" -r >"$T/out" 2>&1 </dev/null || true
echo "file://$T/www/feed.xml" >>"$XDG_CONFIG_HOME/tidings/urls"
"$TIDINGS" -r >"$T/out" 2>&1 </dev/null ||
    fail "-r failed: $(cat "$T/out")"
data=$XDG_DATA_HOME/tidings
id=$(ls "$data/feeds" | sed -n 's/\.xml$//p' | head -1)
key=$(sed -n 's/.*<item key="\([^"]*\)".*/\1/p' "$data/feeds/$id.xml" |
    head -1)
"$top_builddir/tests/tools/storetool" mark "$data" "$id" "$key" \
    >/dev/null || fail "cannot mark an item"
if "$TIDINGS" --help | grep -q -- '--import-opml'; then
	printf '%s\n' '<?xml version="1.0"?><opml version="2.0"><head/><body>' \
	    '<outline text="X" type="rss" xmlUrl="https://perm.invalid/x"/>' \
	    '</body></opml>' >"$T/in.opml"
	"$TIDINGS" -u "$T/opml-urls" --import-opml "$T/in.opml" \
	    >"$T/out" 2>&1 || fail "--import-opml failed: $(cat "$T/out")"
	[ "$(stat -c %a "$T/opml-urls")" = 600 ] ||
	    fail "the imported urls file is $(stat -c %a "$T/opml-urls")"
fi
bad=$(find "$XDG_CONFIG_HOME/tidings" "$data" \
    \( -type f ! -perm 600 \) -o \( -type d ! -perm 700 \))
[ -z "$bad" ] || fail "not private: $(for f in $bad; do
    printf '%s %s; ' "$(stat -c %a "$f")" "$f"; done)"
exit 0
