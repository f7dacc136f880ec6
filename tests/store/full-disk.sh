# SPDX-License-Identifier: ISC
# A full disk and failing system calls while the store saves (issue 4;
# RELIABILITY.md §2.5, test plan 28 and 29): the save fails with a clear
# error naming the file, what was on disk stays as it was (the file whose
# save failed byte for byte), no temporary file is left, the store opens,
# no mark reported saved is lost, and a later save succeeds once there is
# room.
#
# 1. The data folder on a 64 KiB tmpfs: mounted directly as root, else in
#    a user namespace (`unshare -rm`, this script running itself again
#    inside it), else skipped with a notice. Three cases: the disk full to
#    the last page (every file byte-identical after -r), feeds too big to
#    fit (the feed files byte-identical, the error in the index), and a
#    mark whose journal line the full disk cuts short (the next mark must
#    still count).
# 2. Failures injected with strace (skipped with a notice without it):
#    for every write, fsync and rename that `tidings -r` makes in the
#    store, one run where that call fails (ENOSPC or EIO); the same for
#    every call of `storetool writer`, which refreshes and then marks
#    items in the same process; and write and fdatasync failures of a
#    mark. Files saved before the failing call
#    may be new (whole and readable), the one whose save failed is
#    byte-identical. The last save of the index, at close, is best
#    effort: a run whose only failure is there may exit 0.
. "$top_srcdir/tests/cli/lib.sh"

# LeakSanitizer cannot run under ptrace (strace); leaks are the other
# tests' to find.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS

tool=$top_builddir/tests/tools/storetool
[ -x "$tool" ] || fail "$tool is not built (make check builds it)"
mkdir -p "$T/www"

# make_feed NAME FIRST LAST SIZE: feed NAME in $T/www with items FIRST to
# LAST, newest first, each with a description of about SIZE bytes.
make_feed() {
	awk -v first="$2" -v last="$3" -v size="$4" -v name="$1" 'BEGIN {
		text = ""
		while (length(text) < size)
			text = text "The council met on Tuesday &amp; voted. "
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
		    "<rss version=\"2.0\"><channel><title>Feed %s</title>\n",
		    name
		for (n = last; n >= first; n--)
			printf "<item><guid>urn:disk:%s:%d</guid><title>Item " \
			    "%d</title><link>http://disk.invalid/%s/%d</link>" \
			    "<description>%s</description></item>\n", name, n,
			    n, name, n, text
		print "</channel></rss>"
	}' >"$T/www/$1.xml.new" && mv "$T/www/$1.xml.new" "$T/www/$1.xml" ||
	    fail "cannot write feed $1"
}
printf 'file://%s/www/a.xml\nfile://%s/www/b.xml\n' "$T" "$T" >"$T/urls"

# sums DIR: the checksums of the files of the store in DIR.
sums() {
	(cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum)
}

# no_temps DIR: no temporary file of a save is left in the store.
no_temps() {
	if find "$1" -name '.*' -type f | grep . >"$T/temps"; then
		cat "$T/temps" >&2
		fail "$2: temporary files left in the store"
	fi
}

# check_store DIR WHAT: the store opens, nothing moved aside as damaged,
# every item has its body. storetool's output is left in $T/check.
check_store() {
	"$tool" check "$1" >"$T/check" 2>"$T/check.err" ||
	    fail "$2: the store does not open: $(cat "$T/check.err")"
	if grep -E '^(corrupt|unreadable|nobody) ' "$T/check" >&2; then
		fail "$2: the store was damaged"
	fi
}

# refresh DIR OUT: tidings -r on the store in DIR; sets rc.
refresh() {
	rc=0
	"$TIDINGS" -d "$1" -u "$T/urls" -r >"$2" 2>&1 </dev/null || rc=$?
}

# feed_id NAME, item_key NAME N: the store's names of feed NAME, item N.
feed_id() {
	awk -v url="file://$T/www/$2.xml" '
	    index($0, "url=\"" url "\"") { sub(/.* id="/, ""); sub(/".*/, "");
	    print; exit }' "$1/index.xml"
}
item_key() {
	awk -v guid="urn:disk:$3:$4" '
	    index($0, "<guid>" guid "</guid>") { sub(/.*<item key="/, "");
	    sub(/".*/, ""); print; exit }' \
	    "$1/feeds/$2.xml"
}

# expect_read STORE-CHECK FEEDID KEY WHAT: the item is read.
expect_read() {
	grep -qx "read $2 $3" "$1" || fail "$4: the mark of $2 $3 is lost"
}

# fail_later WHAT: a failure that lets the other cases run first.
failed=0
fail_later() {
	echo "FAIL: $*" >&2
	failed=1
}

# pad_journal FILE: valid lines of a feed the store does not have, up to
# 20 bytes before the end of a page.
pad_journal() {
	awk -v size="$(wc -c <"$1")" 'BEGIN {
		page = 4096
		want = (int(size / page) + 1) * page - 20
		if (want - size < 21)
			want += page
		for (rem = want - size; rem > 0; rem -= len) {
			len = rem >= 80 ? 60 : rem
			printf "%s %s 0\n", "0000000000000000",
			    substr("k" sprintf("%060d", 0), 1, len - 20)
		}
	}' >>"$1"
}

# The cases on a real full disk; the tmpfs is mounted on $1.
disk_full() {
	mnt=$1
	data=$mnt/data
	make_feed a 1 3 100
	make_feed b 1 3 100
	refresh "$data" "$T/out"
	[ $rc = 0 ] ||
	    fail "the first -r on the tmpfs: exit $rc: $(cat "$T/out")"
	ida=$(feed_id "$data" a)
	[ -n "$ida" ] || fail "feed a is not in the index"
	key1=$(item_key "$data" "$ida" a 1)
	"$tool" mark "$data" "$ida" "$key1" >/dev/null ||
	    fail "cannot mark an item read on the tmpfs"

	# The disk full to the last page: nothing can change.
	make_feed a 1 5 100
	make_feed b 1 5 100
	sums "$data" >"$T/before"
	dd if=/dev/zero of="$mnt/filler" bs=4096 2>/dev/null
	refresh "$data" "$T/out"
	[ $rc = 1 ] || fail "full disk: -r exited $rc: $(cat "$T/out")"
	expect_grep "cannot write '$data/" "$T/out"
	expect_grep "No space left on device" "$T/out"
	sums "$data" >"$T/after"
	cmp -s "$T/before" "$T/after" || {
		diff "$T/before" "$T/after" >&2
		fail "full disk: the store changed"
	}
	no_temps "$data" "full disk"
	check_store "$data" "full disk"
	expect_read "$T/check" "$ida" "$key1" "full disk"
	rm "$mnt/filler"
	refresh "$data" "$T/out"
	[ $rc = 0 ] ||
	    fail "full disk, then room: -r exited $rc: $(cat "$T/out")"
	check_store "$data" "full disk, then room"
	expect_read "$T/check" "$ida" "$key1" "full disk, then room"
	[ "$("$TIDINGS" -d "$data" -u "$T/urls" --print-unread)" = 9 ] ||
	    fail "full disk, then room: not 9 unread"

	# Feeds too big for the disk: their files stay; the error is told,
	# and recorded in the index (there is room for that once the big
	# file is gone).
	make_feed a 1 60 1500
	make_feed b 1 60 1500
	sums "$data" | grep -v ' \./index\.xml$' >"$T/before"
	refresh "$data" "$T/out"
	[ $rc = 1 ] || fail "big feeds: -r exited $rc: $(cat "$T/out")"
	expect_grep "cannot write '$data/bodies/" "$T/out"
	expect_grep "No space left on device" "$T/out"
	sums "$data" | grep -v ' \./index\.xml$' >"$T/after"
	cmp -s "$T/before" "$T/after" || {
		diff "$T/before" "$T/after" >&2
		fail "big feeds: feed files changed"
	}
	expect_grep "No space left on device" "$data/index.xml"
	no_temps "$data" "big feeds"
	check_store "$data" "big feeds"
	expect_read "$T/check" "$ida" "$key1" "big feeds"
	mount -t tmpfs -o remount,size=1m tmpfs "$mnt" ||
	    fail "cannot make the tmpfs bigger"
	refresh "$data" "$T/out"
	[ $rc = 0 ] ||
	    fail "big feeds, then room: -r exited $rc: $(cat "$T/out")"
	check_store "$data" "big feeds, then room"
	expect_read "$T/check" "$ida" "$key1" "big feeds, then room"
	[ "$("$TIDINGS" -d "$data" -u "$T/urls" --print-unread)" = 119 ] ||
	    fail "big feeds, then room: not 119 unread"

	# A mark the full disk cuts short. The journal is made to end 20
	# bytes before a page boundary (with the marks of a feed the store
	# does not have), so that the next line is written half: that mark
	# fails; the next one, once there is room, must count, whether it
	# comes from the next process or from the same one.
	pad_journal "$data/marks.log"
	dd if=/dev/zero of="$mnt/filler" bs=4096 2>/dev/null
	rc=0
	"$tool" mark "$data" "$ida" "$(item_key "$data" "$ida" a 2)" \
	    >"$T/out" 2>&1 || rc=$?
	[ $rc = 1 ] || fail "a mark on a full disk: exit $rc: $(cat "$T/out")"
	expect_grep "cannot save the mark in '$data/marks.log':" "$T/out"
	expect_grep "No space left on device" "$T/out"
	rm "$mnt/filler"
	key3=$(item_key "$data" "$ida" a 3)
	"$tool" mark "$data" "$ida" "$key3" >"$T/out" 2>&1 ||
	    fail "a mark once there is room again: $(cat "$T/out")"
	check_store "$data" "a mark cut short"
	expect_read "$T/check" "$ida" "$key1" "a mark cut short"
	grep -qx "read $ida $key3" "$T/check" || fail_later "a mark saved" \
	    "by the next process after one cut short by a full disk is lost"

	pad_journal "$data/marks.log"
	dd if=/dev/zero of="$mnt/filler" bs=4096 2>/dev/null
	key5=$(item_key "$data" "$ida" a 5)
	rc=0
	"$tool" mark -u "$mnt/filler" "$data" "$ida" \
	    "$(item_key "$data" "$ida" a 4)" "$key5" >"$T/out" 2>&1 || rc=$?
	expect_grep "No space left on device" "$T/out"
	expect_grep "saved $ida $key5" "$T/out"
	check_store "$data" "a mark cut short, then one in the same process"
	grep -qx "read $ida $key5" "$T/check" || fail_later "a mark saved" \
	    "by the same process after one cut short by a full disk is lost"
	return $failed
}

# Run disk_full on a 64 KiB tmpfs, if one can be had.
if [ -n "${TIDINGS_FULL_DISK_NS-}" ]; then
	# This script, again, inside the user namespace.
	mkdir "$T/mnt"
	mount -t tmpfs -o size=64k,mode=0700 tmpfs "$T/mnt" ||
	    skip "no tmpfs even in a user namespace"
	trap 'umount "$T/mnt" 2>/dev/null; stop_servers; rm -rf "$T"' EXIT
	disk_full "$T/mnt"
	exit $?
fi
mkdir "$T/mnt"
tmpfs=
if [ "$(id -u)" = 0 ] &&
    mount -t tmpfs -o size=64k,mode=0700 tmpfs "$T/mnt" 2>/dev/null; then
	trap 'umount "$T/mnt" 2>/dev/null; stop_servers; rm -rf "$T"' EXIT
	disk_full "$T/mnt"
	umount "$T/mnt" || fail "cannot unmount the tmpfs"
	trap 'stop_servers; rm -rf "$T"' EXIT
	tmpfs=root
	echo "full-disk: 64 KiB tmpfs (as root): done"
elif command -v unshare >/dev/null 2>&1 &&
    unshare -rm sh -c 'mount -t tmpfs -o size=64k tmpfs "$1"' sh \
    "$T/mnt" 2>/dev/null; then
	rc=0
	TIDINGS_FULL_DISK_NS=1 unshare -rm sh "$0" || rc=$?
	case $rc in
	0) ;;
	1) failed=1 ;;
	*) exit $rc ;;
	esac
	tmpfs=namespace
	echo "full-disk: 64 KiB tmpfs (in a user namespace): done"
else
	echo "SKIP: full-disk: no 64 KiB tmpfs (neither root nor" \
	    "unshare -rm): the real full disk is not tested" >&2
fi

# 2. Injected failures. strace counts the calls of each thread apart, so
# the store is written by the main thread alone (TIDINGS_THREADS=0): the
# order of the calls is then the same in every run. The writer threads'
# failures are the real full disk's above.
TIDINGS_THREADS=0
export TIDINGS_THREADS
if ! command -v strace >/dev/null 2>&1 ||
    ! strace -f -o /dev/null true 2>/dev/null; then
	echo "SKIP: full-disk: no working strace: injected failures are" \
	    "not tested" >&2
	[ -n "$tmpfs" ] || exit 77
	exit $failed
fi

# The base store: two feeds, one read mark still in the journal. Every
# run starts from a copy of it, with feeds that have changed since.
base=$T/base
make_feed a 1 3 200
make_feed b 1 3 200
refresh "$base" "$T/out"
[ $rc = 0 ] || fail "the base store: -r exited $rc: $(cat "$T/out")"
ida=$(feed_id "$base" a)
key1=$(item_key "$base" "$ida" a 1)
"$tool" mark "$base" "$ida" "$key1" >/dev/null || fail "cannot mark in base"
make_feed a 1 5 200
make_feed b 1 5 200

# calls_of TRACE STORE: the write, fsync, fdatasync and rename calls of
# an strace log, in order, one a line: the call and the file of the store
# in STORE it went to ("/feeds/ID.xml", "/feeds" for the folder, "-" out
# of the store), a temporary file named as the file it was to replace.
calls_of() {
	awk -v store="$2/" '
	function quoted(s, n,   i) {	# the n-th quoted string of s
		for (i = 1; i <= n; i++) {
			s = substr(s, index(s, "\"") + 1)
			q = substr(s, 1, index(s, "\"") - 1)
			s = substr(s, index(s, "\"") + 1)
		}
		return q
	}
	function fd_of(s) {
		s = substr(s, index(s, "(") + 1)
		sub(/[,)].*/, "", s)
		return s
	}
	function name(p) {	# in the store, a temporary file as its own
		if (p "/" == store)
			return "/"
		if (index(p, store) != 1)
			return "-"
		p = substr(p, length(store))
		base = substr(p, match(p, /[^\/]*$/))
		x = "[A-Za-z0-9]"
		if (base ~ ("^\\..+\\." x x x x x x "$"))
			p = substr(p, 1, length(p) - length(base)) \
			    substr(base, 2, length(base) - 8)
		return p
	}
	$2 ~ /^openat\(/ && $NF ~ /^[0-9]+$/ { path[$NF] = quoted($0, 1) }
	$2 ~ /^(write|fsync|fdatasync)\(/ {
		print substr($2, 1, index($2, "(") - 1), name(path[fd_of($2)])
	}
	$2 ~ /^rename\(/ { print "rename", name(quoted($0, 2)) }
	' "$1"
}

# The reference run, traced: which file each call goes to, in order.
cp -a "$base" "$T/ref"
rc=0
strace -f -o "$T/trace" -e trace=openat,write,fsync,fdatasync,rename \
    "$TIDINGS" -d "$T/ref" -u "$T/urls" -r >"$T/out" 2>&1 || rc=$?
[ $rc = 0 ] || fail "the reference run: exit $rc: $(cat "$T/out")"
unread=$("$TIDINGS" -d "$T/ref" -u "$T/urls" --print-unread)
calls_of "$T/trace" "$T/ref" >"$T/calls"
grep -q '^write /' "$T/calls" || fail "no write to the store in the trace"

# inject CALL N ERROR MESSAGE: the N-th CALL of tidings -r fails.
inject() {
	what="$1 #$2 to $target"
	rm -rf "$T/work"
	cp -a "$base" "$T/work"
	sums "$T/work" >"$T/before"
	rc=0
	strace -f -o /dev/null -e inject="$1:error=$3:when=$2" \
	    "$TIDINGS" -d "$T/work" -u "$T/urls" -r >"$T/out" 2>&1 || rc=$?
	if [ $rc = 0 ]; then
		# Only the last save of the index, at close, may fail unsaid.
		[ "$closing" = 1 ] ||
		    fail "$what failed, but -r exited 0: $(cat "$T/out")"
	else
		[ $rc = 1 ] || fail "$what failed: -r exited $rc"
		expect_grep "$4" "$T/out"
		expect_grep "'$T/work" "$T/out"
	fi
	# The file whose save failed is as it was (the index is saved again
	# after each feed, a folder is flushed after the rename, and the
	# journal says when a feed's save begins and drops that and the
	# feed's marks when it is done, so the saves of the feeds before
	# the failing call change it).
	case $target in
	/|/feeds|/bodies|/index.xml|/marks.log) ;;
	*)
		grep " \.$target\$" "$T/before" >"$T/want"
		(cd "$T/work" && sha256sum ".$target" 2>/dev/null) >"$T/got"
		[ ! -s "$T/want" ] || cmp -s "$T/want" "$T/got" ||
		    fail "$what failed, and .$target changed"
		;;
	esac
	no_temps "$T/work" "$what failed"
	check_store "$T/work" "$what failed"
	expect_read "$T/check" "$ida" "$key1" "$what failed"
	refresh "$T/work" "$T/out"
	[ $rc = 0 ] || fail "after $what failed, -r exited $rc: $(cat "$T/out")"
	check_store "$T/work" "after $what failed"
	expect_read "$T/check" "$ida" "$key1" "after $what failed"
	[ "$("$TIDINGS" -d "$T/work" -u "$T/urls" --print-unread)" = \
	    "$unread" ] || fail "after $what failed, not $unread unread"
}

# each_call CALLS FUNCTION: FUNCTION CALL N ERROR MESSAGE for each call
# of the list CALLS to the store, in a subshell: a failure ends the case,
# and the others still run. $closing is 1 for the calls after line $last
# of CALLS: the save of the index at close, which is best effort.
cases=0
each_call() {
	line=0
	nwrite=0
	nfsync=0
	nfdatasync=0
	nrename=0
	while read -r call target <&3; do
		line=$((line + 1))
		case $call in
		write) nwrite=$((nwrite + 1)) n=$nwrite err=ENOSPC \
		    msg="No space left on device" ;;
		fsync) nfsync=$((nfsync + 1)) n=$nfsync err=EIO \
		    msg="Input/output error" ;;
		fdatasync) nfdatasync=$((nfdatasync + 1)) n=$nfdatasync \
		    err=EIO msg="Input/output error" ;;
		rename) nrename=$((nrename + 1)) n=$nrename err=EIO \
		    msg="Input/output error" ;;
		*) continue ;;
		esac
		[ "$target" = - ] && continue	# standard output
		closing=0
		[ $line -gt "$last" ] && closing=1
		( "$2" "$call" $n $err "$msg" ) || failed=1
		cases=$((cases + 1))
	done 3<"$1"
}

# Every write, fsync and rename of tidings -r to the store, one run each.
# The calls after the last but one rename of the index are its save at
# close.
last=$(grep -n '^rename /index.xml$' "$T/calls" | tail -2 | head -1 |
    cut -d: -f1)
each_call "$T/calls" inject

# The same for a writer that refreshes, then marks items read in the same
# process: no mark it reports saved may be lost, whatever failed before.
rm -rf "$T/ref"
cp -a "$base" "$T/ref"
rc=0
strace -f -o "$T/trace" -e trace=openat,write,fsync,fdatasync,rename \
    "$tool" writer "$T/ref" "$T/urls" 1 >"$T/out" 2>&1 || rc=$?
[ $rc = 0 ] || fail "the writer's reference run: exit $rc: $(cat "$T/out")"
calls_of "$T/trace" "$T/ref" >"$T/calls"
grep -q '^fdatasync /marks.log' "$T/calls" ||
    fail "no mark in the writer's trace"
last=$(grep -n '^fdatasync /marks.log$' "$T/calls" | tail -1 | cut -d: -f1)
inject_writer() {
	what="$1 #$2 to $target (writer)"
	rm -rf "$T/work"
	cp -a "$base" "$T/work"
	rc=0
	strace -f -o /dev/null -e inject="$1:error=$3:when=$2" \
	    "$tool" writer "$T/work" "$T/urls" 1 >"$T/out" 2>"$T/err" ||
	    rc=$?
	[ $rc = 0 ] || fail "$what failed: the writer exited $rc"
	[ "$closing" = 1 ] || expect_grep "$4" "$T/err"
	no_temps "$T/work" "$what failed"
	check_store "$T/work" "$what failed"
	echo "saved $ida $key1" >>"$T/out"
	sed -n 's/^saved //p' "$T/out" | sort -u >"$T/saved"
	sed -n 's/^read //p' "$T/check" | sort -u >"$T/read"
	if comm -23 "$T/saved" "$T/read" | grep . >&2; then
		fail "$what failed: marks reported saved are lost"
	fi
	refresh "$T/work" "$T/out"
	[ $rc = 0 ] || fail "after $what failed, -r exited $rc: $(cat "$T/out")"
	check_store "$T/work" "after $what failed"
}
each_call "$T/calls" inject_writer

# A mark: its journal line is written, then flushed. A failure of either
# leaves the journal as it was.
idb=$(feed_id "$base" b)
keyb=$(item_key "$base" "$idb" b 2)
mark_fails() {
	spec=$1
	rm -rf "$T/work"
	cp -a "$base" "$T/work"
	cp "$T/work/marks.log" "$T/marks.before"
	rc=0
	strace -f -o /dev/null -e inject="$spec:when=1" \
	    "$tool" mark "$T/work" "$idb" "$keyb" >"$T/out" 2>&1 || rc=$?
	[ $rc = 1 ] || fail "a mark with $spec: exit $rc: $(cat "$T/out")"
	expect_grep "cannot save the mark in '$T/work/marks.log'" "$T/out"
	cmp -s "$T/marks.before" "$T/work/marks.log" ||
	    fail "a mark with $spec failed, but its line is in the journal"
	check_store "$T/work" "a mark with $spec"
	expect_read "$T/check" "$ida" "$key1" "a mark with $spec"
	"$tool" mark "$T/work" "$idb" "$keyb" >/dev/null ||
	    fail "a mark after one with $spec failed"
	check_store "$T/work" "a mark after $spec"
	expect_read "$T/check" "$idb" "$keyb" "a mark after $spec"
}
for spec in write:error=ENOSPC fdatasync:error=EIO; do
	( mark_fails $spec ) || failed=1
	cases=$((cases + 1))
done
echo "full-disk: $cases injected failures: done"
exit $failed
