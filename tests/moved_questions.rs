//! Questions that moved to another lesson (issue 14) keep working: a progress file written
//! before the move, with their records under the old lessons, loads and scores them in the
//! lessons they are in now, and a workshop manifest naming the old lessons still opens.

use std::fs;

use assert_cmd::Command;
use dockerlings::course::Course;
use dockerlings::progress::Store;
use dockerlings::quiz::QuizBook;
use dockerlings::results::Score;
use dockerlings::workshop::{MANIFEST, Manifest, Workshop};

/// A file as an older dockerlings wrote it: both exercises passed in their old lessons.
const BEFORE_THE_MOVE: &str = r#"{"schema_version": 1, "revision": 3, "lessons": {
  "why-multi-stage": {"reading_ms": 1200, "questions": {
    "why-ex-drop-the-compiler": {"answered": true, "correct": true, "attempts": 2, "draft": "FROM python:3.13-slim"},
    "why-builds-faster": {"answered": true, "correct": true, "attempts": 1}}},
  "summary-and-analogy": {"questions": {
    "sum-ex-java": {"answered": true, "correct": true, "attempts": 1, "hints_used": 1}}}}}"#;

fn old_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    fs::write(&path, BEFORE_THE_MOVE).unwrap();
    (dir, path)
}

#[test]
fn moved_exercises_count_in_their_new_lessons() {
    let (_dir, path) = old_file();
    let (store, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let book = QuizBook::for_course(&Course::bundled());
    let score = |lesson: &str| Score::of(book.for_lesson(lesson).unwrap(), store.progress());

    for lesson in ["python-venvs-on-distroless", "java-on-distroless"] {
        let s = score(lesson);
        assert_eq!(
            (s.answered, s.correct, s.exercises_passed),
            (1, 1, 1),
            "{lesson}"
        );
    }
    // What stayed behind still counts where it was.
    assert_eq!(score("why-multi-stage").correct, 1);
    assert_eq!(score("summary-and-analogy").answered, 0);

    let p = store.progress();
    let moved = p
        .question("python-venvs-on-distroless", "why-ex-drop-the-compiler")
        .unwrap();
    assert_eq!(moved.attempts, 2);
    assert_eq!(moved.draft.as_deref(), Some("FROM python:3.13-slim"));
    assert_eq!(
        p.question("java-on-distroless", "sum-ex-java")
            .unwrap()
            .hints_used,
        1
    );
    assert!(
        p.question("why-multi-stage", "why-ex-drop-the-compiler")
            .is_none()
    );
    assert_eq!(p.lessons["why-multi-stage"].reading_ms, 1200);
}

#[test]
fn the_first_save_writes_them_under_the_new_lessons() {
    let (_dir, path) = old_file();
    let (mut store, _) = Store::open(&path).unwrap();
    store
        .progress_mut()
        .record_answer("java-on-distroless", "java-class-version-21", true);
    store.save().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let lessons = &json["lessons"];
    assert!(lessons["summary-and-analogy"].is_null(), "{text}");
    assert_eq!(
        lessons["java-on-distroless"]["questions"]["sum-ex-java"]["correct"],
        true
    );
    assert_eq!(
        lessons["java-on-distroless"]["questions"]["java-class-version-21"]["attempts"],
        1
    );
    assert!(lessons["why-multi-stage"]["questions"]["why-ex-drop-the-compiler"].is_null());
}

#[test]
fn exported_results_count_them_in_the_new_lessons() {
    let (_dir, path) = old_file();
    let out = Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["progress", "--export=json", "--name=Ada", "--progress-file"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lessons = json["lessons"].as_array().expect("lessons");
    let passed = |id: &str| {
        lessons
            .iter()
            .find(|l| l["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing: {json}"))["exercises_passed"]
            .clone()
    };
    assert_eq!(passed("python-venvs-on-distroless"), 1);
    assert_eq!(passed("java-on-distroless"), 1);
}

#[test]
fn a_workshop_manifest_naming_the_old_lessons_still_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["workshop", "init"])
        .arg(dir)
        .assert()
        .success();
    // Rewrite the manifest as a dockerlings from before the move wrote it.
    let mut manifest = Manifest::read(dir).unwrap();
    for entry in &mut manifest.exercises {
        match entry.question.as_str() {
            "sum-ex-java" => entry.lesson = "summary-and-analogy".into(),
            "why-ex-drop-the-compiler" => entry.lesson = "why-multi-stage".into(),
            _ => {}
        }
    }
    fs::write(dir.join(MANIFEST), manifest.to_text().unwrap()).unwrap();

    let workshop = Workshop::open(dir, None).unwrap();
    let lesson_of = |id: &str| {
        let ex = workshop.exercises.iter().find(|e| e.question.id == id);
        ex.map(|e| e.lesson_id.clone()).unwrap()
    };
    assert_eq!(lesson_of("sum-ex-java"), "java-on-distroless");
    assert_eq!(
        lesson_of("why-ex-drop-the-compiler"),
        "python-venvs-on-distroless"
    );
}

#[test]
fn every_move_lands_on_a_question_of_the_bundled_pack() {
    let book = QuizBook::for_course(&Course::bundled());
    for &(question, from, to) in dockerlings::progress::moved::MOVED {
        assert!(book.question(to, question).is_some(), "{question} in {to}");
        assert!(
            book.question(from, question).is_none(),
            "{question} left {from}"
        );
    }
}

#[test]
fn only_the_old_lesson_is_redirected() {
    use dockerlings::progress::moved::moved_to;
    assert_eq!(
        moved_to("summary-and-analogy", "sum-ex-java"),
        Some("java-on-distroless")
    );
    assert_eq!(moved_to("java-on-distroless", "sum-ex-java"), None);
    assert_eq!(moved_to("summary-and-analogy", "sum-ex-non-root"), None);
}
