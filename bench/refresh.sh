#!/bin/sh
# SPDX-License-Identifier: ISC
# Refresh benchmark: NFEEDS RSS 2.0 feeds of NITEMS items each (titles,
# descriptions of a few hundred bytes, guids, dates), served by nginx on
# 127.0.0.1 with its defaults (ETag and Last-Modified on, no gzip), and,
# in the same run, the time of
#   tidings -r                  first refresh (empty store), then unchanged
#   newsboat -x reload          first (empty cache), then unchanged (its
#                               third reload: see below)
#   sfeed_update                first (empty folder), then unchanged
# each tool with the same concurrency: tidings' own (the `parallel` of
# MODEL_OPTIONS_DEFAULT in src/model.h, or PARALLEL), newsboat's
# reload-threads and sfeed_update's maxjobs set to it. Newsboat runs in a
# private HOME with its own urls, config and cache. Prints the median of
# RUNS runs of each and the ratios against the targets: a first refresh
# in at most 0.5x newsboat's time, an unchanged one in at most 0.3x, and
# neither slower than sfeed_update. The access log tells how many answers
# were 200 and how many 304 (a conditional GET that found no change).
#
# Usage: bench/refresh.sh [NFEEDS] [NITEMS] [RUNS]        (1000, 100, 3)
# TIDINGS names another binary (default: tidings in the build folder);
# HOSTS=N spreads the feeds over the addresses 127.0.0.1 to 127.0.0.N
# (default 1), as feeds of many sites would be; TOOLS="tidings ..." runs
# only some of tidings, newsboat and sfeed; KEEP=1 keeps the work
# folder. Needs nginx, newsboat and sfeed (on Debian: apt-get install
# nginx-light newsboat sfeed; as root, the script installs what is
# missing). Not part of make check: machines are shared and timings are
# noisy.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${TIDINGS:-$top/tidings}
nfeeds=${1:-1000}
nitems=${2:-100}
runs=${3:-3}
hosts=${HOSTS:-1}
tools=${TOOLS:-tidings newsboat sfeed}

[ -x "$tidings" ] || { echo "bench: no $tidings (make first)" >&2; exit 1; }
# The third field of MODEL_OPTIONS_DEFAULT is parallel.
num='[0-9]*, *'
parallel=${PARALLEL:-$(sed -n \
    "s/.*MODEL_OPTIONS_DEFAULT[^{]*{ *$num$num\([0-9]*\),.*/\1/p" \
    "$top/src/model.h")}
case $parallel in
''|*[!0-9]*) echo "bench: cannot read parallel from src/model.h;" \
    "set PARALLEL" >&2; exit 1 ;;
esac

# What is missing is installed when we may, else named.
need() {
	missing=
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] ||
	    missing="$missing nginx-light"
	command -v newsboat >/dev/null 2>&1 || missing="$missing newsboat"
	command -v sfeed_update >/dev/null 2>&1 || missing="$missing sfeed"
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "bench: installing$missing" >&2
		# shellcheck disable=SC2086
		DEBIAN_FRONTEND=noninteractive apt-get install -y $missing \
		    >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 &&
		    DEBIAN_FRONTEND=noninteractive apt-get install -y \
		    $missing >/dev/null 2>&1; } && return 0
	fi
	echo "bench: missing:$missing (apt-get install$missing)" >&2
	exit 1
}
need
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-bench.XXXXXX")
stop_nginx() {
	if [ -s "$work/nginx.pid" ]; then
		kill "$(cat "$work/nginx.pid")" 2>/dev/null || :
		i=0
		while [ -s "$work/nginx.pid" ] && [ $i -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
	fi
}
cleanup() {
	stop_nginx
	if [ "${KEEP:-0}" = 1 ]; then
		echo "bench: kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# Nothing between the tools and 127.0.0.1, and no real home touched.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
no_proxy='*'
NO_PROXY='*'
HOME=$work/home
XDG_CONFIG_HOME=$HOME/.config
XDG_DATA_HOME=$HOME/.local/share
XDG_CACHE_HOME=$HOME/.cache
export no_proxy NO_PROXY HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME
mkdir -p "$HOME" "$work/www" "$work/tmp"

now() { date +%s.%N; }
secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }

# The feeds: fNNNN.xml, items newest first, an hour apart.
s=$(now)
awk -v nfeeds="$nfeeds" -v nitems="$nitems" -v dir="$work/www" '
function pick(a, n) { return a[int(rand() * n) + 1] }
function words(n,    s, i) {
	s = pick(w, nw)
	for (i = 1; i < n; i++)
		s = s " " pick(w, nw)
	return s
}
# RFC 822 date of a time in seconds since the epoch (UTC).
function rfc822(t,    d, secs, z, era, doe, yoe, y, doy, mp, dd, m) {
	d = int(t / 86400)
	secs = t - d * 86400
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
	return sprintf("%s, %02d %s %d %02d:%02d:%02d +0000",
	    wd[(d + 4) % 7], dd, mon[m], y, int(secs / 3600),
	    int(secs % 3600 / 60), secs % 60)
}
BEGIN {
	srand(1)
	nw = split("council budget minister report city school river " \
	    "market energy price union court health police storm vote " \
	    "season league record museum plan road rail water housing " \
	    "study scientists team winter summer festival strike talks " \
	    "deal growth rates bank climate village harbour bridge " \
	    "airport hospital election mayor farmers exports inquiry", w)
	split("Sun Mon Tue Wed Thu Fri Sat", wd)
	split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mon)
	split("World Politics Business Science Sport Culture", cat)
	base = 1735689600	# 2025-01-01
	for (f = 1; f <= nfeeds; f++) {
		file = sprintf("%s/f%04d.xml", dir, f)
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
		    "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/" \
		    "elements/1.1/\">\n<channel>\n" \
		    "<title>Feed %d: %s</title>\n" \
		    "<link>https://news%d.example.com/</link>\n" \
		    "<description>News about %s</description>\n" \
		    "<language>en</language>\n" \
		    "<lastBuildDate>%s</lastBuildDate>\n", f, words(3), f,
		    words(4), rfc822(base) >file
		for (i = 1; i <= nitems; i++) {
			t = base - (i - 1) * 3600 - f
			title = words(6 + int(rand() * 8))
			desc = ""
			n = 3 + int(rand() * 4)
			for (k = 0; k < n; k++)
				desc = desc words(8 + int(rand() * 10)) ". "
			printf "<item>\n<title>%s</title>\n" \
			    "<link>https://news%d.example.com/%d/%s</link>\n" \
			    "<guid isPermaLink=\"false\">news%d-%d</guid>\n" \
			    "<pubDate>%s</pubDate>\n" \
			    "<dc:creator>Staff</dc:creator>\n" \
			    "<category>%s</category>\n" \
			    "<description>&lt;p&gt;%s&lt;/p&gt;" \
			    "</description>\n" \
			    "</item>\n", title, f, i, pick(w, nw), f, i,
			    rfc822(t), pick(cat, 6), desc >file
		}
		print "</channel>\n</rss>" >file
		close(file)
	}
}'
e=$(now)
echo "feeds: $nfeeds x $nitems items, $(du -sk "$work/www" | cut -f1) KB," \
    "made in $(secs "$s" "$e") s"

# nginx, its own configuration, on a free port of 127.0.0.1 (..N).
start_nginx() {
	port=$1
	{
		[ "$(id -u)" = 0 ] && echo "user $(id -un) $(id -gn);"
		cat <<CONF
worker_processes 1;
daemon on;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
	types { application/rss+xml xml; }
	default_type application/octet-stream;
	log_format bench '\$status';
	access_log $work/access.log bench;
	client_body_temp_path $work/tmp/body;
	proxy_temp_path $work/tmp/proxy;
	fastcgi_temp_path $work/tmp/fastcgi;
	uwsgi_temp_path $work/tmp/uwsgi;
	scgi_temp_path $work/tmp/scgi;
	sendfile on;
	server {
CONF
		h=1
		while [ $h -le "$hosts" ]; do
			echo "		listen 127.0.0.$h:$port;"
			h=$((h + 1))
		done
		cat <<CONF
		root $work/www;
	}
}
CONF
	} >"$work/nginx.conf"
	"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log" \
	    2>>"$work/nginx-error.log"
}
tries=0
until start_nginx $((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000)); do
	tries=$((tries + 1))
	[ $tries -lt 20 ] || { cat "$work/nginx-error.log" >&2;
	    echo "bench: nginx did not start" >&2; exit 1; }
done
i=0
while [ ! -s "$work/nginx.pid" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
url_of() {
	printf 'http://127.0.0.%d:%d/f%04d.xml\n' $(($1 % hosts + 1)) "$port" \
	    "$1"
}
f=1
while [ "$f" -le "$nfeeds" ]; do
	u=$(url_of "$f")
	echo "$u" >>"$work/urls"
	printf '\tfeed "f%04d" "%s"\n' "$f" "$u" >>"$work/feeds.sh"
	f=$((f + 1))
done
curl -sf -o /dev/null "$(url_of 1)" ||
    { echo "bench: nginx does not answer on $port" >&2; exit 1; }
echo "nginx: port $port on $hosts address(es); concurrency: $parallel" \
    "(tidings parallel, newsboat reload-threads, sfeed maxjobs)"

# newsboat: its own home, urls, config and cache.
printf 'reload-threads %s\n' "$parallel" >"$work/newsboat.conf"
# sfeed_update: the feeds, the folder, maxjobs.
{
	echo "sfeedpath=\"$work/sfeed\""
	echo "maxjobs=$parallel"
	echo "feeds() {"
	cat "$work/feeds.sh"
	echo "}"
} >"$work/sfeedrc"

# run NAME PHASE CMD...: time CMD into $work/t.NAME.PHASE (wall, then
# user+sys CPU of it and its children), its output into $work/out.
run() {
	r_name=$1
	r_phase=$2
	shift 2
	: >"$work/access.log"
	r_s=$(now)
	r_rc=0
	/usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >"$work/out" 2>&1 ||
	    r_rc=$?
	r_e=$(now)
	echo "$(secs "$r_s" "$r_e") $(awk '{ print $1 + $2 }' "$work/cpu")" \
	    >>"$work/t.$r_name.$r_phase"
	awk '{ n[$1]++ } END { for (s in n) printf "%s:%d ", s, n[s] }' \
	    "$work/access.log" >"$work/codes.$r_name.$r_phase"
	[ "$r_rc" = 0 ] || { echo "bench: $r_name $r_phase exited" \
	    "$r_rc:" >&2; tail -5 "$work/out" >&2; }
}
# check NAME WANT GOT: a run did what it should, or the figures are void.
check() {
	[ "$2" = "$3" ] || echo "bench: WARNING: $1: expected $2, got $3" >&2
}
nb="-u $work/urls -C $work/newsboat.conf -c $work/newsboat.db"

# One run of each tool: a first refresh, then an unchanged one.
bench_tidings() {
	rm -rf "$work/data"
	run tidings first "$tidings" -u "$work/urls" -d "$work/data" -r
	want="$nfeeds feeds refreshed: $((nfeeds * nitems)) new articles,"
	check "tidings first" "$want 0 failed" "$(tail -n 1 "$work/out")"
	run tidings unchanged "$tidings" -u "$work/urls" -d "$work/data" -r
	check "tidings unchanged" \
	    "$nfeeds feeds refreshed: 0 new articles, 0 failed" \
	    "$(tail -n 1 "$work/out")"
}
# shellcheck disable=SC2086
bench_newsboat() {
	rm -rf "$work/newsboat.db"*
	run newsboat first newsboat $nb -x reload
	check "newsboat first" "$((nfeeds * nitems)) unread articles" \
	    "$(newsboat $nb -x print-unread 2>&1 | tail -n 1)"
	# Newsboat keeps the validators of a feed only from its second
	# fetch on (2.21: the first stores them before the feed's row
	# exists), so its unchanged refresh is the third.
	run newsboat second newsboat $nb -x reload
	run newsboat unchanged newsboat $nb -x reload
}
bench_sfeed() {
	rm -rf "$work/sfeed"
	mkdir "$work/sfeed"
	run sfeed first sfeed_update "$work/sfeedrc"
	check "sfeed first" "$((nfeeds * nitems))" \
	    "$(cat "$work/sfeed"/* | wc -l | tr -d ' ')"
	run sfeed unchanged sfeed_update "$work/sfeedrc"
}
last() { tail -n 1 "$work/t.$1.$2" | cut -d' ' -f1; }

n=1
while [ $n -le "$runs" ]; do
	line="run $n of $runs:"
	for t in $tools; do
		"bench_$t"
		line="$line $t $(last "$t" first) / $(last "$t" unchanged) s,"
	done
	echo "${line%,}"
	n=$((n + 1))
done

# median NAME PHASE FIELD: the median of a column of $work/t.NAME.PHASE.
median() {
	cut -d' ' -f"$3" "$work/t.$1.$2" | sort -n | awk '{ v[NR] = $1 }
	    END { m = int((NR + 1) / 2)
	    print NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2 }'
}
echo
echo "median of $runs runs, $nfeeds feeds x $nitems items," \
    "concurrency $parallel, $hosts address(es):"
printf '%-14s %11s %9s   %11s %9s   %s\n' "" "first s" "(CPU s)" \
    "unchanged s" "(CPU s)" "answers first / unchanged"
for t in $tools; do
	printf '%-14s %11s %9s   %11s %9s   %s/ %s\n' "$t" \
	    "$(median $t first 1)" "($(median $t first 2))" \
	    "$(median $t unchanged 1)" "($(median $t unchanged 2))" \
	    "$(cat "$work/codes.$t.first")" \
	    "$(cat "$work/codes.$t.unchanged")"
done
echo
# ratio LABEL A B TARGET: A / B against "at most TARGET".
ratio() {
	awk -v label="$1" -v a="$2" -v b="$3" -v target="$4" 'BEGIN {
		r = b > 0 ? a / b : 0
		printf "%-34s %6.2f  (target <= %.2f: %s)\n", label, r,
		    target, r <= target ? "met" : "MISSED"
	}'
}
has() { case " $tools " in *" $1 "*) return 0 ;; esac; return 1; }
if has tidings && has newsboat; then
	ratio "tidings / newsboat, first" "$(median tidings first 1)" \
	    "$(median newsboat first 1)" 0.5
	ratio "tidings / newsboat, unchanged" \
	    "$(median tidings unchanged 1)" "$(median newsboat unchanged 1)" \
	    0.3
fi
if has tidings && has sfeed; then
	ratio "tidings / sfeed_update, first" "$(median tidings first 1)" \
	    "$(median sfeed first 1)" 1
	ratio "tidings / sfeed_update, unchanged" \
	    "$(median tidings unchanged 1)" "$(median sfeed unchanged 1)" 1
fi
exit 0
