//! `dockerlings progress` and `dockerlings reset` on a progress file in a temp dir.

use std::fs;

use assert_cmd::Command;
use dockerlings::progress::Store;
use predicates::str::contains;

fn saved(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("progress.json");
    let (mut store, _) = Store::open(&path).unwrap();
    store
        .progress_mut()
        .record_answer("multi-stage-basics", "q", true);
    store
        .progress_mut()
        .record_answer("go-multi-stage", "q", true);
    store.save().unwrap();
    path
}

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

#[test]
fn reset_without_a_terminal_refuses_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path());
    let before = fs::read(&path).unwrap();
    dockerlings()
        .args(["reset", "--progress-file"])
        .arg(&path)
        .write_stdin("y\n")
        .assert()
        .code(2)
        .stderr(contains("--yes"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn reset_one_lesson_with_yes_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path());
    dockerlings()
        .args([
            "reset",
            "--yes",
            "--lesson",
            "go-multi-stage",
            "--progress-file",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("Erased progress of lesson `go-multi-stage`"));
    let (store, _) = Store::open(&path).unwrap();
    assert!(store.progress().lessons.contains_key("multi-stage-basics"));
    assert!(!store.progress().lessons.contains_key("go-multi-stage"));
}

#[test]
fn progress_prints_a_row_per_lesson_and_notes_a_corrupt_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    fs::write(&path, "{ not json").unwrap();
    dockerlings()
        .args(["progress", "--progress-file"])
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("multi-stage-basics"))
        .stdout(contains("total"))
        .stderr(contains("moved to"));
}
