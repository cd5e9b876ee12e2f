#!/usr/bin/env python3
"""Per-rule agreement with hadolint: for each DL rule dockerlings implements, the findings both
tools report (same file, rule and line), those only dockerlings reports and those only hadolint
reports, with precision and recall, then the hadolint codes no rule here has. Files hadolint
cannot parse (DL1000) are left out.

Usage: hadolint_rules.py OURS.json THEIRS.json RULES.json
  OURS.json   `dockerlings check --format json FILES…`
  THEIRS.json `hadolint --format json --no-fail FILES…`
  RULES.json  `dockerlings rules --format json`
Prints a table; writes nothing.
"""
import json
import os
import sys
from collections import Counter


def main():
    ours_doc, theirs_doc, rules_doc = (json.load(open(p)) for p in sys.argv[1:4])
    ids = sorted(r["id"] for r in rules_doc if r["id"].startswith("DL"))
    base = os.path.basename
    unparsed = {base(f["file"]) for f in theirs_doc if f["code"] == "DL1000"}
    theirs = {(base(f["file"]), f["code"], f["line"]) for f in theirs_doc
              if f["code"] in ids and base(f["file"]) not in unparsed}
    ours = {(base(f["path"]), d["rule"], d["line"]) for f in ours_doc["files"]
            for d in f["diagnostics"]
            if d["rule"] in ids and base(f["path"]) not in unparsed}
    print(f"{'rule':8} {'agree':>5} {'ours':>5} {'hadolint':>8} {'precision':>9} {'recall':>6}")
    total = [0, 0, 0]
    for rule in ids:
        both = len({k for k in ours & theirs if k[1] == rule})
        only_ours = len({k for k in ours - theirs if k[1] == rule})
        only_theirs = len({k for k in theirs - ours if k[1] == rule})
        if both + only_ours + only_theirs == 0:
            continue
        row(rule, both, only_ours, only_theirs)
        total = [t + n for t, n in zip(total, (both, only_ours, only_theirs))]
    row("all", *total)
    print(f"({len(unparsed)} files hadolint cannot parse left out)")
    # What hadolint reports that no rule here has the id of (ShellCheck's SC codes included).
    missing = Counter(f["code"] for f in theirs_doc
                      if f["code"] not in ids and f["code"] != "DL1000"
                      and base(f["file"]) not in unparsed)
    dl = sorted((c, n) for c, n in missing.items() if c.startswith("DL"))
    sc = sum(n for c, n in missing.items() if not c.startswith("DL"))
    print("hadolint rules without an equivalent: "
          + (", ".join(f"{c} ({n})" for c, n in dl) or "none")
          + f"; ShellCheck findings: {sc}")


def row(rule, both, only_ours, only_theirs):
    p = both / max(both + only_ours, 1)
    r = both / max(both + only_theirs, 1)
    flag = "  <0.95" if min(p, r) < 0.95 else ""
    print(f"{rule:8} {both:5} {only_ours:5} {only_theirs:8} {p:9.3f} {r:6.3f}{flag}")


if __name__ == "__main__":
    main()
