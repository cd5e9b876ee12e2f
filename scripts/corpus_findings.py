#!/usr/bin/env python3
"""Counts the findings of the expert rules (DK2xx) and the would-run rules (`"runtime": true`
in `dockerlings rules --format json`) on the shared corpus, per rule and severity, and writes
every such finding to scripts/corpus_findings.tsv for the by-hand review in
docs/corpus-findings.md. Dev tool: never called from `cargo test`.

Usage: scripts/corpus_findings.py [BINARY] [CORPUS]
  (defaults: target/debug/dockerlings, ../shared/corpus)
"""
import collections
import json
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
binary = sys.argv[1] if len(sys.argv) > 1 else str(root / "target/debug/dockerlings")
corpus = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else root.parent / "shared/corpus")

rules = json.loads(subprocess.run([binary, "rules", "--format", "json"], check=True,
                                  capture_output=True, text=True).stdout)
runtime = {r["id"] for r in rules if r.get("runtime")}
wanted = {r["id"] for r in rules if r["id"].startswith("DK2")} | runtime

files = sorted(p for p in corpus.iterdir() if p.name.endswith("Dockerfile"))
out = subprocess.run([binary, "check", "--format", "json", *map(str, files)],
                     capture_output=True, text=True)
report = json.loads(out.stdout)

counts = collections.Counter()
hit_files = collections.defaultdict(set)
rows = []
for f in report["files"]:
    name = pathlib.Path(f["path"]).name
    for d in f["diagnostics"]:
        if d["rule"] not in wanted:
            continue
        counts[(d["rule"], d["severity"])] += 1
        hit_files[d["rule"]].add(name)
        rows.append((d["rule"], d["severity"], name, str(d["line"]),
                     d["message"].replace("\t", " ").replace("\n", " ")))

rows.sort()
with open(root / "scripts/corpus_findings.tsv", "w") as tsv:
    tsv.write("rule\tseverity\tfile\tline\tmessage\n")
    for r in rows:
        tsv.write("\t".join(r) + "\n")

print(f"{len(files)} files")
print("| rule | runtime | errors | warnings | other | files |")
print("|---|---|---:|---:|---:|---:|")
for rule in sorted(wanted):
    e = counts[(rule, "error")]
    w = counts[(rule, "warning")]
    o = sum(v for (r, s), v in counts.items() if r == rule and s not in ("error", "warning"))
    print(f"| {rule} | {'yes' if rule in runtime else 'no'} | {e} | {w} | {o} | {len(hit_files[rule])} |")
