# SPDX-License-Identifier: ISC
# Shared setup for the shell tests: a private home in a temporary folder,
# so that no test touches the real one, and helpers to report failures.
# The test harness exports TIDINGS, top_srcdir and top_builddir.

: "${TIDINGS:?run the tests through make check}"
: "${top_srcdir:?run the tests through make check}"

T=$(mktemp -d "${TMPDIR:-/tmp}/tidings-test.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
HOME=$T/home
XDG_CONFIG_HOME=$T/home/.config
XDG_DATA_HOME=$T/home/.local/share
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
mkdir -p "$HOME"
unset LANGUAGE
LC_ALL=C.UTF-8
export LC_ALL

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

# expect_grep PATTERN FILE: FILE has a line matching the fixed PATTERN.
expect_grep() {
	grep -qF -- "$1" "$2" || {
		echo "--- $2:" >&2
		cat "$2" >&2
		fail "expected '$1' in $2"
	}
}

# expect_no_controls FILE: no C0 (but tab and newline), DEL, C1 or bidi
# control bytes, and well-formed UTF-8.
expect_no_controls() {
	if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"; then
		od -c "$1" | head -20 >&2
		fail "control characters in $1"
	fi
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 ||
	    fail "$1 is not well-formed UTF-8"
}
