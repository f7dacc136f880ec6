# SPDX-License-Identifier: ISC
# The config file chooses the browser command, so one that others may
# write (group- or world-writable) must be refused with a message naming
# it, its lines never read, as OpenSSH's StrictModes does (RELIABILITY.md
# 2.5, test plan 32). The file holds a line that is no command: read, it
# would be reported. Skipped when this tidings reads no config file.

. "$top_srcdir/tests/cli/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/tidings"
echo "file:///nonexistent/feed.xml" >"$XDG_CONFIG_HOME/tidings/urls"
cfg=$XDG_CONFIG_HOME/tidings/config
echo 'this-is-no-command at all' >"$cfg"
chmod 600 "$cfg"
"$TIDINGS" --print-unread >"$T/out" 2>"$T/err" </dev/null || true
grep -q 'this-is-no-command' "$T/err" ||
    skip "this tidings reads no config file (a wrong line in it is not reported)"
for mode in 620 602 666; do
	chmod $mode "$cfg"
	rc=0
	"$TIDINGS" --print-unread >"$T/out" 2>"$T/err" </dev/null || rc=$?
	expect_no_controls "$T/err"
	grep -qF "$cfg" "$T/err" && ! grep -q 'this-is-no-command' "$T/err" ||
	    fail "a config file of mode $mode was read: exit $rc: $(cat "$T/err")"
done
exit 0
