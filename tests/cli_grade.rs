//! `dockerlings grade EXERCISE FILE` run as the real binary, as an autograder would: exit 0 on
//! a pass, 1 on a fail, 2 when it cannot judge (unknown exercise, a question that is not a
//! Dockerfile exercise, an unreadable file, a pack that cannot be opened); the text checklist
//! and the JSON schema's fields.

use assert_cmd::Command;
use serde_json::Value;

const EXERCISE: &str = "dgo-ex-scratch";
const PASSES: &str = "tests/fixtures/grade/scratch-passes.Dockerfile";
const USER_BY_NAME: &str = "tests/fixtures/grade/scratch-user-by-name.Dockerfile";
const BINARY: &str = "tests/fixtures/grade/binary.Dockerfile";

fn dockerlings() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dockerlings"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

/// Runs `grade` with `args`: (exit code, stdout, stderr).
fn grade(args: &[&str]) -> (i32, String, String) {
    let out = dockerlings().arg("grade").args(args).output().unwrap();
    (
        out.status.code().expect("exited, not killed"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// An object's keys, sorted (serde_json's map keeps them sorted).
fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn sorted(mut names: Vec<&str>) -> Vec<&str> {
    names.sort_unstable();
    names
}

fn json(args: &[&str]) -> (i32, Value) {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let (code, stdout, _) = grade(&args);
    let value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (code, value)
}

#[test]
fn a_passing_file_exits_0_with_every_requirement_passed() {
    let (code, stdout, stderr) = grade(&[EXERCISE, PASSES]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with(&format!(
        "grade: exercise {EXERCISE} (lesson distroless-go) on {PASSES}\n"
    )));
    assert!(!stdout.contains("FAIL"), "{stdout}");
    assert!(stdout.contains("\nwould it run: yes\n"), "{stdout}");
    assert!(
        stdout.contains("  pass  the image would start\n"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("result: PASS (8 of 8 requirements met)\n"),
        "{stdout}"
    );
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn a_failing_file_exits_1_and_says_which_requirement_why_and_where() {
    let (code, stdout, _) = grade(&[EXERCISE, USER_BY_NAME]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains(
            "  FAIL  the image would start\n        line 13: DK213 error: scratch has no /etc/passwd"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("  pass  runs as a non-root user\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("findings (2):\n  13:1 error DK213: "),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("result: FAIL (5 of 8 requirements met)\n"),
        "{stdout}"
    );
    // No escape sequences: CI logs show the text as it is, even when colour is forced.
    let (_, forced, _) = grade(&["--color", "always", EXERCISE, USER_BY_NAME]);
    assert!(!forced.contains('\x1b'), "{forced}");
}

#[test]
fn json_has_the_documented_fields() {
    let (code, doc) = json(&[EXERCISE, USER_BY_NAME]);
    assert_eq!(code, 1);
    assert_eq!(
        keys(&doc),
        sorted(vec![
            "format",
            "schema_version",
            "exercise",
            "lesson",
            "file",
            "passed",
            "would_run",
            "requirements",
            "findings"
        ])
    );
    assert_eq!(doc["format"], "dockerlings-grade");
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["exercise"], EXERCISE);
    assert_eq!(doc["lesson"], "distroless-go");
    assert_eq!(doc["file"], USER_BY_NAME);
    assert_eq!(doc["passed"], false);
    assert_eq!(doc["would_run"], "fails");
    let requirements = doc["requirements"].as_array().unwrap();
    assert_eq!(requirements.len(), 8);
    for r in requirements {
        assert_eq!(
            keys(r),
            sorted(vec!["key", "label", "met", "reason", "line"]),
            "{r}"
        );
    }
    let runs = requirements.iter().find(|r| r["key"] == "runs").unwrap();
    assert_eq!(runs["label"], "the image would start");
    assert_eq!(runs["met"], false);
    assert_eq!(runs["line"], 13);
    assert!(
        runs["reason"]
            .as_str()
            .unwrap()
            .starts_with("DK213 error: ")
    );
    let first = &doc["findings"][0];
    assert_eq!(
        keys(first),
        sorted(vec![
            "rule",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column"
        ])
    );
    assert_eq!(
        (&first["rule"], &first["severity"], &first["line"]),
        (
            &Value::from("DK213"),
            &Value::from("error"),
            &Value::from(13)
        )
    );
    let (code, passed) = json(&[EXERCISE, PASSES]);
    assert_eq!((code, &passed["passed"]), (0, &Value::Bool(true)));
    assert_eq!(passed["would_run"], "runs");
    assert!(passed["requirements"][0]["line"].is_u64());
    let without_line = passed["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "runs")
        .unwrap();
    assert!(without_line["line"].is_null(), "{without_line}");
}

#[test]
fn an_unknown_exercise_exits_2_and_suggests_the_closest_ids() {
    let (code, stdout, stderr) = grade(&["go-ex-scrach", PASSES]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(
        stderr,
        "dockerlings grade: no exercise `go-ex-scrach` in the pack; did you mean `dgo-ex-scratch`?\n"
    );
    let (code, doc) = json(&["go-ex-fix", PASSES]);
    assert_eq!(code, 2);
    assert_eq!(
        keys(&doc),
        sorted(vec![
            "format",
            "schema_version",
            "exercise",
            "file",
            "error"
        ])
    );
    assert_eq!(
        keys(&doc["error"]),
        sorted(vec!["kind", "message", "suggestions"])
    );
    assert_eq!(doc["error"]["kind"], "unknown_exercise");
    let suggestions: Vec<&str> = doc["error"]["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(suggestions, ["go-ex-fix-notes", "dgo-ex-fix-notes"]);
    assert!(
        doc.get("passed").is_none(),
        "no verdict when nothing was judged"
    );
    // Nothing near: every exercise id is listed instead.
    let (_, _, stderr) = grade(&["zzz", PASSES]);
    assert!(stderr.contains("its Dockerfile exercises are `msb-ex-name-the-stages`"));
}

#[test]
fn a_question_that_is_not_an_exercise_exits_2() {
    // The bundled pack's first question is a multiple-choice one.
    let (code, stdout, stderr) = grade(&["msb-what-starts-a-stage", PASSES]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains(
            "`msb-what-starts-a-stage` is a multiple question, not a Dockerfile exercise"
        ),
        "{stderr}"
    );
    let (code, doc) = json(&["msb-what-starts-a-stage", PASSES]);
    assert_eq!(code, 2);
    assert_eq!(doc["error"]["kind"], "not_a_dockerfile_exercise");
}

#[test]
fn unreadable_files_exit_2_with_the_reason() {
    let (code, stdout, stderr) = grade(&[EXERCISE, "tests/fixtures/grade/missing.Dockerfile"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("dockerlings grade: tests/fixtures/grade/missing.Dockerfile: "),
        "{stderr}"
    );
    let (code, doc) = json(&[EXERCISE, BINARY]);
    assert_eq!(code, 2);
    assert_eq!(doc["error"]["kind"], "unreadable_file");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("binary file"),
        "{doc}"
    );
    let (code, _, _) = grade(&[EXERCISE, "tests/fixtures/grade"]);
    assert_eq!(code, 2, "a folder is not a file");
}

#[test]
fn standard_input_and_another_pack() {
    let out = dockerlings()
        .args(["grade", EXERCISE, "-"])
        .write_stdin(std::fs::read(PASSES).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let (code, doc) = json(&[
        "--lessons",
        "examples/distroless-workshop",
        "rs-ex-scratch",
        PASSES,
    ]);
    assert_eq!(code, 1, "{doc}");
    assert_eq!(doc["exercise"], "rs-ex-scratch");
    let (code, _, stderr) = grade(&[
        "--lessons",
        "tests/fixtures/grade/nowhere",
        EXERCISE,
        PASSES,
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("does not exist"), "{stderr}");
}
