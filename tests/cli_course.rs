//! The top-level command run as a binary: arguments and pack errors (the TUI itself needs a
//! terminal and is tested through `update` and the screens).

use assert_cmd::Command;
use predicates::prelude::*;

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

#[test]
fn missing_lessons_folder_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-pack");
    dockerlings()
        .arg("--lessons")
        .arg(&missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("does not exist")
                .and(predicate::str::contains("no-such-pack")),
        );
}

#[test]
fn empty_lessons_folder_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a lesson").unwrap();
    dockerlings()
        .arg("--lessons")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no lessons in"));
}

#[test]
fn a_file_is_not_a_lessons_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lesson.md");
    std::fs::write(&file, "---\n").unwrap();
    dockerlings()
        .arg("--lessons")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a folder"));
}

#[test]
fn version_and_help() {
    dockerlings()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "dockerlings {}",
            env!("CARGO_PKG_VERSION")
        )));
    dockerlings()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("--lessons <DIR>"));
}

#[test]
fn unknown_arguments_are_usage_errors() {
    dockerlings()
        .arg("--frobnicate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--frobnicate"));
}
