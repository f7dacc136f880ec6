#!/bin/sh
# SPDX-License-Identifier: ISC
# Deterministic feed generator for the benchmarks (issue 12).
#
#   bench/gen-feeds.sh [-g GEN] [-c] NFEEDS NITEMS DIR
#   bench/gen-feeds.sh -b MB FILE
#
# The first form writes NFEEDS feeds of NITEMS items each into DIR:
# fNNNN.rss (RSS 2.0) or fNNNN.atom (Atom 1.0), two feeds of five RSS,
# the rest Atom. Items have titles of 5 to 13 words, HTML summaries of
# 2 to 5 sentences (escaped in RSS, type="html" in Atom), a guid or id,
# dates an hour apart, an author and a category; one word of nine is not
# ASCII (Zürich, Kraków, Москва, 東京, ...), and titles carry the odd
# entity. Three feeds of five (f % 5 == 0, 2 or 4; feed 2 among them)
# also hold each article whole (content:encoded in CDATA, or Atom
# <content>) of 14 to 27 paragraphs, 4 to 9 KB; every sixth
# (f % 6 == 5) is a podcast, an audio enclosure on each item, and one
# item of eight of the others has an image enclosure. The result weighs
# about 70 KB a feed of 100 items, 700 KB for a full-text one: 1000 x 100
# is some 450 MB of XML, near the 470 MB of issue 12's own measurements.
#
# An item is a function of its feed and its sequence number alone, so
# that items common to two generations are byte for byte the same. In
# generation GEN (default 0), the feeds f % 10 == 0 (a tenth) have
# max(1, NITEMS / 10) * GEN new items on top, and as many of the oldest
# dropped; the others are as in generation 0. -c writes only the feeds
# that change between generations (f % 10 == 0).
#
# DIR also gets index.tsv (number, file, format, feed title, title of the
# newest item, one line a feed) and headlines.txt: the first three words
# of every item title of feed 2 (those with two words or more before
# any entity or colon), one a line, for finding its headlines on
# a screen.
#
# The second form writes one RSS 2.0 feed of 1000 items of full articles
# (HTML in CDATA, non-ASCII text, entities in titles) of about MB
# megabytes (10^6 bytes) to FILE.
#
# The output depends on nothing but the arguments: the random numbers are
# the generator's own (minstd), the same under mawk, gawk and busybox awk.
# The files' modification times are left to the caller.
set -eu
gen=0
only_changed=0
big=
while getopts g:cb: opt; do
	case $opt in
	g) gen=$OPTARG ;;
	c) only_changed=1 ;;
	b) big=$OPTARG ;;
	*) echo "usage: gen-feeds.sh [-g GEN] [-c] NFEEDS NITEMS DIR |" \
	    "-b MB FILE" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ -n "$big" ]; then
	[ $# = 1 ] || { echo "usage: gen-feeds.sh -b MB FILE" >&2; exit 2; }
	nfeeds=0 nitems=0 dir=. out=$1
else
	[ $# = 3 ] || { echo "usage: gen-feeds.sh [-g GEN] [-c] NFEEDS" \
	    "NITEMS DIR" >&2; exit 2; }
	nfeeds=$1 nitems=$2 dir=$3 out=
	mkdir -p "$dir"
fi
# Bytes, not characters, whatever the locale.
LC_ALL=C
export LC_ALL
exec awk -v nfeeds="$nfeeds" -v nitems="$nitems" -v dir="$dir" \
    -v gen="$gen" -v only_changed="$only_changed" -v big="$big" \
    -v out="$out" '
# minstd: x = x * 48271 mod (2^31 - 1); exact in doubles.
function seed(a, b,    i) {
	rs = (a * 7919 + b * 104729 + 12345) % 2147483647
	if (rs <= 0)
		rs += 2147483646
	for (i = 0; i < 3; i++)
		rs = (rs * 48271) % 2147483647
}
function rnd() {
	rs = (rs * 48271) % 2147483647
	return rs / 2147483647
}
function rint(n) { return int(rnd() * n) }
function word() {
	if (rint(9) == 0)
		return u[rint(nu) + 1]
	return w[rint(nw) + 1]
}
function words(n,    s, i) {
	s = word()
	for (i = 1; i < n; i++)
		s = s " " word()
	return s
}
function cap(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
function sentence(lo, hi) { return cap(words(lo + rint(hi - lo + 1))) "." }
function para(n,    s, i) {
	s = sentence(8, 18)
	for (i = 1; i < n; i++)
		s = s " " sentence(8, 18)
	return s
}
# A headline: plain words, now and then an entity or a quote.
function headline(    s, k) {
	s = cap(words(5 + rint(9)))
	k = rint(12)
	if (k == 0)
		s = s " &amp; " words(2)
	else if (k == 1)
		s = s ": &#8216;" words(3) "&#8217;"
	else if (k == 2)
		s = s " &#8212; " words(2)
	return s
}
function civil(t,    d, z, era, doe, yoe, y, doy, mp, dd, m) {
	d = int(t / 86400)
	z = d + 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - \
	    int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	dd = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	if (m <= 2)
		y++
	cy = y; cm = m; cd = dd; cwd = (d + 4) % 7
	cs = t - d * 86400
}
function rfc822(t) {
	civil(t)
	return sprintf("%s, %02d %s %d %02d:%02d:%02d +0000", wd[cwd + 1], cd,
	    mon[cm], cy, int(cs / 3600), int(cs % 3600 / 60), cs % 60)
}
function rfc3339(t) {
	civil(t)
	return sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", cy, cm, cd,
	    int(cs / 3600), int(cs % 3600 / 60), cs % 60)
}
# The first three words of a headline as a screen shows it: entities
# are decoded by every reader, so stop before one.
function marker(s,    n, a, i, r) {
	n = split(s, a, " ")
	r = ""
	for (i = 1; i <= n && i <= 3; i++) {
		if (a[i] ~ /[&;:]/)
			break
		r = r (r == "" ? "" : " ") a[i]
	}
	return r
}
# One item of feed f, sequence number q (1 = oldest ever), into file.
function item(f, q, atom, full, pod, file,    t, title, summ, n, k, \
    body, slug, enc, host, len) {
	seed(f, q)
	t = base - f * 37 + (q - nitems) * 3600
	title = headline()
	n = 2 + rint(4)
	summ = "<p>" para(n) "</p>"
	slug = w[rint(nw) + 1] "-" w[rint(nw) + 1]
	host = sprintf("news%d.example.com", f)
	body = ""
	if (full) {
		n = 14 + rint(14)
		for (k = 0; k < n; k++)
			body = body "<p>" para(3 + rint(2)) "</p>\n"
		if (rint(3) == 0)
			body = body "<blockquote>" para(1) "</blockquote>\n"
		body = body "<p><img src=\"https://" host "/img/" q \
		    ".jpg\" alt=\"" words(3) "\"></p>\n"
	}
	enc = ""
	if (pod) {
		len = 8000000 + rint(40000000)
		enc = "audio/mpeg " len " https://" host "/audio/ep" q ".mp3"
	} else if (rint(8) == 0) {
		len = 20000 + rint(200000)
		enc = "image/jpeg " len " https://" host "/img/" q ".jpg"
	}
	if (f == 2 && split(marker(title), e, " ") >= 2)
		print marker(title) >(dir "/headlines.txt")
	if (newest == "")
		newest = title
	if (!atom) {
		gsub(/</, "\\&lt;", summ)
		gsub(/>/, "\\&gt;", summ)
		printf "<item>\n<title>%s</title>\n" \
		    "<link>https://%s/%d/%s</link>\n" \
		    "<guid isPermaLink=\"false\">%s-%d</guid>\n" \
		    "<pubDate>%s</pubDate>\n<dc:creator>%s</dc:creator>\n" \
		    "<category>%s</category>\n" \
		    "<description>%s</description>\n", title, host, q, slug,
		    host, q, rfc822(t), cap(w[rint(nw) + 1]) " " \
		    cap(w[rint(nw) + 1]), cat[rint(ncat) + 1], summ >file
		if (body != "")
			printf "<content:encoded><![CDATA[%s]]>" \
			    "</content:encoded>\n", body >file
		if (enc != "") {
			split(enc, e, " ")
			printf "<enclosure url=\"%s\" length=\"%s\" " \
			    "type=\"%s\"/>\n", e[3], e[2], e[1] >file
		}
		print "</item>" >file
	} else {
		gsub(/&/, "\\&amp;", summ)
		gsub(/</, "\\&lt;", summ)
		gsub(/>/, "\\&gt;", summ)
		printf "<entry>\n<title type=\"html\">%s</title>\n" \
		    "<link rel=\"alternate\" type=\"text/html\" " \
		    "href=\"https://%s/%d/%s\"/>\n" \
		    "<id>tag:%s,2025:%d</id>\n" \
		    "<published>%s</published>\n<updated>%s</updated>\n" \
		    "<author><name>%s</name></author>\n" \
		    "<category term=\"%s\"/>\n" \
		    "<summary type=\"html\">%s</summary>\n", title, host, q,
		    slug, host, q, rfc3339(t), rfc3339(t),
		    cap(w[rint(nw) + 1]) " " cap(w[rint(nw) + 1]),
		    cat[rint(ncat) + 1], summ >file
		if (body != "") {
			gsub(/&/, "\\&amp;", body)
			gsub(/</, "\\&lt;", body)
			gsub(/>/, "\\&gt;", body)
			printf "<content type=\"html\">%s</content>\n",
			    body >file
		}
		if (enc != "") {
			split(enc, e, " ")
			printf "<link rel=\"enclosure\" type=\"%s\" " \
			    "length=\"%s\" href=\"%s\"/>\n", e[1], e[2],
			    e[3] >file
		}
		print "</entry>" >file
	}
}
function feed(f,    atom, full, pod, file, title, host, top, q, upd) {
	atom = f % 5 == 3 || f % 5 == 4
	full = f % 5 == 0 || f % 5 == 2 || f % 5 == 4
	pod = f % 6 == 5
	file = sprintf("%s/f%04d.%s", dir, f, atom ? "atom" : "rss")
	seed(f, 0)
	title = sprintf("%s %s %04d", town[rint(ntown) + 1],
	    paper[rint(npaper) + 1], f)
	host = sprintf("news%d.example.com", f)
	top = nitems + (f % 10 == 0 ? step * gen : 0)
	upd = base - f * 37 + (top - nitems) * 3600
	newest = ""
	if (f == 2)
		printf "" >(dir "/headlines.txt")
	if (!atom)
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
		    "<rss version=\"2.0\"" \
		    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
		    " xmlns:content=\"http://purl.org/rss/1.0/modules/" \
		    "content/\">\n<channel>\n<title>%s</title>\n" \
		    "<link>https://%s/</link>\n" \
		    "<description>%s</description>\n" \
		    "<language>en</language>\n" \
		    "<lastBuildDate>%s</lastBuildDate>\n" \
		    "<generator>gen-feeds.sh</generator>\n", title, host,
		    cap(words(6)), rfc822(upd) >file
	else
		printf "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" \
		    "<feed xmlns=\"http://www.w3.org/2005/Atom\" " \
		    "xml:lang=\"en\">\n<title>%s</title>\n" \
		    "<subtitle>%s</subtitle>\n" \
		    "<link rel=\"alternate\" href=\"https://%s/\"/>\n" \
		    "<link rel=\"self\" href=\"https://%s/atom.xml\"/>\n" \
		    "<id>tag:%s,2025:feed</id>\n<updated>%s</updated>\n",
		    title, cap(words(6)), host, host, host,
		    rfc3339(upd) >file
	for (q = top; q > top - nitems; q--)
		item(f, q, atom, full, pod, file)
	print atom ? "</feed>" : "</channel>\n</rss>" >file
	close(file)
	if (f == 2)
		close(dir "/headlines.txt")
	if (!only_changed)
		printf "%d\t%s\t%s\t%s\t%s\n", f,
		    substr(file, length(dir) + 2), atom ? "atom" : "rss",
		    title, newest >(dir "/index.tsv")
}
# One big RSS feed of 1000 full articles, about mb * 10^6 bytes.
function bigfeed(mb,    per, i, n, b, p, t) {
	per = mb * 1000000 / 1000
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	    "<rss version=\"2.0\"" \
	    " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"" \
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n" \
	    "<channel><title>Benchmark &amp; Co</title>" \
	    "<link>https://bench.example/</link>" \
	    "<description>generated</description>\n" >out
	for (i = 1000; i >= 1; i--) {
		seed(999999, i)
		t = base - (1000 - i) * 3600
		printf "<item><title>%s</title>" \
		    "<link>https://bench.example/%d</link>" \
		    "<guid>https://bench.example/%d</guid>" \
		    "<pubDate>%s</pubDate><dc:creator>%s</dc:creator>" \
		    "<description>&lt;p&gt;%s&lt;/p&gt;</description>" \
		    "<content:encoded><![CDATA[", headline(), i, i,
		    rfc822(t), cap(word()), para(2) >out
		n = 600
		b = ""
		while (n < per) {
			p = "<p>" para(3) "</p>\n"
			b = b p
			n += length(p)
		}
		printf "%s]]></content:encoded></item>\n", b >out
	}
	print "</channel></rss>" >out
	close(out)
}
BEGIN {
	nw = split("council budget minister report city school river " \
	    "market energy price union court health police storm vote " \
	    "season league record museum plan road rail water housing " \
	    "study scientists team winter summer festival strike talks " \
	    "deal growth rates bank climate village harbour bridge " \
	    "airport hospital election mayor farmers exports inquiry " \
	    "the the the of of of and and in in to to a a for on with " \
	    "after over new says more than year week local national " \
	    "agreement workers teachers library station ferry coast " \
	    "island valley forest fire flood drought wheat coffee wine " \
	    "trade tariff court judge appeal ruling senate parliament " \
	    "campaign poll survey data software network phone app", w)
	nu = split("Zürich Kraków Malmö São Paulo München Québec café " \
	    "naïve déjà Ærø Göteborg Straße façade jalapeño Île-de-France " \
	    "Москва Київ Ελλάδα Αθήνα 東京 大阪 서울 北京 İstanbul Łódź " \
	    "Reykjavík Brașov Škoda Ñandú €12m 5–0 Tōkyō", u)
	npaper = split("Herald Tribune Gazette Courier Observer Chronicle " \
	    "Post Times Journal Review Bulletin Dispatch Monitor Record " \
	    "Zeitung Tagblatt Gazeta Правда Σήμερα 新聞", paper)
	ntown = split("Riverside Harbourtown Eastfield Northam Westbury " \
	    "Lakeside Hillcrest Millbrook Zürich Kraków Malmö Québec " \
	    "München Göteborg Reykjavík Київ Αθήνα 東京 서울", town)
	ncat = split("World Politics Business Science Sport Culture " \
	    "Technology Health Opinion Local", cat)
	split("Sun Mon Tue Wed Thu Fri Sat", wd)
	split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mon)
	base = 1735689600	# 2025-01-01 00:00 UTC
	if (big != "") {
		bigfeed(big + 0)
		exit 0
	}
	step = int(nitems / 10)
	if (step < 1)
		step = 1
	if (!only_changed)
		printf "" >(dir "/index.tsv")
	for (f = 1; f <= nfeeds; f++)
		if (!only_changed || f % 10 == 0)
			feed(f)
	close(dir "/index.tsv")
}'
