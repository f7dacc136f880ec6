#!/bin/sh
# SPDX-License-Identifier: ISC
# Build tidings if needed and run every test: make check.
# Extra arguments go to make (for example: tools/test.sh -j4).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh tools/deps.sh
[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure --prefix="$top/inst"
make -j"$(nproc 2>/dev/null || echo 2)" "$@"
make -j"$(nproc 2>/dev/null || echo 2)" check "$@"
