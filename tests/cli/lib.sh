# SPDX-License-Identifier: ISC
# Shared setup for the shell tests: a private home in a temporary folder,
# so that no test touches the real one, and helpers to report failures.
# The test harness exports TIDINGS, top_srcdir and top_builddir.

: "${TIDINGS:?run the tests through make check}"
: "${top_srcdir:?run the tests through make check}"

T=$(mktemp -d "${TMPDIR:-/tmp}/tidings-test.XXXXXX") || exit 99
# Servers a test starts are always stopped, whatever way it ends.
servers=
stop_servers() {
	for p in $servers; do
		kill "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	servers=
}
trap 'stop_servers; rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM
HOME=$T/home
XDG_CONFIG_HOME=$T/home/.config
XDG_DATA_HOME=$T/home/.local/share
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
mkdir -p "$HOME"
unset LANGUAGE
# Nothing between the tests and 127.0.0.1.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
no_proxy=127.0.0.1,localhost
NO_PROXY=$no_proxy
export no_proxy NO_PROXY
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

# faultd_start DIR: start the fault-injection server (tests/tools/faultd)
# serving DIR under /files/, logging requests to $T/faultd.log. Sets B to
# its base URL, http://127.0.0.1:PORT. Skips the test if it cannot start.
faultd_start() {
	"$top_builddir/tests/tools/faultd" -d "$1" -l "$T/faultd.log" \
	    >"$T/faultd.port" 2>"$T/faultd.err" &
	servers="$servers $!"
	fs_i=0
	while [ ! -s "$T/faultd.port" ] && [ $fs_i -lt 50 ]; do
		sleep 0.1
		fs_i=$((fs_i + 1))
	done
	fs_port=$(cat "$T/faultd.port")
	case $fs_port in
	''|*[!0-9]*) cat "$T/faultd.err" >&2; skip "faultd did not start" ;;
	esac
	B=http://127.0.0.1:$fs_port
}
