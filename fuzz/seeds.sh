#!/bin/sh
# SPDX-License-Identifier: ISC
# Build the seed corpora of the fuzz targets from the project's own test
# data: fuzz/seeds.sh SRCDIR OUTDIR makes OUTDIR/TARGET/ for each target
# (fuzz-parse, fuzz-roundtrip, fuzz-render, fuzz-keyfacts, fuzz-sanitize,
# fuzz-date, fuzz-store-load, fuzz-subs, and fuzz-config and fuzz-opml
# when those exist), each file one input, named after where it came from.
# Inputs that start with a selector byte (render: the width; keyfacts:
# HTML or text, with or without a headline; store-load: which file of the
# store) get one. Nothing is fetched; the files are copies, made anew on
# every run.
set -eu

src=${1:?usage: fuzz/seeds.sh SRCDIR OUTDIR}
out=${2:?usage: fuzz/seeds.sh SRCDIR OUTDIR}
data=$src/tests/data

rm -rf "$out"
for t in parse roundtrip render keyfacts sanitize date store-load subs \
    config opml; do
	mkdir -p "$out/fuzz-$t"
done

# put TARGET NAME PREFIX FILE: FILE as a seed of TARGET, after the bytes
# of the printf format PREFIX.
put() {
	{ printf "$3"; cat "$4"; } >"$out/fuzz-$1/$2"
}

# Feeds: the parser's golden files and hostile corpus, and the demo feeds.
for f in "$data"/parse/*.xml "$data"/hostile/*.xml "$src"/data/demo/*.xml; do
	[ -f "$f" ] || continue
	name=$(basename "$(dirname "$f")")-$(basename "$f")
	put parse "$name" '' "$f"
	put roundtrip "$name" '' "$f"
	# every title, link and date as text of its own
	sed -n 's/.*<title>\(.*\)<\/title>.*/\1/p' "$f" | head -20 \
	    >"$out/fuzz-sanitize/$name.titles"
	tags='pubDate\|published\|updated\|dc:date\|lastBuildDate\|issued'
	sed -n "s/.*<\\($tags\\)>\\([^<]*\\)<.*/\\2/p" "$f" | head -20 |
	    awk -v d="$out/fuzz-date" -v n="$name" \
	    '{ print > (d "/" n "." NR) }'
done
# whole feeds through the sanitiser too: raw bytes, escapes and all
for f in "$data"/hostile/*.xml; do
	[ -f "$f" ] && put sanitize "raw-$(basename "$f")" '' "$f"
done

# Articles: HTML at 80 and 40 columns (P is 80, ( is 40); key facts from
# HTML (mode 1) and text (mode 0), the second ones with a headline.
for f in "$data"/html/*.html; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	put render "$name.80" 'P' "$f"
	put render "$name.40" '(' "$f"
	put keyfacts "$name" '\001' "$f"
	put sanitize "$name" '' "$f"
done
for f in "$data"/keyfacts/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	case $f in
	*.html) put keyfacts "$name" '\001' "$f"
		put keyfacts "$name.title" '\003A headline\n' "$f" ;;
	*) put keyfacts "$name" '\000' "$f"
		put keyfacts "$name.title" '\002A headline\n' "$f" ;;
	esac
done

# Dates the parser must read, and some it must refuse.
i=0
for d in 'Fri, 27 Nov 2026 10:00:00 GMT' '2026-11-27T10:00:00.123+01:00' \
    'Mon, 32 Foo 99 25:61:61 +9999' '99999-01-01T00:00:00Z' \
    '27 Nov 2026 10:00 EST' '2026-11-27' 'Thu, 01 Jan 1970 00:00:00 -0000'; do
	i=$((i + 1))
	printf '%s' "$d" >"$out/fuzz-date/given.$i"
done

# The store: the selector byte names the file (0 the index, 1 a feed's
# headers, 2 its bodies, 3 the journal), the rest is what tidings writes.
if [ -d "$data/store" ]; then
	for f in "$data"/store/*/*; do
		[ -f "$f" ] || continue
		name=$(basename "$(dirname "$f")")-$(basename "$f")
		case $(basename "$f") in
		index.xml) sel='\000' ;;
		feed*.xml) sel='\001' ;;
		bodies*.xml) sel='\002' ;;
		marks.log) sel='\003' ;;
		*) continue ;;
		esac
		put store-load "$name" "$sel" "$f"
	done
fi
# and a feed's --dump output as a headers file: the same elements
for f in "$data"/parse/*.expect; do
	[ -f "$f" ] && put store-load "dump-$(basename "$f")" '\001' "$f"
done
printf '\0030123456789abcdef g0123456789abcdef 1\n' \
    >"$out/fuzz-store-load/marks"
printf '\003../../../../etc g0123456789abcdef 8\n' \
    >"$out/fuzz-store-load/marks-path"

# The urls file: the demo list and newsboat-style lines.
[ -f "$src/data/demo/urls" ] && cp "$src/data/demo/urls" \
    "$out/fuzz-subs/demo-urls"
printf '%s\n' '# comment' 'https://example.org/feed.xml news "~Example news"' \
    '"http://a b/" "tag with space" ! ~Title' 'http://x/ "unterminated' \
    >"$out/fuzz-subs/lines"

# The config file and OPML, once their modules exist.
for f in "$data"/config/* "$data"/opml/* "$data"/hostile/*.opml; do
	[ -f "$f" ] || continue
	case $f in
	*.opml) cp "$f" "$out/fuzz-opml/$(basename "$f")" ;;
	*) cp "$f" "$out/fuzz-config/$(basename "$f")" ;;
	esac
done
printf '%s\n' 'browser "firefox %u"' 'bind-key j down' 'max-items 100' \
    >"$out/fuzz-config/basic"
echo "seeds: $(find "$out" -type f | wc -l) files in $out"
