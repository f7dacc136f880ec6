# SPDX-License-Identifier: ISC
# Hostile feeds (RELIABILITY.md 2.1 and 2.2): each is parsed in bounded
# time and memory, reads no file and opens no connection, and what comes
# out is clean, well-formed UTF-8.
. "$top_srcdir/tests/cli/lib.sh"

# dump NAME [LIMIT-KB]: tidings --dump $T/NAME.xml under a memory limit
# and a time limit; the status goes to $T/NAME.rc.
dump() {
	(
		ulimit -v "${2:-400000}" 2>/dev/null
		ulimit -t 20
		exec "$TIDINGS" --dump "$T/$1.xml"
	) >"$T/$1.out" 2>"$T/$1.err"
	echo $? >"$T/$1.rc"
}
rc_of() { cat "$T/$1.rc"; }
# Exit status 0 (parsed) or 1 (a clear error); never a crash or a kill.
expect_clean_exit() {
	case $(rc_of "$1") in
	0|1) ;;
	*) cat "$T/$1.err" >&2; fail "$1: exit status $(rc_of "$1")" ;;
	esac
	expect_no_controls "$T/$1.out"
	expect_no_controls "$T/$1.err"
}
# Sanitizer builds reserve far more virtual memory than they use, so the
# memory limits are only set for a plain build.
limit=400000
[ -n "${SAN_CFLAGS:-}" ] && limit=unlimited

# X1: billion laughs. Rejected or the entities left out; fast.
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE rss ['
	echo '<!ENTITY a0 "ha">'
	i=1
	while [ $i -le 30 ]; do
		p=$((i - 1))
		echo "<!ENTITY a$i \"&a$p;&a$p;&a$p;&a$p;&a$p;&a$p;&a$p;&a$p;\">"
		i=$((i + 1))
	done
	echo ']>'
	echo '<rss version="2.0"><channel><title>laughs &a30;</title>'
	echo '<item><title>one &a30;</title></item></channel></rss>'
} >"$T/laughs.xml"
dump laughs $limit
expect_clean_exit laughs
[ "$(wc -c <"$T/laughs.out")" -lt 10000 ] || fail "billion laughs expanded"

# X2: quadratic blowup, one 50 KB entity referenced 20,000 times.
{
	echo '<?xml version="1.0"?>'
	printf '<!DOCTYPE rss [<!ENTITY big "'
	awk 'BEGIN { for (i = 0; i < 5000; i++) printf "0123456789" }'
	echo '">]>'
	printf '<rss version="2.0"><channel><title>quadratic</title><item><title>'
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "&big;" }'
	echo '</title><description>x</description></item></channel></rss>'
} >"$T/quadratic.xml"
dump quadratic $limit
expect_clean_exit quadratic
[ "$(wc -c <"$T/quadratic.out")" -lt 100000 ] ||
    fail "quadratic blowup expanded to $(wc -c <"$T/quadratic.out") bytes"

# X3: external entities, a parameter entity and external DTDs.
echo "SENTINEL-$$-SECRET" >"$T/sentinel"
cat >"$T/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file://$T/sentinel" [
<!ENTITY file SYSTEM "file://$T/sentinel">
<!ENTITY net SYSTEM "http://127.0.0.1:9/dtd">
<!ENTITY % pe SYSTEM "file://$T/sentinel">
%pe;
]>
<rss version="2.0"><channel><title>xxe &file; &net;</title>
<item><title>item &file;</title><link>http://example.org/&file;</link>
<description>&file;</description></item></channel></rss>
XML
dump xxe $limit
expect_clean_exit xxe
grep -q SENTINEL "$T/xxe.out" "$T/xxe.err" && fail "XXE: the sentinel file was read"
if command -v strace >/dev/null 2>&1 && [ "$limit" != unlimited ]; then
	strace -f -e trace=openat,open,connect -o "$T/strace" \
	    "$TIDINGS" --dump "$T/xxe.xml" >/dev/null 2>&1
	grep -q "sentinel" "$T/strace" && fail "XXE: the sentinel file was opened"
	grep -q "connect(" "$T/strace" && fail "XXE: a connection was opened"
fi

# X5: 100,000 nested elements, in the XML and in the HTML of a body.
awk 'BEGIN {
	printf "<rss version=\"2.0\"><channel><title>deep</title><item><title>t</title><description>"
	for (i = 0; i < 100000; i++) printf "&lt;div&gt;"
	printf "deep text</description><category>"
	for (i = 0; i < 100000; i++) printf "<a>"
	printf "</category></item></channel></rss>\n" }' >"$T/deep.xml"
dump deep $limit
expect_clean_exit deep

# X9: a million items: the first PARSE_MAX_ITEMS (1000) are kept, in
# bounded memory.
awk 'BEGIN {
	printf "<rss version=\"2.0\"><channel><title>many</title>\n"
	for (i = 0; i < 1000000; i++)
		printf "<item><guid>g%d</guid><title>item %d</title></item>\n", i, i
	printf "</channel></rss>\n" }' >"$T/many.xml"
dump many "$( [ "$limit" = unlimited ] && echo unlimited || echo 200000)"
[ "$(rc_of many)" = 0 ] || fail "a million items: exit $(rc_of many)"
[ "$(grep -c '<item>' "$T/many.out")" = 1000 ] ||
    fail "a million items gave $(grep -c '<item>' "$T/many.out") items, not 1000"
expect_grep "<title>item 0</title>" "$T/many.out"
expect_grep "<title>item 999</title>" "$T/many.out"

# X6 and T1-T4: invalid UTF-8 and terminal escapes in every field.
printf '<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>bad \377 title \033[2J</title>
<link>http://example.org/\033]8;;http://evil/\033\\</link>
<description>desc \302\233 31m \342\200\256 gpj.exe</description>
<item><title>esc \033]52;c;cHduZWQ=\007 clip \033]0;title\007 bad \300\257</title>
<link>http://example.org/\377\033[31m</link>
<guid>guid \033P q \033\\ \376</guid>
<dc:creator>auth \033[1m \302\235 2;x \007 \377</dc:creator>
<pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate>
<description>sum &#x1b;[2J &#x9b;31m &#x202e; \377 &lt;b&gt;x&lt;/b&gt;</description>
<content:encoded><![CDATA[<p>body \033[2J \302\233 \342\201\246 \377</p>]]></content:encoded>
<enclosure url="http://example.org/a\033[2J.mp3" type="audio/\377" length="1\0332"/>
</item></channel></rss>
' >"$T/escapes.xml"
dump escapes $limit
[ "$(rc_of escapes)" = 0 ] || fail "escapes: exit $(rc_of escapes)"
expect_no_controls "$T/escapes.out"
expect_grep "<title>bad � title" "$T/escapes.out"
expect_grep "clip" "$T/escapes.out"
# After the first error, later escaped markup is still markup.
expect_grep "&lt;b&gt;x&lt;/b&gt;</summary>" "$T/escapes.out"
expect_grep "<published>2026-11-27T10:00:00Z</published>" "$T/escapes.out"
# Every string of the output parses back as well-formed XML.
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$T/escapes.out" || fail "escapes: the output is not XML"
fi
exit 0
