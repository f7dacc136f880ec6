# SPDX-License-Identifier: ISC
# --import-opml and --export-opml: OPML from other programs goes into the
# urls file (nested folders as tags, duplicates skipped, commands refused,
# entities never expanded), the urls file keeps its own bytes, and an
# export imported into an empty file exports the same again.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/opml
urls=$XDG_CONFIG_HOME/tidings/urls

# expect_file WANT GOT: GOT holds exactly the bytes of WANT.
expect_file() {
	cmp -s "$1" "$2" || {
		diff -u "$1" "$2" >&2
		fail "$2 differs from $1"
	}
}

# run_rc CMD...: run CMD with output in $T/out and $T/err; rc holds its
# exit status.
run_rc() {
	rc=0
	"$@" >"$T/out" 2>"$T/err" || rc=$?
}

# A newsboat export into a missing default urls file: the file is made,
# without the demo feeds, and the feed listed twice is skipped.
run_rc "$TIDINGS" --import-opml "$data/newsboat-export.opml"
[ "$rc" = 0 ] || fail "newsboat export: exit $rc: $(cat "$T/err")"
expect_file "$data/newsboat-export.urls" "$urls"
printf 'Imported 4 feeds into %s; skipped 1 already subscribed\n' \
    "$urls" >"$T/want"
expect_file "$T/want" "$T/out"
[ -s "$T/err" ] && fail "the import wrote to stderr: $(cat "$T/err")"
[ "$(stat -c %a "$urls")" = 600 ] || fail "urls file is $(stat -c %a "$urls")"

# Again: everything is subscribed already, and the file is not touched.
cp "$urls" "$T/urls.before"
touch -d '2000-01-01' "$urls"
run_rc "$TIDINGS" --import-opml "$data/newsboat-export.opml"
[ "$rc" = 0 ] || fail "second import: exit $rc"
expect_grep "Imported 0 feeds into $urls; skipped 5 already subscribed" \
    "$T/out"
expect_file "$T/urls.before" "$urls"
[ "$(stat -c %Y "$urls")" = "$(date -d 2000-01-01 +%s)" ] ||
    fail "an import with nothing new rewrote the urls file"

# A blogroll three folders deep into a -u file of the user's own: its
# bytes stay (comments, blank lines, a last line without a newline).
u=$T/mine
printf '# my feeds\r\n\nhttps://news.example.org/world/rss.xml news "~World"\n   https://old.example.com/feed  # old' >"$u"
cp "$u" "$T/mine.before"
run_rc "$TIDINGS" -u "$u" --import-opml "$data/blogroll.opml"
[ "$rc" = 0 ] || fail "blogroll: exit $rc: $(cat "$T/err")"
{
	cat "$T/mine.before"
	cat <<'EOF'

https://compilers.example.org/feed.xml Technology Programming "C and Unix" toolchains systems "~The Compiler Desk"
https://shell.example.net/atom Technology Programming "C and Unix" "~Shell Notes"
https://patch.example.com/rss Technology Programming weekly review "~Weekly Patch"
https://hw.example.org/index.rdf Technology ~Hardware
https://loose.example.com/rss.xml "~Loose Feed"
EOF
} >"$T/want"
expect_file "$T/want" "$u"
printf '%s\n' "Imported 5 feeds into $u; skipped 2 already subscribed, refused 2: https://news.example.org/about.html (not a feed), gopher://hole.example.net/1/feed (not an http, https or file URL)" >"$T/want"
expect_file "$T/want" "$T/out"
"$TIDINGS" -u "$u" >"$T/list" 2>&1 || fail "cannot list the imported file"
expect_grep "7 subscriptions in $u:" "$T/list"

# A -u file that does not exist is created.
run_rc "$TIDINGS" -u "$T/new-urls" --import-opml "$data/blogroll.opml"
[ "$rc" = 0 ] || fail "import into a new -u file: exit $rc"
expect_grep "Imported 6 feeds into $T/new-urls; skipped 1" "$T/out"
[ -f "$T/new-urls" ] || fail "the -u file was not created"

# Hostile: commands, filters and queries refused and listed, nothing run,
# no entity expanded, nothing read from /etc/passwd.
h=$T/hostile-urls
(cd "$T" && "$TIDINGS" -u "$h" --import-opml "$data/hostile.opml") \
    >"$T/out" 2>"$T/err" || fail "hostile: exit $?: $(cat "$T/err")"
printf '%s\n' "Imported 1 feed into $h; refused 7: |cat /etc/passwd (runs a command), exec:touch tidings-pwned (runs a command), filter:touch tidings-pwned:https://filter.example.org/rss (runs a command), https://filtercmd.example.org/rss (runs a command), https://ns.example.org/rss (runs a command), query:Unread:unread = \"yes\" (a query feed), javascript:alert(1) (not an http, https or file URL)" >"$T/want"
expect_file "$T/want" "$T/out"
printf '%s\n' 'https://safe.example.org/rss Scripts "~Safe gpj.exe"' >"$T/want"
expect_file "$T/want" "$h"
[ -e "$T/tidings-pwned" ] && fail "a command of the OPML file ran"
grep -q 'root:' "$T/out" "$T/err" "$h" && fail "/etc/passwd was read"
expect_no_controls "$T/out"

# Entities used: a billion laughs and an external entity. Refused whole,
# at once, and nothing is written.
cp "$u" "$T/mine.before"
start=$(date +%s)
run_rc "$TIDINGS" -u "$u" --import-opml "$data/entities.opml"
[ "$rc" = 1 ] || fail "entities: exit $rc, not 1"
[ $(($(date +%s) - start)) -lt 10 ] || fail "entities took too long"
expect_grep "tidings: '$data/entities.opml' is not well-formed XML: line " \
    "$T/err"
grep -q 'root:' "$T/out" "$T/err" && fail "/etc/passwd was read"
[ -s "$T/out" ] && fail "a refused file printed a summary"
expect_file "$T/mine.before" "$u"

# An external entity pointing at a file of ours, in an element and in an
# attribute: its text never reaches the urls file or the output.
echo "SECRET-MARKER" >"$T/secret"
for where in element attribute; do
	if [ $where = element ]; then
		title='<title>&xxe;</title>'; text='Plain'
	else
		title='<title>t</title>'; text='&xxe;'
	fi
	cat >"$T/xxe.opml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file://$T/secret">]>
<opml version="2.0"><head>$title</head><body>
<outline text="$text" xmlUrl="https://xxe.example.org/rss"/>
</body></opml>
EOF
	run_rc "$TIDINGS" -u "$T/xxe-urls" --import-opml "$T/xxe.opml"
	[ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "xxe in $where: exit $rc"
	cat "$T/xxe-urls" >>"$T/out" 2>/dev/null
	grep -q SECRET-MARKER "$T/out" "$T/err" &&
	    fail "an external entity in an $where was read"
done

# Not well-formed, not OPML, not there: exit 1, the file and the reason
# named, nothing written.
run_rc "$TIDINGS" -u "$u" --import-opml "$data/invalid.opml"
[ "$rc" = 1 ] || fail "invalid XML: exit $rc, not 1"
expect_grep "tidings: '$data/invalid.opml' is not well-formed XML: line 9:" \
    "$T/err"
run_rc "$TIDINGS" -u "$u" --import-opml "$TIDINGS_DEMO_DIR/world.xml"
[ "$rc" = 1 ] || fail "an RSS file: exit $rc, not 1"
expect_grep "is not OPML: its root element is <rss>, not <opml>" "$T/err"
run_rc "$TIDINGS" -u "$u" --import-opml "$T/missing.opml"
[ "$rc" = 1 ] || fail "a missing file: exit $rc, not 1"
expect_grep "tidings: cannot read '$T/missing.opml': No such file" "$T/err"
expect_file "$T/mine.before" "$u"
: >"$T/empty.opml"
run_rc "$TIDINGS" -u "$u" --import-opml "$T/empty.opml"
[ "$rc" = 1 ] || fail "an empty file: exit $rc, not 1"
expect_file "$T/mine.before" "$u"

# Export: OPML 2.0, every feed with its title and tags, hidden ones with
# the category "!", escaped; command and query feeds left out and named.
cat >"$T/export-urls" <<'EOF'
# feeds to export
https://a.example.org/rss?x=1&y=2 news "two words" "~Tom & <Jerry> \"live\""
https://b.example.org/atom ! hidden "~B"
exec:~/bin/feed.sh "~Command"
"query:Unread:unread = \"yes\""
file:///var/feeds/local.xml
EOF
run_rc "$TIDINGS" -u "$T/export-urls" --export-opml
[ "$rc" = 0 ] || fail "export: exit $rc: $(cat "$T/err")"
sed 's|<dateCreated>.*</dateCreated>|<dateCreated/>|' "$T/out" >"$T/got"
cat >"$T/want" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>tidings subscriptions</title>
    <dateCreated/>
  </head>
  <body>
    <outline type="rss" text="Tom &amp; &lt;Jerry&gt; &quot;live&quot;" title="Tom &amp; &lt;Jerry&gt; &quot;live&quot;" xmlUrl="https://a.example.org/rss?x=1&amp;y=2" category="news,two words"/>
    <outline type="rss" text="B" title="B" xmlUrl="https://b.example.org/atom" category="hidden,!"/>
    <outline type="rss" text="file:///var/feeds/local.xml" xmlUrl="file:///var/feeds/local.xml"/>
  </body>
</opml>
EOF
expect_file "$T/want" "$T/got"
grep -qE '<dateCreated>(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-6][0-9] GMT</dateCreated>' \
    "$T/out" || fail "dateCreated is not an RFC 822 date: $(grep date "$T/out")"
expect_grep "tidings: not exported: exec:~/bin/feed.sh (runs a command)" \
    "$T/err"
expect_grep 'tidings: not exported: query:Unread:unread = "yes" (a query feed)' \
    "$T/err"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$T/out" || fail "the export is not well-formed XML"
fi

# Export of a urls file with escape sequences, C1 and bidi controls and
# a bad byte in its titles, URLs and tags (RELIABILITY.md case 9): none
# of them reaches the OPML or the error output, which stays well-formed.
printf 'https://a.example/1 "~Evil\033]52;c;cHduZWQ=\007 title\033[2J"\nhttps://a.example/2\033[31m "~\302\23331mred \342\200\256gpj.exe"\nhttps://a.example/3 "~bad \377 byte" "tag\033]0;x\007"\n' >"$T/hostile-urls"
run_rc "$TIDINGS" -u "$T/hostile-urls" --export-opml
[ "$rc" = 0 ] || fail "export of hostile titles: exit $rc: $(cat "$T/err")"
expect_no_controls "$T/out"
expect_no_controls "$T/err"
expect_grep 'text="Evil title" title="Evil title" xmlUrl="https://a.example/1"' \
    "$T/out"
expect_grep 'text="red gpj.exe"' "$T/out"
expect_grep 'xmlUrl="https://a.example/3" category="tag"' "$T/out"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$T/out" || fail "the hostile export is not well-formed"
fi

# The round trip: export, import into an empty file, export again: the
# same bytes but the date, and the same subscriptions.
for from in "$T/export-urls" "$u"; do
	"$TIDINGS" -u "$from" --export-opml >"$T/one.opml" 2>/dev/null ||
	    fail "export of $from failed"
	rm -f "$T/trip"
	"$TIDINGS" -u "$T/trip" --import-opml "$T/one.opml" >/dev/null ||
	    fail "import of the export of $from failed"
	"$TIDINGS" -u "$T/trip" --export-opml >"$T/two.opml" ||
	    fail "export of the import of $from failed"
	# Local files do not come back: OPML may not name one.
	sed -e '/<dateCreated>/d' -e '/xmlUrl="file:/d' "$T/one.opml" >"$T/one"
	sed '/<dateCreated>/d' "$T/two.opml" >"$T/two"
	expect_file "$T/one" "$T/two"
	"$TIDINGS" -u "$from" 2>/dev/null | sed 1d |
	    grep -v -e 'exec:' -e 'query:' -e '~/bin' -e 'Command' |
	    sed -e '/file:/d' >"$T/list1"
	"$TIDINGS" -u "$T/trip" | sed 1d >"$T/list2"
	expect_file "$T/list1" "$T/list2"
done

# The default urls file missing: an empty export, and no demo written.
rm -f "$urls"
run_rc "$TIDINGS" --export-opml
[ "$rc" = 0 ] || fail "export without a urls file: exit $rc"
expect_grep "<body>" "$T/out"
grep -q "<outline" "$T/out" && fail "an export without a urls file has feeds"
expect_grep "no urls file yet" "$T/err"
[ -e "$urls" ] && fail "export wrote a urls file"

# -u names a missing file: an error.
run_rc "$TIDINGS" -u "$T/nope" --export-opml
[ "$rc" = 1 ] || fail "export of a missing -u file: exit $rc, not 1"
expect_grep "cannot read '$T/nope'" "$T/err"
exit 0
