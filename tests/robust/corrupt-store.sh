# SPDX-License-Identifier: ISC
# A damaged store (RELIABILITY.md 2.5, test plan 30): each file of a good
# store in turn -- the index, a feed's headers, its bodies, the journal
# of marks -- is cut at a random offset, has random bits flipped, is
# emptied, gets escape sequences in its middle, is replaced by a folder, or by a symbolic
# link to a file outside the store. Every time: tidings starts (-r and
# --print-unread exit 0 or report the feed, never crash), prints no
# control character, keeps a damaged file aside as NAME.corrupt-* (or
# rebuilds what it can), never writes through a symbolic link (the file
# it points to is byte for byte as it was), and the next start is clean
# again. TIDINGS_CORRUPT_SEED repeats a run (the seed is printed).
. "$top_srcdir/tests/cli/lib.sh"

seed=${TIDINGS_CORRUPT_SEED:-$(date +%s)}
echo "corrupt-store: seed $seed"
mkdir -p "$T/www"
awk 'BEGIN {
	printf "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Damage</title>\n"
	for (i = 0; i < 20; i++)
		printf "<item><guid>d%d</guid><title>Item %d</title><link>http://damage.invalid/%d</link><description>Body of item %d, long enough to be a body.</description></item>\n", i, i, i, i
	printf "</channel></rss>\n" }' >"$T/www/feed.xml"
echo "file://$T/www/feed.xml" >"$T/urls"
"$TIDINGS" -u "$T/urls" -d "$T/good" -r >"$T/out" 2>&1 ||
    fail "the good store: $(cat "$T/out")"
id=$(ls "$T/good/feeds" | sed -n 's/\.xml$//p' | head -1)
[ -n "$id" ] || fail "no feed file in the good store"
# One mark in the journal, so that it is not empty.
key=$(sed -n 's/.*<item key="\([^"]*\)".*/\1/p' "$T/good/feeds/$id.xml" |
    head -1)
"$top_builddir/tests/tools/storetool" mark "$T/good" "$id" "$key" \
    >/dev/null || fail "cannot mark an item in the good store"
echo "OUTSIDE-$$" >"$T/outside"

# damage HOW FILE: damage FILE of a store the way HOW says.
damage() {
	size=$(wc -c <"$2")
	case $1 in
	cut) head -c "$(awk -v s="$seed$n" -v z="$size" \
		'BEGIN { srand(s); print int(rand() * z) }')" "$2" >"$2.new"
		mv "$2.new" "$2" ;;
	flip) awk -v s="$seed$n" -v z="$size" 'BEGIN { srand(s)
		for (i = 0; i < 8; i++) print int(rand() * z) }' >"$T/offsets"
		while read -r off; do
			b=$(od -An -tu1 -j "$off" -N1 "$2" | tr -d ' ')
			printf "$(printf '\\%03o' $(((b ^ (1 << (off % 8))) & 255)))" |
			    dd of="$2" bs=1 seek="$off" conv=notrunc 2>/dev/null
		done <"$T/offsets" ;;
	empty) : >"$2" ;;
	escape) { head -c $((size / 2)) "$2"; printf '\033[2J\033]0;PWNED\007'
		tail -c +$((size / 2 + 1)) "$2"; } >"$2.new"
		mv "$2.new" "$2" ;;
	folder) rm "$2" && mkdir "$2" && echo x >"$2/inside" ;;
	link) rm "$2" && ln -s "$T/outside" "$2" ;;
	esac
}

n=0
for file in index.xml "feeds/$id.xml" "bodies/$id.xml" marks.log; do
	for how in cut flip empty escape folder link; do
		n=$((n + 1))
		what="$how $file"
		rm -rf "$T/d"
		cp -a "$T/good" "$T/d"
		damage "$how" "$T/d/$file"
		rc=0
		"$TIDINGS" -u "$T/urls" -d "$T/d" --print-unread >"$T/out" \
		    2>"$T/err" || rc=$?
		case $rc in
		0|1) ;;
		*) cat "$T/err" >&2; fail "$what: --print-unread exited $rc" ;;
		esac
		expect_no_controls "$T/out"
		expect_no_controls "$T/err"
		rc=0
		"$TIDINGS" -u "$T/urls" -d "$T/d" -r >"$T/out" 2>"$T/err" ||
		    rc=$?
		case $rc in
		0|1) ;;
		*) cat "$T/err" >&2; fail "$what: -r exited $rc" ;;
		esac
		expect_no_controls "$T/out"
		expect_no_controls "$T/err"
		[ "$(cat "$T/outside")" = "OUTSIDE-$$" ] ||
		    fail "$what: a write went through the link"
		# The next start is clean, and the feed is whole again.
		rc=0
		"$TIDINGS" -u "$T/urls" -d "$T/d" -r >"$T/out" 2>"$T/err" ||
		    rc=$?
		[ $rc = 0 ] || fail "$what: the second -r exited $rc:" \
		    "$(cat "$T/out" "$T/err")"
		unread=$("$TIDINGS" -u "$T/urls" -d "$T/d" --print-unread \
		    2>"$T/err")
		case $unread in
		19|20) ;;
		*) fail "$what: $unread unread after a refresh, not 19 or 20" ;;
		esac
		[ -s "$T/err" ] && fail "$what: the next start still warns:" \
		    "$(cat "$T/err")"
		# A file tidings could not read was kept aside, not lost.
		case $how.$file in
		escape.*.xml|empty.*.xml|folder.*.xml|link.*.xml|folder.marks.log|link.marks.log)
			ls -d "$T/d/$file".corrupt-* >/dev/null 2>&1 ||
			    fail "$what: the damaged file was not kept aside"
			;;
		esac
	done
done
echo "corrupt-store: $n damaged stores opened"
exit 0
