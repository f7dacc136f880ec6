#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# The date module against feedparser's date vectors (dates.jsonl, see
# README.md next to it, "dates.jsonl"): every input goes through datecat in
# one run, and its answer is compared with expected_utc (null: "unknown").
# Prints the agreement per format_family and overall, then each
# disagreement; exits 1 when the overall agreement falls below FLOOR, or
# when an entry of KNOWN_DIFFERENCES no longer differs (take it out).
#
# Usage: dates.py DATECAT DATES.JSONL

import json
import re
import subprocess
import sys

# The overall agreement reached; lower it only with a reason.
FLOOR = 68 / 71

# Where the date module disagrees with expected_utc on purpose. These still
# count as disagreements: they are listed here to be seen, not to be hidden.
KNOWN_DIFFERENCES = {
    "22013":
        "read as ISO 8601 YYDDD (2022, day 13), the form of '03335', "
        "which the iso8601 vectors want as 2003-12-01; the w3dtf vectors "
        "want it rejected, one parser cannot do both (feedparser 6.0.10 "
        "gives 2022-01-13 too)",
    "2004-05-25 \uc624\ud6c4 11:23:17":
        "Nate's Korean AM/PM marker with an implied KST zone: a "
        "site-specific format not read, the date is unknown",
    "2004\ub144 05\uc6d4 28\uc77c  01:31:15":
        "OnBlog's Korean year/month/day markers with an implied KST zone: "
        "a site-specific format not read, the date is unknown",
}


def normalise(expected):
    """expected_utc as datecat writes it: 'unknown' for null, and the year
    in four digits (the vectors write year 99 as '99-12-31T...')."""
    if expected is None:
        return "unknown"
    m = re.fullmatch(r"(\d+)(-.*)", expected)
    if m and len(m.group(1)) < 4:
        return m.group(1).zfill(4) + m.group(2)
    return expected


def main(argv):
    if len(argv) != 3:
        print("usage: dates.py DATECAT DATES.JSONL", file=sys.stderr)
        return 2
    datecat, path = argv[1], argv[2]
    sys.stdout.reconfigure(errors="backslashreplace")
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for r in records:
        if "\n" in r["input"]:
            print("dates.py: an input holds a newline: %r" % r["input"],
                  file=sys.stderr)
            return 2
    feed = "".join(r["input"] + "\n" for r in records).encode("utf-8")
    proc = subprocess.run([datecat], input=feed, stdout=subprocess.PIPE,
                          check=False)
    if proc.returncode != 0:
        print("dates.py: %s exited %d" % (datecat, proc.returncode),
              file=sys.stderr)
        return 1
    got = proc.stdout.decode("utf-8").split("\n")
    if got and got[-1] == "":
        got.pop()
    if len(got) != len(records):
        print("dates.py: %d inputs but %d answers" % (len(records), len(got)),
              file=sys.stderr)
        return 1

    families = {}
    failures = []
    stale = []
    for r, answer in zip(records, got):
        want = normalise(r["expected_utc"])
        ok = answer == want
        fam = families.setdefault(r["format_family"], [0, 0])
        fam[0] += ok
        fam[1] += 1
        if not ok:
            failures.append((r["input"], want, answer))
        elif r["input"] in KNOWN_DIFFERENCES:
            stale.append(r["input"])

    agreed = sum(f[0] for f in families.values())
    total = sum(f[1] for f in families.values())
    for name in sorted(families):
        a, n = families[name]
        print("%-10s %3d/%-3d %6.1f%%" % (name, a, n, 100.0 * a / n))
    overall = agreed / total if total else 0.0
    print("%-10s %3d/%-3d %6.1f%%  (floor %.1f%%)"
          % ("overall", agreed, total, 100.0 * overall, 100.0 * FLOOR))

    if failures:
        print("\ndisagreements (input, expected, got):")
    for inp, want, answer in failures:
        print("  %r  expected %s  got %s" % (inp, want, answer))
        if inp in KNOWN_DIFFERENCES:
            print("    known difference: %s" % KNOWN_DIFFERENCES[inp])
    missing = [k for k in KNOWN_DIFFERENCES
               if k not in {r["input"] for r in records}]
    for k in missing:
        print("note: known difference %r is not in %s" % (k, path))

    rc = 0
    for inp in stale:
        print("FAIL: %r agrees now; take it out of KNOWN_DIFFERENCES" % inp)
        rc = 1
    if overall < FLOOR:
        print("FAIL: agreement %.1f%% is below the floor %.1f%%"
              % (100.0 * overall, 100.0 * FLOOR))
        rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
