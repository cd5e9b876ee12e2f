//! The instructor pack in `examples/distroless-workshop`: it loads cleanly, its quizzes use
//! every question kind, `verify-lessons` passes it, and every command that reads lessons
//! honours the global `--lessons DIR`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use assert_cmd::Command;
use dockerlings::course::Course;
use dockerlings::dockerfile::Severity;
use dockerlings::dockerfile::lint::{LintOptions, lint};
use dockerlings::quiz::judge::judge;
use dockerlings::quiz::verify::verify;
use dockerlings::quiz::{QuestionKind, QuizBook};
use dockerlings::workshop::{Workshop, check_file};
use predicates::prelude::*;

fn pack() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/distroless-workshop")
}

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

fn load() -> (Course, QuizBook) {
    let course = Course::load_dir(pack()).expect("the example pack opens");
    let book = QuizBook::for_course(&course);
    (course, book)
}

#[test]
fn two_lessons_with_front_matter_load_without_errors() {
    let (course, book) = load();
    assert!(course.errors.is_empty(), "{:#?}", course.errors);
    assert!(book.errors.is_empty(), "{:#?}", book.errors);
    let ids: Vec<&str> = course.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["python-on-distroless", "rust-on-scratch"]);
    for lesson in &course.lessons {
        assert!(!lesson.title.is_empty() && !lesson.summary.is_empty());
        assert!(lesson.sections.len() >= 4, "{}: too thin", lesson.id);
        assert!(
            book.for_lesson(&lesson.id).is_some(),
            "{} has no quiz",
            lesson.id
        );
    }
}

#[test]
fn one_quiz_has_every_question_kind() {
    let (_, book) = load();
    let covered = book.quizzes.iter().any(|quiz| {
        let kinds: BTreeSet<&str> = quiz.questions.iter().map(|q| q.kind.name()).collect();
        kinds == QuestionKind::NAMES.into_iter().collect()
    });
    assert!(covered, "no quiz uses all of {:?}", QuestionKind::NAMES);
}

#[test]
fn the_pack_verifies_with_two_exercises() {
    let (course, book) = load();
    let (checked, problems) = verify(&course, &book);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", text.join("\n"));
    assert_eq!((checked.lessons, checked.exercises), (2, 2), "{checked:?}");
}

/// verify checks that each wrong answer fails its named requirement; here, also that the
/// exercises list enough distinct mistakes to be worth teaching with.
#[test]
fn each_exercise_catches_several_distinct_mistakes() {
    let (_, book) = load();
    let exercises: Vec<_> = book
        .quizzes
        .iter()
        .flat_map(|q| &q.questions)
        .filter_map(|q| match &q.kind {
            QuestionKind::Dockerfile(ex) => Some((q, ex)),
            _ => None,
        })
        .collect();
    assert_eq!(exercises.len(), 2);
    for (question, ex) in exercises {
        let caught: BTreeSet<&str> = ex.wrong.iter().map(|w| w.fails.as_str()).collect();
        assert!(caught.len() >= 4, "{}: only {caught:?}", question.id);
        for wrong in &ex.wrong {
            let verdict = judge(&ex.requirements, &wrong.dockerfile);
            assert!(!verdict.passed(), "{}: {}", question.id, wrong.dockerfile);
        }
        assert!(!ex.context.is_empty() && ex.context.iter().all(|c| c.contents.is_some()));
    }
}

#[test]
fn verify_lessons_passes_via_the_flag_and_the_argument() {
    let ok = "ok: 2 lessons, 10 questions, 2 Dockerfile exercises";
    dockerlings()
        .arg("verify-lessons")
        .arg("--lessons")
        .arg(pack())
        .assert()
        .success()
        .stdout(predicate::str::contains(ok));
    dockerlings()
        .arg("verify-lessons")
        .arg(pack())
        .assert()
        .success()
        .stdout(predicate::str::contains(ok));
}

#[test]
fn lessons_lists_the_pack_given_with_the_flag() {
    dockerlings()
        .args(["lessons", "--format", "json", "--lessons"])
        .arg(pack())
        .assert()
        .success()
        .stdout(predicate::str::contains("\"python-on-distroless\""))
        .stdout(predicate::str::contains("multi-stage-basics").not());
}

#[test]
fn progress_tables_the_pack_given_with_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    dockerlings()
        .arg("progress")
        .arg("--progress-file")
        .arg(dir.path().join("progress.json"))
        .arg("--lessons")
        .arg(pack())
        .assert()
        .success()
        .stdout(predicate::str::contains("rust-on-scratch"))
        .stdout(predicate::str::contains("multi-stage-basics").not());
}

/// The pack handed out as a workshop folder: both exercises with their build context, the
/// starter failing and the reference solution passing when saved over it.
#[test]
fn workshop_init_hands_out_both_exercises_with_their_context() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("class");
    dockerlings()
        .args(["workshop", "init"])
        .arg(&dir)
        .arg("--lessons")
        .arg(pack())
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote 2 exercises"));
    let workshop = Workshop::open(&dir, None).unwrap();
    let folders: Vec<&str> = workshop
        .exercises
        .iter()
        .map(|e| e.folder.as_str())
        .collect();
    assert_eq!(folders, ["01-py-ex-distroless", "02-rs-ex-scratch"]);
    let context = [
        &["app.py", "requirements.txt"][..],
        &["Cargo.toml", "Cargo.lock", "src/main.rs"][..],
    ];
    for (index, names) in context.iter().enumerate() {
        let folder = workshop.folder(index);
        for name in *names {
            assert!(
                folder.join(name).is_file(),
                "{}: {name} missing",
                folder.display()
            );
        }
        let exercise = &workshop.exercises[index].exercise;
        let dockerfile = workshop.dockerfile(index);
        assert!(
            !check_file(exercise, &dockerfile).passed(),
            "the starter passes"
        );
        std::fs::write(&dockerfile, &exercise.solutions[0]).unwrap();
        assert!(
            check_file(exercise, &dockerfile).passed(),
            "the solution fails"
        );
    }
}

/// The lessons teach by example, so their complete Dockerfiles (those with a FROM) must pass
/// the validator without warnings; fragments (a lone CMD or RUN) are skipped.
#[test]
fn the_lessons_complete_dockerfiles_lint_clean() {
    let mut checked = 0;
    for entry in std::fs::read_dir(pack()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut block: Option<String> = None;
        for line in text.lines() {
            match (&mut block, line.trim_end()) {
                (None, "```dockerfile") => block = Some(String::new()),
                (Some(code), "```") => {
                    if code.lines().any(|l| l.starts_with("FROM ")) {
                        let result = lint(code, &LintOptions::default());
                        let loud: Vec<String> = result
                            .diagnostics
                            .iter()
                            .filter(|d| d.severity >= Severity::Warning)
                            .map(|d| format!("{} {}", d.rule, d.message))
                            .collect();
                        assert!(loud.is_empty(), "{}:\n{code}\n{loud:#?}", path.display());
                        checked += 1;
                    }
                    block = None;
                }
                (Some(code), _) => {
                    code.push_str(line);
                    code.push('\n');
                }
                (None, _) => {}
            }
        }
    }
    assert_eq!(checked, 2, "one complete Dockerfile per lesson");
}
