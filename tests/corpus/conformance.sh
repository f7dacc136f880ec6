#!/bin/sh
# SPDX-License-Identifier: ISC
# Feed-parser conformance: tidings --dump over the shared feedparser corpus.
# conformance.py, next to this file, does the work: it prints how far
# tidings agrees with feedparser, field by field, and every difference.
# Skips without the corpus or python3. Under make check the harness exports
# top_srcdir, top_builddir and TIDINGS; by hand, from anywhere:
#	sh tests/corpus/conformance.sh [--verbose] [--floor F]
here=$(cd "$(dirname "$0")" && pwd) || exit 99
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${TIDINGS:=$top_builddir/tidings}"
export top_srcdir top_builddir TIDINGS

corpus=$top_srcdir/../shared/corpus
if [ ! -f "$corpus/expected.plain.jsonl" ]; then
	echo "SKIP: no conformance corpus at $corpus"
	exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is not installed"
	exit 77
fi
corpus=$(cd "$corpus" && pwd) || exit 99
[ -x "$TIDINGS" ] || { echo "ERROR: no program at $TIDINGS" >&2; exit 99; }

# A private home, in case --dump ever looks at one.
. "$top_srcdir/tests/cli/lib.sh"

rc=0
python3 "$top_srcdir/tests/corpus/conformance.py" "$TIDINGS" "$corpus" \
    "$@" || rc=$?
exit $rc
