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

fn enter() -> Msg {
    key(KeyCode::Enter)
}

#[test]
fn reader_concept_with_heading_list_link_and_tip() {
    snapshot("reader_concept", &[enter()]);
}

#[test]
fn reader_example_with_code_block_and_warning() {
    snapshot("reader_example_code", &[enter(), ch('n')]);
}

#[test]
fn reader_summary_with_table_and_rule() {
    snapshot("reader_summary_table", &[enter(), ch('n'), ch('n')]);
}

#[test]
fn reader_analogy_callout() {
    snapshot("reader_analogy", &[ch('j'), enter()]);
}

#[test]
fn reader_wide_characters() {
    snapshot("reader_emoji", &[ch('j'), enter(), ch('n')]);
}

#[test]
fn reader_scrolled_shows_the_percentage() {
    snapshot(
        "reader_long_scrolled",
        &[ch('j'), enter(), ch('n'), ch('n'), ch(' ')],
    );
}

#[test]
fn reader_lesson_without_sections() {
    snapshot("reader_no_sections", &[ch('G'), enter()]);
}

#[test]
fn help_over_the_reader() {
    snapshot("reader_help", &[enter(), ch('?')]);
}

#[test]
fn code_colours_change_colours_not_text() {
    use dockerlings::highlight::{ColorDepth, Highlighter};
    use dockerlings::tui::code::CodeColours;
    use std::sync::Arc;

    let path = [enter(), ch('n')];
    let mut plain = app(80, 24);
    send(&mut plain, path);
    let mut coloured = app(80, 24);
    coloured.code_colours = Some(CodeColours {
        highlighter: Arc::new(Highlighter::default()),
        depth: ColorDepth::Ansi16,
    });
    send(&mut coloured, path);
    let (a, b) = (draw(&plain), draw(&coloured));
    let (a, b) = (a.backend().buffer(), b.backend().buffer());
    let symbols = |buf: &ratatui::buffer::Buffer| -> Vec<String> {
        buf.content()
            .iter()
            .map(|c| c.symbol().to_string())
            .collect()
    };
    assert_eq!(symbols(a), symbols(b));
    let recoloured = a
        .content()
        .iter()
        .zip(b.content())
        .filter(|(x, y)| x.fg != y.fg)
        .count();
    assert!(
        recoloured > 10,
        "the Dockerfile is highlighted ({recoloured} cells)"
    );
}

#[test]
fn home_packs_lessons_tighter_when_they_do_not_fit_with_gaps() {
    // Six rows of list at 80x9: no gaps, title and summary for each lesson shown.
    let mut app = app(80, 9);
    send(&mut app, [ch('j')]);
    insta::assert_snapshot!("home_compact_80x9", draw(&app).backend());
}

/// A progress file the session cannot save to (here a directory) is said on the home screen,
/// where the learner looks, not only on stderr behind the full screen.
#[test]
fn home_banner_says_progress_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (store, notices) = dockerlings::progress::Store::open(dir.path()).unwrap();
    assert!(store.read_only_reason().is_some());
    let notices: Vec<String> = notices.iter().map(ToString::to_string).collect();
    // The temporary path differs per run; the snapshot shows a fixed one.
    let shown = notices
        .iter()
        .map(|n| n.replace(&dir.path().display().to_string(), "/home/learner/progress"))
        .collect();
    let mut app = app(80, 24).with_store(store).with_notices(shown);
    send(&mut app, []);
    let screen = draw(&app);
    insta::assert_snapshot!("home_banner_80x24", screen.backend());
    // Any size, however small, draws without a panic.
    for (w, h) in [(1, 1), (8, 3), (20, 6), (40, 9), (200, 60)] {
        send(&mut app, [Msg::Resize(w, h)]);
        draw(&app);
    }
}
