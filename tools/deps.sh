#!/bin/sh
# SPDX-License-Identifier: ISC
# Install what tidings needs to build and test, on Debian or Ubuntu.
# Does nothing when everything is there already. Uses sudo when not root.
set -eu

packages="build-essential autoconf automake autopoint gettext pkg-config
libncurses-dev libcurl4-openssl-dev libdeflate-dev libxml2-dev libxml2-utils libmxml-dev
libcmocka-dev tmux mandoc groff-base strace python3 procps valgrind"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
	    grep -q '^install ok installed$' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "tools/deps.sh: no apt-get here; install by hand:$missing" >&2
	exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "tools/deps.sh: installing$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
