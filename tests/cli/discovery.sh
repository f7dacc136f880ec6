# SPDX-License-Identifier: ISC
# Feed discovery and full texts in a refresh (tidings -r), against
# faultd: a subscription whose URL gives a web page is read from the
# first feed the page names (a relative href), noted in the index as
# moved there and discovered, and later refreshes fetch that feed
# directly; when it fails, the page is asked again and names a new one;
# a page that names no feed is "not a feed" as before. A feed tagged
# "fulltext" gets the article of each new item's link stored in its
# bodies file, apart from the feed's own content, once.
. "$top_srcdir/tests/cli/lib.sh"

data=$T/data
extract=$top_srcdir/tests/data/extract
mkdir "$T/www"

# rss FILE TITLE GUID LINK...: a feed of one item per guid and link.
rss() {
	out=$1 title=$2
	shift 2
	{
		printf '<rss version="2.0"><channel><title>%s</title>\n' \
		    "$title"
		while [ $# -ge 2 ]; do
			printf '<item><guid>%s</guid>' "$1"
			printf '<title>%s</title>' "$1"
			printf '<link>%s</link>' "$2"
			printf '<description>A teaser of %s.</description>' "$1"
			printf '</item>\n'
			shift 2
		done
		printf '</channel></rss>\n'
	} >"$out"
}

# page FILE HREF: a web page that names the feed at HREF.
page() {
	printf '<!DOCTYPE html><html><head><title>A site</title>\n' >"$1"
	printf '<link rel="alternate" type="application/atom+xml" ' >>"$1"
	printf 'href="%s"></head><body><p>Welcome.</p></body></html>\n' \
	    "$2" >>"$1"
}

# refresh: tidings -r on the urls file; sets rc.
refresh() {
	rc=0
	"$TIDINGS" -u "$T/urls" -d "$data" -r >"$T/out" 2>"$T/err" \
	    </dev/null || rc=$?
}

# asked PATH: how many times faultd was asked for PATH.
asked() {
	grep -cF "GET $1 " "$T/faultd.log" || true
}

faultd_start "$T/www"
page "$T/www/site.html" "news.xml"
rss "$T/www/news.xml" News n1 "$B/files/n1" n2 "$B/files/n2"
printf '<!DOCTYPE html>\n<html><body><p>No feed.</p></body></html>\n' \
    >"$T/www/plain.html"
u_site="$B/files/site.html?type=text/html"
u_feed=$B/files/news.xml
u_plain="$B/files/plain.html?type=text/html"

# 1. The page's feed is read in the same refresh.
printf '%s\n' "$u_site" >"$T/urls"
refresh
[ "$rc" = 0 ] || fail "-r exited $rc: $(cat "$T/out" "$T/err")"
expect_grep "1 feed refreshed: 2 new articles, 0 failed" "$T/out"
expect_grep "read from the feed it names, $u_feed" "$T/out"
[ "$(asked "/files/site.html?type=text/html")" = 1 ] ||
    fail "the page was not asked for once"
[ "$(asked /files/news.xml)" = 1 ] ||
    fail "the feed was not asked for once"
grep -F "moved-to=\"$u_feed\"" "$data/index.xml" | grep -q 'discovered="1"' ||
    fail "the index has no discovered feed: $(cat "$data/index.xml")"
cat "$data"/feeds/*.xml | grep -q "<title>n1</title>" ||
    fail "the feed's items are not stored"

# 2. The next refresh fetches the feed directly.
rss "$T/www/news.xml" News n1 "$B/files/n1" n2 "$B/files/n2" \
    n3 "$B/files/n3"
refresh
[ "$rc" = 0 ] || fail "second -r exited $rc: $(cat "$T/out" "$T/err")"
expect_grep "1 feed refreshed: 1 new articles, 0 failed" "$T/out"
[ "$(asked "/files/site.html?type=text/html")" = 1 ] ||
    fail "the page was asked for again"
[ "$(asked /files/news.xml)" = 2 ] ||
    fail "the feed was not fetched directly"

# 3. The feed moves: it fails, the page is asked again, and names it.
mv "$T/www/news.xml" "$T/www/news2.xml"
page "$T/www/site.html" "/files/news2.xml"
refresh
[ "$rc" = 0 ] || fail "third -r exited $rc: $(cat "$T/out" "$T/err")"
[ "$(asked "/files/site.html?type=text/html")" = 2 ] ||
    fail "the page was not asked again"
expect_grep "read from the feed it names, $B/files/news2.xml" "$T/out"
expect_grep "0 new articles, 0 failed" "$T/out"

# 4. A page that names no feed is not a feed, as it always was.
printf '%s\n' "$u_plain" >"$T/urls"
refresh
[ "$rc" = 1 ] || fail "a page without a feed exited $rc"
expect_grep "not a feed: the document is <html>" "$T/out"

# 5. Full texts for a feed tagged "fulltext": each new item's article,
#    once, kept apart from the teaser.
cp "$extract/article.html" "$extract/split.html" "$T/www/"
rss "$T/www/full.xml" Full f1 "$B/files/article.html?type=text/html" \
    f2 "$B/files/split.html?type=text/html" f3 "$B/status?code=404"
printf '%s fulltext "~Full texts"\n' "$B/files/full.xml" >"$T/urls"
refresh
[ "$rc" = 0 ] || fail "-r with full texts exited $rc: $(cat "$T/out" "$T/err")"
expect_grep "1 feed refreshed: 3 new articles, 0 failed" "$T/out"
[ "$(asked "/files/article.html?type=text/html")" = 1 ] ||
    fail "the article was not fetched once"
[ "$(asked "/files/split.html?type=text/html")" = 1 ] ||
    fail "the second article was not fetched once"
bodies=$(grep -l "A teaser of f1" "$data"/bodies/*.xml) ||
    fail "no bodies file for the feed"
expect_grep '<fulltext type="html">' "$bodies"
expect_grep "ending a debate that has run" "$bodies"
expect_grep "The towpath starts behind the railway station" "$bodies"
expect_grep "A teaser of f1." "$bodies"
grep -q "Related stories" "$bodies" && fail "the page's junk was stored"
[ "$(grep -c '<fulltext' "$bodies")" = 2 ] || fail "not two full texts"
refresh
[ "$rc" = 0 ] || fail "-r again exited $rc"
[ "$(asked "/files/article.html?type=text/html")" = 1 ] ||
    fail "the article was fetched again"
expect_grep "ending a debate that has run" "$bodies"

# 6. Without the tag, no full texts.
printf '%s\n' "$B/files/full.xml" >"$T/urls"
rm -rf "$data"
refresh
[ "$rc" = 0 ] || fail "-r without the tag exited $rc"
[ "$(asked "/files/article.html?type=text/html")" = 1 ] ||
    fail "an article was fetched without the tag"
grep -q '<fulltext' "$data"/bodies/*.xml && fail "a full text without the tag"
exit 0
