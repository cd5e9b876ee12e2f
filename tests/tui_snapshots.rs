//! Snapshots of every screen on the fixture course at 80x24 and 120x40 (TestBackend + insta).
//! Review changes with `cargo insta review` or `INSTA_UPDATE=always cargo test`.

mod tui_fixture;

use dockerlings::tui::event::Msg;
use ratatui::crossterm::event::KeyCode;
use tui_fixture::{app, ch, draw, key, send};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots the screen reached by `path` at both sizes, as `<name>_<w>x<h>`.
fn snapshot(name: &str, path: &[Msg]) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        send(&mut app, path.iter().copied());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn home_lists_lessons_progress_and_load_errors() {
    snapshot("home", &[]);
}

#[test]
fn home_shows_progress_marks_after_reading() {
    let enter = key(KeyCode::Enter);
    snapshot(
        "home_progress",
        &[enter, ch('n'), ch('n'), ch('n'), ch('q'), ch('j')],
    );
}

#[test]
fn help_lists_every_key() {
    snapshot("help", &[ch('?')]);
}
