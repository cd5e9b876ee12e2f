//! "Would it run": every Dockerfile in tests/fixtures/runs/fail is judged not to run with
//! exactly the findings its `# expect:` header lines give (rule, severity, line, message), and
//! every one in tests/fixtures/runs/ok is judged to run, with no finding of a would-run rule.

use std::path::Path;

use dockerlings::dockerfile::lint::{LintOptions, Outcome, would_run};

fn fixtures(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/runs")
        .join(dir);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "Dockerfile"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no fixtures in {}", dir.display());
    out
}

/// `# expect: DK214 error 8 message…` lines, as "DK214 error 8 message…".
fn expected(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(str::to_string)
        .collect()
}

fn found(text: &str) -> (Outcome, Vec<String>) {
    let v = would_run(text, &LintOptions::default());
    let got = v
        .reasons
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}",
                d.rule,
                d.severity.name(),
                d.location.line,
                d.message
            )
        })
        .collect();
    (v.outcome, got)
}

#[test]
fn does_not_run_fixtures_give_exactly_their_findings() {
    let mut failures = Vec::new();
    for (name, text) in fixtures("fail") {
        let want = expected(&text);
        assert!(!want.is_empty(), "{name}: no `# expect:` line");
        let (outcome, got) = found(&text);
        if got != want || outcome == Outcome::Runs {
            failures.push(format!("{name}:\n  want {want:#?}\n  got  {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn runs_fixtures_have_no_would_run_finding() {
    let mut failures = Vec::new();
    for (name, text) in fixtures("ok") {
        let (outcome, got) = found(&text);
        if outcome != Outcome::Runs || !got.is_empty() {
            failures.push(format!("{name}: {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
