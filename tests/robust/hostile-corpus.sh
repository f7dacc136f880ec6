# SPDX-License-Identifier: ISC
# The hostile-feed corpus (RELIABILITY.md 2.1 and 2.2; tests/data/hostile/
# README says how a case is written). Each case is an input and, beside
# it, its expected outcome:
#
#   NAME.xml  + NAME.expect   exactly what `tidings --dump` prints, or
#             + NAME.error    the line on stderr, with exit status 1
#   NAME.html + NAME.render   exactly what `tidings --render --width=80`
#                             prints
#   NAME.opml + NAME.urls     the URLs the urls file holds after
#                             `tidings --import-opml`, one a line, or
#             + NAME.error    its error line, with exit status 1
#   NAME.gen  + NAME.check    an input too big to keep, made by the shell
#                             script NAME.gen (its "# input:" line names
#                             the kind, xml by default; "# fetch: faultd"
#                             has it fetched over HTTP), and conditions
#                             on the outcome in NAME.check, a shell
#                             fragment run with $OUT, $ERR and $RC
#
# In the inputs, @T@ stands for the test's temporary folder and @PORT@
# for the port of a faultd on 127.0.0.1. Beyond its own outcome every
# case must: end with exit status 0 or 1 (no crash, no kill), within 30 s
# of CPU time and, but for sanitizer builds, 400 MB of address space;
# print no control character, C1 or bidi control, and only well-formed
# UTF-8, on stdout or stderr (nor write one to a urls file); never show
# the sentinel file ($T/sentinel), and never open it (checked with strace
# where it works); never contact faultd or any host (its log stays
# empty, and strace sees no connect); and never run anything (no
# $T/pwned). Then: in the C locale the feeds read the same (T8); for
# each feed that is refused, a store that holds a
# good copy of the feed keeps it byte for byte after a refresh that reads
# the hostile one (P6); and a feed whose guids all change on every
# fetch does not grow the store (T12), and duplicate guids count once
# (T10).
#
# The OPML cases need `tidings --import-opml`; without it (tidings --help
# does not list it) they are skipped, each with a notice.
# TIDINGS_REGEN=1 rewrites the .expect, .render and .urls files (review
# the diff!).
. "$top_srcdir/tests/cli/lib.sh"

dir=$top_srcdir/tests/data/hostile
[ -d "$dir" ] || fail "no $dir"
[ -x "$top_builddir/tests/tools/faultd" ] ||
    fail "tests/tools/faultd is not built (make check builds it)"

# Sanitizer builds reserve terabytes of address space: no memory bound.
limit=400000
stack=256
case ${SAN_CFLAGS-} in
*address*) limit=unlimited stack=8192 ;;
esac
guard=
command -v timeout >/dev/null 2>&1 && guard="timeout 60"
tracer=
if command -v strace >/dev/null 2>&1 &&
    strace -f -o /dev/null true 2>/dev/null; then
	tracer=strace
	# LeakSanitizer cannot run under ptrace.
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export ASAN_OPTIONS
else
	echo "note: no working strace: opens and connects are not traced" >&2
fi
opml=0
"$TIDINGS" --help 2>/dev/null | grep -q -- '--import-opml' && opml=1

mkdir "$T/www" "$T/cases"
faultd_start "$T/www"
port=${B##*:}
secret="SENTINEL-$$-SECRET"
echo "$secret" >"$T/sentinel"
echo "<!ENTITY ext \"$secret-DTD\">" >"$T/sentinel.dtd"
: >"$T/faultd.log"

# log_lines: the number of requests faultd has seen.
log_lines() {
	wc -l <"$T/faultd.log" | tr -d ' '
}

# unsubst FILE: the file with the temporary folder and the port put back
# as @T@ and @PORT@, as the expected files write them.
unsubst() {
	LC_ALL=C sed -e "s|$T|@T@|g" -e "s|127\.0\.0\.1:$port|127.0.0.1:@PORT@|g" \
	    "$1"
}

# compare WANT GOT NAME: GOT (a file of the run) is WANT, or WANT is
# written anew under TIDINGS_REGEN.
compare() {
	unsubst "$2" >"$2.cmp"
	if [ -n "${TIDINGS_REGEN-}" ]; then
		cp "$2.cmp" "$1"
		return 0
	fi
	[ -f "$1" ] || fail "$3: no $(basename "$1")"
	cmp -s "$1" "$2.cmp" || {
		diff -u "$1" "$2.cmp" | head -60 >&2
		fail "$3: the outcome differs from $(basename "$1")"
	}
}

# no_secrets NAME FILE...: the sentinel's text is in none of the files.
no_secrets() {
	sn_name=$1
	shift
	for sn_f; do
		[ -f "$sn_f" ] || continue
		grep -q "SENTINEL-$$" "$sn_f" &&
		    fail "$sn_name: the sentinel file was read (in $sn_f)"
	done
	return 0
}

# run NAME KIND FILE [URL]: tidings on the input FILE of kind xml, html or
# opml (or the URL, for a feed fetched from faultd), bounded, traced when
# the input names the sentinel or faultd; $OUT, $ERR, $RC, $SECS.
run() {
	r_name=$1 r_kind=$2 r_file=$3 r_url=${4-}
	OUT=$T/$r_name.out ERR=$T/$r_name.err
	set -- "$TIDINGS"
	case $r_kind in
	xml) set -- "$@" --dump "${r_url:-$(basename "$r_file")}" ;;
	html) set -- "$@" --render "$(basename "$r_file")" --width=80 ;;
	opml) rm -rf "$T/o"; mkdir "$T/o"
		set -- "$@" -u "$T/o/urls" -d "$T/o/data" \
		    --import-opml "$(basename "$r_file")" ;;
	esac
	r_trace=
	if [ -n "$tracer" ] && grep -q "$T\|:$port" "$r_file" 2>/dev/null &&
	    [ -z "$r_url" ]; then
		r_trace=$T/$r_name.strace
		set -- strace -f -o "$r_trace" \
		    -e trace=open,openat,connect,execve "$@"
	fi
	r_start=$(date +%s)
	RC=0
	(
		cd "$(dirname "$r_file")" || exit 99
		ulimit -v $limit 2>/dev/null
		ulimit -t 30 2>/dev/null
		ulimit -s $stack 2>/dev/null
		exec $guard "$@"
	) >"$OUT" 2>"$ERR" </dev/null || RC=$?
	SECS=$(($(date +%s) - r_start))
	if [ -n "$r_trace" ]; then
		grep -q "open.*$T/sentinel" "$r_trace" &&
		    fail "$r_name: the sentinel file was opened"
		grep -q 'connect(.*AF_INET' "$r_trace" &&
		    fail "$r_name: a connection was opened:" \
		    "$(grep 'connect(' "$r_trace" | head -1)"
		[ "$(grep -c 'execve(' "$r_trace")" -le 1 ] ||
		    fail "$r_name: a program was run:" \
		    "$(grep 'execve(' "$r_trace" | sed -n 2p)"
	fi
	return 0
}

# common NAME: the checks every case passes.
common() {
	case $RC in
	0|1) ;;
	*) head -20 "$ERR" >&2; fail "$1: exit status $RC" ;;
	esac
	[ "$SECS" -le 30 ] || fail "$1: took $SECS s"
	expect_no_controls "$OUT"
	expect_no_controls "$ERR"
	no_secrets "$1" "$OUT" "$ERR"
	[ -e "$T/pwned" ] && fail "$1: a command from the input was run"
	return 0
}

# kind_of FILE: what a generator makes (its "# input:" line), xml if none.
kind_of() {
	sed -n 's/^# input: *//p' "$1" | head -1 | grep . || echo xml
}

n=0
skipped=0
refused=
for src in "$dir"/*.xml "$dir"/*.html "$dir"/*.opml "$dir"/*.gen; do
	[ -f "$src" ] || continue
	file=$(basename "$src")
	name=${file%.*}
	ext=${file##*.}
	url=
	if [ "$ext" = gen ]; then
		kind=$(kind_of "$src")
		case $kind in html) ext=html ;; opml) ext=opml ;; *) ext=xml ;; esac
		input=$T/cases/$name.$ext
		sh "$src" >"$input" || fail "$name: the generator failed"
		if grep -q '^# fetch: faultd' "$src"; then
			mv "$input" "$T/www/$name.$ext"
			input=$T/www/$name.$ext
			url=$B/files/$name.$ext
		fi
	else
		kind=$ext
		input=$T/cases/$file
		LC_ALL=C sed -e "s|@T@|$T|g" -e "s|@PORT@|$port|g" "$src" \
		    >"$input"
	fi
	if [ "$kind" = opml ] && [ $opml = 0 ]; then
		echo "SKIP: $name: tidings has no --import-opml" >&2
		skipped=$((skipped + 1))
		continue
	fi
	n=$((n + 1))
	before=$(log_lines)
	run "$name" "$kind" "$input" "$url"
	common "$name"
	if [ -z "$url" ] && [ "$(log_lines)" != "$before" ]; then
		tail -3 "$T/faultd.log" >&2
		fail "$name: faultd was contacted"
	fi
	base=$dir/$name
	if [ -f "$base.check" ]; then
		( . "$base.check" ) || fail "$name: $name.check failed"
	elif [ -f "$base.error" ]; then
		[ "$RC" = 1 ] || fail "$name: exit $RC, expected 1"
		grep -qxF -- "$(cat "$base.error")" "$ERR" ||
		    fail "$name: stderr is '$(cat "$ERR")'"
		[ "$kind" = xml ] && refused="$refused $name"
	else
		[ "$RC" = 0 ] || fail "$name: exit $RC: $(head -3 "$ERR")"
		case $kind in
		xml) compare "$base.expect" "$OUT" "$name" ;;
		html) compare "$base.render" "$OUT" "$name" ;;
		opml)
			touch "$T/o/urls"
			expect_no_controls "$T/o/urls"
			no_secrets "$name" "$T/o/urls"
			awk '!/^[ \t]*(#|$)/ { print $1 }' "$T/o/urls" \
			    >"$T/$name.got-urls"
			compare "$base.urls" "$T/$name.got-urls" "$name" ;;
		esac
	fi
done
[ $n -ge 30 ] || [ -n "${TIDINGS_REGEN-}" ] || fail "only $n cases ran"

# P6: a refused feed never replaces a good copy. The store holds a good
# version of the feed; the hostile one takes its place; the refresh fails
# and every file of the store is as it was.
good='<rss version="2.0"><channel><title>Good</title><item><guid>g1</guid><title>Good item</title></item></channel></rss>'
sums() {
	(cd "$1" && find . -type f ! -name lock ! -name index.xml |
	    LC_ALL=C sort | xargs sha256sum)
}
for name in $refused; do
	rm -rf "$T/p6"
	mkdir -p "$T/p6"
	echo "$good" >"$T/p6/feed.xml"
	echo "file://$T/p6/feed.xml" >"$T/p6/urls"
	"$TIDINGS" -u "$T/p6/urls" -d "$T/p6/data" -r >"$T/p6.out" 2>&1 ||
	    fail "P6 $name: the good feed failed: $(cat "$T/p6.out")"
	sums "$T/p6/data" >"$T/p6.before"
	cp "$T/cases/$name.xml" "$T/p6/feed.xml"
	rc=0
	"$TIDINGS" -u "$T/p6/urls" -d "$T/p6/data" -r >"$T/p6.out" 2>&1 ||
	    rc=$?
	[ $rc = 1 ] || fail "P6 $name: the refresh exited $rc"
	expect_no_controls "$T/p6.out"
	no_secrets "P6 $name" "$T/p6.out"
	sums "$T/p6/data" >"$T/p6.after"
	cmp -s "$T/p6.before" "$T/p6.after" ||
	    fail "P6 $name: the refused feed changed the store"
	[ "$("$TIDINGS" -u "$T/p6/urls" -d "$T/p6/data" --print-unread)" = 1 ] ||
	    fail "P6 $name: the good item is gone"
done

# T12: every guid changes on every fetch, titles and links stay: ten
# refreshes keep the same 5 items, and a read mark stays.
mkdir -p "$T/t12"
echo "file://$T/t12/feed.xml" >"$T/t12/urls"
i=0
while [ $i -lt 10 ]; do
	awk -v round=$i 'BEGIN {
		printf "<rss version=\"2.0\"><channel><title>Rotating</title>\n"
		for (n = 0; n < 5; n++)
			printf "<item><guid>urn:rotate:%d:%d</guid><title>Item %d</title><link>http://rotate.invalid/%d</link></item>\n", round, n, n, n
		printf "</channel></rss>\n" }' >"$T/t12/feed.xml"
	"$TIDINGS" -u "$T/t12/urls" -d "$T/t12/data" -r >"$T/t12.out" 2>&1 ||
	    fail "T12: refresh $i failed: $(cat "$T/t12.out")"
	i=$((i + 1))
done
items=$(grep -c '<item ' "$T"/t12/data/feeds/*.xml)
[ "$items" = 5 ] || fail "T12: rotating guids made $items items, not 5"

# T8: in the C locale (LANG=C over SSH) the feeds read the same, and
# nothing printed holds a control character.
for src in "$dir"/t*.xml; do
	name=$(basename "$src" .xml)
	rc=0
	(cd "$T/cases" && LC_ALL=C LANG=C "$TIDINGS" --dump "$name.xml") \
	    >"$T/$name.c.out" 2>"$T/$name.c.err" || rc=$?
	[ $rc = 0 ] || fail "T8 $name: exit $rc in the C locale"
	expect_no_controls "$T/$name.c.out"
	expect_no_controls "$T/$name.c.err"
	cmp -s "$T/$name.out" "$T/$name.c.out" ||
	    fail "T8 $name: the C locale reads the feed otherwise"
done

# T10 and T11: items with the same guid count once in the store, and
# items without any identity are stored without a crash.
for name in t10-duplicate-guids t11-missing-guid; do
	rm -rf "$T/t10"
	mkdir "$T/t10"
	echo "file://$T/cases/$name.xml" >"$T/t10/urls"
	"$TIDINGS" -u "$T/t10/urls" -d "$T/t10/data" -r >"$T/t10.out" 2>&1 ||
	    fail "$name: the refresh failed: $(cat "$T/t10.out")"
	expect_no_controls "$T/t10.out"
done
items=$("$TIDINGS" -u "$T/t10/urls" -d "$T/t10/data" --print-unread)
[ "$items" -ge 1 ] || fail "t11-missing-guid: no item stored"
echo "file://$T/cases/t10-duplicate-guids.xml" >"$T/t10/urls"
rm -rf "$T/t10/data"
"$TIDINGS" -u "$T/t10/urls" -d "$T/t10/data" -r >/dev/null 2>&1
items=$("$TIDINGS" -u "$T/t10/urls" -d "$T/t10/data" --print-unread)
[ "$items" = 2 ] || fail "T10: duplicate guids gave $items items, not 2"

echo "hostile-corpus: $n cases passed, $skipped skipped;" \
    "$(echo $refused | wc -w) refused feeds kept the good copy"
exit 0
