#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Feed-parser conformance: tidings --dump against feedparser's results.

Usage: conformance.py TIDINGS CORPUS_DIR [--floor F] [--verbose]

For every record of CORPUS_DIR/expected.plain.jsonl, runs
TIDINGS --dump CORPUS_DIR/feeds/<file> and compares field by field: the
feed's title, link and format, and each entry (matched by position) with
our item: title, link, id/guid, published, updated, author, summary,
content and enclosures.  HTML values of ours become plain text through
the corpus's own oracle.plain_text(), as the expectations were made.

Two feedparser habits are undone on our side: with content but no summary
it copies the content into summary, and with no updated date it returns
the published one; so when ours lacks these, our content or published
date stands in.  Both sides null agree; a second figure counts only the
fields where either side has a value.  An item we did not produce
disagrees on every field.

Prints per-field and overall agreement, crashes, and every disagreement;
those listed in known-differences.txt (file TAB field TAB reason) are
printed apart as KNOWN, and listed ones that no longer occur as stale.
Exit 1 when overall agreement is below the floor or anything crashed,
99 when the corpus or the oracle cannot be read, else 0.
"""

import argparse
import concurrent.futures
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import types
import xml.etree.ElementTree as ET

# The least overall agreement (0..1, over all fields) that passes.  Raised
# as the parser improves, so that a regression fails `make check`.
FLOOR = 0.99

TIMEOUT = 10
TRUNCATE = 120
ENTRY_FIELDS = ("title", "link", "id", "published", "updated", "author",
                "summary", "content", "enclosures")
FIELDS = ("format", "feed.title", "feed.link") + tuple(
    "entry." + f for f in ENTRY_FIELDS)
KNOWN_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "known-differences.txt")
WS_RE = re.compile(r"\s+")      # Unicode whitespace, NBSP included


class NoItem:
    """Our side of an entry we did not produce: no value, shown as such."""
    def __bool__(self):
        return False

    def __repr__(self):
        return "<no item>"


def load_plain_text(corpus):
    """oracle.plain_text, without needing feedparser to be installed."""
    path = os.path.join(corpus, "oracle.py")
    sys.path.insert(0, corpus)
    try:
        from oracle import plain_text
        return plain_text
    except ImportError:
        pass
    finally:
        sys.path.remove(corpus)
    # oracle.py imports feedparser at the top, but plain_text() never uses
    # it: load the file under a private name with an empty stand-in.
    spec = importlib.util.spec_from_file_location("corpus_oracle", path)
    mod = importlib.util.module_from_spec(spec)
    saved = sys.modules.get("feedparser")
    sys.modules["feedparser"] = types.ModuleType("feedparser")
    try:
        spec.loader.exec_module(mod)
    finally:
        if saved is None:
            del sys.modules["feedparser"]
        else:
            sys.modules["feedparser"] = saved
    return mod.plain_text


def collapse(value):
    """Whitespace runs to one space, ends trimmed; "" and None are None."""
    if value is None:
        return None
    value = WS_RE.sub(" ", value).strip()
    return value or None


def run(tidings, path):
    """Run --dump on path: (status, parsed root or None, stderr text).

    status is "ok", "rejected" (exit 1) or a crash description."""
    env = dict(os.environ, LC_ALL="C.UTF-8")
    try:
        p = subprocess.run([tidings, "--dump", path], capture_output=True,
                           timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return "timeout after %d s" % TIMEOUT, None, ""
    err = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode < 0:
        try:
            name = signal.Signals(-p.returncode).name
        except ValueError:
            name = "signal %d" % -p.returncode
        return "killed by " + name, None, err
    if p.returncode == 1:
        return "rejected", None, err
    if p.returncode != 0:
        return "exit status %d" % p.returncode, None, err
    try:
        root = ET.fromstring(p.stdout)
    except ET.ParseError as exc:
        return "exit 0 but output is not XML: %s" % exc, None, err
    if root.tag != "feed":
        return "exit 0 but root is <%s>" % root.tag, None, err
    return "ok", root, err


def text_of(parent, tag, plain_text):
    """The plain text of parent's first <tag>, None if absent or empty."""
    el = parent.find(tag) if parent is not None else None
    if el is None:
        return None
    value = "".join(el.itertext())
    if el.get("type") == "html":
        value = plain_text(value, "text/html")
    return collapse(value)


def our_feed(root, plain_text):
    """Our dump as a record shaped like the expected one."""
    feed = {"format": None, "title": None, "link": None, "items": []}
    if root is None:
        return feed
    feed.update(format=root.get("format"),
                title=text_of(root, "title", plain_text),
                link=text_of(root, "link", plain_text))
    for item in root.findall("item"):
        ours = {f: text_of(item, f, plain_text) for f in ENTRY_FIELDS
                if f not in ("id", "enclosures")}
        ours["id"] = text_of(item, "guid", plain_text)
        ours["enclosures"] = [[e.get(a) or None for a in
                               ("url", "type", "length")]
                              for e in item.findall("enclosure")]
        feed["items"].append(ours)
    return feed


def same_format(expected, ours):
    if expected in ("rss091u", "rss091n"):
        return ours == "rss091"
    return expected == ours


def expected_value(entry, field):
    if field == "enclosures":
        return [[x or None for x in enc] for enc in entry["enclosures"]]
    return collapse(entry[field])


def compare(rec, ours, tally, out):
    """Compare one record with our feed; count into tally, differences
    (file, field, expected, got) into out."""
    def check(field, stat, exp, got, agree=None):
        if agree is None:
            agree = exp == got
        valued = bool(exp) or bool(got)
        t = tally.setdefault(stat, [0, 0, 0, 0])
        t[0] += agree
        t[1] += 1
        t[2] += agree and valued
        t[3] += valued
        if not agree:
            out.append((rec["file"], field, exp, got))

    if rec["format"] is not None:
        check("format", "format", rec["format"], ours["format"],
              same_format(rec["format"], ours["format"]))
    for f in ("title", "link"):
        check("feed." + f, "feed." + f, collapse(rec["feed"][f]), ours[f])
    for i, entry in enumerate(rec["entries"]):
        item = ours["items"][i] if i < len(ours["items"]) else None
        for f in ENTRY_FIELDS:
            exp = expected_value(entry, f)
            field = "entries[%d].%s" % (i, f)
            if item is None:
                check(field, "entry." + f, exp, NoItem(), False)
                continue
            got = item[f]
            if (f == "summary" and got is None and entry["content"]
                    and entry["summary"] == entry["content"]):
                got = item["content"]   # feedparser copied content here
            if f == "updated" and got is None:
                got = item["published"]  # feedparser's fallback, likewise
            check(field, "entry." + f, exp, got)
    return ours["items"][len(rec["entries"]):]


def load_known():
    """{(file, field): reason} from known-differences.txt."""
    known = {}
    if not os.path.exists(KNOWN_FILE):
        return known
    with open(KNOWN_FILE, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise ValueError("%s:%d: want file<TAB>field<TAB>reason"
                                 % (KNOWN_FILE, n))
            known[(parts[0], parts[1])] = parts[2]
    return known


def show(value, full):
    s = repr(value)
    return s if full or len(s) <= TRUNCATE else s[:TRUNCATE - 3] + "..."


def section(title, lines):
    """Print a titled list, unless it is empty."""
    if lines:
        print("\n%s (%d):" % (title, len(lines)))
        print("\n".join(lines))


def pct(a, b):
    return "%6.1f%%" % (100.0 * a / b) if b else "     -"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tidings", help="the tidings binary")
    ap.add_argument("corpus", help="the corpus folder (expected.plain.jsonl)")
    ap.add_argument("--floor", type=float, default=FLOOR,
                    help="least overall agreement, 0..1 (default %(default)s)")
    ap.add_argument("--verbose", action="store_true",
                    help="full values; why each rejected file was rejected")
    args = ap.parse_args()

    try:
        plain_text = load_plain_text(args.corpus)
        with open(os.path.join(args.corpus, "expected.plain.jsonl"),
                  encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        known = load_known()
    except (OSError, ImportError, ValueError, AttributeError) as exc:
        print("conformance: %s" % exc, file=sys.stderr)
        return 99

    paths = [os.path.join(args.corpus, "feeds", r["file"]) for r in records]
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        results = list(ex.map(lambda p: run(args.tidings, p), paths))

    tally, diffs, crashes, rejected, noisy, extra = {}, [], [], [], [], []
    for rec, (status, root, err) in zip(records, results):
        if status == "rejected":
            rejected.append((rec["file"], err))
        elif status != "ok":
            crashes.append((rec["file"], status, err))
        if status in ("ok", "rejected") and any(  # libxml2's own messages
                not ln.startswith("tidings: ") for ln in err.splitlines()):
            noisy.append((rec["file"], err))
        more = compare(rec, our_feed(root, plain_text), tally, diffs)
        if more:
            extra.append((rec["file"], len(rec["entries"]), len(more)))

    print("tidings conformance: %d feeds, %d rejected (exit 1), %d crashed, "
          "%d wrote other things to stderr" % (len(records), len(rejected),
                                             len(crashes), len(noisy)))
    def row(name, t):
        print("%-18s %5d/%-5d %s   %5d/%-5d %s" % (
            name, t[0], t[1], pct(t[0], t[1]), t[2], t[3], pct(t[2], t[3])))

    print("\n%-18s %11s %7s   %s" % ("field", "agree/all", "", "agree/valued"))
    totals = [0, 0, 0, 0]
    for f in FIELDS:
        t = tally.get(f, [0, 0, 0, 0])
        totals = [a + b for a, b in zip(totals, t)]
        row(f, t)
    row("overall", totals)
    print("(valued: only the fields where either side has a value)")

    full = args.verbose
    section("CRASHES", ["%s: %s%s" % (f, st, ": " + show(err, full) if err
                                      else "") for f, st, err in crashes])
    if full:
        section("rejected", ["%s: %s" % r for r in rejected])
        section("stderr besides tidings' own message",
                ["%s: %s" % (f, show(e, True)) for f, e in noisy])
    section("extra items, not counted",
            ["%s: %d expected, %d more" % e for e in extra])
    section("disagreements", [
        "%s: %s: expected=%s got=%s" % (f, fld, show(e, full), show(g, full))
        for f, fld, e, g in diffs if (f, fld) not in known])
    section("KNOWN disagreements", [
        "KNOWN %s: %s: expected=%s got=%s (%s)" % (
            f, fld, show(e, full), show(g, full), known[(f, fld)])
        for f, fld, e, g in diffs if (f, fld) in known])
    seen = {(d[0], d[1]) for d in diffs}
    section("stale known differences, no longer occurring",
            ["stale %s\t%s" % k for k in known if k not in seen])

    overall = totals[0] / totals[1] if totals[1] else 1.0
    failed = overall < args.floor or crashes
    print("\n%s: overall agreement %s (floor %.1f%%), valued %s, %d crashes"
          % ("FAIL" if failed else "PASS", pct(totals[0], totals[1]).strip(),
             100 * args.floor, pct(totals[2], totals[3]).strip(),
             len(crashes)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
