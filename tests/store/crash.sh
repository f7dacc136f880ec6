# SPDX-License-Identifier: ISC
# The store survives kill -9 (issue 4; RELIABILITY.md, test plan 27 and
# 31). Each iteration rewrites a few local feeds (new items come, old ones
# leave the feed), starts `storetool writer` on them -- it refreshes, then
# marks items read and prints "saved FEEDID KEY" once each mark is on
# disk, again and again -- and kills it with SIGKILL after a random 0 to
# 300 ms. Then `storetool check` must open the store (so the lock is free)
# and find: no file moved aside as damaged (no file is a mix of old and
# new), a body for every item (bodies are saved before headers), and
# every mark ever reported saved, in this iteration or any earlier one:
# items that left a feed stay in the store, so nothing may go missing. A
# new store is started every 200 iterations, lest it grow so big that the
# kills land only in refreshes.
#
# TIDINGS_CRASH_ITERATIONS (default 200) and TIDINGS_CRASH_SEED (the seed
# of the kill times; printed, to repeat a run) change the run. The long
# run:
#
#   TIDINGS_CRASH_ITERATIONS=2000 TIDINGS_CRASH_SEED=2026 \
#       top_srcdir=. top_builddir=. TIDINGS=./tidings \
#       sh tests/store/crash.sh
#
# gave, on the 2-core development machine (ext4, 2026-11-27, commit
# 69383db): 2000 kills, 0 failures; 12284 marks reported saved, all
# found; 881 kills mid-save (a temporary file left), 129 before the first
# mark; 0 times index counts off, 0 feeds missing from the index; 0
# temporary files left behind; 372 s. (At 7dbc616, before the journal
# noted the start of a save and the writer swept leftovers: 70 times the
# index counts off and 1182 temporary files never removed.)
. "$top_srcdir/tests/cli/lib.sh"

tool=$top_builddir/tests/tools/storetool
[ -x "$tool" ] || fail "$tool is not built (make check builds it)"
iterations=${TIDINGS_CRASH_ITERATIONS:-200}
seed=${TIDINGS_CRASH_SEED:-$(date +%s)}
case $iterations$seed in
*[!0-9]*) fail "TIDINGS_CRASH_ITERATIONS and TIDINGS_CRASH_SEED are numbers" ;;
esac
nfeeds=3
data=$T/data
mkdir "$T/www"
i=1
while [ $i -le $nfeeds ]; do
	echo "file://$T/www/feed$i.xml"
	i=$((i + 1))
done >"$T/urls"

# make_feeds N: the feeds of iteration N. Each holds 12 items, the newest
# first; every iteration brings 2 new ones and drops the 2 oldest. Titles
# and links are unique, so no item is ever taken for another.
make_feeds() {
	awk -v it="$1" -v nfeeds=$nfeeds -v dir="$T/www" 'BEGIN {
		text = "The council met on Tuesday to discuss the budget for " \
		    "the coming year, including funds for schools &amp; roads. "
		for (f = 1; f <= nfeeds; f++) {
			out = dir "/feed" f ".xml.new"
			printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
			    "<rss version=\"2.0\"><channel><title>Feed %d, " \
			    "round %d</title><link>http://crash.invalid/%d/" \
			    "</link>\n", f, it, f >out
			for (n = it * 2 + 11; n >= it * 2; n--)
				printf "<item><guid>urn:crash:%d:%d</guid>" \
				    "<title>Item %d of feed %d</title>" \
				    "<link>http://crash.invalid/%d/%d</link>" \
				    "<description>%s%s%s</description>" \
				    "</item>\n", f, n, n, f, f, n, text, text,
				    text >out
			print "</channel></rss>" >out
			close(out)
		}
	}' || fail "cannot write the feeds"
	for f in "$T"/www/*.xml.new; do
		mv "$f" "${f%.new}" || fail "cannot move $f"
	done
}

# The kill times, in seconds, from the seed: 0 to 300 ms, three times
# that in a sanitizer build, whose writer starts and runs slower.
window=0.3
[ -n "${SAN_CFLAGS-}" ] && window=0.9
awk -v seed="$seed" -v n="$iterations" -v window=$window 'BEGIN {
	srand(seed)
	for (i = 0; i < n; i++)
		printf "%.3f\n", rand() * window
}' >"$T/delays"

echo "crash: $iterations iterations, seed $seed, kills within $window s"
: >"$T/saved"
start=$(date +%s)
i=0
midsave=0
nosave=0
marks=0
counts=0
orphans=0
notes=0
temps_before=0
temps_total=0
while read -r delay <&3; do
	i=$((i + 1))
	# A new store every 200 iterations: the old items stay as history,
	# and a store that grew too big would only be killed while refreshing.
	if [ $((i % 200)) = 1 ] && [ $i -gt 1 ]; then
		rm -rf "$data"
		: >"$T/saved"
		temps_total=$((temps_total + temps_before))
		temps_before=0
	fi
	make_feeds $i
	"$tool" writer "$data" "$T/urls" >"$T/w.out" 2>"$T/w.err" </dev/null &
	pid=$!
	servers=$pid
	sleep "$delay"
	kill -KILL $pid 2>/dev/null
	rc=0
	{ wait $pid || rc=$?; } 2>/dev/null	# no "Killed" from the shell
	servers=
	[ $rc = 137 ] || fail "iteration $i: the writer was not killed" \
	    "(exit $rc): $(cat "$T/w.err")"
	[ -s "$T/w.err" ] && sed "s/^/crash: iteration $i: writer: /" \
	    "$T/w.err" >&2

	# The marks reported saved; a last line without its newline was cut
	# short by the kill, and counts for nothing.
	if [ -n "$(tail -c 1 "$T/w.out")" ]; then
		sed '$d' "$T/w.out" >"$T/w.lines"
	else
		cp "$T/w.out" "$T/w.lines"
	fi
	sed -n 's/^saved \([0-9a-f]\{16\} [^ ]*\)$/\1/p' "$T/w.lines" \
	    >"$T/w.saved"
	[ -s "$T/w.saved" ] || nosave=$((nosave + 1))
	marks=$((marks + $(wc -l <"$T/w.saved")))
	sort -u -o "$T/saved" "$T/saved" "$T/w.saved"

	# A temporary file left behind: the kill came in the middle of a
	# save, between the new file's creation and its rename.
	temps=$(find "$data" -name '.*' -type f 2>/dev/null | wc -l)
	[ "$temps" -gt "$temps_before" ] && midsave=$((midsave + 1))

	rc=0
	"$tool" check "$data" >"$T/c.out" 2>"$T/c.err" </dev/null || rc=$?
	[ $rc = 0 ] || fail "iteration $i (killed after ${delay} s):" \
	    "the store does not open (exit $rc): $(cat "$T/c.err")"
	if grep -E '^(corrupt|unreadable|nobody) ' "$T/c.out" >"$T/bad"; then
		cat "$T/bad" "$T/c.err" >&2
		fail "iteration $i (killed after ${delay} s): the store" \
		    "was damaged"
	fi
	sed -n 's/^read //p' "$T/c.out" | sort -u >"$T/read"
	if comm -23 "$T/saved" "$T/read" | grep . >"$T/lost"; then
		sed 's/^/lost: /' "$T/lost" >&2
		fail "iteration $i (killed after ${delay} s):" \
		    "$(wc -l <"$T/lost") marks reported saved are not in" \
		    "the store"
	fi
	if [ -s "$T/c.err" ]; then
		notes=$((notes + 1))
		sed "s/^/crash: iteration $i: check: /" "$T/c.err" >&2
	fi
	if grep '^count ' "$T/c.out" >"$T/count"; then
		counts=$((counts + 1))
		[ -n "${TIDINGS_CRASH_VERBOSE-}" ] && sed \
		    "s/^/crash: iteration $i (killed after ${delay} s): /" \
		    "$T/count" >&2
	fi
	grep -q '^orphan ' "$T/c.out" && orphans=$((orphans + 1))
	# (and those the store did not clear away when it opened)
	temps_before=$(grep -c '^temp ' "$T/c.out")
done 3<"$T/delays"
[ $i = "$iterations" ] || fail "ran $i iterations, not $iterations"
end=$(date +%s)

echo "crash: $iterations kills, $marks marks reported saved, all" \
    "found; $midsave kills mid-save (a temporary file left), $nosave" \
    "before the first mark; $counts times index counts off, $orphans" \
    "times a feed missing from the index, $notes with notes;" \
    "$((temps_total + temps_before)) temporary files never removed;" \
    "$((end - start)) s"
exit 0
