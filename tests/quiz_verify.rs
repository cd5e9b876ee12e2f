//! `verify-lessons`: the bundled pack passes; a pack with one mistake per exercise gets one
//! file:line message per mistake and exit status 1.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use dockerlings::quiz::verify::verify_pack;
use predicates::str::contains;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn the_bundled_pack_verifies() {
    let (checked, problems) = verify_pack(None).unwrap();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", text.join("\n"));
    assert!(checked.questions >= 40, "{checked:?}");
    assert!(checked.exercises >= 12, "{checked:?}");
}

#[test]
fn the_test_pack_verifies() {
    let (checked, problems) = verify_pack(Some(&fixture("quiz-pack"))).unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!((checked.questions, checked.exercises), (7, 1));
}

#[test]
fn each_mistake_is_reported_at_its_line() {
    let (_, problems) = verify_pack(Some(&fixture("quiz-pack-bad"))).unwrap();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expect = [
        (
            "01-bad.quiz.yaml:3:",
            "reference solution 1 fails `non_root`",
        ),
        (
            "01-bad.quiz.yaml:18:",
            "starter already meets every requirement",
        ),
        (
            "01-bad.quiz.yaml:46:",
            "wrong answer 1 should fail `exec_form_cmd`",
        ),
        (
            "01-bad.quiz.yaml:51:",
            "rule `XX9999`, which does not exist",
        ),
    ];
    assert_eq!(problems.len(), expect.len(), "{}", text.join("\n"));
    for (line, (at, what)) in text.iter().zip(expect) {
        assert!(
            line.contains(at) && line.contains(what),
            "{line}\nexpected {at} {what}"
        );
    }
}

#[test]
fn the_command_exits_1_with_file_line_messages() {
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("verify-lessons")
        .arg(fixture("quiz-pack-bad"))
        .assert()
        .code(1)
        .stdout(contains("01-bad.quiz.yaml:3: question `reference-fails`"))
        .stdout(contains("4 problems"));
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("verify-lessons")
        .assert()
        .success()
        .stdout(contains("ok: "));
}

/// No exercise may pass an image that would not start: every Dockerfile exercise of the bundled
/// pack and of the example workshop lists wrong answers that fail `runs` (verify proves each
/// fails it), and its checklist ends with the implied requirement.
#[test]
fn every_exercise_is_judged_on_whether_the_image_would_start() {
    use dockerlings::course::Course;
    use dockerlings::quiz::{QuestionKind, QuizBook, Requirement};
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/distroless-workshop");
    for course in [Course::bundled(), Course::load_dir(&example).unwrap()] {
        let book = QuizBook::for_course(&course);
        for question in book.quizzes.iter().flat_map(|q| &q.questions) {
            let QuestionKind::Dockerfile(ex) = &question.kind else {
                continue;
            };
            assert!(
                ex.requirements.contains(&Requirement::Runs),
                "{}",
                question.id
            );
            let at_run_time = ex.wrong.iter().filter(|w| w.fails == "runs").count();
            assert!(
                at_run_time >= 1,
                "{}: no run-time wrong answer",
                question.id
            );
        }
    }
}
