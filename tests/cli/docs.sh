# SPDX-License-Identifier: ISC
# The manuals and the program agree: every setting of the config file is
# in the SETTINGS list of tidings.conf.5, every action a key can be bound
# to is in its KEY ACTIONS list and in tidings.1, and those lists hold
# nothing the program does not have. tidings.conf.5 is clean for mandoc's
# linter and groff, and its example is tests/data/config/example, which
# the unit tests load without an error.
. "$top_srcdir/tests/cli/lib.sh"

conf=$top_srcdir/man/tidings.conf.5
page=$top_srcdir/man/tidings.1
docnames=$top_builddir/tests/tools/docnames
[ -n "${MANDOC:-}" ] && [ -x "$MANDOC" ] || skip "mandoc not found"
[ -x "$docnames" ] || fail "no $docnames: run make check"

# mandoc looks for the manuals that .Xr names in the base system only, so
# "tidings 1" is found only once installed there: that note is not kept.
"$MANDOC" -Tlint "$conf" >"$T/lint" 2>&1
grep -F "$conf:" "$T/lint" |
    grep -v 'STYLE: referenced manual not found: Xr tidings' >"$T/lint.kept"
[ -s "$T/lint.kept" ] && { cat "$T/lint.kept" >&2;
    fail "mandoc -Tlint complains about tidings.conf.5"; }
if command -v groff >/dev/null 2>&1; then
	groff -Tutf8 -mandoc -ww -z "$conf" 2>"$T/groff"
	[ -s "$T/groff" ] && { cat "$T/groff" >&2; fail "groff warns"; }
fi

"$docnames" >"$T/names" || fail "docnames failed"
sed -n 's/^setting //p' "$T/names" | sort >"$T/settings"
sed -n 's/^action //p' "$T/names" | sort >"$T/actions"
[ "$(wc -l <"$T/settings")" -gt 10 ] || fail "docnames lists no settings"
[ "$(wc -l <"$T/actions")" -gt 30 ] || fail "docnames lists no actions"

# list SECTION: the first word after ".It Cm" of the items of the
# outermost list of the section called SECTION in tidings.conf.5.
list() {
	awk -v sec="$1" '
	/^\.Sh / { insec = ($0 == ".Sh " sec); depth = 0; next }
	!insec { next }
	/^\.Bl / { depth++; next }
	/^\.El/ { depth--; next }
	depth == 1 && $1 == ".It" && $2 == "Cm" { print $3 }
	' "$conf" | sort
}
list SETTINGS >"$T/doc-settings"
list "KEY ACTIONS" >"$T/doc-actions"

# Both ways: in the program and not in the manual, and the reverse.
compare() {
	comm -23 "$T/$1" "$T/doc-$1" >"$T/undocumented"
	comm -13 "$T/$1" "$T/doc-$1" >"$T/unknown"
	[ -s "$T/undocumented" ] && { cat "$T/undocumented" >&2;
	    fail "$1 above are not in the $2 list of tidings.conf.5"; }
	[ -s "$T/unknown" ] && { cat "$T/unknown" >&2;
	    fail "tidings.conf.5 lists $1 above that tidings does not have"; }
	return 0
}
compare settings SETTINGS
compare actions "KEY ACTIONS"

# tidings.1 names every action; open-link-1 to open-link-9 may be a range.
"$MANDOC" -Tutf8 -O width=1000 "$page" | col -b >"$T/page" ||
    fail "mandoc cannot render tidings.1"
while read -r action; do
	case $action in
	open-link-[1-9])
		grep -q 'open-link-1 to open-link-9' "$T/page" && continue ;;
	esac
	grep -qE "(^|[^a-z0-9-])$action([^a-z0-9-]|\$)" "$T/page" ||
	    fail "tidings.1 does not name the action $action"
done <"$T/actions"

# The example is the file the unit tests load.
awk '
/^\.Sh / { insec = ($0 == ".Sh EXAMPLES"); next }
insec && /^\.Bd -literal/ { inbd = 1; next }
inbd && /^\.Ed/ { exit }
inbd { print }
' "$conf" | sed 's/\\e/\\/g; s/^\\&//' >"$T/example"
cmp -s "$T/example" "$top_srcdir/tests/data/config/example" || {
	diff -u "$top_srcdir/tests/data/config/example" "$T/example" >&2
	fail "the example of tidings.conf.5 is not tests/data/config/example"
}
exit 0
