# SPDX-License-Identifier: ISC
# The demo feeds: every one listed exists and is well-formed XML, and at
# least one article carries a publisher's key-facts list.
. "$top_srcdir/tests/cli/lib.sh"

demo=$top_srcdir/data/demo
n=0
for f in $(grep -v '^#' "$demo/urls" | awk 'NF { print $1 }'); do
	n=$((n + 1))
	[ -f "$demo/$f" ] || fail "data/demo/urls lists $f, which is missing"
	if command -v xmllint >/dev/null 2>&1; then
		xmllint --noout --nonet "$demo/$f" ||
		    fail "$f is not well-formed XML"
	fi
	expect_no_controls "$demo/$f"
	grep -q 'demo.tidings.invalid' "$demo/$f" ||
	    fail "$f links outside the reserved demo domain"
done
[ "$n" -ge 3 ] || fail "only $n demo feeds"
grep -l 'class="story-highlights"' "$demo"/*.xml >/dev/null ||
    fail "no demo article has a key-facts list"
exit 0
