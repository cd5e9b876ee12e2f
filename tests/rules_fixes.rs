//! A suggested fix never trips another rule: every fix the rules suggest, on a Dockerfile that
//! triggers each fixing rule, on the fixtures and on the shared corpus, is applied and the text
//! re-checked. The fixed text may lose findings, never gain one (findings are counted per rule,
//! so moved lines do not matter); and the finding that was fixed goes away. The corpus part is skipped with a printed reason when ../shared is absent (and
//! fails when CI=true).

mod needs;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dockerlings::dockerfile::fix::apply_safe_fixes;
use dockerlings::dockerfile::lint::{LintOptions, lint};
use dockerlings::dockerfile::{Diagnostic, Fix};

/// One Dockerfile per rule that suggests fixes, so every fix is exercised even where the
/// fixtures and the corpus do not trigger it. The test checks each one still gets its fix.
const SEEDS: &[(&str, &str)] = &[
    ("DK101", "FROM alpine:3.22\nFNTRYPOINT [\"/app\"]\n"),
    ("DK301", "FROM alpine:3.22\nRun echo hi\n"),
    ("DK302", "FROM alpine:3.22 as base\n"),
    ("DK303", "FROM alpine:3.22 AS BuilderBase\n"),
    ("DK305", "FROM alpine:3.22\nEXPOSE 80/TCP\n"),
    (
        "DK201",
        "FROM gcr.io/distroless/static-debian13:debug\nRUN mkdir /data\n",
    ),
    ("DK202", "FROM scratch\nCOPY app /app\nCMD /app\n"),
    (
        "DK202",
        "FROM gcr.io/distroless/nodejs24-debian13\nWORKDIR /app\nCOPY . .\nUSER 65532:65532\nCMD node server.js\n",
    ),
    (
        "DK202",
        "FROM gcr.io/distroless/nodejs24-debian13\nWORKDIR /app\nCOPY . .\nUSER 65532:65532\nENTRYPOINT node server.js\n",
    ),
    (
        "DK202",
        "FROM gcr.io/distroless/java21-debian13\nWORKDIR /app\nCOPY app.jar .\nUSER 65532:65532\nCMD java -jar app.jar\n",
    ),
    (
        "DK211",
        "FROM gcr.io/distroless/nodejs22-debian13\nCMD [\"node\", \"server.js\"]\n",
    ),
    ("DL3025", "FROM alpine:3.22\nCMD node server.js\n"),
    (
        "DL3025",
        "FROM gcr.io/distroless/python3-debian13:debug\nSHELL [\"/busybox/sh\", \"-c\"]\nFROM gcr.io/distroless/python3-debian13\nWORKDIR /app\nCOPY app.py .\nCMD python3 app.py\n",
    ),
    (
        "DL4000",
        "FROM alpine:3.22\nMAINTAINER me <me@example.com>\n",
    ),
    ("DL3020", "FROM alpine:3.22\nADD app.js /app/\n"),
    ("DK309", "FROM alpine:3.22\nENV DEPS curl git\n"),
    (
        "DK203",
        "FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\n",
    ),
];

fn counts(diags: &[Diagnostic]) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for d in diags {
        *out.entry(d.rule).or_insert(0) += 1;
    }
    out
}

/// The text with the fix applied: the whole line replaced, its line ending kept.
fn apply(text: &str, fix: &Fix) -> String {
    let mut out = String::with_capacity(text.len() + fix.replacement.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == fix.line {
            let body = line.trim_end_matches(['\n', '\r']);
            out.push_str(&fix.replacement);
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Every problem a fix causes in `text`, as readable lines, and how many fixes were tried.
fn fix_problems(name: &str, text: &str) -> (usize, Vec<String>) {
    let opts = LintOptions::default();
    let before = lint(text, &opts).diagnostics;
    let had = counts(&before);
    let mut problems = Vec::new();
    let mut tried = 0;
    for d in before.iter().filter(|d| d.fix.is_some()) {
        tried += 1;
        let fix = d.fix.as_ref().unwrap();
        let fixed = apply(text, fix);
        // DK101 turns an unrecognised line into an instruction, which is then checked like
        // any other: what is found on that line is about the author's instruction (and so is
        // DK310's finding on the instruction the fixed one now overrides).
        let overridden = format!("line {} overrides", fix.line);
        let after: Vec<Diagnostic> = lint(&fixed, &opts)
            .diagnostics
            .into_iter()
            .filter(|a| {
                d.rule != "DK101"
                    || (a.location.line != fix.line && !a.message.contains(&overridden))
            })
            .collect();
        let now = counts(&after);
        for a in &after {
            if now[a.rule] > had.get(a.rule).copied().unwrap_or(0) {
                problems.push(format!(
                    "{name}: {}'s fix (line {} → `{}`) raises {} at line {}: {}",
                    d.rule, fix.line, fix.replacement, a.rule, a.location.line, a.message
                ));
            }
        }
        if now.get(d.rule).copied().unwrap_or(0) >= had[d.rule] {
            problems.push(format!(
                "{name}: {}'s fix (line {} → `{}`) does not remove its finding",
                d.rule, fix.line, fix.replacement
            ));
        }
    }
    problems.sort();
    problems.dedup();
    (tried, problems)
}

fn dockerfiles(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            dockerfiles(&p, out);
        } else if p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.contains("Dockerfile"))
        {
            out.push(p);
        }
    }
    out.sort();
}

/// (fixes tried, problems) over `files`.
fn check_files(files: &[PathBuf]) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut tried = 0;
    for f in files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue; // non-UTF-8 fixtures are the parser's tests
        };
        let name = f.file_name().unwrap().to_string_lossy();
        let (n, p) = fix_problems(&name, &text);
        tried += n;
        problems.extend(p);
    }
    (tried, problems)
}

#[test]
fn every_fixing_rule_has_a_seed_that_gets_its_fix() {
    for (rule, text) in SEEDS {
        let found = lint(text, &LintOptions::default()).diagnostics;
        assert!(
            found.iter().any(|d| d.rule == *rule && d.fix.is_some()),
            "{rule}: no fix on {text:?}: {found:?}"
        );
    }
}

#[test]
fn fixes_on_the_seeds_trip_no_other_rule() {
    let problems: Vec<String> = SEEDS
        .iter()
        .flat_map(|(rule, text)| fix_problems(&format!("seed {rule}"), text).1)
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn fixes_on_the_fixtures_trip_no_other_rule() {
    let mut files = Vec::new();
    dockerfiles(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    assert!(files.len() > 10, "only {} fixture Dockerfiles", files.len());
    let (tried, problems) = check_files(&files);
    assert!(tried > 0, "no fix on the fixtures");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn fixes_on_the_corpus_trip_no_other_rule() {
    let Some(dir) = needs::shared("corpus") else {
        return;
    };
    let mut files = Vec::new();
    dockerfiles(&dir, &mut files);
    let (tried, problems) = check_files(&files);
    eprintln!(
        "{} corpus files, {tried} fixes applied and re-checked",
        files.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn apply_replaces_one_line_and_keeps_its_ending() {
    let fix = Fix {
        line: 2,
        replacement: "CMD [\"a\"]".into(),
        safe: false,
    };
    assert_eq!(
        apply("FROM x\r\nCMD a\r\nUSER 1\n", &fix),
        "FROM x\r\nCMD [\"a\"]\r\nUSER 1\n"
    );
    assert_eq!(apply("FROM x\nCMD a", &fix), "FROM x\nCMD [\"a\"]");
}

/// What `check --fix` writes (every safe fix at once, over several passes): no rule gains a
/// finding, and no safe fix is left to apply.
fn fix_all_problems(name: &str, text: &str) -> (bool, Vec<String>) {
    let opts = LintOptions::default();
    let Some(fixed) = apply_safe_fixes(text, &opts) else {
        return (false, Vec::new());
    };
    let had = counts(&lint(text, &opts).diagnostics);
    let after = lint(&fixed, &opts).diagnostics;
    let now = counts(&after);
    let mut problems = Vec::new();
    for (rule, n) in &now {
        if *n > had.get(rule).copied().unwrap_or(0) {
            problems.push(format!(
                "{name}: --fix raises {rule} ({n} after, {:?} before)",
                had.get(rule)
            ));
        }
    }
    for d in after
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
    {
        problems.push(format!(
            "{name}: a safe {} fix is left at line {}",
            d.rule, d.location.line
        ));
    }
    (true, problems)
}

#[test]
fn fix_all_on_seeds_fixtures_and_corpus_trips_no_other_rule() {
    let mut files = Vec::new();
    dockerfiles(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if corpus.is_dir() {
        dockerfiles(&corpus, &mut files);
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing and CI=true",
            corpus.display()
        );
        eprintln!("corpus skipped: {} not found", corpus.display());
    }
    let mut texts: Vec<(String, String)> = SEEDS
        .iter()
        .map(|(rule, text)| (format!("seed {rule}"), text.to_string()))
        .collect();
    for f in &files {
        if let Ok(text) = std::fs::read_to_string(f) {
            texts.push((f.display().to_string(), text));
        }
    }
    let mut fixed = 0;
    let mut problems = Vec::new();
    for (name, text) in &texts {
        let (changed, p) = fix_all_problems(name, text);
        fixed += usize::from(changed);
        problems.extend(p);
    }
    eprintln!(
        "{} files, {fixed} changed by --fix and re-checked",
        texts.len()
    );
    assert!(fixed > 5, "only {fixed} files changed");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
