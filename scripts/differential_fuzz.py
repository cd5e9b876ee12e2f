#!/usr/bin/env python3
"""Differential fuzzing: random Dockerfile-ish texts through BuildKit's parser (PyPI
`dockerfile` 3.4.0, moby/buildkit v0.12.5) and through `dockerlings parse --format json`;
prints every input where the two disagree (accepted/rejected, or any instruction field).

Usage: scripts/differential_fuzz.py [--bin target/debug/dockerlings] [--cases 2000] [--seed 1]
Not part of `cargo test`; a tool for finding parser divergences to turn into fixtures.
"""

import argparse
import json
import random
import subprocess
import sys

import dockerfile

from buildkit_expected import instruction  # scripts/ is on the path when run as a script

PIECES = [
    "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "CMD ", "ENTRYPOINT ",
    "ONBUILD ", "HEALTHCHECK ", "SHELL ", "VOLUME ", "EXPOSE ", "USER ", "WORKDIR ",
    "STOPSIGNAL ", "MAINTAINER ", "from ", "run ", "NONE ", "CMD ", "AS ", "as ",
    "--from=x ", "--mount=\"a b\" ", "--a ", "-- ", "--x=a\\ b ", "--q='c d' ",
    "\\\n", "`\n", "\n", "\n", "\n", "\r\n", " ", " ", "  ", "\t", "\\", "`",
    "<<EOF ", "<<-E ", "<<'Q' ", "<<\"R\" ", "2<<F ", "\nEOF\n", "\n\tE\n", "\nQ\n", "\nR\n", "\nF\n",
    "[\"a\", ", "\"b\"]", "]", "[", "[1]", "[]", "{\"k\": 1}", "null", "'",  "\"",
    "# escape=`\n", "# escape=\\\n", "# syntax=x\n", "# check=skip=all\n", "#", "# c\n",
    "a=b ", "a= ", "=c ", "k v ", "${X:-y} ", "$Y ", "é", "\u00a0", "x", "y z", "/path ",
]


class Deliberate(Exception):
    """An input where we differ from BuildKit v0.12.5 on purpose (tests/parser_conformance.rs)."""


def oracle(text):
    if "check=" in text:
        raise Deliberate("`# check=` is a directive for us, not for v0.12.5")
    try:
        cmds = dockerfile.parse_string(text)
    except dockerfile.GoParseError as e:
        return {"ok": False, "error": str(e)}
    except UnicodeDecodeError as e:
        raise Deliberate("BuildKit cut a character in two") from e
    return {"ok": True, "instructions": [instruction(c, upper=True) for c in cmds]}


def ours(binary, text):
    p = subprocess.run([binary, "parse", "--format", "json", "-"], input=text.encode(),
                       capture_output=True, check=False)
    if p.returncode == 1:
        err = p.stderr.decode().strip()
        return {"ok": False, "error": err.split(": ", 2)[-1] if "parse error" in err else err}
    if p.returncode != 0:
        return {"ok": None, "error": p.stderr.decode()}
    return {"ok": True, "instructions": json.loads(p.stdout)["instructions"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/debug/dockerlings")
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    bad = skipped = 0
    for _ in range(args.cases):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        try:
            want = oracle(text)
        except Deliberate:
            skipped += 1
            continue
        got = ours(args.bin, text)
        if want != got:
            bad += 1
            print("INPUT", json.dumps(text))
            print("  buildkit", json.dumps(want)[:600])
            print("  ours    ", json.dumps(got)[:600])
    compared = args.cases - skipped
    print(f"{compared - bad}/{compared} agree ({skipped} skipped: deliberate differences)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
