//! Progress schema 2: a version 1 file (as dockerlings wrote it before) loads with nothing lost
//! and is saved as version 2; a version 2 file reads back exactly as it was written.

use std::fs;
use std::path::Path;

use dockerlings::progress::{Position, SCHEMA_VERSION, Store};

const V1: &str = "tests/fixtures/progress/v1.json";

fn copy_of_v1(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("progress.json");
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(V1), &path).unwrap();
    path
}

#[test]
fn a_version_1_file_loads_whole_and_is_saved_as_version_2() {
    assert_eq!(SCHEMA_VERSION, 2);
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_v1(dir.path());
    let (mut store, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let p = store.progress();
    let lesson = &p.lessons["multi-stage-basics"];
    assert_eq!((lesson.position, lesson.sections_seen.len()), (None, 0));
    assert_eq!(p.last_lesson, None);
    let ex = p
        .question("multi-stage-basics", "basics-ex-two-stages")
        .unwrap();
    assert_eq!(
        (ex.attempts, ex.hints_used, ex.time_spent_ms),
        (2, 1, 95_000)
    );
    assert!(ex.draft.as_deref().unwrap().starts_with("FROM golang"));
    let missed = p
        .question("multi-stage-basics", "basics-why-stages")
        .unwrap();
    assert!(missed.answered && !missed.correct && missed.review.is_none());

    store.progress_mut().record_position(
        "multi-stage-basics",
        Position {
            section: 2,
            scroll: 14,
        },
    );
    store.save().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"schema_version\": 2"), "{text}");
    let (again, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty());
    let p = again.progress();
    assert_eq!(p.revision, 13);
    assert_eq!(p.last_lesson.as_deref(), Some("multi-stage-basics"));
    let lesson = &p.lessons["multi-stage-basics"];
    assert_eq!(
        lesson.position.map(|at| (at.section, at.scroll)),
        Some((2, 14))
    );
    assert_eq!(lesson.questions.len(), 2, "no answer lost");
}

#[test]
fn a_version_2_file_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let (mut store, _) = Store::open(&path).unwrap();
    let p = store.progress_mut();
    p.record_position(
        "a",
        Position {
            section: 1,
            scroll: 3,
        },
    );
    p.record_position(
        "a",
        Position {
            section: 0,
            scroll: 0,
        },
    );
    p.add_reading("a", 61_000);
    p.record_first_answer("a", "q", false);
    p.schedule_review("a", "q", 20_000);
    p.record_position(
        "b",
        Position {
            section: 4,
            scroll: 9,
        },
    );
    store.save().unwrap();
    let written = store.progress().clone();

    let (again, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty());
    assert_eq!(again.progress(), &written);
    let a = &written.lessons["a"];
    assert_eq!(a.sections_seen.iter().copied().collect::<Vec<_>>(), [0, 1]);
    assert_eq!(a.reading_ms, 61_000);
    assert_eq!(written.last_lesson.as_deref(), Some("b"));
    assert_eq!(written.due_reviews(20_001), [("a", "q")]);
}

#[test]
fn two_sessions_keep_both_places_and_every_section_seen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let (mut one, _) = Store::open(&path).unwrap();
    let (mut two, _) = Store::open(&path).unwrap();
    for (store, section, ms) in [(&mut one, 0, 1_000), (&mut two, 2, 2_000)] {
        let p = store.progress_mut();
        p.record_position("a", Position { section, scroll: 5 });
        p.add_reading("a", ms);
    }
    one.save().unwrap();
    two.save().unwrap();
    let (merged, _) = Store::open(&path).unwrap();
    let a = &merged.progress().lessons["a"];
    assert_eq!(a.sections_seen.iter().copied().collect::<Vec<_>>(), [0, 2]);
    assert_eq!(a.reading_ms, 3_000);
    assert_eq!(
        a.position.map(|at| at.section),
        Some(2),
        "the later save's place"
    );
}
