//! `--plain` run as a learner would, with typed lines piped in: a lesson read page by page, a
//! whole quiz answered by typing (an exercise typed, then read from a file), the answers in
//! the progress file afterwards; TERM=dumb choosing plain mode; input ending anywhere.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use dockerlings::course::Course;
use dockerlings::progress::Store;
use dockerlings::quiz::check::shuffled_order;
use dockerlings::quiz::{QuestionKind, QuizBook};
use predicates::prelude::*;

fn pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quiz-pack")
}

fn plain(progress: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dockerlings").unwrap();
    cmd.arg("--plain")
        .arg("--lessons")
        .arg(pack())
        .arg("--progress-file")
        .arg(progress)
        .env("COLUMNS", "60")
        .env("LINES", "12")
        .env_remove("NO_COLOR")
        .timeout(std::time::Duration::from_secs(30));
    cmd
}

/// The exercise's reference solution, from the fixture pack itself.
fn solution() -> String {
    let course = Course::load_dir(pack()).unwrap();
    let book = QuizBook::for_course(&course);
    match &book.question("demo", "demo-exercise").unwrap().kind {
        QuestionKind::Dockerfile(ex) => ex.solutions[0].clone(),
        other => panic!("not an exercise: {other:?}"),
    }
}

/// The order question's rows as listed, typed in the right order.
fn order_typed() -> String {
    let listed = shuffled_order("demo-order", 4);
    (0..4)
        .map(|item| (listed.iter().position(|&i| i == item).unwrap() + 1).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_lesson_and_a_whole_quiz_typed_end_up_in_the_progress_file() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let file = dir.path().join("Dockerfile");
    std::fs::write(&file, solution()).unwrap();
    let input = [
        "1",   // read lesson 1
        "",    // its only page; Enter at the lesson's end goes on (to the list)
        "t1",  // its quiz
        "7",   // not a choice: asked again
        "h",   // a hint
        "2",   // single: FROM
        "1 2", // multiple
        "t",   // true or false
        " Scratch ",
        &order_typed(),
        "4",                // spot the bug
        "FROM golang:1.25", // the exercise typed: fails
        "CMD /out/app",
        ".",
        &format!("@{}", file.display()), // then read from a file: passes
        "q",
    ]
    .join("\n");
    let out = plain(&progress)
        .write_stdin(input + "\n")
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!stdout.contains('\x1b'), "no escape codes in plain mode");
    for said in [
        "  1. A demo lesson (1 section; quiz 0/7 right)",
        "Section 1 of 1: Stages (concept)",
        "Every FROM starts a stage.",
        "Type a number from 1 to 3.",
        "Hint 1: Look at the first line",
        "not met: ",
        "Every requirement is met.",
        "Quiz done: 7 of 7 right (5 on the first try), 7 answered.",
        "  1. A demo lesson (1 section; quiz 7/7 right)",
    ] {
        assert!(stdout.contains(said), "{said:?} not in:\n{stdout}");
    }
    // Lines are wrapped to the width; a prompt shares its line with what follows it here,
    // since piped input is not echoed.
    for line in stdout.lines().filter(|l| !l.contains("> ")) {
        assert!(line.chars().count() <= 60, "too wide: {line:?}");
    }

    let (store, _) = Store::open(&progress).unwrap();
    let p = store.progress();
    let single = p.question("demo", "demo-single").unwrap();
    assert!(single.answered && single.correct);
    assert_eq!(single.hints_used, 1);
    let exercise = p.question("demo", "demo-exercise").unwrap();
    assert!(exercise.correct);
    assert_eq!(exercise.attempts, 2, "the typed file, then the one read");
    assert!(
        exercise
            .draft
            .as_deref()
            .is_some_and(|d| d.contains("nonroot"))
    );
}

#[test]
fn an_answer_given_before_is_practice_and_the_quiz_resumes_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    plain(&progress)
        .write_stdin("t1\n1\nq\nq\n")
        .assert()
        .success();
    // The second run starts at question 2.
    plain(&progress)
        .write_stdin("t1\nq\nq\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Question 2 of 7"))
        .stdout(predicate::str::contains("Question 1 of 7").not());
    let (store, _) = Store::open(&progress).unwrap();
    let single = store.progress().question("demo", "demo-single").unwrap();
    assert!(single.answered && !single.correct);
}

#[test]
fn term_dumb_chooses_plain_mode_and_the_end_of_input_ends_it() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("--lessons")
        .arg(pack())
        .arg("--progress-file")
        .arg(dir.path().join("p.json"))
        .env("TERM", "dumb")
        .timeout(std::time::Duration::from_secs(30))
        .write_stdin("nonsense\n1\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Not a command: nonsense"))
        .stdout(predicate::str::contains("Every FROM starts a stage."));
}
