//! `dockerlings parse`: JSON in BuildKit's shape, exit codes, standard input.

use std::path::Path;

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

fn fixtures() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/parser"
    ))
}

fn expected_row(file: &str) -> Value {
    let text = std::fs::read_to_string(fixtures().join("expected.jsonl")).unwrap();
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["file"] == file)
        .unwrap()
}

#[test]
fn json_output_matches_buildkit_for_a_fixture() {
    let file = "heredocs.Dockerfile";
    let out = Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["parse", "--format", "json"])
        .arg(fixtures().join(file))
        .output()
        .unwrap();
    assert!(out.status.success());
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = expected_row(file)["instructions"].clone();
    assert_eq!(got["instructions"], want);
}

#[test]
fn rejected_file_exits_1_with_buildkits_message() {
    Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["parse", "--format", "json"])
        .arg(fixtures().join("exec-form-number.Dockerfile"))
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "line 2: when using JSON array syntax, arrays must be comprised of strings only",
        ));
}

#[test]
fn reads_standard_input_and_reports_unreadable_files() {
    Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["parse", "-"])
        .write_stdin("from alpine AS b\nRUN --mount=type=cache,target=/x make\n")
        .assert()
        .success()
        .stdout(contains("1\tFROM\tshell\t\t[\"alpine\",\"AS\",\"b\"]"))
        .stdout(contains(
            "2\tRUN\tshell\t--mount=type=cache,target=/x\t[\"make\"]",
        ));
    Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["parse", "/nonexistent/Dockerfile"])
        .assert()
        .code(2)
        .stderr(contains("cannot read"));
    Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["parse", "-"])
        .write_stdin(&b"FROM a\nRUN \xff\n"[..])
        .assert()
        .code(1)
        .stderr(contains("not valid UTF-8"));
}
