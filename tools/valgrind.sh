#!/bin/sh
# SPDX-License-Identifier: ISC
# The valgrind pass (RELIABILITY.md test plan 36): builds tidings a second
# time, without sanitizers (valgrind and ASan do not mix), in a copy of
# the source tree under build-valgrind/ (or $VALGRIND_BUILD), then runs
# the unit tests and the end-to-end tests (tests/cli and tests/tui; not
# the long store crash loops, the fuzzers or the corpus) with every unit
# test and every run of tidings under
#
#   valgrind --error-exitcode=99 --child-silent-after-fork=yes
#       --leak-check=full
#       --errors-for-leak-kinds=definite
#
# (the unit tests through LOG_COMPILER, tidings through TEST_TIDINGS and
# a wrapper script). Each process writes its own log; the pass fails when
# a test fails or any log counts an error or a definitely lost block,
# and ends with one line: "valgrind: N processes, N errors, N bytes
# definitely lost". Arguments are test names to run instead of all of
# them (tests/cli/help.sh). Installs valgrind with apt-get when it is
# missing and this is root, as tools/deps.sh does.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${VALGRIND_BUILD:-$top/build-valgrind}
jobs=$(nproc 2>/dev/null || echo 2)

if ! command -v valgrind >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "tools/valgrind.sh: installing valgrind"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind
	else
		echo "tools/valgrind.sh: valgrind is not installed" >&2
		exit 1
	fi
fi

# A copy of the sources: the tree itself may be configured already (CI
# builds it with the sanitizers in place), and automake builds in one
# configuration per source folder.
src=$build/src-copy
rm -rf "$build"
mkdir -p "$src"
if [ -d "$top/.git" ] && command -v git >/dev/null 2>&1; then
	(cd "$top" && git ls-files -z | xargs -0 tar -cf - 2>/dev/null) |
	    tar -xf - -C "$src"
else
	(cd "$top" && tar -cf - --exclude='./build-[!a]*' --exclude='*.o' \
	    --exclude='*.a' .) | tar -xf - -C "$src"
	(cd "$src" && make distclean >/dev/null 2>&1 || true)
fi
cd "$src"
[ -x configure ] || ./autogen.sh >"$build/autogen.log" 2>&1 || {
	tail -20 "$build/autogen.log"; exit 1; }
./configure CFLAGS="-g -O1" >"$build/configure.log" 2>&1 || {
	tail -40 "$build/configure.log"; exit 1; }
make -j"$jobs" >"$build/make.log" 2>&1 || { tail -40 "$build/make.log"; exit 1; }

# The tests: every unit test, and the shell tests of tests/cli and
# tests/tui that the Makefile runs.
if [ $# -gt 0 ]; then
	tests="$*"
else
	tests=$(make -s -f - print-tests <<'EOF' 2>/dev/null
include Makefile
print-tests:
	@echo $(unit_tests) $(filter tests/cli/% tests/tui/%,$(cli_tests))
EOF
)
fi
[ -n "$tests" ] || { echo "tools/valgrind.sh: no tests found" >&2; exit 1; }

logs=$build/logs
mkdir -p "$logs"
# A process forked and not exec'd (a test's process that dies on purpose)
# is not checked: it shares its parent's memory, which is.
vg="valgrind --error-exitcode=99 --child-silent-after-fork=yes --leak-check=full --errors-for-leak-kinds=definite --num-callers=30 --log-file=$logs/%p.log"
[ -f "$top/tools/valgrind.supp" ] &&
    vg="$vg --suppressions=$top/tools/valgrind.supp"
# tidings under valgrind, for the shell tests.
wrapper=$build/tidings-valgrind
printf '#!/bin/sh\nexec %s %s "$@"\n' "$vg" "$src/tidings" >"$wrapper"
chmod +x "$wrapper"

rc=0
# The tests wait up to TUI_WAIT tenths of a second for the screen:
# valgrind is some twenty times slower.
TEST_TIDINGS=$wrapper TUI_WAIT=${TUI_WAIT:-600} \
    make -k check TESTS="$tests" LOG_COMPILER="$vg" \
    >"$build/check.log" 2>&1 || rc=$?
grep -E '^(PASS|FAIL|SKIP|ERROR|XFAIL|XPASS):' "$build/check.log" |
    grep -v '^PASS' || true
[ $rc = 0 ] || { echo "tools/valgrind.sh: make check failed; see" \
    "$build/check.log and the tests' .log files in $src" >&2; }

# What valgrind found, over every process.
nproc=0 nerr=0 nlost=0
for f in "$logs"/*.log; do
	[ -f "$f" ] || continue
	nproc=$((nproc + 1))
	e=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$f" |
	    tr -d , | tail -1)
	l=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$f" |
	    tr -d , | tail -1)
	nerr=$((nerr + ${e:-0}))
	nlost=$((nlost + ${l:-0}))
	if [ "${e:-0}" != 0 ] || [ "${l:-0}" != 0 ]; then
		echo "--- $f:"
		sed -n '/Command:/p;/== [A-Z].*\(Invalid\|uninit\|definitely\|Mismatched\|overlap\)/,/==[0-9]* $/p' \
		    "$f" | head -60
	fi
done
echo "valgrind: $nproc processes, $nerr errors, $nlost bytes definitely lost"
[ $nproc -gt 0 ] || { echo "tools/valgrind.sh: nothing ran under valgrind" >&2; exit 1; }
[ $rc = 0 ] && [ $nerr = 0 ] && [ $nlost = 0 ]
