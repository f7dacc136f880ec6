# SPDX-License-Identifier: ISC
# The model's full texts, as the reader's F key asks for them
# (tests/tools/fulltext), against faultd: the article at an item's link
# is fetched with no refresh running and while one runs, stored in the
# bodies file apart from the teaser, announced (MODEL_FEED_UPDATED, then
# MODEL_FULL_TEXT_DONE), and taken from the store when asked for again;
# a link that fails or a page without an article gives a clear error,
# and nothing is stored; an item without a link is refused at once.
. "$top_srcdir/tests/cli/lib.sh"

tool=$top_builddir/tests/tools/fulltext
[ -x "$tool" ] || skip "no tests/tools/fulltext"
extract=$top_srcdir/tests/data/extract
mkdir "$T/www"
cp "$extract/article.html" "$extract/no-article.html" "$T/www/"
faultd_start "$T/www"

{
	printf '<rss version="2.0"><channel><title>Items</title>\n'
	printf '<item><guid>a</guid><title>A</title>'
	printf '<link>%s/files/article.html?type=text/html</link>' "$B"
	printf '<description>The teaser.</description></item>\n'
	printf '<item><guid>b</guid><title>B</title>'
	printf '<link>%s/status?code=404</link></item>\n' "$B"
	printf '<item><guid>c</guid><title>C</title>'
	printf '<link>%s/files/no-article.html?type=text/html</link>' "$B"
	printf '</item>\n'
	printf '<item><guid>d</guid><title>D without a link</title></item>\n'
	printf '</channel></rss>\n'
} >"$T/www/items.xml"
u=$B/files/items.xml
printf '%s\n' "$u" >"$T/urls"

# run DATA ITEM [during-refresh]: the tool on the ITEM-th item, with the
# store in $T/DATA.
run() {
	dir=$T/$1
	shift
	"$tool" "$dir" "$T/urls" 0 "$@" >"$T/out" 2>"$T/err" ||
	    fail "fulltext $* exited $?: $(cat "$T/err")"
}

# expect_lines: the first lines of the output are those on stdin.
expect_lines() {
	n=$(wc -l <"$T/want")
	head -n "$n" "$T/out" | cmp -s - "$T/want" || {
		diff -u "$T/want" "$T/out" >&2
		fail "the output differs"
	}
}

# The item order in the store is the feed's: a, b, c, d.
run data0 0
printf 'start 0\nupdated %s\ndone %s\nstored\n' "$u" "$u" >"$T/want"
expect_lines
expect_grep "again 1" "$T/out"
expect_grep "ending a debate that has run" "$T/out"
expect_grep "<blockquote>" "$T/out"
grep -q "Related stories" "$T/out" && fail "the page's junk was stored"
bodies=$(grep -l "The teaser." "$T/data0"/bodies/*.xml) ||
    fail "no bodies file"
expect_grep '<fulltext type="html">' "$bodies"
expect_grep "The teaser.</summary>" "$bodies"
[ "$(grep -c "GET /files/article.html" "$T/faultd.log")" = 1 ] ||
    fail "the article was not fetched once"

# While a refresh runs: both end, in either order.
run during 0 during-refresh
expect_grep "start 0" "$T/out"
expect_grep "done $u" "$T/out"
expect_grep "refreshed" "$T/out"
expect_grep "stored" "$T/out"
expect_grep "again 1" "$T/out"
expect_grep "ending a debate that has run" "$T/out"

# A link that fails, and a page without an article: nothing stored.
run data1 1
why="cannot fetch the full text"
printf 'start 0\ndone %s\nerror %s: HTTP 404 Not Found\n' "$u" "$why" \
    >"$T/want"
expect_lines
expect_grep "again 0" "$T/out"
run data2 2
printf 'start 0\ndone %s\nerror %s: no article found on the page\n' \
    "$u" "$why" >"$T/want"
expect_lines
grep -q "<fulltext" "$T/data2"/bodies/*.xml && fail "a failure was stored"

# An item without a link is refused at once.
run data3 3
printf 'start -1\nerror the article has no link\n' >"$T/want"
expect_lines
exit 0
