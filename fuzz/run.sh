#!/bin/sh
# SPDX-License-Identifier: ISC
# Run every fuzz target for a while: fuzz/run.sh DURATION [TARGET...],
# from the build folder of a `CC=clang ./configure --enable-fuzzing`
# build (what `make fuzz` does, FUZZ_SECONDS being the duration). Each
# target runs DURATION seconds on a corpus that starts from the seeds
# fuzz/seeds.sh builds from tests/data and grows in fuzz/corpus/TARGET;
# FUZZ_JOBS targets run at once (default 1). Prints one line a target:
# its executions, and its findings (crash, leak, timeout or out-of-memory
# files, kept in fuzz/findings/TARGET/); exits 1 when there were any.
set -eu

duration=${1:?usage: fuzz/run.sh DURATION [TARGET...]}
shift
case $duration in
''|*[!0-9]*) echo "fuzz/run.sh: DURATION is a number of seconds" >&2
	exit 2 ;;
esac
src=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
jobs=${FUZZ_JOBS:-1}
if [ $# -eq 0 ]; then
	for t in fuzz-sanitize fuzz-date fuzz-parse fuzz-render \
	    fuzz-roundtrip fuzz-keyfacts fuzz-store-load fuzz-subs \
	    fuzz-config fuzz-opml; do
		[ -x "fuzz/$t" ] && set -- "$@" "$t"
	done
fi
[ $# -gt 0 ] || { echo "fuzz/run.sh: no fuzz targets in ./fuzz:" \
    "configure with CC=clang --enable-fuzzing and make" >&2; exit 2; }

sh "$src/fuzz/seeds.sh" "$src" fuzz/seeds
mkdir -p fuzz/logs
# The stores of fuzz-roundtrip and fuzz-store-load, in memory when there
# is a tmpfs (their saves flush files); libFuzzer ends a timed run
# without cleaning up, so this script does.
FUZZ_TMPDIR=$(mktemp -d /dev/shm/tidings-fuzz.XXXXXX 2>/dev/null ||
    mktemp -d "${TMPDIR:-/tmp}/tidings-fuzz.XXXXXX")
export FUZZ_TMPDIR
trap 'rm -rf "$FUZZ_TMPDIR"' EXIT

# one TARGET: run it, leaving its log and its findings.
one() {
	rm -rf "fuzz/findings/$1"
	mkdir -p "fuzz/corpus/$1" "fuzz/findings/$1"
	rc=0
	"./fuzz/$1" -max_total_time="$duration" -rss_limit_mb=2048 \
	    -timeout=5 -print_final_stats=1 \
	    -artifact_prefix="fuzz/findings/$1/" \
	    "fuzz/corpus/$1" "fuzz/seeds/$1" >"fuzz/logs/$1.log" 2>&1 ||
	    rc=$?
	echo $rc >"fuzz/logs/$1.rc"
}

pids=
running=0
for t; do
	one "$t" &
	pids="$pids $!"
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

found=0
for t; do
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
	    "fuzz/logs/$t.log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "fuzz/logs/$t.log" | tail -1)
	n=$(find "fuzz/findings/$t" -type f | wc -l)
	if [ "$n" -gt 0 ] || [ "$(cat "fuzz/logs/$t.rc")" != 0 ]; then
		found=1
		echo "$t: ${execs:-?} executions, ${cov:-cov: ?}; FINDINGS:" \
		    "$(ls "fuzz/findings/$t" | tr '\n' ' ')(log: fuzz/logs/$t.log)"
	else
		echo "$t: ${execs:-?} executions, ${cov:-cov: ?}; no findings"
	fi
done
exit $found
