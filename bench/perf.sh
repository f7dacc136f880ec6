#!/bin/sh
# SPDX-License-Identifier: ISC
# Performance against newsboat and sfeed, in the same run (issue 12).
#
# For each scale NFEEDSxNITEMS of SCALES, bench/gen-feeds.sh writes the
# feeds (RSS 2.0 and Atom, non-ASCII text, some full-text feeds and
# enclosures); nginx serves them on 127.0.0.1 with ETag, Last-Modified and
# gzip. The gzip copies are made beforehand (gzip -1, nginx's own level),
# as a site that serves static feeds does with gzip_static: compressing
# on the fly, nginx would take a third of a core of the two from the
# tools that ask for gzip (tidings, newsboat) and none from sfeed, which
# does not. Then, RUNS times, the tools take turns (the first one changes from
# run to run), each with its own empty store:
#   first       refresh into the empty store: tidings -r, newsboat -x
#               reload, sfeed_update
#   unchanged   a refresh with nothing changed. Newsboat 2.21 keeps a
#               feed's ETag and Last-Modified only from its second fetch
#               on, so its unchanged refresh is its third reload;
#               sfeed_update 1.7 never asks conditionally (nor for gzip)
#   changed     a tenth of the feeds rewritten with new items (a tenth of
#               NITEMS each) and new modification times
#   store       the store on disk then: du -sk of tidings' data folder,
#               of newsboat's cache.db, of sfeed's feeds folder
#   start       the reader on that store in a detached tmux of 80x24,
#               from starting it to the first feed's title on the screen,
#               polling capture-pane every 10 ms: tidings, newsboat with
#               its cache, sfeed_curses on sfeed's feeds
#   open        then, the cursor on feed 2 (full articles, among the largest),
#               from the Enter key to its headlines on the screen
# with the wall time, the CPU time and the peak memory (GNU time's %M: for
# sfeed_update, a shell script, that of its largest process) of every
# refresh. Last, a single feed of BIGMB MB (50): `tidings --dump FILE`
# against `xmllint --stream` and `sfeed <FILE`, in MB/s.
#
# Prints, for each scale, the medians of the runs and the ratios
# tidings/newsboat and tidings/sfeed, then the targets of issue 12, each
# PASS or MISS, measured at the largest scale run (they are set for
# 1000x100).
#
# Usage: bench/perf.sh
# Environment: SCALES ("50x50 200x100 1000x100"), RUNS (3), BIGMB (50);
# QUICK=1 for SCALES="20x20 100x50", RUNS=1, BIGMB=10 unless set;
# TIDINGS (the tidings of the build folder); PARALLEL (tidings' default,
# from src/model.h: newsboat's reload-threads and sfeed_update's maxjobs
# are set to it); TOOLS ("tidings newsboat sfeed"); STRACE=1 adds
# `strace -c -w -f` of one tidings first refresh at each scale (the
# largest one printed);
# KEEP=1 keeps the work folder. Needs nginx and tidings; a competitor
# that is not installed is left out, and so are the reader figures
# without tmux and the memory figures without GNU time (on Debian:
# apt-get install nginx-light newsboat sfeed tmux time libxml2-utils).
# Not part of make check: timings are noisy on a shared machine, so
# compare the ratios, not the seconds.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${TIDINGS:-$top/tidings}
gen=$top/bench/gen-feeds.sh
if [ "${QUICK:-0}" = 1 ]; then
	scales=${SCALES:-20x20 100x50}
	runs=${RUNS:-1}
	bigmb=${BIGMB:-10}
else
	scales=${SCALES:-50x50 200x100 1000x100}
	runs=${RUNS:-3}
	bigmb=${BIGMB:-50}
fi
want_tools=${TOOLS:-tidings newsboat sfeed}
base_mtime=1735689600	# 2025-01-01 00:00 UTC, as gen-feeds.sh dates

[ -x "$tidings" ] || { echo "perf: no $tidings (make first)" >&2; exit 1; }
num='[0-9]*, *'
parallel=${PARALLEL:-$(sed -n \
    "s/.*MODEL_OPTIONS_DEFAULT[^{]*{ *$num$num\([0-9]*\),.*/\1/p" \
    "$top/src/model.h" 2>/dev/null)}
case $parallel in
''|*[!0-9]*) echo "perf: cannot read parallel from src/model.h;" \
    "set PARALLEL" >&2; exit 1 ;;
esac
have() { command -v "$1" >/dev/null 2>&1; }
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[ -x "$NGINX" ] ||
    { echo "perf: no nginx (apt-get install nginx-light)" >&2; exit 1; }

# The tools there are; what is missing is said and left out.
tools=
for t in $want_tools; do
	case $t in
	tidings) tools="$tools tidings" ;;
	newsboat)
		if have newsboat; then tools="$tools newsboat"
		else echo "perf: newsboat not installed, left out" \
		    "(apt-get install newsboat)" >&2; fi ;;
	sfeed)
		if have sfeed_update && have sfeed; then tools="$tools sfeed"
		else echo "perf: sfeed not installed, left out" \
		    "(apt-get install sfeed)" >&2; fi ;;
	*) echo "perf: unknown tool $t" >&2; exit 1 ;;
	esac
done
ui=1
have tmux || { ui=0; echo "perf: tmux not installed, no reader figures" \
    "(apt-get install tmux)" >&2; }
timecmd=/usr/bin/time
[ -x "$timecmd" ] && "$timecmd" -f %M true >/dev/null 2>&1 ||
    { timecmd=; echo "perf: no GNU time, no memory figures" \
    "(apt-get install time)" >&2; }
has() { case " $tools " in *" $1 "*) return 0 ;; esac; return 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-perf.XXXXXX")
sock=tidings-perf-$$
loadpid=
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
	[ "$ui" = 0 ] || tmux -L "$sock" kill-server 2>/dev/null || :
	[ -z "$loadpid" ] || kill "$loadpid" 2>/dev/null || :
	stop_nginx
	if [ "${KEEP:-0}" = 1 ]; then
		echo "perf: kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# Nothing between the tools and 127.0.0.1, no real home touched, UTF-8.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
no_proxy='*'
NO_PROXY='*'
HOME=$work/home
XDG_CONFIG_HOME=$HOME/.config
XDG_DATA_HOME=$HOME/.local/share
XDG_CACHE_HOME=$HOME/.cache
LC_ALL=C.UTF-8
TERM=screen
export no_proxy NO_PROXY HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME \
    LC_ALL TERM
mkdir -p "$HOME" "$work/www" "$work/tmp" "$work/res"

now() { date +%s.%N; }
secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }
ms() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.0f", (e - s) * 1000 }'; }
say() { echo "$*" >&2; }
# gz NUMBER...: the gzip copies of these feeds of $work/www (all with
# "all"), with their feeds' modification times, for nginx's gzip_static.
gz() {
	awk -F '\t' -v which=" $* " 'which == " all " ||
	    index(which, " " $1 " ") { print $2 }' "$work/www/index.tsv" |
	while read -r f; do
		gzip -1 -c "$work/www/$f" >"$work/www/$f.gz"
		touch -r "$work/www/$f" "$work/www/$f.gz"
	done
}
# gz_changed: the same for the feeds gen-feeds.sh -c writes.
gz_changed() {
	gz $(awk -F '\t' '$1 % 10 == 0 { print $1 }' "$work/www/index.tsv")
}

# The machine, and its load every 10 s while we run.
cat /proc/loadavg >"$work/load"
(while sleep 10; do cat /proc/loadavg; done >>"$work/load") &
loadpid=$!
echo "tidings perf (issue 12): $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc)" \
    "CPUs, $(free -g | awk '/^Mem:/ { print $2 " GB RAM, " $7 \
    " GB available" }'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'versions: tidings %s' "$("$tidings" -V 2>&1 | head -n 1 |
    awk '{ print $NF }')"
has newsboat && printf ', newsboat %s' "$(newsboat -v 2>&1 | head -n 1 |
    awk '{ print $2 }')"
has sfeed && have dpkg-query && printf ', sfeed %s' \
    "$(dpkg-query -W -f '${Version}' sfeed 2>/dev/null)"
printf ', nginx %s\n' "$("$NGINX" -v 2>&1 | sed 's,.*/,,')"
echo "scales: $scales; $runs run(s) each, medians; concurrency $parallel" \
    "(tidings, newsboat reload-threads, sfeed_update maxjobs)"

# nginx on a free port of 127.0.0.1: ETag and Last-Modified (its
# defaults) and gzip for the feed types, from the gzip copies beside the
# feeds; the log has status and bytes.
start_nginx() {
	port=$1
	{
		[ "$(id -u)" = 0 ] && echo "user $(id -un) $(id -gn);"
		cat <<CONF
worker_processes auto;
daemon on;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
	types {
		application/rss+xml rss;
		application/atom+xml atom;
		text/plain tsv txt;
	}
	default_type application/octet-stream;
	log_format perf '\$status \$body_bytes_sent';
	access_log $work/access.log perf;
	client_body_temp_path $work/tmp/body;
	proxy_temp_path $work/tmp/proxy;
	fastcgi_temp_path $work/tmp/fastcgi;
	uwsgi_temp_path $work/tmp/uwsgi;
	scgi_temp_path $work/tmp/scgi;
	sendfile on;
	etag on;
	gzip on;
	gzip_static on;
	gzip_vary on;
	gzip_types application/rss+xml application/atom+xml;
	server {
		listen 127.0.0.1:$port;
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
	    echo "perf: nginx did not start" >&2; exit 1; }
done
i=0
while [ ! -s "$work/nginx.pid" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done

# The reader's terminal: a tmux server kept up by an idle session.
if [ "$ui" = 1 ]; then
	printf 'set -g default-terminal screen\nset -g status off\n' \
	    >"$work/tmux.conf"
	tmux -L "$sock" -f "$work/tmux.conf" new-session -d -s idle -x 80 \
	    -y 24 "sleep 1000000"
fi

# rec SCALE TOOL METRIC VALUE: one figure of one run.
rec() { echo "$4" >>"$work/res/$1.$2.$3"; }
# med SCALE TOOL METRIC: the median of the runs, empty when none.
med() {
	[ -s "$work/res/$1.$2.$3" ] || return 0
	sort -n "$work/res/$1.$2.$3" | awk '{ v[NR] = $1 }
	    END { m = int((NR + 1) / 2)
	    print NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

# refresh SCALE TOOL PHASE CMD...: time a refresh: wall time, CPU time,
# peak RSS; the answers of the server into $work/res/SCALE.TOOL.PHASE.ans.
refresh() {
	r_scale=$1 r_tool=$2 r_phase=$3
	shift 3
	: >"$work/access.log"
	r_rc=0
	# the last refresh's files on disk first: the kernel's writeback of
	# them would take CPU and the disk from this one, and fsync waits
	sync
	r_s=$(now)
	if [ -n "$timecmd" ]; then
		"$timecmd" -f '%U %S %M' -o "$work/time" "$@" >"$work/out" \
		    2>&1 </dev/null || r_rc=$?
	else
		"$@" >"$work/out" 2>&1 </dev/null || r_rc=$?
	fi
	r_e=$(now)
	rec "$r_scale" "$r_tool" "$r_phase" "$(secs "$r_s" "$r_e")"
	if [ -n "$timecmd" ]; then
		# GNU time writes "Command exited with non-zero status" first.
		tail -n 1 "$work/time" >"$work/time1"
		read -r r_u r_sy r_m <"$work/time1"
		rec "$r_scale" "$r_tool" "$r_phase.cpu" \
		    "$(awk -v u="$r_u" -v s="$r_sy" 'BEGIN { print u + s }')"
		rec "$r_scale" "$r_tool" "$r_phase.rss" "$r_m"
	fi
	awk '{ n[$1]++; b += $2 } END {
		for (s in n) printf "%s:%d ", s, n[s]
		printf "(%.1f MB)", b / 1e6 }' "$work/access.log" \
	    >"$work/res/$r_scale.$r_tool.$r_phase.ans"
	[ "$r_rc" = 0 ] || { say "perf: $r_tool $r_phase exited $r_rc:";
	    tail -n 5 "$work/out" >&2; }
}
# check WHAT WANT GOT: a run did what it should, or its figures are void.
check() {
	[ "$2" = "$3" ] || say "perf: WARNING: $1: expected '$2', got '$3'"
}

# One refresh of each kind for each tool.
# discard PATH...: out of the way, moved into $work/old (deleted at the
# end): a tool's first refresh creates its files just after, and in a
# folder where thousands were deleted a moment before, ext4 looks
# through the recently freed inodes for each new one (find_inode_bit,
# recently_deleted), a cost of the last run's clean-up, not of the tool.
discard() {
	mkdir -p "$work/old"
	for d in "$@"; do
		[ -e "$d" ] || continue
		discarded=$((discarded + 1))
		mv "$d" "$work/old/$discarded"
	done
}
discarded=0
first_unchanged() {
	case $1 in
	tidings)
		discard "$work/tidings"
		refresh "$sc" tidings first "$tidings" -u "$work/urls" \
		    -d "$work/tidings" -r
		check "tidings first" "$nfeeds feeds refreshed:\
 $((nfeeds * nitems)) new articles, 0 failed" \
		    "$(tail -n 1 "$work/out")"
		refresh "$sc" tidings unchanged "$tidings" -u "$work/urls" \
		    -d "$work/tidings" -r
		check "tidings unchanged" \
		    "$nfeeds feeds refreshed: 0 new articles, 0 failed" \
		    "$(tail -n 1 "$work/out")"
		;;
	newsboat)
		discard "$work/newsboat.db"*
		refresh "$sc" newsboat first newsboat $nb -x reload
		[ "$run" != 1 ] || check "newsboat first" \
		    "$((nfeeds * nitems)) unread articles" \
		    "$(newsboat $nb -x print-unread 2>&1 | tail -n 1)"
		refresh "$sc" newsboat second newsboat $nb -x reload
		refresh "$sc" newsboat unchanged newsboat $nb -x reload
		;;
	sfeed)
		discard "$work/sfeed"
		mkdir "$work/sfeed"
		refresh "$sc" sfeed first sfeed_update "$work/sfeedrc"
		[ "$run" != 1 ] || check "sfeed first" \
		    "$((nfeeds * nitems))" \
		    "$(cat "$work/sfeed"/* | wc -l | tr -d ' ')"
		refresh "$sc" sfeed unchanged sfeed_update "$work/sfeedrc"
		;;
	esac
}
changed() {
	case $1 in
	tidings)
		refresh "$sc" tidings changed "$tidings" -u "$work/urls" \
		    -d "$work/tidings" -r
		check "tidings changed" "$nfeeds feeds refreshed:\
 $((nchanged * step)) new articles, 0 failed" \
		    "$(tail -n 1 "$work/out")"
		rec "$sc" tidings store "$(du -sk "$work/tidings" | cut -f1)"
		;;
	newsboat)
		refresh "$sc" newsboat changed newsboat $nb -x reload
		rec "$sc" newsboat store "$(du -ck "$work/newsboat.db"* |
		    tail -n 1 | cut -f1)"
		;;
	sfeed)
		refresh "$sc" sfeed changed sfeed_update "$work/sfeedrc"
		rec "$sc" sfeed store "$(du -sk "$work/sfeed" | cut -f1)"
		;;
	esac
}

# The reader, in the tmux session "m".
# screen_has PATTERNS: the screen shows one of the lines of PATTERNS;
# 2 when the session is gone.
screen_has() {
	s_scr=$(tmux -L "$sock" capture-pane -p -t m 2>/dev/null) || return 2
	s_ifs=$IFS
	IFS='
'
	for s_p in $1; do
		case $s_scr in
		*"$s_p"*) IFS=$s_ifs; return 0 ;;
		esac
	done
	IFS=$s_ifs
	return 1
}
# wait_screen PATTERNS: poll every 10 ms, for 10 minutes at most.
wait_screen() {
	w_i=0
	while [ $w_i -lt 60000 ]; do
		w_rc=0
		screen_has "$1" || w_rc=$?
		[ $w_rc = 1 ] || return $w_rc
		sleep 0.01
		w_i=$((w_i + 1))
	done
	return 1
}
# settle: wait until the screen has not changed for 0.3 s.
settle() {
	st_prev=
	st_i=0
	while [ $st_i -lt 100 ]; do
		sleep 0.3
		st_cur=$(tmux -L "$sock" capture-pane -p -t m 2>/dev/null) ||
		    return 2
		[ "$st_cur" = "$st_prev" ] && return 0
		st_prev=$st_cur
		st_i=$((st_i + 1))
	done
}
# reader TOOL FEEDMARK CMD: start the reader, wait for FEEDMARK, put the
# cursor on feed 2, time Enter until a headline of feed 2 shows, quit.
reader() {
	u_tool=$1 u_mark=$2 u_cmd=$3
	rm -f "$work/ui.pid"
	u_s=$(now)
	tmux -L "$sock" new-session -d -s m -x 80 -y 24 \
	    "echo \$\$ >'$work/ui.pid'; exec $u_cmd"
	if wait_screen "$u_mark"; then
		u_e=$(now)
		rec "$sc" "$u_tool" start "$(ms "$u_s" "$u_e")"
		settle || :
		tmux -L "$sock" send-keys -t m Down
		settle || :
		if screen_has "$heads"; then
			say "perf: $u_tool: feed 2's headlines on the screen" \
			    "before Enter; no open figure"
		else
			u_s=$(now)
			tmux -L "$sock" send-keys -t m Enter
			if wait_screen "$heads"; then
				u_e=$(now)
				rec "$sc" "$u_tool" open "$(ms "$u_s" "$u_e")"
			else
				say "perf: $u_tool: feed 2's headlines never" \
				    "showed"
				tmux -L "$sock" capture-pane -p -t m >&2 || :
			fi
		fi
	else
		say "perf: $u_tool: '$u_mark' never showed"
		tmux -L "$sock" capture-pane -p -t m >&2 || :
	fi
	u_pid=$(cat "$work/ui.pid" 2>/dev/null || :)
	tmux -L "$sock" kill-session -t m 2>/dev/null || :
	# Wait for it to end, that the next one has the machine and the lock.
	u_i=0
	while [ -n "$u_pid" ] && kill -0 "$u_pid" 2>/dev/null &&
	    [ $u_i -lt 300 ]; do
		sleep 0.1
		u_i=$((u_i + 1))
	done
}
readers() {
	case $1 in
	tidings)
		reader tidings "$feed1" \
		    "'$tidings' -u '$work/urls' -d '$work/tidings'" ;;
	newsboat)
		reader newsboat "$feed1" "newsboat $nb" ;;
	sfeed)
		have sfeed_curses || { say "perf: no sfeed_curses, no reader" \
		    "figures for sfeed"; return 0; }
		reader sfeed f0001 "sfeed_curses '$work/sfeed'/*" ;;
	esac
}

nb="-u $work/urls -C $work/newsboat.conf -c $work/newsboat.db"
printf 'reload-threads %s\n' "$parallel" >"$work/newsboat.conf"
largest=
for sc in $scales; do
	nfeeds=${sc%x*}
	nitems=${sc#*x}
	case $nfeeds$nitems in
	*[!0-9]*|'') echo "perf: bad scale $sc (NFEEDSxNITEMS)" >&2
	    exit 1 ;;
	esac
	[ "$nfeeds" -ge 2 ] || { echo "perf: scale $sc: 2 feeds at least" >&2
	    exit 1; }
	step=$((nitems / 10))
	[ $step -ge 1 ] || step=1
	nchanged=$((nfeeds / 10))
	rm -rf "$work/www"
	s=$(now)
	sh "$gen" "$nfeeds" "$nitems" "$work/www"
	touch -d "@$base_mtime" "$work/www"/f*
	gz all
	e=$(now)
	feed1=$(awk -F '\t' '$1 == 1 { print $4 }' "$work/www/index.tsv")
	heads=$(cat "$work/www/headlines.txt")
	: >"$work/urls"
	{
		echo "sfeedpath=\"$work/sfeed\""
		echo "maxjobs=$parallel"
		echo "feeds() {"
		while IFS='	' read -r n file rest; do
			u="http://127.0.0.1:$port/$file"
			echo "$u" >>"$work/urls"
			printf '\tfeed "f%04d" "%s"\n' "$n" "$u"
		done <"$work/www/index.tsv"
		echo "}"
	} >"$work/sfeedrc"
	curl -sf -o /dev/null "$(head -n 1 "$work/urls")" 2>/dev/null ||
	    wget -q -O /dev/null "$(head -n 1 "$work/urls")" 2>/dev/null ||
	    say "perf: cannot check that nginx answers (no curl nor wget)"
	echo "$sc: $nfeeds feeds x $nitems items," \
	    "$(cat "$work/www"/f*.rss "$work/www"/f*.atom | wc -c |
	    awk '{ printf "%d", $1 / 1024 }') KB," \
	    "$(grep -c '	rss	' "$work/www/index.tsv") RSS" \
	    "$(grep -c '	atom	' "$work/www/index.tsv") Atom;" \
	    "made in $(secs "$s" "$e") s" >&2
	echo "$sc" >>"$work/scales"
	run=1
	while [ $run -le "$runs" ]; do
		if [ $run -gt 1 ] && [ $nchanged -gt 0 ]; then
			# Back to generation 0.
			sh "$gen" -c "$nfeeds" "$nitems" "$work/www"
			for f in $(awk -F '\t' '$1 % 10 == 0 { print $2 }' \
			    "$work/www/index.tsv"); do
				touch -d "@$base_mtime" "$work/www/$f"
			done
			gz_changed
		fi
		# The tools take turns at going first.
		set -- $tools
		k=1
		while [ $k -lt $run ] && [ $# -gt 1 ]; do
			t=$1
			shift
			set -- "$@" "$t"
			k=$((k + 1))
		done
		order="$*"
		say "$sc run $run of $runs ($order): first, unchanged"
		for t in $order; do first_unchanged "$t"; done
		sleep 1	# a new second for the new modification times
		sh "$gen" -g 1 -c "$nfeeds" "$nitems" "$work/www"
		gz_changed
		say "$sc run $run of $runs: changed"
		for t in $order; do changed "$t"; done
		if [ "$ui" = 1 ]; then
			say "$sc run $run of $runs: reader"
			for t in $order; do readers "$t"; done
		fi
		run=$((run + 1))
	done
	largest=$sc
	if [ "${STRACE:-0}" = 1 ] && have strace; then
		st_sc=$sc
		rm -rf "$work/strace-data"
		strace -c -w -f -o "$work/strace.$sc" "$tidings" -u "$work/urls" \
		    -d "$work/strace-data" -r >/dev/null 2>&1 || :
		rm -rf "$work/strace-data"
	fi
done

# The single big feed.
if [ "$bigmb" -gt 0 ]; then
	sh "$gen" -b "$bigmb" "$work/big.xml"
	bytes=$(wc -c <"$work/big.xml")
	# dumprun NAME CMD: time CMD (its input the big feed) RUNS times.
	dumprun() {
		d_name=$1
		shift
		i=0
		while [ $i -lt "$runs" ]; do
			d_s=$(now)
			"$@" <"$work/big.xml" >/dev/null 2>"$work/out" ||
			    { say "perf: $d_name failed:"; tail -n 3 \
			    "$work/out" >&2; return 0; }
			d_e=$(now)
			rec big "$d_name" dump "$(secs "$d_s" "$d_e")"
			i=$((i + 1))
		done
	}
	say "single feed of $bigmb MB: --dump, xmllint --stream, sfeed"
	dumprun tidings "$tidings" --dump "$work/big.xml"
	if have xmllint; then
		dumprun xmllint xmllint --stream "$work/big.xml"
	else
		say "perf: xmllint not installed, left out" \
		    "(apt-get install libxml2-utils)"
	fi
	if have sfeed; then
		dumprun sfeed sfeed
	else
		say "perf: sfeed not installed, left out"
	fi
fi

# The report.
# cell VALUE SCALE: a figure, or "-".
fmt() {
	awk -v v="$1" -v f="$2" 'BEGIN {
		if (v == "") printf "%11s", "-"; else printf "%11" f, v }'
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "" || b == "" || b == 0) printf "%8s", "-"
		else printf "%8.2f", a / b }'
}
# row LABEL SCALE METRIC FORMAT DIVISOR [SFEED-METRIC]
row() {
	r_t=$(med "$2" tidings "$3")
	r_n=$(med "$2" newsboat "$3")
	r_f=$(med "$2" sfeed "$3")
	r_d=$5
	conv() { [ -z "$1" ] || awk -v v="$1" -v d="$r_d" \
	    'BEGIN { print v / d }'; }
	r_t=$(conv "$r_t")
	r_n=$(conv "$r_n")
	r_f=$(conv "$r_f")
	printf '%-30s %s %s %s  %s %s\n' "$1" "$(fmt "$r_t" "$4")" \
	    "$(fmt "$r_n" "$4")" "$(fmt "$r_f" "$4")" "$(ratio "$r_t" "$r_n")" \
	    "$(ratio "$r_t" "$r_f")"
}
echo
while read -r sc; do
	nf=${sc%x*}
	ni=${sc#*x}
	echo "== $nf feeds x $ni items ($((nf * ni)) articles), median of" \
	    "$runs run(s)"
	printf '%-30s %11s %11s %11s  %8s %8s\n' "" tidings newsboat sfeed \
	    t/nboat t/sfeed
	row "first refresh, s" "$sc" first .2f 1
	row "  CPU, s" "$sc" first.cpu .2f 1
	row "unchanged refresh, s (1)" "$sc" unchanged .2f 1
	row "  CPU, s" "$sc" unchanged.cpu .2f 1
	row "10% changed refresh, s" "$sc" changed .2f 1
	row "  CPU, s" "$sc" changed.cpu .2f 1
	if [ -n "$timecmd" ]; then
		row "peak RSS first, MB (2)" "$sc" first.rss .1f 1024
		row "peak RSS unchanged, MB" "$sc" unchanged.rss .1f 1024
		row "peak RSS changed, MB" "$sc" changed.rss .1f 1024
	fi
	row "store on disk, MB" "$sc" store .1f 1024
	if [ "$ui" = 1 ]; then
		row "start to feed list, ms (3)" "$sc" start .0f 1
		row "open feed 2 (largest), ms" "$sc" open .0f 1
	fi
	for ph in first unchanged changed; do
		line=
		for t in $tools; do
			[ -s "$work/res/$sc.$t.$ph.ans" ] || continue
			line="$line $t $(cat "$work/res/$sc.$t.$ph.ans");"
		done
		echo "answers $ph:${line%;}"
	done
	echo
done <"$work/scales"
echo "(1) newsboat: its third reload (2.21 keeps validators from a feed's" \
    "second fetch on);"
echo "    sfeed_update 1.7 asks neither conditionally nor for gzip, so it" \
    "fetches all again."
echo "(2) GNU time's %M: for sfeed_update, a shell script, the largest of" \
    "its processes."
echo "(3) sfeed: sfeed_curses on sfeed_update's feeds folder; tidings and" \
    "newsboat on their stores."
if [ -s "$work/res/big.tidings.dump" ]; then
	rate() {
		m=$(med big "$1" dump)
		[ -n "$m" ] && awk -v b="$bytes" -v t="$m" \
		    'BEGIN { printf "%.1f", b / 1e6 / t }'
	}
	echo
	echo "== single feed of $(awk -v b="$bytes" \
	    'BEGIN { printf "%.1f", b / 1e6 }') MB, 1000 items, median of" \
	    "$runs run(s)"
	for t in tidings xmllint sfeed; do
		m=$(med big "$t" dump)
		[ -n "$m" ] || continue
		case $t in
		tidings) label="tidings --dump FILE" ;;
		xmllint) label="xmllint --stream FILE" ;;
		sfeed) label="sfeed <FILE" ;;
		esac
		printf '%-30s %8.3f s %8s MB/s\n' "$label" "$m" "$(rate "$t")"
	done
fi

# The targets, at the largest scale run.
echo
L=$largest
if [ "$L" = 1000x100 ]; then
	echo "== targets (issue 12), at 1000x100"
else
	echo "== targets (issue 12, set for 1000x100), measured at $L"
fi
# target LABEL VALUE OP LIMIT [UNIT]: VALUE against LIMIT, PASS or MISS.
target() {
	if [ -z "$2" ]; then
		printf '%-52s %10s  %-9s %s\n' "$1" "-" "$3 $4" "(not measured)"
		return 0
	fi
	awk -v l="$1" -v v="$2" -v op="$3" -v lim="$4" -v u="${5:-}" 'BEGIN {
		ok = op == "<=" ? v <= lim : v >= lim
		printf "%-52s %10.3f  %-9s %s\n", l, v, op " " lim u,
		    ok ? "PASS" : "MISS" }'
}
div() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" \
    'BEGIN { if (b > 0) print a / b }' || :; }
target "first refresh, tidings/newsboat" \
    "$(div "$(med "$L" tidings first)" "$(med "$L" newsboat first)")" "<=" 0.1
target "first refresh, tidings/sfeed_update" \
    "$(div "$(med "$L" tidings first)" "$(med "$L" sfeed first)")" "<=" 0.5
target "unchanged refresh, tidings, s" "$(med "$L" tidings unchanged)" \
    "<=" 1 " s"
target "unchanged refresh, tidings/newsboat (3rd reload)" \
    "$(div "$(med "$L" tidings unchanged)" \
    "$(med "$L" newsboat unchanged)")" "<=" 0.1
tstart=$(med "$L" tidings start)
target "start to feed list, tidings, s" \
    "$(div "$tstart" 1000)" "<=" 0.1 " s"
target "start to feed list, tidings/sfeed_curses" \
    "$(div "$tstart" "$(med "$L" sfeed start)")" "<=" 1
target "peak memory of first refresh, tidings/newsboat" \
    "$(div "$(med "$L" tidings first.rss)" "$(med "$L" newsboat first.rss)")" \
    "<=" 0.3
target "store on disk, tidings/newsboat cache.db" \
    "$(div "$(med "$L" tidings store)" "$(med "$L" newsboat store)")" "<=" 1
target "--dump MB/s, tidings/xmllint --stream" \
    "$(div "$(med big xmllint dump)" "$(med big tidings dump)")" ">=" 0.7

if [ -n "${st_sc:-}" ] && [ -s "$work/strace.$st_sc" ]; then
	echo
	echo "== strace -c -w -f (wall time in system calls) of one tidings" \
	    "first refresh at $st_sc (slower under strace)"
	head -n 14 "$work/strace.$st_sc"
fi
kill "$loadpid" 2>/dev/null || :
loadpid=
echo
awk '{ v[NR] = $1 } END { n = asort_(v, NR)
	printf "load average (1 min) during the run: min %.2f, median %.2f," \
	    " max %.2f, %d samples\n", v[1], v[int((NR + 1) / 2)], v[NR], NR }
	function asort_(a, n,    i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
		return n
	}' "$work/load"
exit 0
