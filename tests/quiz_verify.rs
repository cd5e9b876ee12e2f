//! `verify-lessons`: the bundled pack passes; a pack with one mistake per exercise gets one
//! file:line message per mistake and exit status 1.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use dockerlings::quiz::verify::verify_pack;
use predicates::prelude::PredicateBooleanExt;
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

/// The bundled pack is current: no lesson block and no reference solution uses an image the
/// image table dates as past its end of life on the table's own date (DK221), nor a name or
/// version the table marks end of life or deprecated (DK209).
#[test]
fn no_bundled_lesson_or_solution_uses_an_end_of_life_image() {
    use dockerlings::quiz::eol::pack_warnings;
    let warnings = pack_warnings(None).unwrap();
    let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{}", text.join("\n"));
}

/// The same, straight from the table: every base of every reference solution whose end of
/// life the table dates ends after the table's date.
#[test]
fn every_bundled_solution_base_is_supported_on_the_tables_date() {
    use dockerlings::course::Course;
    use dockerlings::dockerfile::images;
    use dockerlings::dockerfile::lint::{LintOptions, lint};
    use dockerlings::quiz::{QuestionKind, QuizBook};
    let as_of = images::table().as_of().expect("the table has its date");
    let book = QuizBook::for_course(&Course::bundled());
    let mut dated = 0;
    for question in book.quizzes.iter().flat_map(|q| &q.questions) {
        let QuestionKind::Dockerfile(ex) = &question.kind else {
            continue;
        };
        for solution in &ex.solutions {
            let result = lint(solution, &LintOptions::default());
            for stage in &result.model.stages {
                let Some(eol) = stage.image_info.as_ref().and_then(|i| i.eol.as_deref()) else {
                    continue;
                };
                dated += 1;
                assert!(
                    eol > as_of,
                    "{}: stage {} ends {eol}, before {as_of}",
                    question.id,
                    stage.index
                );
            }
        }
    }
    assert!(
        dated >= 10,
        "only {dated} bases with a dated end: the test proves little"
    );
}

#[test]
fn end_of_life_images_are_warnings_at_their_lines() {
    let dir = fixture("quiz-pack-eol");
    let (_, problems) = verify_pack(Some(&dir)).unwrap();
    assert!(
        problems.is_empty(),
        "warnings are not problems: {problems:#?}"
    );
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("verify-lessons")
        .arg(&dir)
        .assert()
        .success()
        .stdout(contains(
            "01-eol.md:21: warning: gcr.io/distroless/base-debian12:nonroot: end of life on 2026-09-30 (distroless SUPPORT_POLICY.md",
        ))
        .stdout(contains("01-eol.md:11").not())
        .stdout(contains(
            "01-eol.quiz.yaml:2: warning: question `eol-exercise`: reference solution 1 line 1: golang:1.25:",
        ))
        .stdout(contains("reference solution 1 line 6: gcr.io/distroless/static-debian12:nonroot: end of life on 2026-09-30"))
        .stdout(contains(
            "ok: 1 lesson, 1 question, 1 Dockerfile exercise (3 end-of-life warnings, judged on the image table's date 2026-12-03)",
        ));
}

#[test]
fn a_question_naming_no_section_of_its_lesson_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let pack = fixture("quiz-pack");
    for name in ["01-demo.md", "01-demo.quiz.yaml"] {
        let text = std::fs::read_to_string(pack.join(name)).unwrap();
        let text = text.replace("section: Stages", "section: Nowhere");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (_, problems) = verify_pack(Some(dir.path())).unwrap();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(
        text[0].contains("01-demo.quiz.yaml:3:")
            && text[0].contains("section `Nowhere` is not a section of its lesson"),
        "{}",
        text[0]
    );
}
