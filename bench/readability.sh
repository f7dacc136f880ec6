#!/bin/sh
# SPDX-License-Identifier: ISC
# Article extraction measured: runs `tidings --fetch-article` on each page
# of the shared Readability test set (../shared/readability/pages, or
# $READABILITY_DIR/pages), read from its file, and scores the text with
# the set's score.py: mean token F1, the share of pages with F1 >= 0.9
# and the title match rate, over all pages and over the real-site pages
# (--min-source-bytes 8192), with the all-text baseline beside them. The
# first line tidings prints is the title; the rest is the body. A page
# tidings refuses scores 0 and is listed. The pages are a third party's:
# they are read where they are and never copied into the tree.
# Usage: bench/readability.sh [OUTDIR]   (OUTDIR keeps the outputs)
# Skips (exit 0) when the shared folder or python3 is missing. Not part
# of make check.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
set_dir=${READABILITY_DIR:-$top/../shared/readability}
pages=$set_dir/pages
score=$set_dir/score.py
tidings=${TIDINGS:-$top/tidings}

if [ ! -d "$pages" ] || [ ! -f "$score" ]; then
	echo "bench: no test pages in $set_dir: skipped" >&2
	exit 0
fi
command -v python3 >/dev/null 2>&1 ||
    { echo "bench: no python3: skipped" >&2; exit 0; }
[ -x "$tidings" ] || { echo "bench: build tidings first (make)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=${1:-$work/out}
mkdir -p "$out"

failed=0
start=$(date +%s)
for d in "$pages"/*/; do
	name=$(basename "$d")
	[ -f "$d/source.html" ] || continue
	if "$tidings" --fetch-article "$d/source.html" >"$work/raw" \
	    2>"$work/err"; then
		head -n 1 "$work/raw" >"$out/$name.title"
		tail -n +2 "$work/raw" >"$out/$name.txt"
	else
		: >"$out/$name.txt"
		echo "refused: $name: $(cat "$work/err")"
		failed=$((failed + 1))
	fi
done
end=$(date +%s)

python3 "$score" "$pages" "$out" --json "$work/all.json" >/dev/null
python3 "$score" "$pages" "$out" --min-source-bytes 8192 \
    --json "$work/real.json" >/dev/null
python3 "$score" "$pages" --baseline all-text --json "$work/b-all.json" \
    >/dev/null
python3 "$score" "$pages" --baseline all-text --min-source-bytes 8192 \
    --json "$work/b-real.json" >/dev/null

python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
def s(name):
    with open("%s/%s.json" % (w, name)) as f:
        return json.load(f)["summary"]
print("%-26s %8s %14s %8s   %s" % ("pages", "mean F1", "F1 >= 0.9",
    "title", "all-text baseline: mean F1, F1 >= 0.9, title"))
for label, ours, base in (("all", "all", "b-all"),
                          ("real sites (>= 8 KiB)", "real", "b-real")):
    o, b = s(ours), s(base)
    print("%-26s %8.4f %6d (%4.1f%%) %7.1f%%   %.4f, %d (%.1f%%), %.1f%%" % (
        "%s, %d" % (label, o["pages"]), o["mean_f1"],
        o["pages_f1_ge_threshold"], 100 * o["share_f1_ge_threshold"],
        100 * o["title_match_rate"], b["mean_f1"],
        b["pages_f1_ge_threshold"], 100 * b["share_f1_ge_threshold"],
        100 * b["title_match_rate"]))
PY
echo "refused pages: $failed; time for all pages: $((end - start)) s"
