# SPDX-License-Identifier: ISC
# The fetch module against faultd, the fault-injection server
# (RELIABILITY.md 2.3, test cases 15-22): each fault ends in the right
# status, within the limits, with a clean one-line error; conditional
# requests carry their validators; no redirect leaves http and https.
# Runs tests/tools/fetchcat, which prints one line per result.
. "$top_srcdir/tests/cli/lib.sh"

: "${top_builddir:?run the tests through make check}"
FAULTD=$top_builddir/tests/tools/faultd
FETCHCAT=$top_builddir/tests/tools/fetchcat
[ -x "$FAULTD" ] || skip "no $FAULTD"
[ -x "$FETCHCAT" ] || fail "no $FETCHCAT (add it to check_PROGRAMS)"

# A fetch that hangs must not hang the test.
guard=
command -v timeout >/dev/null 2>&1 && guard="timeout 30"

# The fetches in the background end with the test, always.
bg_pids=
stop_all_bg() {
	for p in $bg_pids; do
		kill "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	bg_pids=
}
trap 'stop_all_bg; stop_servers; rm -rf "$T"' EXIT

mkdir "$T/www"
printf '%s\n' '<?xml version="1.0"?>' \
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>file</title></feed>' \
    >"$T/www/feed.xml"
# H6: 200 MB of zeros in about 200 KB of gzip.
head -c 200000000 /dev/zero | gzip -9 >"$T/www/gzbomb.gz" ||
    fail "cannot build the gzip bomb"
# H5: a truncated gzip body whose Content-Length matches what is sent.
awk 'BEGIN { printf "<rss version=\"2.0\"><channel><title>t</title>";
    for (i = 0; i < 3000; i++) printf "<item><title>%d</title></item>", i;
    print "</channel></rss>" }' | gzip -9 | head -c 3000 >"$T/www/trunc.gz"

# The feed in gzip, in zlib's deflate and in bare deflate.
gzip -c "$T/www/feed.xml" >"$T/www/feed.gz" || fail "cannot gzip"
python3 -c 'import sys, zlib
d = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(zlib.compress(d))
c = zlib.compressobj(6, zlib.DEFLATED, -15)
open(sys.argv[3], "wb").write(c.compress(d) + c.flush())' "$T/www/feed.xml" \
    "$T/www/feed.zlib" "$T/www/feed.raw" || fail "cannot deflate"

faultd_start "$T/www"

# fc NAME [OPTION...] URL: fetchcat into $T/NAME.out, the body into
# $T/NAME.body, the seconds it took into $T/NAME.time.
fc() {
	fc_name=$1
	shift
	fc_start=$(date +%s)
	$guard "$FETCHCAT" -o "$T/$fc_name.body" "$@" >"$T/$fc_name.out" \
	    2>"$T/$fc_name.err" || fail "$fc_name: fetchcat exited with $?"
	echo $(($(date +%s) - fc_start)) >"$T/$fc_name.time"
	[ -s "$T/$fc_name.err" ] && { cat "$T/$fc_name.err" >&2;
	    fail "$fc_name: fetchcat wrote to stderr"; }
	expect_no_controls "$T/$fc_name.out"
}
# field NAME KEY: the value of KEY= in $T/NAME.out (up to a blank).
field() {
	sed -n "s/.* $2=\([^ ]*\).*/\1/p; s/^$2=\([^ ]*\).*/\1/p" \
	    "$T/$1.out" | head -1
}
expect_status() {
	expect_grep "status=$2 " "$T/$1.out"
}
expect_within() {
	[ "$(cat "$T/$1.time")" -le "$2" ] ||
	    fail "$1 took $(cat "$T/$1.time") s, more than $2 s"
}
# expect_capped NAME CAP: the body and the reported size are at most CAP.
expect_capped() {
	[ "$(field "$1" bytes)" -le "$2" ] ||
	    fail "$1: bytes=$(field "$1" bytes) past the cap of $2"
	[ "$(wc -c <"$T/$1.body")" -le "$2" ] || fail "$1: body past the cap"
}

# H16: a self-signed certificate is a TLS error (and fetch never falls
# back to http). Needs the openssl command; left out without it.
if command -v openssl >/dev/null 2>&1 &&
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -nodes -keyout "$T/tls.key" -out "$T/tls.crt" -days 1 \
    -subj /CN=tidings-test >/dev/null 2>&1; then
	openssl s_server -accept 127.0.0.1:0 -cert "$T/tls.crt" \
	    -key "$T/tls.key" -www -naccept 1 </dev/null >"$T/tls.port" \
	    2>/dev/null &
	bg_pids=$!
	i=0
	while ! grep -q '^ACCEPT' "$T/tls.port" && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	tls_port=$(sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' "$T/tls.port")
	[ -n "$tls_port" ] || fail "openssl s_server did not start"
	fc tls "https://127.0.0.1:$tls_port/"
	expect_status tls TLS
	expect_grep "error=secure connection failed: " "$T/tls.out"
	stop_all_bg
else
	echo "note: no openssl command; the TLS case is left out" >&2
fi

# The three faults that take the whole timeout run side by side.
# H1: an idle server; H2: one byte a second.
fc idle -t 3 "$B/idle" &
idle_pid=$!
fc slow -t 3 "$B/slow?bps=1" &
slow_pid=$!
# Case 15: other transfers and the keyboard (stdin) are served while one
# hangs.
(sleep 1; echo key) | $guard "$FETCHCAT" -i -t 3 "$B/idle" "$B/ok" \
    "$B/status?code=404" >"$T/multi.out" 2>"$T/multi.err" &
multi_pid=$!
bg_pids="$idle_pid $slow_pid $multi_pid"

# 200 with a body and a charset.
fc ok "$B/ok?charset=ISO-8859-1"
expect_status ok OK
expect_grep "http=200 " "$T/ok.out"
expect_grep "charset=ISO-8859-1 " "$T/ok.out"
expect_grep "type=application/rss+xml " "$T/ok.out"
expect_grep "<rss" "$T/ok.body"
[ "$(field ok bytes)" = "$(wc -c <"$T/ok.body" | tr -d ' ')" ] ||
    fail "ok: bytes=$(field ok bytes) but the body has $(wc -c <"$T/ok.body")"
fc file "$B/files/feed.xml?type=application/atom%2Bxml&charset=%22utf-8%22"
expect_status file OK
expect_grep "type=application/atom+xml charset=utf-8 " "$T/file.out"
cmp -s "$T/file.body" "$T/www/feed.xml" || fail "file: body differs"

# Conditional GET: the ETag comes back; sent again, it gives a 304.
fc etag1 "$B/etag?tag=%22v1%22"
expect_status etag1 OK
expect_grep 'etag="v1" ' "$T/etag1.out"
fc etag2 -e "$(field etag1 etag)" "$B/etag?tag=%22v1%22"
expect_status etag2 NOT_MODIFIED
expect_grep "http=304 " "$T/etag2.out"
expect_grep 'GET /etag?tag=%22v1%22 inm="v1" ims=-' "$T/faultd.log"
fc etag3 -e '"v0"' "$B/etag?tag=%22v1%22"
expect_status etag3 OK
lm='Mon, 01 Jan 2024 10:00:00 GMT'
fc lm1 "$B/etag?lm=Mon,%2001%20Jan%202024%2010:00:00%20GMT"
expect_grep "last_modified=$lm " "$T/lm1.out"
fc lm2 -L "$lm" "$B/etag?lm=Mon,%2001%20Jan%202024%2010:00:00%20GMT"
expect_status lm2 NOT_MODIFIED
expect_grep "ims=$lm" "$T/faultd.log"
# H11: a 304 to a request without validators is an error, not "no change".
fc bare304 "$B/status?code=304"
expect_status bare304 HTTP_ERROR
expect_grep "error=server answered 304 to an unconditional request" \
    "$T/bare304.out"

# H13-H15: HTTP errors, Gone, Retry-After.
fc e404 "$B/status?code=404"
expect_status e404 HTTP_ERROR
expect_grep "error=HTTP 404 Not Found" "$T/e404.out"
fc e500 "$B/status?code=500"
expect_status e500 HTTP_ERROR
expect_grep "http=500 " "$T/e500.out"
expect_grep "error=HTTP 500 Internal Server Error" "$T/e500.out"
fc e410 "$B/status?code=410"
expect_status e410 GONE
expect_grep "error=HTTP 410 Gone" "$T/e410.out"
fc e429 "$B/status?code=429&retry_after=120"
expect_status e429 HTTP_ERROR
expect_grep "http=429 " "$T/e429.out"
expect_grep "retry_after=120 " "$T/e429.out"
fc e503 "$B/status?code=503&retry_after=30"
expect_grep "retry_after=30 " "$T/e503.out"
expect_grep "error=HTTP 503 Service Unavailable" "$T/e503.out"

# H9: a redirect loop stops after 5 redirects.
fc loop "$B/loop"
expect_status loop REDIRECTS
n=$(grep -c '^GET /loop ' "$T/faultd.log")
[ "$n" -le 6 ] || fail "loop: $n requests for 5 redirects"

# H10: no redirect to, and no URL of, another scheme; no local file read.
fc tofile "$B/redir?to=file:///etc/passwd"
expect_status tofile REFUSED
fc toftp "$B/redir?to=ftp://${B#http://}/x"
expect_status toftp REFUSED
fc togopher "$B/redir?to=gopher://127.0.0.1:$port/x"
expect_status togopher REFUSED
fc fileurl "file:///etc/passwd"
expect_status fileurl REFUSED
for f in tofile toftp togopher fileurl; do
	[ -s "$T/$f.body" ] && fail "$f: a body from a refused scheme"
	grep -q 'root:' "$T/$f.out" && fail "$f: /etc/passwd in the output"
done
grep -q '^GET /x ' "$T/faultd.log" &&
    fail "an ftp or gopher redirect was followed"

# H6, H7: the cap holds for a gzip bomb and an endless chunked body.
fc bomb -m 1048576 "$B/gzbomb"
expect_status bomb TOO_LARGE
expect_capped bomb 1048576
fc chunked -m 1048576 "$B/chunked-forever"
expect_status chunked TOO_LARGE
expect_capped chunked 1048576
fc chunked8 "$B/chunked-forever"
expect_status chunked8 TOO_LARGE
expect_capped chunked8 8388608
# H8: a declared length past the cap fails at once, with nothing kept.
fc clhuge "$B/cl-huge"
expect_status clhuge TOO_LARGE
expect_grep "bytes=0 " "$T/clhuge.out"
expect_within clhuge 2
# H18: headers without an end.
fc hflood "$B/hflood"
expect_status hflood TOO_LARGE

# H3, H4: a reset and a short body are network errors, with a reason.
fc reset "$B/reset?after=1000"
expect_status reset NETWORK
expect_grep "error=network error: " "$T/reset.out"
fc short "$B/short"
expect_status short NETWORK
expect_grep "error=network error: " "$T/short.out"
# H5: a truncated gzip body passes curl (RELIABILITY.md finding 7); tidings
# decodes gzip itself, and its decoder checks the length and the CRC.
fc trunc "$B/files/trunc.gz?gzip=1"
expect_status trunc NETWORK
expect_grep "error=network error: the compressed body is damaged or cut short" \
    "$T/trunc.out"
[ -s "$T/trunc.body" ] && fail "trunc: a body from a damaged gzip"

# What the server compressed comes back as it was; gzip and deflate are
# asked for, and a coding that was not (br) is an error that names it.
for enc in gzip:gz deflate:zlib deflate:raw; do
	fc "enc-${enc#*:}" "$B/files/feed.${enc#*:}?enc=${enc%:*}"
	expect_status "enc-${enc#*:}" OK
	cmp -s "$T/enc-${enc#*:}.body" "$T/www/feed.xml" ||
	    fail "${enc#*:}: the body is not the feed"
done
expect_grep "GET /files/feed.gz?enc=gzip inm=- ims=- ae=gzip, deflate" \
    "$T/faultd.log"
fc enc-br "$B/files/feed.xml?enc=br"
expect_status enc-br HTTP_ERROR
expect_grep "encoding that was not asked for: br" "$T/enc-br.out"
fc refused "http://127.0.0.1:1/"
expect_status refused NETWORK

# What a server says is cleaned: a status text, an ETag, a charset.
fc evil1 "$B/status?code=599&reason=%1b%5b2J%1b%5d0;x%07Evil%c2%9b1m%e2%80%ae"
expect_status evil1 HTTP_ERROR
expect_grep "error=HTTP 599 Evil" "$T/evil1.out"
fc evil2 "$B/etag?tag=%1b%5d52;c;cHduZWQ=%07%22v%0b2%22"
expect_status evil2 OK
fc evil3 "$B/ok?charset=%1b%5b31mutf-8"
expect_grep "charset=- " "$T/evil3.out"
# A header value past 1 KiB is ignored.
fc longtag "$B/etag?tag=$(awk 'BEGIN { for (i = 0; i < 2000; i++)
    printf "a" }')"
expect_grep "etag=- " "$T/longtag.out"

# The slow cases: a timeout within a few seconds of the 3 s limit.
wait "$idle_pid" || fail "idle failed"
wait "$slow_pid" || fail "slow failed"
expect_status idle TIMEOUT
expect_grep "error=timed out: " "$T/idle.out"
expect_within idle 6
expect_status slow TIMEOUT
expect_within slow 6
wait "$multi_pid" || fail "multi: fetchcat exited with $?"
bg_pids=
expect_no_controls "$T/multi.out"
[ -s "$T/multi.err" ] && { cat "$T/multi.err" >&2; fail "multi: stderr"; }
expect_grep "n=1 status=TIMEOUT " "$T/multi.out"
expect_grep "n=2 status=OK " "$T/multi.out"
expect_grep "n=3 status=HTTP_ERROR " "$T/multi.out"
expect_grep "stdin=ready" "$T/multi.out"
# The idle transfer finishes last: the other two, and the key, come first.
[ "$(tail -n 1 "$T/multi.out" | cut -d' ' -f1)" = n=1 ] || {
	cat "$T/multi.out" >&2
	fail "multi: a hanging transfer held up the others"
}

exit 0
