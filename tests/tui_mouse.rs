//! Left clicks through `update`: a lesson on the home screen (select, then open), a section
//! tab in the reader, a choice in a quiz. Where to click is read off the drawn screen, as a
//! learner would aim.

mod quiz_fixture;
mod tui_fixture;

use dockerlings::tui::App;
use dockerlings::tui::app::Screen;
use dockerlings::tui::event::Msg;
use dockerlings::tui::keys::Context;
use dockerlings::results::LessonStatus;
use ratatui::crossterm::event::KeyCode;
use tui_fixture::{app, key, screen_text, send};

/// The column and row of the first `text` on screen.
fn spot(app: &App, text: &str) -> (u16, u16) {
    let screen = screen_text(app);
    for (y, line) in screen.iter().enumerate() {
        if let Some(byte) = line.find(text) {
            let x = line[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{text:?} is not on screen:\n{}", screen.join("\n"));
}

fn click(app: &mut App, (column, row): (u16, u16)) {
    send(app, [Msg::Click { column, row }]);
}

#[test]
fn a_click_selects_a_lesson_and_a_second_click_opens_it() {
    let mut app = app(80, 24);
    let title = spot(&app, "Distroless images");
    click(&mut app, title);
    assert_eq!(app.home_mut().selected, 1);
    assert_eq!(app.context(), Context::Home);
    // The summary row belongs to the lesson too.
    let summary = spot(&app, "Images with your app");
    click(&mut app, summary);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(app.reader().map(|r| (r.lesson, r.section)), Some((1, 0)));
    // Blank space does nothing.
    let mut app = tui_fixture::app(80, 24);
    click(&mut app, (40, 2));
    assert_eq!(app.home_mut().selected, 0);
}

#[test]
fn a_click_on_a_section_tab_opens_that_section() {
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter)]);
    let tab = spot(&app, " 3 summary ");
    click(&mut app, (tab.0 + 2, tab.1));
    assert_eq!(app.reader().map(|r| r.section), Some(2));
    let status = LessonStatus::of(&app.course.lessons[0], None, app.store.progress());
    assert_eq!(
        status,
        LessonStatus::InProgress { seen: 2, of: 3 },
        "marked seen"
    );
    let tab = spot(&app, " 1 concept ");
    click(&mut app, tab);
    assert_eq!(app.reader().map(|r| r.section), Some(0));
    // The section's text is not a tab.
    let text = spot(&app, "Build fat, ship thin");
    click(&mut app, text);
    assert_eq!(app.reader().map(|r| r.section), Some(0));
}

#[test]
fn a_click_picks_a_quiz_choice_as_its_digit_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let mut app = quiz_fixture::app_with_store(&path, 80, 24);
    quiz_fixture::press(&mut app, [quiz_fixture::ch('t')]);
    let Screen::Quiz(before) = app.top().clone() else {
        panic!("the quiz is open");
    };
    assert!(!before.picked);
    let from = spot(&app, "FROM");
    click(&mut app, from);
    let Screen::Quiz(after) = app.top().clone() else {
        panic!("the quiz is still open");
    };
    assert!(after.picked);
    assert_eq!(after.cursor, 1, "FROM is the second choice");
    // The prompt is not a choice.
    let prompt = spot(&app, "Which instruction");
    click(&mut app, prompt);
    let Screen::Quiz(same) = app.top().clone() else {
        panic!()
    };
    assert_eq!(same.cursor, 1);
    quiz_fixture::press(&mut app, [quiz_fixture::key(KeyCode::Enter)]);
    assert!(screen_text(&app).join("\n").contains("Correct"));
}
