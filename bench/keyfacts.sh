#!/bin/sh
# SPDX-License-Identifier: ISC
# Key facts against LEAD-3, side by side: runs `tidings --keyfacts -` on
# every article of the shared evaluation set (../shared/keyfacts/dev.jsonl,
# CNN/DailyMail stories with their publishers' bullet points), scores the
# output and LEAD-3 on the same articles in the same run with
# ../shared/keyfacts/rouge.py (ROUGE-1, ROUGE-2, ROUGE-Lsum, F1 x 100),
# and prints the in-process speed of keyfacts_from_doc() measured by
# bench/keyfacts-driver.c: the median and slowest article, and a 100 KB
# article.
# Usage: bench/keyfacts.sh [TIDINGS] [--boot N]
#   KEYFACTS_DATA   the folder of dev.jsonl and rouge.py
#                   (default: ../shared/keyfacts beside the source tree)
#   KEYFACTS_TITLES=url  also pass each article's URL slug as --title (the
#                   set has no headlines; a slug is a headline without its
#                   small words)
#   CC, CFLAGS      to build the driver (default: cc -O2), with the
#                   config.h and src/libtidings.a of TIDINGS's build
# While the tidings binary has no --keyfacts yet, the driver's output is
# scored instead, and the script says so. Skips (exit 0) without the data.
# Not part of make check: the set is for evaluation only, timings are noisy.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=$top/tidings
boot=""
while [ $# -gt 0 ]; do
	case $1 in
	--boot) boot="--boot $2"; shift 2 ;;
	*) tidings=$1; shift ;;
	esac
done
data=${KEYFACTS_DATA:-$top/../shared/keyfacts}
if [ ! -f "$data/dev.jsonl" ] || [ ! -f "$data/rouge.py" ]; then
	echo "bench: no $data/dev.jsonl and rouge.py; skipping" >&2
	exit 0
fi
command -v python3 >/dev/null || { echo "bench: python3 missing" >&2; exit 1; }
build=$(cd "$(dirname "$tidings")" 2>/dev/null && pwd || echo "$top")
[ -f "$build/config.h" ] || { echo "bench: run configure first (no config.h)" >&2; exit 1; }
[ -f "$build/src/libtidings.a" ] || { echo "bench: run make first (no src/libtidings.a)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-keyfacts.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The driver, built from the module's sources, so that it measures them.
${CC:-cc} -std=c11 -D_GNU_SOURCE ${CFLAGS:--O2} -include "$build/config.h" \
    -I"$build" -I"$top/src" -o "$work/driver" \
    "$top/bench/keyfacts-driver.c" "$top/src/keyfacts.c" \
    "$top/src/keyfacts-split.c" "$top/src/keyfacts-kind.c" \
    "$build/src/libtidings.a"

# The articles as records for the driver: id, headline, text, each
# NUL-terminated; and one file an article for tidings.
mkdir "$work/articles"
KEYFACTS_TITLES=${KEYFACTS_TITLES:-} python3 - "$data/dev.jsonl" "$work" <<'EOF'
import json, os, re, sys
src, work = sys.argv[1], sys.argv[2]
titles = os.environ.get("KEYFACTS_TITLES") == "url"
with open(src, encoding="utf-8") as f, open(work + "/records", "wb") as rec, \
        open(work + "/list", "w", encoding="utf-8") as lst:
    for n, line in enumerate(l for l in f if l.strip()):
        d = json.loads(line)
        slug = re.sub(r"\.html?$", "", d.get("url", "").rsplit("/", 1)[-1])
        title = slug.replace("-", " ") if titles and slug != "index" else ""
        rec.write(d["id"].encode() + b"\0" + title.encode() + b"\0" +
                  d["article"].encode() + b"\0")
        with open("%s/articles/%d" % (work, n), "w", encoding="utf-8") as a:
            a.write(d["article"])
        lst.write("%d\t%s\t%s\n" % (n, d["id"], title))
EOF

flag=""
[ -n "${KEYFACTS_TITLES:-}" ] && flag=-t
"$work/driver" $flag <"$work/records" >"$work/driver.jsonl" 2>"$work/speed"

# tidings --keyfacts, one run an article, when it has the option.
scored="$work/driver.jsonl"
what="keyfacts-driver"
if [ -x "$tidings" ] &&
    echo "A sentence." | "$tidings" --keyfacts - >/dev/null 2>&1; then
	: >"$work/tidings.jsonl"
	while IFS="$(printf '\t')" read -r n id title; do
		if [ -n "$title" ]; then
			"$tidings" --keyfacts - --title "$title" \
			    <"$work/articles/$n" >"$work/out" 2>/dev/null
		else
			"$tidings" --keyfacts - <"$work/articles/$n" \
			    >"$work/out" 2>/dev/null
		fi || { echo "bench: tidings failed on $id" >&2; exit 1; }
		python3 -c 'import json, sys
facts = [l[2:].rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")
         if l.startswith("- ")]
print(json.dumps({"id": sys.argv[1], "summary": facts}))' "$id" \
		    "$work/out" >>"$work/tidings.jsonl"
	done <"$work/list"
	scored="$work/tidings.jsonl"
	what="tidings --keyfacts"
fi

python3 "$data/rouge.py" score "$data/dev.jsonl" "$scored" $boot \
    >"$work/ours.txt"
python3 "$data/rouge.py" baselines "$data/dev.jsonl" $boot \
    >"$work/lead.txt"

python3 - "$work" "$what" "$data" "$scored" "$boot" <<'EOF'
import json, random, re, sys
work, what, data, scored, boot = sys.argv[1:6]
def scores(line):
    return {k: float(v) for k, v in re.findall(r"(\w+)=\s*([\d.]+)", line)}
def ci(lines, i):
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return nxt.strip() if nxt.startswith(" ") else ""
ours_lines = open(work + "/ours.txt").read().splitlines()
lead_lines = open(work + "/lead.txt").read().splitlines()
ours = scores(ours_lines[0])
i = next(i for i, l in enumerate(lead_lines) if l.startswith("LEAD-3 own splitter [all]"))
lead = scores(lead_lines[i])
n = int(ours.get("n", 0))
print("key facts: %d articles of dev.jsonl (CNN/DailyMail), F1 x 100" % n)
if not what.startswith("tidings"):
    print("(this tidings has no --keyfacts yet: the in-process driver's "
          "facts are scored)")
print("%-28s %8s %8s %10s" % ("", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum"))
print("%-28s %8.2f %8.2f %10.2f" % (what[:28], ours["1"], ours["2"], ours["Lsum"]))
print("%-28s %8.2f %8.2f %10.2f" % ("LEAD-3", lead["1"], lead["2"], lead["Lsum"]))
print("%-28s %+8.2f %+8.2f %+10.2f" % ("difference", ours["1"] - lead["1"],
      ours["2"] - lead["2"], ours["Lsum"] - lead["Lsum"]))
if ci(ours_lines, 0):
    print("95%% CI (1, 2, L, Lsum): tidings %s" % ci(ours_lines, 0))
    print("                        LEAD-3  %s" % ci(lead_lines, i))
if boot:
    # the difference article by article, resampled: a paired interval
    sys.path.insert(0, data)
    import rouge
    dev = {d["id"]: d for d in rouge.load_jsonl(data + "/dev.jsonl")}
    diffs = {k: [] for k in ("rouge1", "rouge2", "rougeLsum")}
    for h in rouge.load_jsonl(scored):
        d = dev[h["id"]]
        a = rouge.score(h["summary"], d["highlights"])
        b = rouge.score(rouge.lead(rouge.split_sentences(d["article"])),
                        d["highlights"])
        for k in diffs:
            diffs[k].append(100 * (a[k] - b[k]))
    runs, rnd, out = int(boot.split()[1]), random.Random(1), []
    for k, v in diffs.items():
        ms = sorted(sum(v[rnd.randrange(len(v))] for _ in v) / len(v)
                    for _ in range(runs))
        out.append("%s [%+.2f, %+.2f]" % (k[5:], ms[int(0.025 * runs)],
                   ms[int(0.975 * runs) - 1]))
    print("paired 95%% CI of the difference: %s" % ", ".join(out))
if what.startswith("tidings"):
    a = [json.loads(l) for l in open(work + "/driver.jsonl")]
    b = [json.loads(l) for l in open(work + "/tidings.jsonl")]
    differ = sum(1 for x, y in zip(a, b) if x["summary"] != y["summary"])
    print("articles whose facts differ between tidings and the driver: %d" % differ)
facts = [len(json.loads(l)["summary"]) for l in open(work + "/driver.jsonl")]
print("facts an article: %s" % ", ".join("%d: %d" % (k, facts.count(k))
      for k in sorted(set(facts))))
EOF
sed 's/^keyfacts: /speed (in process): /' "$work/speed"
echo "targets: at or above LEAD-3 on all three; a median under 1 ms an" \
    "article, a 100 KB article under 5 ms"
