//! `dockerlings notes FILE` as a binary: a file it cannot read is an error with exit status 2.

use assert_cmd::Command;
use predicates::prelude::*;

#[test]
fn missing_notes_file_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("notes")
        .arg(dir.path().join("nope.txt"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("cannot read notes file")
                .and(predicate::str::contains("nope.txt")),
        );
}

#[test]
fn notes_needs_a_file() {
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("notes")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<FILE>"));
}
