#!/bin/sh
# SPDX-License-Identifier: ISC
# Checks that read the source: banned functions, the layering of the
# modules (DESIGN.md), the SPDX line, and po/POTFILES.in.
# Usage: tools/checksrc.sh [TOP]    Exit 0 when clean, 1 with a list if not.
set -u
top=${1:-$(dirname "$0")/..}
cd "$top" || exit 2
fail=0
complain() {
	echo "checksrc: $*"
	fail=1
}

# The module a source file belongs to: util, ui, or its base name.
module_of() {
	case $1 in
	src/util/*) echo util ;;
	src/ui/*) echo ui ;;
	*) basename "$1" | sed 's/\.[ch]$//; s/-.*//' ;;
	esac
}

# The modules a module may include headers of (besides its own).
allowed() {
	case $1 in
	util) echo "util" ;;
	date|html|fetch|subs|keys) echo "util" ;;
	feeddoc) echo "util date" ;;
	keyfacts|extract) echo "util html" ;;
	parse) echo "util date html feeddoc" ;;
	store) echo "util date feeddoc" ;;
	model) echo "util date feeddoc fetch parse store subs keyfacts html" \
	    "extract" ;;
	config) echo "util keys" ;;
	ui) echo "ui model keys config html keyfacts util date feeddoc" ;;
	main|batch|fuzz) echo "*" ;;
	*) echo "util" ;;
	esac
}

files=$(find src fuzz -name '*.[ch]' 2>/dev/null | sort)

# 1. Banned functions (curl's list, and the shell-runners).
banned='strcpy|strcat|sprintf|vsprintf|strtok|atoi|atol|gets|system|popen'
for f in $files; do
	sed 's|/\*.*\*/||g; s|"[^"]*"|""|g' "$f" |
	    grep -nE "(^|[^A-Za-z0-9_])($banned)[[:space:]]*\(" |
	    while IFS= read -r hit; do
		echo "checksrc: $f:${hit%%:*}: banned function:" \
		    "$(echo "${hit#*:}" | grep -oE "($banned)[[:space:]]*\(" |
		    head -1)"
	done
done | { grep . && exit 1 || exit 0; } || fail=1

# 2. Libraries only where DESIGN.md puts them.
for f in $files; do
	m=$(module_of "$f")
	grep -n '^[[:space:]]*#[[:space:]]*include' "$f" |
	while IFS= read -r line; do
		n=${line%%:*}
		inc=$(echo "$line" | sed 's/^[^#]*#[[:space:]]*include[[:space:]]*//')
		case $inc in
		"<mxml.h>")
			[ "$m" = store ] ||
			    echo "checksrc: $f:$n: <mxml.h> outside the store" ;;
		"<curl/"*)
			[ "$f" = src/fetch.c ] ||
			    echo "checksrc: $f:$n: libcurl outside src/fetch.c" ;;
		"<curses.h>"|"<ncurses"*|"<term.h>"|"<panel.h>")
			[ "$m" = ui ] ||
			    echo "checksrc: $f:$n: curses outside src/ui/" ;;
		"<libxml/"*)
			case $m in parse|html|subs|extract|fuzz) ;; *)
			    echo "checksrc: $f:$n: libxml2 outside parse, html," \
				"subs, extract" ;;
			esac ;;
		\"*)
			h=$(echo "$inc" | sed 's/^"//; s/".*//')
			[ "$h" = config.h ] && continue
			hm=$(module_of "src/$h")
			[ "$hm" = "$m" ] && continue
			ok=$(allowed "$m")
			[ "$ok" = "*" ] && continue
			case " $ok " in *" $hm "*) ;; *)
			    echo "checksrc: $f:$n: layer '$m' includes" \
				"'$h' of the layer above ('$hm')" ;;
			esac ;;
		esac
	done
done | { grep . && exit 1 || exit 0; } || fail=1

# 3. Every file starts with an SPDX line; only /* */ comments.
for f in $files; do
	head -n 2 "$f" | grep -q 'SPDX-License-Identifier' ||
	    complain "$f: no SPDX-License-Identifier line at the top"
	grep -nE '^[[:space:]]*//|[;{}][[:space:]]*//' "$f" | head -3 |
	while IFS= read -r hit; do
		echo "checksrc: $f:${hit%%:*}: // comment (write /* */)"
	done
done | { grep . && exit 1 || exit 0; } || fail=1

# 4. Translatable strings: every file using _() is in po/POTFILES.in,
#    and every file listed there exists.
for f in $(find src -name '*.c' | sort); do
	if grep -qE '(^|[^A-Za-z0-9_])(N?_|ngettext)\(' "$f"; then
		grep -qx "$f" po/POTFILES.in ||
		    complain "$f uses _() but is not in po/POTFILES.in"
	fi
done
for f in $(grep -v '^#' po/POTFILES.in); do
	[ -f "$f" ] || complain "po/POTFILES.in lists $f, which does not exist"
done

exit $fail
