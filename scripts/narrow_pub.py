#!/usr/bin/env python3
"""Narrows the library's `pub` to what its outside uses, so rustc can see dead code.

The outside is src/main.rs, tests/, benches/, examples/, fuzz/fuzz_targets/ and the doc
examples in src. rustc's dead-code lint and `unreachable_pub` only look at what is reachable
from the crate root, and everything there is `pub` today; this script takes away what the
outside never names:

1. `pub mod m` becomes `pub(crate) mod m` unless an outside path goes through `m`.
2. A `pub` item or field becomes `pub(crate)` unless its name appears anywhere outside (by
   name, not by path: a name used outside keeps every item so called public; cautious).
3. Then it builds the library and repairs what the rewrite broke, until the build is clean:
   a `pub use` that mixes names is split; a type that a public signature still shows is made
   `pub` again; a `pub(crate) use` nothing reads is dropped.

Afterwards `cargo fix` turns the `pub` left inside crate-private modules into `pub(crate)`
(the `unreachable_pub` lint). Run from the crate root, on a clean tree:

    python3 scripts/narrow_pub.py [--skip src/some/dir/ ...]
    cargo fix --lib --tests --benches --examples --allow-dirty
    cargo fmt --all

Then `cargo build` lists the dead code. A dev tool: cargo never runs it.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def rust_files(rel):
    base = os.path.join(ROOT, rel)
    if os.path.isfile(base):
        yield base
        return
    for folder, _, files in os.walk(base):
        for name in sorted(files):
            if name.endswith(".rs"):
                yield os.path.join(folder, name)


def doc_text(text):
    """The doc comments of a source file: doc examples use the crate from outside."""
    return "\n".join(
        line.strip()[3:] for line in text.split("\n") if line.strip().startswith(("//!", "///"))
    )


def outside_texts():
    for rel in ["src/main.rs", "tests", "benches", "examples", "fuzz/fuzz_targets"]:
        for path in rust_files(rel):
            yield open(path).read()
    for path in rust_files("src"):
        yield doc_text(open(path).read())


def expand_use(prefix, tree):
    """(path, local name) pairs of one `use` tree below `prefix`."""
    tree = tree.strip()
    m = re.match(rf"^((?:{IDENT}::)*{IDENT})?(?:::)?(\{{.*\}})?\s*(?:as\s+({IDENT}))?$", tree, re.S)
    if not m:
        return []
    head, brace, alias = m.groups()
    base = prefix + (head.split("::") if head else [])
    if base and base[-1] == "self":
        base = base[:-1]
    if not brace:
        return [(base, alias or base[-1])]
    parts, depth, cur = [], 0, ""
    for ch in brace[1:-1]:
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    out = []
    for part in (p.strip() for p in parts):
        if part == "self":
            out.append((base, base[-1]))
        elif part:
            out += expand_use(base, part)
    return out


def outside_paths(texts):
    """Every `dockerlings::…` path the outside writes, through `use` aliases too."""
    paths = set()
    for text in texts:
        imported = {}
        for m in re.finditer(r"use\s+dockerlings::([^;]*);", text, re.S):
            for base, name in expand_use([], m.group(1)):
                paths.add(tuple(base))
                imported[name] = base
        for m in re.finditer(rf"dockerlings::((?:{IDENT}::)*{IDENT})", text):
            paths.add(tuple(m.group(1).split("::")))
        for name, base in imported.items():
            for m in re.finditer(rf"(?<![\w:]){re.escape(name)}((?:::{IDENT})+)", text):
                paths.add(tuple(base + m.group(1).split("::")[1:]))
    return {path[:i] for path in paths for i in range(1, len(path) + 1)}


def module_path(path):
    rel = os.path.relpath(path, os.path.join(ROOT, "src"))[:-3]
    if rel == "lib":
        return []
    if rel.endswith("/mod"):
        rel = rel[: -len("/mod")]
    return rel.split("/")


ITEM = re.compile(
    rf"^(\s*)pub ((?:const |async |unsafe )*fn|struct|enum|const|static|type|trait|union) ({IDENT})"
)
FIELD = re.compile(rf"^(\s*)pub ({IDENT})\s*:(?!:)")
MOD = re.compile(rf"^(\s*)pub mod ({IDENT})(\s*[;{{])")


def narrow(files, names, paths):
    count = 0
    for path in files:
        lines = open(path).read().split("\n")
        here = module_path(path)
        for i, line in enumerate(lines):
            m = MOD.match(line)
            if m:
                if tuple(here + [m.group(2)]) not in paths:
                    lines[i] = line.replace("pub mod", "pub(crate) mod", 1)
                    count += 1
                continue
            m = USE.match(line)
            if m and m.group(2) == "pub use ":
                uses = [n.strip() for n in (m.group(4) or m.group(5)).split(",") if n.strip()]
                # Plain lists only: no nesting, renaming, `self` or glob.
                if all(re.fullmatch(IDENT, n) and n != "self" for n in uses) and "{" not in m.group(3):
                    public = [n for n in uses if n in names]
                    crate = [n for n in uses if n not in names]
                    if crate:
                        lines[i] = "\n".join(
                            use_lines(m.group(1) + "pub use ", m.group(3), public)
                            + use_lines(m.group(1) + "pub(crate) use ", m.group(3), crate)
                        )
                        count += 1
                continue
            m = ITEM.match(line) or FIELD.match(line)
            if m and m.group(m.lastindex) not in names:
                lines[i] = line.replace("pub ", "pub(crate) ", 1)
                count += 1
        open(path, "w").write("\n".join(lines))
    return count


def build():
    out = subprocess.run(
        ["cargo", "build", "--lib", "--message-format", "json"],
        cwd=ROOT, capture_output=True, text=True,
    ).stdout
    for line in out.split("\n"):
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if msg.get("reason") != "compiler-message":
            continue
        msg = msg["message"]
        spans = [s for s in msg["spans"] if s["is_primary"]]
        if spans:
            code = (msg.get("code") or {}).get("code")
            yield code, spans[0]["file_name"], spans[0]["line_start"], msg["message"]


USE = re.compile(r"^(\s*)((?:pub(?:\(crate\))? )?use )(.*)::(?:\{(.*)\}|(\w+));$")


def use_lines(lead, prefix, names):
    if not names:
        return []
    body = names[0] if len(names) == 1 else "{" + ", ".join(names) + "}"
    return [f"{lead}{prefix}::{body};"]


def repair():
    """One build; fixes what it reports. Returns how many places changed."""
    # file -> line -> names the message names
    private, unused = collections.defaultdict(dict), collections.defaultdict(dict)
    private_types = set()
    for code, file, line, message in build():
        if code in ("E0364", "E0365"):
            name = re.search(r"`([^`]+)`", message).group(1).split("::")[-1]
            private[file].setdefault(line, set()).add(name)
        elif code == "private_interfaces":
            name = re.search(r"type `([^`]+)`", message).group(1)
            private_types.add(re.sub(r"<.*", "", name).split("::")[-1])
        elif code == "unused_imports":
            names = [n.split("::")[-1] for n in re.findall(r"`([^`]+)`", message)]
            unused[file].setdefault(line, set()).update(names)
    if not (private or unused or private_types):
        return 0
    changed = 0
    for file in set(private) | set(unused):
        path = os.path.join(ROOT, file)
        lines = open(path).read().split("\n")
        # Names per statement: a long `use` reports names on its later lines.
        hidden, dropped = collections.defaultdict(set), collections.defaultdict(set)
        for table, into in ((private[file], hidden), (unused[file], dropped)):
            for line, names in table.items():
                i = line - 1
                while not re.match(r"^\s*(?:pub(?:\(crate\))? )?use ", lines[i]):
                    i -= 1
                into[i] |= names
        for i in sorted(set(hidden) | set(dropped), reverse=True):
            j = i
            while not lines[j].rstrip().endswith(";"):
                j += 1
            stmt = lines[i] + " ".join(x.strip() for x in lines[i + 1 : j + 1])
            m = USE.match(stmt)
            if not m:
                print(f"left alone: {file}:{i + 1}: {stmt}", file=sys.stderr)
                continue
            indent, keyword, prefix = m.group(1), m.group(2), m.group(3)
            names = [n.strip() for n in (m.group(4) or m.group(5)).split(",") if n.strip()]
            names = [n for n in names if n not in dropped[i]]
            if hidden[i]:
                new = use_lines(indent + "pub use ", prefix, [n for n in names if n not in hidden[i]])
                new += use_lines(indent + "pub(crate) use ", prefix, [n for n in names if n in hidden[i]])
            else:
                new = use_lines(indent + keyword, prefix, names)
            lines[i : j + 1] = new
            changed += 1
        open(path, "w").write("\n".join(lines))
    if private_types:
        for path in rust_files("src"):
            text = open(path).read()
            new = re.sub(
                rf"^(\s*)pub\(crate\) (struct|enum|type|trait|union) ({IDENT})",
                lambda m: f"{m.group(1)}pub {m.group(2)} {m.group(3)}"
                if m.group(3) in private_types
                else m.group(0),
                text,
                flags=re.M,
            )
            if new != text:
                open(path, "w").write(new)
                changed += 1
    if not changed:
        sys.exit("the build still reports what this script cannot repair: see `cargo build --lib`")
    return changed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip", action="append", default=[],
                        help="a file or folder under src/ to leave alone (repeatable)")
    args = parser.parse_args()
    texts = list(outside_texts())
    names = {w for text in texts for w in re.findall(IDENT, text)}
    paths = outside_paths(texts)
    skip = [os.path.join(ROOT, s) for s in args.skip] + [os.path.join(ROOT, "src/main.rs")]
    files = [p for p in rust_files("src") if not any(p.startswith(s) for s in skip)]
    print(f"narrowed {narrow(files, names, paths)} declarations")
    for _ in range(10):
        changed = repair()
        print(f"repaired {changed}")
        if not changed:
            return
    sys.exit("still not clean after 10 rounds: see `cargo build --lib`")


if __name__ == "__main__":
    main()
