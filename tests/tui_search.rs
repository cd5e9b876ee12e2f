//! `/` search driven through `update` and drawn on a TestBackend: typing the query, the first
//! match from where the reader is, highlighting (reverse, so it shows without colour), n and N
//! across sections and lessons with wrapping, no match, Esc, and searching from help and home.

mod tui_fixture;

use dockerlings::course::search::{Hit, search};
use dockerlings::tui::App;
use dockerlings::tui::event::Msg;
use dockerlings::tui::keys::Context;
use dockerlings::tui::screens::reader::Geometry;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tui_fixture::{app, ch, course, draw, key, screen_text, send};

/// `/`, the query, Enter.
fn find(app: &mut App, query: &str) {
    let typed: Vec<Msg> = std::iter::once(ch('/'))
        .chain(query.chars().map(ch))
        .chain([key(KeyCode::Enter)])
        .collect();
    send(app, typed);
}

fn at(app: &App) -> (usize, usize) {
    let r = app.reader().expect("the reader is open");
    (r.lesson, r.section)
}

fn bottom(app: &App) -> String {
    screen_text(app).pop().unwrap()
}

/// The last two rows: the reader's status bar takes two at 80 columns.
fn bar(app: &App) -> String {
    screen_text(app)[usize::from(app.area.height) - 2..].join("\n")
}

/// Every match in the fixture course at the reader's width.
fn hits(app: &App, query: &str) -> Vec<Hit> {
    search(&course(), query, Geometry::new(app.area).text.width)
}

#[test]
fn slash_opens_a_prompt_that_backspace_edits_and_esc_cancels() {
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter), ch('/'), ch('k'), ch('q')]);
    assert_eq!(app.context(), Context::SearchPrompt);
    assert_eq!(app.search.prompt(), Some("kq"), "q is typed, not a command");
    send(&mut app, [key(KeyCode::Backspace)]);
    assert!(bottom(&app).starts_with(" /k▏"), "{}", bottom(&app));
    assert!(bottom(&app).contains("Enter search"));
    send(&mut app, [key(KeyCode::Esc)]);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(at(&app), (0, 0));
    assert_eq!(app.search.query(), None);
    // Backspace on an empty prompt leaves it, as in less.
    send(&mut app, [ch('/'), key(KeyCode::Backspace)]);
    assert_eq!(app.context(), Context::Reader);
}

#[test]
fn enter_goes_to_the_match_and_lights_it_in_reverse() {
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter)]);
    find(&mut app, "PARAGRAPH 42");
    assert_eq!(at(&app), (1, 2), "the long section of the second lesson");
    assert_eq!(app.context(), Context::Found);
    assert_eq!(bottom(&app).trim(), "match 1 of 1");

    let terminal = draw(&app);
    let buf = terminal.backend().buffer();
    let text = screen_text(&app);
    let y = text
        .iter()
        .position(|l| l.contains("Paragraph 42 of"))
        .expect("the match is on screen") as u16;
    assert!(y > 3, "the header stays; the match is below it");
    let x = text[usize::from(y)].find("Paragraph 42").unwrap() as u16;
    let reversed = |x: u16| buf[(x, y)].modifier.contains(Modifier::REVERSED);
    assert!((x..x + 12).all(reversed), "the match is reversed");
    assert!(!reversed(x + 13), "the rest of the line is not");
    // Other paragraphs on screen are not lit.
    let other = text
        .iter()
        .position(|l| l.contains("Paragraph 41 of"))
        .unwrap() as u16;
    assert!(!buf[(x, other)].modifier.contains(Modifier::REVERSED));

    // The next key ends the message; the status bar then offers n/N.
    send(&mut app, [ch('j')]);
    assert!(bar(&app).contains("n/N match"), "{}", bar(&app));
}

#[test]
fn n_and_shift_n_walk_every_match_across_sections_and_lessons_and_wrap() {
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter)]);
    let all = hits(&app, "the");
    let places: std::collections::BTreeSet<_> = all.iter().map(|h| (h.lesson, h.section)).collect();
    assert!(places.len() >= 4, "spread over sections: {places:?}");
    assert!(places.iter().any(|p| p.0 == 0) && places.iter().any(|p| p.0 == 1));

    find(&mut app, "the");
    for (i, hit) in all.iter().enumerate() {
        assert_eq!(app.search.current(), Some(*hit), "match {}", i + 1);
        assert_eq!(at(&app), (hit.lesson, hit.section));
        let r = app.reader().unwrap();
        let height = usize::from(Geometry::new(app.area).text.height);
        assert!(
            (r.scroll..r.scroll + height).contains(&hit.line),
            "on screen"
        );
        assert!(!bottom(&app).contains("wrapped"));
        send(&mut app, [ch('n')]);
    }
    assert_eq!(app.search.current(), Some(all[0]));
    assert!(bottom(&app).contains("search wrapped"), "{}", bottom(&app));
    send(&mut app, [ch('N')]);
    assert_eq!(app.search.current(), all.last().copied());
    assert!(bottom(&app).contains("search wrapped"));
    send(&mut app, [ch('N')]);
    assert_eq!(app.search.current(), Some(all[all.len() - 2]));
}

#[test]
fn no_match_says_so_and_leaves_the_reader_where_it_was() {
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter), ch('n')]);
    find(&mut app, "zebra crossing");
    assert_eq!(at(&app), (0, 1));
    assert_eq!(app.context(), Context::Reader);
    assert!(bottom(&app).contains("no match for “zebra crossing”"));
    // Without matches shown, n is the next section again.
    send(&mut app, [ch('n')]);
    assert_eq!(at(&app), (0, 2));
}

#[test]
fn esc_stops_showing_matches_and_then_goes_back() {
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter)]);
    find(&mut app, "kitchen");
    assert_eq!(app.context(), Context::Found);
    assert!(lit_in_text(&app) > 0);
    send(&mut app, [key(KeyCode::Esc)]);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(lit_in_text(&app), 0);
    assert!(screen_text(&app).iter().any(|l| l.contains("kitchen")));
    send(&mut app, [key(KeyCode::Esc)]);
    assert_eq!(app.context(), Context::Home);
}

/// Reversed cells in the reader's text column.
fn lit_in_text(app: &App) -> usize {
    let terminal = draw(app);
    let buf = terminal.backend().buffer();
    let text = Geometry::new(app.area).text;
    text.positions()
        .filter(|&p| buf[p].modifier.contains(Modifier::REVERSED))
        .count()
}

#[test]
fn slash_in_the_help_or_on_home_searches_the_course() {
    let mut app = app(80, 24);
    send(&mut app, [ch('?'), ch('/')]);
    assert_eq!(app.context(), Context::SearchPrompt, "the help closed");
    send(
        &mut app,
        [
            "kitchen".chars().map(ch).collect::<Vec<_>>(),
            vec![key(KeyCode::Enter)],
        ]
        .concat(),
    );
    assert_eq!(at(&app), (1, 0), "the reader opened at the match");
    // From home, the search starts at the selected lesson.
    let mut app = tui_fixture::app(80, 24);
    send(&mut app, [ch('j')]);
    find(&mut app, "stage");
    let first_in_lesson_2 = hits(&app, "stage")
        .into_iter()
        .find(|h| h.lesson == 1)
        .unwrap();
    assert_eq!(app.search.current(), Some(first_in_lesson_2));
    // q leaves the reader as always.
    send(&mut app, [ch('q')]);
    assert_eq!(app.context(), Context::Home);
}

#[test]
fn a_new_search_starts_from_what_the_reader_shows_not_from_the_last_match() {
    let mut app = app(80, 24);
    send(&mut app, [ch('j'), key(KeyCode::Enter), ch('n'), ch('n')]);
    find(&mut app, "paragraph");
    assert_eq!(app.search.current().map(|h| h.line), Some(0));
    // Reader keys still scroll while matches are shown.
    send(&mut app, [key(KeyCode::PageDown), key(KeyCode::PageDown)]);
    let scroll = app.reader().unwrap().scroll;
    assert!(scroll > 20);
    find(&mut app, "paragraph");
    let line = app.search.current().unwrap().line;
    assert!(
        line >= scroll,
        "match on line {line}, the view began at {scroll}"
    );
    assert!(line < scroll + 4, "the first match in view");
}
