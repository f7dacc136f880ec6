# SPDX-License-Identifier: ISC
# tidings --fetch-article URL|FILE: the article of a page, from faultd or
# a file, as text: the title on the first line, then the body unwrapped,
# one block a line, and nothing else (no link numbers, no images, none of
# the page's navigation, banners, share bars, related stories, comments
# or footer); what it prints goes into --keyfacts; failures are one line
# on standard error, with nothing on standard output, and exit 1.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/extract
mkdir "$T/www"
cp "$data/article.html" "$data/no-article.html" "$data/list-page.html" \
    "$data/latin1.html" "$T/www/"
faultd_start "$T/www"

# expect_failure WHAT TEXT: --fetch-article WHAT exits 1, saying TEXT on
# one line of standard error and nothing on standard output.
expect_failure() {
	rc=0
	"$TIDINGS" --fetch-article "$1" >"$T/out" 2>"$T/err" || rc=$?
	[ "$rc" = 1 ] || fail "--fetch-article $1 exited $rc"
	[ -s "$T/out" ] && fail "--fetch-article $1 printed: $(cat "$T/out")"
	[ "$(wc -l <"$T/err")" = 1 ] ||
	    fail "not one line of error: $(cat "$T/err")"
	expect_grep "$2" "$T/err"
	expect_no_controls "$T/err"
}

# The article over HTTP.
"$TIDINGS" --fetch-article "$B/files/article.html?type=text/html" \
    >"$T/url" 2>"$T/err" || fail "--fetch-article URL exited $?"
[ -s "$T/err" ] && fail "a message on stderr: $(cat "$T/err")"
[ "$(head -n 1 "$T/url")" = \
    "Harbour council approves tidal barrier plan" ] ||
    fail "the first line is not the title: $(head -n 1 "$T/url")"
[ "$(sed -n 2p "$T/url")" = "" ] || fail "no blank line after the title"
expect_grep "The harbour mouth at low tide, where the barrier will stand." \
    "$T/url"
first="The regional council voted on Tuesday evening to build a tidal"
first="$first barrier across the mouth of the old harbour, ending a debate"
first="$first that has run, on and off, for more than a decade."
expect_grep "$first" "$T/url"
expect_grep "Objections from fishing crews" "$T/url"
expect_grep "Harbour ward | 12 | 2" "$T/url"
expect_grep "twelve weeks to raise any objection" "$T/url"
for junk in cookies Sport "Buy two boats" "Share on Social" \
    "Related stories" "record year" "About time" "Most read" \
    "morning briefing" "All rights reserved" "Harbour Desk" "[1]" \
    "[image" "http"; do
	grep -qF -- "$junk" "$T/url" && fail "'$junk' was printed"
done
expect_no_controls "$T/url"

# The same page from its file, and as a file:// URL.
"$TIDINGS" --fetch-article "$data/article.html" >"$T/file" ||
    fail "--fetch-article FILE exited $?"
cmp -s "$T/url" "$T/file" || { diff -u "$T/url" "$T/file" >&2;
    fail "the file and the URL differ"; }
"$TIDINGS" --fetch-article "file://$data/article.html" | cmp -s - "$T/file" ||
    fail "file:// differs"

# It pipes into --keyfacts: facts from the story, not from its title.
"$TIDINGS" --fetch-article "$data/article.html" |
    "$TIDINGS" --keyfacts >"$T/facts" 2>"$T/err" ||
    fail "--keyfacts on the article exited $?"
n=$(grep -c '^- ' "$T/facts")
[ "$n" -ge 3 ] || fail "$n key facts: $(cat "$T/facts")"
expect_grep "tidal barrier" "$T/facts"

# The server's charset, and the page's own.
"$TIDINGS" --fetch-article "$B/files/latin1.html?type=text/html" \
    >"$T/out" || fail "a Latin-1 page exited $?"
expect_grep "Café culture" "$T/out"
expect_grep "crème brûlée" "$T/out"
"$TIDINGS" --fetch-article \
    "$B/files/latin1.html?type=text/html&charset=ISO-8859-1" >"$T/out" ||
    fail "a Latin-1 page with a charset exited $?"
expect_grep "crème brûlée" "$T/out"

# Pages that are not articles.
expect_failure "$B/files/no-article.html?type=text/html" \
    "no article found on the page"
expect_failure "$data/list-page.html" \
    "no article found on the page: it is a list of links"

# Failures of the download or the file.
expect_failure "$B/files/latin1.html?type=image/png" \
    "not a web page but image/png"
expect_failure "$B/status?code=404" "HTTP 404"
expect_failure "$B/redir?to=file:///etc/passwd" "refused"
grep -q "root:" "$T/out" "$T/err" && fail "a redirect read /etc/passwd"
expect_failure "$T/missing.html" "cannot read '$T/missing.html'"
expect_failure "ftp://example.org/page.html" "refused"

# A page over the size cap (8 MiB), from a file and over HTTP.
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 160000; i++)
	printf "<p>A paragraph of filler text, long enough to count.</p>\n" }' \
    >"$T/www/big.html"
[ "$(wc -c <"$T/www/big.html")" -gt 8388608 ] || fail "big.html is small"
expect_failure "$T/www/big.html" "the page is too large (over 8 MiB)"
expect_failure "$B/files/big.html?type=text/html" "response larger than"

# Usage: the option needs its argument.
rc=0
"$TIDINGS" --fetch-article >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || fail "--fetch-article without an argument exited $rc"
exit 0
