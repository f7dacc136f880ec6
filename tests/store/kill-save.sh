# SPDX-License-Identifier: ISC
# A kill between the rename of a feed file and that of the index leaves
# the index's counts behind the feed; the journal's note that the save
# began makes the next start count the feed again (issue 4).
. "$top_srcdir/tests/cli/lib.sh"

# LeakSanitizer cannot run under ptrace (strace); leaks are the other
# tests' to find.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS

command -v strace >/dev/null 2>&1 || skip "strace not found"
strace -f -o /dev/null -e inject=getpid:retval=1 true 2>/dev/null ||
    skip "strace cannot inject here"
item() { printf '<item><guid>%s</guid><title>%s</title></item>' "$1" "$1"; }
{ printf '<rss version="2.0"><channel><title>F</title>'; item 1; item 2
    printf '</channel></rss>\n'; } >"$T/f.xml"
echo "file://$T/f.xml" >"$T/urls"
"$TIDINGS" -u "$T/urls" -d "$T/d" -r >/dev/null || fail "first -r failed"
{ printf '<rss version="2.0"><channel><title>F</title>'
    for i in 1 2 3 4; do item $i; done; printf '</channel></rss>\n'; } \
    >"$T/f.xml"
# The renames of a save: bodies, the feed file, the index.
for n in 1 2 3; do
	rm -rf "$T/k"
	cp -a "$T/d" "$T/k"
	strace -f -o /dev/null -e inject=rename:signal=KILL:when=$n \
	    "$TIDINGS" -u "$T/urls" -d "$T/k" -r >/dev/null 2>&1
	got=$("$TIDINGS" -u "$T/urls" -d "$T/k" --print-unread 2>"$T/err")
	case $n in
	1|2) want=2 ;;	# the feed file is still the old one
	*) want=4 ;;
	esac
	[ "$got" = "$want" ] ||
	    fail "killed at rename $n: $got unread, not $want: $(cat "$T/err")"
done
exit 0
