//! `dockerlings check --fix`, `--diff`, BuildKit's check directives and
//! `--build-arg BUILDKIT_DOCKERFILE_CHECK`, run as the real binary.

use assert_cmd::Command;
use predicates::prelude::*;

fn dockerlings() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dockerlings"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Style findings only: exit 0 at the default fail level, and each has a safe fix.
const MIXED_CASE: &str = "from alpine:3.22 as base\nrun echo hi\nCOPY app /app\nUSER 65532\nENV MODE prod\nEXPOSE 80/TCP\n";
const FIXED: &str = "FROM alpine:3.22 AS base\nRUN echo hi\nCOPY app /app\nUSER 65532\nENV MODE=\"prod\"\nEXPOSE 80/tcp\n";

fn file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Dockerfile");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn fix_rewrites_the_file_and_reports_what_is_left() {
    let (_dir, path) = file(MIXED_CASE);
    let out = dockerlings()
        .args(["check", "--fix", "--format", "json"])
        .arg(&path)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    for fixed in ["DK301", "DK302", "DK305", "DK309"] {
        assert!(
            !rules.contains(&fixed),
            "{fixed} left after --fix: {rules:?}"
        );
    }
    // Nothing left to do: a second run changes nothing.
    dockerlings()
        .args(["check", "--fix"])
        .arg(&path)
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
}

#[test]
fn fix_keeps_the_exit_status_of_what_is_left() {
    // DK214 (no node in alpine) is an error no fix removes: exit 1 after fixing the casing.
    let (_dir, path) = file("from alpine:3.22\nCMD node server.js\n");
    dockerlings()
        .args(["check", "--fix"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DK214 error"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "FROM alpine:3.22\nCMD [\"node\", \"server.js\"]\n"
    );
}

#[test]
fn diff_prints_a_patch_and_writes_nothing() {
    let (dir, path) = file(MIXED_CASE);
    let out = dockerlings()
        .current_dir(dir.path())
        .args(["check", "--diff", "Dockerfile"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let diff = String::from_utf8(out).unwrap();
    assert!(
        diff.starts_with("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,6 +1,6 @@\n"),
        "{diff}"
    );
    assert!(
        diff.contains(
            "-from alpine:3.22 as base\n-run echo hi\n+FROM alpine:3.22 AS base\n+RUN echo hi\n"
        ),
        "{diff}"
    );
    assert!(diff.contains("+ENV MODE=\"prod\"\n"), "{diff}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), MIXED_CASE);
}

#[test]
fn diff_reads_standard_input_and_fix_refuses_it() {
    dockerlings()
        .args(["check", "--diff", "-"])
        .write_stdin("FROM alpine:3.22 as b\n")
        .assert()
        .stdout(predicate::str::contains("+FROM alpine:3.22 AS b"));
    dockerlings()
        .args(["check", "--fix", "-"])
        .write_stdin("FROM alpine:3.22 as b\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--fix cannot write standard input",
        ));
    dockerlings()
        .args(["check", "--fix", "--diff", "-"])
        .write_stdin("FROM alpine:3.22\n")
        .assert()
        .code(2);
}

#[cfg(unix)]
#[test]
fn fix_never_writes_through_a_link() {
    let (dir, path) = file(MIXED_CASE);
    let link = dir.path().join("Linked.Dockerfile");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    dockerlings()
        .args(["check", "--fix"])
        .arg(&link)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("cannot write the fixes"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), MIXED_CASE);
}

#[test]
fn check_error_true_fails_on_a_check_warning() {
    let text = "# check=error=true\nFROM alpine:3.22 as base\nUSER 65532\n";
    dockerlings()
        .args(["check", "-"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DK302 error"));
    // Without error=true the same style finding passes the default fail level.
    dockerlings()
        .args(["check", "-"])
        .write_stdin(&text[text.find('\n').unwrap() + 1..])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("DK302 style"));
}

#[test]
fn the_build_arg_replaces_the_directive() {
    // BuildKit's own case: the file says error=true, the build argument skip=all.
    let text = "#check=error=true\nFROM scratch as base\ncopy Dockerfile .\n";
    dockerlings()
        .args([
            "check",
            "--build-arg",
            "BUILDKIT_DOCKERFILE_CHECK=skip=all",
            "-",
        ])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("DK30").not());
    dockerlings()
        .args([
            "check",
            "--build-arg",
            "BUILDKIT_DOCKERFILE_CHECK=skip=ConsistentInstructionCasing;error=true",
            "-",
        ])
        .write_stdin("#check=skip=all\nFROM scratch as base\ncopy Dockerfile .\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DK302 error"))
        .stdout(predicate::str::contains("DK301").not());
    dockerlings()
        .args([
            "check",
            "--build-arg",
            "BUILDKIT_DOCKERFILE_CHECK=skip",
            "-",
        ])
        .write_stdin("FROM scratch\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "failed to parse BUILDKIT_DOCKERFILE_CHECK: invalid check option \"skip\"",
        ));
}

#[test]
fn a_malformed_directive_stops_the_build() {
    dockerlings()
        .args(["check", "-"])
        .write_stdin("# check=skip=all;\nFROM scratch\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "<stdin>:1:1 DK100 error failed to parse check options: invalid check option \"\"",
        ));
}

#[test]
fn copy_ignored_file_reads_the_dockerignore_beside_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("Dockerfile", "FROM scratch\nCOPY app.py /app.py\n");
    write(".dockerignore", "*.py\n");
    dockerlings()
        .args(["check"])
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "Dockerfile:2:6 DK313 error Attempting to Copy file \"app.py\" that is excluded by .dockerignore",
        ));
    // `<Dockerfile>.dockerignore` wins over `.dockerignore`, as in BuildKit.
    write("Dockerfile.dockerignore", "docs\n");
    dockerlings()
        .args(["check"])
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .stdout(predicate::str::contains("DK313").not());
    // Standard input has no build context.
    dockerlings()
        .current_dir(dir.path())
        .args(["check", "-"])
        .write_stdin("FROM scratch\nCOPY app.py /app.py\n")
        .assert()
        .stdout(predicate::str::contains("DK313").not());
}
