#!/usr/bin/env python3
"""Write BuildKit's parse of Dockerfiles as JSON lines, for the parser conformance tests.

Uses the PyPI package `dockerfile` (pip install dockerfile==3.4.0), which wraps BuildKit's own
Go parser (moby/buildkit v0.12.5). One line per file, in the shape of
../shared/corpus/expected/buildkit-parse.jsonl:
  {"file", "ok", "error", "n_instructions", "instructions": [{"cmd", "sub_cmd", "start_line",
   "end_line", "flags", "value", "json", "heredocs": [{"name", "file_descriptor", "content"}],
   "original"}]}

Usage:
  scripts/buildkit_expected.py                       # tests/fixtures/parser -> expected.jsonl
  scripts/buildkit_expected.py --dir ../shared/corpus --out /tmp/corpus.jsonl
"""

import argparse
import json
import pathlib
import sys

try:
    import dockerfile
except ImportError:
    sys.exit("needs the PyPI package: pip install dockerfile==3.4.0")

ROOT = pathlib.Path(__file__).resolve().parent.parent


def parse(path: pathlib.Path) -> dict:
    row = {"file": path.name}
    try:
        commands = dockerfile.parse_file(str(path))
    except (dockerfile.GoParseError, dockerfile.GoIOError, UnicodeDecodeError) as e:
        row.update(ok=False, error=str(e), n_instructions=0, instructions=None)
        return row
    instructions = [instruction(c) for c in commands]
    row.update(ok=True, error=None, n_instructions=len(instructions), instructions=instructions)
    return row


def instruction(c, upper=False) -> dict:
    """One parsed command in `dockerlings parse --format json`'s shape; `upper` writes the
    keywords in upper case, as our parser reports them."""
    up = (lambda s: s.upper() if s else None) if upper else (lambda s: s)
    return {
        "cmd": up(c.cmd),
        "sub_cmd": up(c.sub_cmd),
        "start_line": c.start_line,
        "end_line": c.end_line,
        "flags": list(c.flags),
        "value": list(c.value),
        "json": c.json,
        "heredocs": [
            {"name": h.name, "file_descriptor": h.file_descriptor, "content": h.content}
            for h in c.heredocs
        ],
        "original": c.original,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=pathlib.Path, default=ROOT / "tests/fixtures/parser")
    ap.add_argument("--out", type=pathlib.Path, default=None)
    args = ap.parse_args()
    out = args.out or args.dir / "expected.jsonl"
    files = sorted(p for p in args.dir.iterdir() if p.name.endswith("Dockerfile"))
    with open(out, "w", encoding="utf-8") as f:
        for path in files:
            f.write(json.dumps(parse(path), ensure_ascii=False) + "\n")
    print(f"{len(files)} files -> {out}")


if __name__ == "__main__":
    main()
