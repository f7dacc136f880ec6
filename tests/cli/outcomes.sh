# SPDX-License-Identifier: ISC
# tidings -r and what each fetch ends in (issue 5), against faultd: 200
# merged, with its validators stored; 304, nothing written, and fetched
# again without validators when the bodies file is lost; 404, 500, a TLS
# failure and a page that is not a feed keep the stored articles byte for
# byte and wait before the next try; 410 marks the feed gone, never asked
# for again; 429 and 503 wait as long as Retry-After says; 301 and 308
# are noted as moves, the urls file left alone; the report, the counts of
# skipped feeds, the exit status, and the progress line that only a
# terminal gets.
. "$top_srcdir/tests/cli/lib.sh"

data=$T/data
mkdir "$T/www" "$T/keep"

# rss FILE TITLE GUID...: a feed of one item per guid.
rss() {
	out=$1 title=$2
	shift 2
	{
		printf '<rss version="2.0"><channel><title>%s</title>\n' \
		    "$title"
		for g; do
			printf '<item><guid>%s</guid>' "$g"
			printf '<title>%s</title>' "$g"
			printf '<description>&lt;p&gt;About %s.&lt;/p&gt;' "$g"
			printf '</description></item>\n'
		done
		printf '</channel></rss>\n'
	} >"$out"
}

# refresh: tidings -r on the urls file; sets rc.
refresh() {
	rc=0
	"$TIDINGS" -u "$T/urls" -d "$data" -r >"$T/out" 2>"$T/err" \
	    </dev/null || rc=$?
}

# expect_rc N: the last refresh exited N.
expect_rc() {
	[ "$rc" = "$1" ] ||
	    fail "-r exited $rc, not $1: $(cat "$T/out" "$T/err")"
}

# asked PATH: how many times faultd was asked for PATH.
asked() {
	grep -cF "GET $1 " "$T/faultd.log" || true
}

# xml URL: URL as an attribute value in the store's files.
xml() {
	printf '%s\n' "$1" | sed 's/&/\&amp;/g'
}

# entry STORE URL: the index line of the feed at URL.
entry() {
	grep -F "url=\"$(xml "$2")\"" "$1/index.xml" ||
	    fail "no index entry for $2 in $1"
}

# id_of STORE URL: the id of the feed at URL.
id_of() {
	entry "$1" "$2" | sed 's/.* id="\([0-9a-f]*\)".*/\1/'
}

# attr NAME LINE: the value of attribute NAME in LINE, or nothing.
attr() {
	printf '%s\n' "$2" | sed -n "s/.* $1=\"\\([^\"]*\\)\".*/\\1/p"
}

# set_attr URL NAME VALUE: set attribute NAME, there already, of the
# index entry of URL.
set_attr() {
	awk -v url="url=\"$(xml "$1")\"" -v name="$2" -v value="$3" '
	    index($0, url) { sub(" " name "=\"[^\"]*\"",
	    " " name "=\"" value "\"") } { print }' "$data/index.xml" \
	    >"$T/index" && cat "$T/index" >"$data/index.xml"
}

# wait_of URL: how long the feed at URL waits after its last fetch.
wait_of() {
	we=$(entry "$data" "$1")
	echo $(($(date -u -d "$(attr retry-after "$we")" +%s) -
	    $(date -u -d "$(attr fetched "$we")" +%s)))
}

# keep ID: copy the files of feed ID aside, for same_files.
keep() {
	cp "$data/feeds/$1.xml" "$T/keep/feed-$1.xml"
	cp "$data/bodies/$1.xml" "$T/keep/bodies-$1.xml"
}

# same_files ID WHAT: the files of feed ID are as keep left them.
same_files() {
	cmp -s "$data/feeds/$1.xml" "$T/keep/feed-$1.xml" ||
	    fail "$2: feeds/$1.xml changed"
	cmp -s "$data/bodies/$1.xml" "$T/keep/bodies-$1.xml" ||
	    fail "$2: bodies/$1.xml changed"
}

rss "$T/www/a.xml" A a1 a2
rss "$T/www/page.xml" Page p1
faultd_start "$T/www"
port=${B##*:}
u_a=$B/files/a.xml
u_page=$B/files/page.xml
u_etag="$B/etag?tag=%22v1%22&lm=Tue,%2014%20Nov%202023%2022:13:20%20GMT"
u_500=$B/status?code=500
u_410=$B/status?code=410
u_429="$B/status?code=429&retry_after=3600"
u_503="$B/status?code=503&retry_after=Fri,%2031%20Dec%202100%2023:59:59%20GMT"
u_tls=https://127.0.0.1:$port/ok
statuses="$u_500 $u_410 $u_429 $u_503"
w="waiting after failures, 1 gone"	# the end of a summary
failing="$statuses $u_tls"

# The feeds that will only answer with an error get stored articles
# first, so that the test can see that a failure leaves them alone: a
# store of a good feed gives the files, whose id and url are then made
# those of each one (the ids come from a first store that fetched them).
printf '%s\n' "$u_a" $statuses >"$T/urls"
"$TIDINGS" -u "$T/urls" -d "$T/first" -r >/dev/null 2>&1
mkdir -p "$data/feeds" "$data/bodies"
ida=$(id_of "$T/first" "$u_a")
for u in $statuses; do
	id=$(id_of "$T/first" "$u")
	to=$(xml "$u" | sed 's/[&|]/\\&/g')	# for the right of s|||
	for tier in feeds bodies; do
		sed "s|id=\"$ida\"|id=\"$id\"|; s|url=\"[^\"]*\"|url=\"$to\"|" \
		    "$T/first/$tier/$ida.xml" >"$data/$tier/$id.xml"
	done
	keep "$id"
done
: >"$T/faultd.log"

# 1. Every outcome at once. (The TLS one takes faultd's 10 s to give up
#    on a request that never ends.)
printf '%s\n' "$u_a" "$u_page" "$u_etag" $failing >"$T/urls"
refresh
expect_rc 1
expect_grep "$u_500: HTTP 500 Internal Server Error; next try after " \
    "$T/out"
expect_grep "$u_410: HTTP 410 Gone; not fetched any more" "$T/out"
expect_grep "$u_429: HTTP 429 Too Many Requests; next try after " "$T/out"
expect_grep "$u_503: HTTP 503 Service Unavailable; next try after " \
    "$T/out"
expect_grep "$u_tls: secure connection failed" "$T/out"
expect_grep "8 feeds refreshed: 4 new articles, 5 failed" "$T/out"
grep -q skipped "$T/out" && fail "nothing was to be skipped: $(cat "$T/out")"
grep -q Refreshing "$T/err" && fail "a progress line, but not on a terminal"
for u in $statuses; do
	same_files "$(id_of "$data" "$u")" "a failed fetch of $u"
done
e=$(entry "$data" "$u_410")
[ "$(attr gone "$e")" = 1 ] || fail "410 not gone: $e"
[ -z "$(attr retry-after "$e")" ] || fail "a gone feed waits: $e"
e=$(entry "$data" "$u_500")
[ "$(attr failures "$e")" = 1 ] || fail "500 not one failure: $e"
[ "$(wait_of "$u_500")" = 600 ] || fail "500 waits $(wait_of "$u_500") s"
[ "$(attr error "$e")" = "HTTP 500 Internal Server Error" ] ||
    fail "500: no error kept: $e"
[ "$(wait_of "$u_429")" = 3600 ] || fail "429 waits $(wait_of "$u_429") s"
[ "$(wait_of "$u_503")" = 604800 ] ||
    fail "503 waits $(wait_of "$u_503") s, not the most fetch allows"
[ "$(wait_of "$u_tls")" = 600 ] || fail "TLS waits $(wait_of "$u_tls") s"
e=$(entry "$data" "$u_a")
[ -z "$(attr failures "$e")$(attr retry-after "$e")$(attr error "$e")" ] ||
    fail "a good feed waits: $e"
# The validators are stored with the feed at its first fetch.
ide=$(id_of "$data" "$u_etag")
expect_grep '<etag>&quot;v1&quot;</etag>' "$data/feeds/$ide.xml"
expect_grep '<last-modified>Tue, 14 Nov 2023 22:13:20 GMT</last-modified>' \
    "$data/feeds/$ide.xml"
expect_no_controls "$T/out"

# 2. At once again: the feeds that failed wait and the gone one is not
#    asked for; the 404 of a feed that had articles and a page that is not
#    a feed leave its files as they were; the 304 writes nothing.
ida=$(id_of "$data" "$u_a")
idp=$(id_of "$data" "$u_page")
keep "$ida"
keep "$idp"
keep "$ide"
rm "$T/www/a.xml"
printf '<!DOCTYPE html>\n<html><body><p>Sign in</p></body></html>\n' \
    >"$T/www/page.xml"
refresh
expect_rc 1
expect_grep "$u_a: HTTP 404 Not Found; next try after " "$T/out"
expect_grep "$u_page: not a feed: the document is <html>" "$T/out"
expect_grep "$u_410: HTTP 410 Gone; not fetched any more" "$T/out"
expect_grep "3 feeds refreshed: 0 new articles, 2 failed; 5 skipped: 4 $w" \
    "$T/out"
same_files "$ida" "a 404"
same_files "$idp" "an HTML page"
same_files "$ide" "a 304"
expect_grep "GET ${u_etag#$B} inm=\"v1\" ims=Tue, 14 Nov 2023 22:13:20 GMT" \
    "$T/faultd.log"
for u in $failing; do
	[ "$(asked "${u#*127.0.0.1:$port}")" -le 1 ] ||
	    fail "$u was asked for again: $(cat "$T/faultd.log")"
done
# (4 fetched, and the 2 of each of the 4 planted feeds, which the store
# found in its feed files when it made its first index)
n=$("$TIDINGS" -u "$T/urls" -d "$data" --print-unread)
[ "$n" = 12 ] || fail "$n unread, not 12: a failed fetch lost articles"

# 3. Once its Retry-After has passed, the 429 is asked for again (the
#    store's time is set back), and waits longer after a second failure.
set_attr "$u_429" retry-after 2000-01-01T00:00:00Z
grep -qF 'retry-after="2000-01-01T00:00:00Z"' "$data/index.xml" ||
    fail "cannot set the time of the 429 back"
refresh
expect_rc 1
[ "$(asked "/status?code=429&retry_after=3600")" = 2 ] ||
    fail "the 429 was not asked for again: $(cat "$T/faultd.log")"
[ "$(asked /status?code=410)" = 1 ] || fail "the gone feed was asked again"
expect_grep "2 feeds refreshed: 0 new articles, 1 failed; 6 skipped: 5 $w" \
    "$T/out"
e=$(entry "$data" "$u_429")
[ "$(attr failures "$e")" = 2 ] || fail "429: not two failures: $e"
[ "$(wait_of "$u_429")" = 3600 ] || fail "429 waits $(wait_of "$u_429") s"
[ "$(wait_of "$u_a")" = 600 ] || fail "404 waits $(wait_of "$u_a") s"

# 4. A 304 for a feed whose bodies file is lost: fetched again at once
#    without validators, and the bodies are back. Only skipped feeds
#    besides: exit 0.
rm "$data/bodies/$ide.xml"
: >"$T/faultd.log"
refresh
expect_rc 0
expect_grep "1 feed refreshed: 0 new articles, 0 failed; 7 skipped: 6 $w" \
    "$T/out"
expect_grep "inm=\"v1\"" "$T/faultd.log"
expect_grep "inm=- ims=-" "$T/faultd.log"
[ "$(wc -l <"$T/faultd.log")" = 2 ] ||
    fail "not two requests: $(cat "$T/faultd.log")"
[ -f "$data/bodies/$ide.xml" ] || fail "the bodies were not fetched again"

# 5. On a terminal, a progress line on standard error, cleared at the end.
if command -v script >/dev/null 2>&1; then
	script -qec "'$TIDINGS' -u '$T/urls' -d '$data' -r" /dev/null \
	    >"$T/tty" 2>&1 </dev/null
	LC_ALL=C grep -qaP '^\rRefreshing 0/1\xe2\x80\xa6\r {16,}\rhttp' \
	    "$T/tty" ||
	    fail "no progress line, or not cleared: $(od -c "$T/tty")"
	expect_grep "1 feed refreshed" "$T/tty"
fi

# 6. Permanent redirects (301, 308) are noted as where the feed moved,
#    from the first answer on; a temporary one (302) is not; the urls
#    file stays as it was, and is fetched at its URL again.
rss "$T/www/moved.xml" Moved m1
u_301="$B/redir?code=301&to=%2Ffiles%2Fmoved.xml&direct=1"
u_302="$B/redir?to=%2Ffiles%2Fmoved.xml"
u_308="$B/redir?code=308&to=%2Fredir%3Fto%3D%252Ffiles%252Fmoved.xml"
u_302_301="$B/redir?to=%2Fredir%3Fcode%3D301%26to%3D%252Ffiles%252Fmoved.xml"
printf '%s\n' "$u_301" "$u_302" "$u_308" "$u_302_301" >"$T/urls"
cp "$T/urls" "$T/urls.before"
for run in 1 2; do
	refresh
	expect_rc 0
	expect_grep "$u_301: moved to $B/files/moved.xml" "$T/out"
	expect_grep "$u_308: moved to $B/redir?to=%2Ffiles%2Fmoved.xml" \
	    "$T/out"
	grep -F "$u_302:" "$T/out" && fail "a 302 is not a move"
	grep -F "$u_302_301:" "$T/out" && fail "a 302 first is not a move"
	expect_grep "4 feeds refreshed: " "$T/out"
	[ "$(attr moved-to "$(entry "$data" "$u_301")")" = \
	    "$(xml "$B/files/moved.xml")" ] || fail "no moved-to in the index"
	cmp -s "$T/urls" "$T/urls.before" || fail "the urls file changed"
done
[ "$(asked "${u_301#$B}")" = 2 ] ||
    fail "a feed that moved was not asked for at its URL again"
exit 0
