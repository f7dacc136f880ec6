#!/bin/sh
# SPDX-License-Identifier: ISC
# From a fresh clone to a running tidings: install the build dependencies,
# build, install under ./inst in this checkout, and start tidings, which
# subscribes to its demo feeds when you have no urls file yet.
# Arguments are passed on to tidings.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh tools/deps.sh
[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure --prefix="$top/inst"
make -j"$(nproc 2>/dev/null || echo 2)"
make install >/dev/null
prefix=$(sed -n 's/^prefix = //p' Makefile)
exec "$prefix/bin/tidings" "$@"
