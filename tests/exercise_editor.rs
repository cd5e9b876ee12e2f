//! Nothing typed in the exercise editor is lost: every way out keeps the draft, a reset asks
//! first, and undo/redo work from the documented keys.

mod quiz_fixture;

use dockerlings::progress::Store;
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens::exercise;
use dockerlings::tui::update::{Effect, update};
use quiz_fixture::*;
use ratatui::crossterm::event::KeyCode;

/// The draft saved for the fixture's exercise in the progress file at `path`.
fn saved_draft(path: &std::path::Path) -> Option<String> {
    let (store, _) = Store::open(path).unwrap();
    store
        .progress()
        .question("demo", "demo-exercise")?
        .draft
        .clone()
}

#[test]
fn ctrl_c_in_the_editor_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let mut app = app_with_store(&path, 100, 32);
    open_exercise(&mut app);
    press(&mut app, typed("# typed before Ctrl-C\n"));
    assert_eq!(update(&mut app, ctrl('c')), [Effect::Quit]);
    // The run loop writes progress on the way out.
    app.store.save().unwrap();
    let draft = saved_draft(&path).expect("a draft is saved");
    assert!(draft.contains("# typed before Ctrl-C"), "{draft}");
}

#[test]
fn a_signal_keeps_the_draft_even_under_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let mut app = app_with_store(&path, 100, 32);
    open_exercise(&mut app);
    press(&mut app, typed("# typed before SIGTERM\n"));
    press(&mut app, [key(KeyCode::F(1))]);
    perform(&mut app, Msg::Terminate);
    let draft = saved_draft(&path).expect("a draft is saved");
    assert!(draft.contains("# typed before SIGTERM"), "{draft}");
}

#[test]
fn ctrl_r_asks_before_throwing_the_file_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 100, 32);
    open_exercise(&mut app);
    let starter = exercise::editor_text(&app).unwrap();
    press(&mut app, typed("# mine\n"));
    let mine = exercise::editor_text(&app).unwrap();
    assert_ne!(mine, starter);

    press(&mut app, [ctrl('r')]);
    let text = screen_text(&app, 100, 32);
    assert!(text.contains("y: yes, other keys: no"), "{text}");
    assert_eq!(exercise::editor_text(&app).unwrap(), mine);
    // Any key but `y` keeps the file, and is not typed into it.
    press(&mut app, [ch('n')]);
    assert_eq!(exercise::editor_text(&app).unwrap(), mine);
    assert!(screen_text(&app, 100, 32).contains("Not reset"));

    press(&mut app, [ctrl('r'), ch('y')]);
    assert_eq!(exercise::editor_text(&app).unwrap(), starter);
}

#[test]
fn ctrl_z_undoes_and_ctrl_y_redoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 100, 32);
    open_exercise(&mut app);
    let starter = exercise::editor_text(&app).unwrap();
    press(&mut app, typed("#x"));
    let typed_text = exercise::editor_text(&app).unwrap();
    press(&mut app, [ctrl('z'), ctrl('z')]);
    assert_eq!(exercise::editor_text(&app).unwrap(), starter);
    assert!(
        exercise(&app).lint_due.is_some(),
        "an undo is checked again"
    );
    press(&mut app, [ctrl('y'), ctrl('y')]);
    assert_eq!(exercise::editor_text(&app).unwrap(), typed_text);
    // Nothing more to redo: the text stays.
    press(&mut app, [ctrl('y')]);
    assert_eq!(exercise::editor_text(&app).unwrap(), typed_text);
}
