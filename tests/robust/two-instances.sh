# SPDX-License-Identifier: ISC
# Two instances at once (RELIABILITY.md 2.5, test plan 31): while the
# reader runs (in tmux) on a data folder, a second tidings that would
# write to it (-r) exits 1 within a second saying "already running", and
# one that only reads (--print-unread) still works; after the reader is
# killed with SIGKILL, the lock is gone with it (no stale lock file to
# clean up) and the next -r succeeds.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 80 24
wait_for "World desk"
[ -n "$TUI_PID" ] || fail "no reader process"
start=$(date +%s)
rc=0
"$TIDINGS" -u "$T/urls" -d "$T/data" -r >"$T/out" 2>"$T/err" </dev/null ||
    rc=$?
took=$(($(date +%s) - start))
[ $rc = 1 ] || fail "a second writer exited $rc: $(cat "$T/out" "$T/err")"
expect_grep "tidings is already running on $T/data" "$T/err"
expect_no_controls "$T/err"
[ $took -le 2 ] || fail "the second writer took $took s to give up"
"$TIDINGS" -u "$T/urls" -d "$T/data" --print-unread >"$T/out" 2>"$T/err" ||
    fail "reading failed while the reader runs: $(cat "$T/err")"
kill -KILL "$TUI_PID"
i=0
while kill -0 "$TUI_PID" 2>/dev/null && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
rc=0
"$TIDINGS" -u "$T/urls" -d "$T/data" -r >"$T/out" 2>"$T/err" </dev/null ||
    rc=$?
[ $rc = 0 ] || fail "after kill -9 of the reader, -r exited $rc: $(cat "$T/err")"
exit 0
