//! The scoring rules of docs/scoring.md, one test each, driven through keys on the fixture
//! quiz pack as a learner would.

mod quiz_fixture;

use dockerlings::progress::QuestionProgress;
use dockerlings::tui::App;
use quiz_fixture::*;
use ratatui::crossterm::event::KeyCode;

fn saved(app: &App, id: &str) -> QuestionProgress {
    app.store
        .progress()
        .question("demo", id)
        .cloned()
        .unwrap_or_default()
}

fn exercise_app(dir: &tempfile::TempDir) -> App {
    let mut app = app_with_store(&dir.path().join("progress.json"), 100, 32);
    open_exercise(&mut app);
    app
}

#[test]
fn checking_the_unchanged_starter_is_no_attempt_and_reveals_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = exercise_app(&dir);
    press(&mut app, [ctrl('s'), ctrl('s'), ctrl('s')]);
    let q = saved(&app, "demo-exercise");
    assert_eq!((q.answered, q.attempts, q.revealed), (false, 0, false));
    let text = screen_text(&app, 100, 32);
    assert!(text.contains("not an attempt"), "{text}");
    assert!(!text.contains("A solution") && !text.contains("Ctrl-O: a solution"));
}

#[test]
fn the_solution_is_offered_only_after_real_failed_attempts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = exercise_app(&dir);
    // The fixture offers the solution after 2 failed attempts.
    press(&mut app, typed("# one\n"));
    press(&mut app, [ctrl('s'), ctrl('s'), ctrl('s')]);
    assert!(!screen_text(&app, 100, 32).contains("Ctrl-O: a solution"));
    assert_eq!(exercise(&app).failed_checks, 1);
    press(&mut app, typed("# two\n"));
    press(&mut app, [ctrl('s')]);
    let text = screen_text(&app, 100, 32);
    assert!(text.contains("Ctrl-O: a solution"), "{text}");
    let q = saved(&app, "demo-exercise");
    assert_eq!((q.attempts, q.revealed), (2, false), "offered, not shown");
}

#[test]
fn a_hint_counts_only_when_one_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = exercise_app(&dir);
    press(&mut app, [ctrl('o'), ctrl('g')]);
    let q = saved(&app, "demo-exercise");
    assert_eq!((q.revealed, q.hints_used), (true, 0), "{q:?}");
    assert!(screen_text(&app, 100, 32).contains("A solution is on screen"));
    press(&mut app, [ctrl('o'), ctrl('g')]);
    assert_eq!(saved(&app, "demo-exercise").hints_used, 1);
    assert!(screen_text(&app, 100, 32).contains("Hint 1"));
}

#[test]
fn a_wrong_answer_stays_wrong_and_a_retry_is_practice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("progress.json"), 100, 32);
    let enter = key(KeyCode::Enter);
    // demo-single: choice 2 is right.
    press(&mut app, [ch('t'), ch('1'), enter]);
    let text = screen_text(&app, 100, 32);
    assert!(text.contains("Not quite"), "{text}");
    press(&mut app, [ch('r'), ch('2'), enter]);
    assert!(screen_text(&app, 100, 32).contains("Practice"));
    let q = saved(&app, "demo-single");
    assert_eq!((q.answered, q.correct, q.attempts), (true, false, 1));
}
