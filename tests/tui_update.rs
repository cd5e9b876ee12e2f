//! `update` driven by keys and mouse on the fixture course: selection, opening, scrolling and
//! its bounds, section navigation across lessons, help, back and quit.

mod tui_fixture;

use dockerlings::results::LessonStatus;
use dockerlings::tui::App;
use dockerlings::tui::app::{ReaderState, Screen};
use dockerlings::tui::event::Msg;
use dockerlings::tui::keys::Context;
use dockerlings::tui::screens::reader::{Geometry, Offer};
use dockerlings::tui::update::Effect;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_fixture::{app, ch, key, send};

fn reader(app: &App) -> ReaderState {
    app.reader().cloned().expect("the reader is open")
}

/// Lines of the open section at the app's size, and the text height.
fn extent(app: &App) -> (usize, usize) {
    let r = reader(app);
    let text = Geometry::new(app.area).text;
    (
        app.section_view(r.lesson, r.section, text.width)
            .lines
            .len(),
        usize::from(text.height),
    )
}

/// Opens the fixture's long section (lesson 2, section 3).
fn open_long(app: &mut App) {
    send(app, [ch('j'), key(KeyCode::Enter), ch('n'), ch('n')]);
    assert_eq!(reader(app).section, 2);
}

#[test]
fn home_selection_moves_within_bounds() {
    let mut app = app(80, 24);
    let selected = |app: &mut App| app.home_mut().selected;
    send(&mut app, [ch('k')]);
    assert_eq!(selected(&mut app), 0);
    send(&mut app, [ch('j'), key(KeyCode::Down), ch('j'), ch('j')]);
    assert_eq!(selected(&mut app), 2, "stops at the last lesson");
    send(&mut app, [ch('g')]);
    assert_eq!(selected(&mut app), 0);
    send(&mut app, [key(KeyCode::End)]);
    assert_eq!(selected(&mut app), 2);
    send(&mut app, [Msg::WheelUp]);
    assert_eq!(selected(&mut app), 1);
}

#[test]
fn enter_opens_the_selected_lesson_and_q_goes_back_to_it() {
    let mut app = app(80, 24);
    let effects = send(&mut app, [ch('j'), key(KeyCode::Enter)]);
    assert_eq!(effects, [Effect::SaveProgress, Effect::Redraw]);
    assert_eq!(app.context(), Context::Reader);
    let r = reader(&app);
    assert_eq!((r.lesson, r.section, r.scroll, r.offer), (1, 0, 0, None));
    send(&mut app, [ch('n'), ch('q')]);
    assert_eq!(app.context(), Context::Home);
    assert_eq!(app.home_mut().selected, 1);
    send(&mut app, [key(KeyCode::Right), key(KeyCode::Esc)]);
    assert_eq!(app.context(), Context::Home, "Esc goes back too");
}

#[test]
fn scrolling_stops_at_both_ends() {
    let mut app = app(80, 24);
    open_long(&mut app);
    let (lines, height) = extent(&app);
    assert!(
        lines > height,
        "the long section must overflow: {lines} lines"
    );
    let max = lines - height;
    let scroll = |app: &App| reader(app).scroll;

    send(&mut app, [ch('k'), key(KeyCode::Up), key(KeyCode::PageUp)]);
    assert_eq!(scroll(&app), 0);
    send(&mut app, [ch('j'), key(KeyCode::Down)]);
    assert_eq!(scroll(&app), 2);
    send(&mut app, [Msg::WheelDown]);
    assert_eq!(scroll(&app), 5);
    send(&mut app, [Msg::WheelUp, ch(' ')]);
    let page = Geometry::new(app.area).page();
    assert_eq!(scroll(&app), (2 + page).min(max));
    send(&mut app, [ch('G')]);
    assert_eq!(scroll(&app), max);
    send(&mut app, [ch('j'), key(KeyCode::PageDown), Msg::WheelDown]);
    assert_eq!(scroll(&app), max, "no scrolling past the end");
    send(&mut app, [key(KeyCode::Home)]);
    assert_eq!(scroll(&app), 0);
}

#[test]
fn short_sections_do_not_scroll() {
    let mut app = app(120, 40);
    send(&mut app, [key(KeyCode::Enter)]);
    let (lines, height) = extent(&app);
    assert!(lines <= height);
    send(&mut app, [ch('j'), ch('G'), Msg::WheelDown]);
    assert_eq!(reader(&app).scroll, 0);
}

#[test]
fn sections_continue_across_lessons_and_stop_at_the_ends() {
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter), ch('p')]);
    assert_eq!(
        (reader(&app).lesson, reader(&app).section),
        (0, 0),
        "nothing before the first"
    );
    send(&mut app, [ch('j'), ch('n')]);
    assert_eq!(reader(&app).scroll, 0, "a new section starts at the top");
    send(&mut app, [key(KeyCode::Tab), ch('n')]);
    assert_eq!((reader(&app).lesson, reader(&app).section), (1, 0));
    send(&mut app, [key(KeyCode::BackTab)]);
    assert_eq!((reader(&app).lesson, reader(&app).section), (0, 2));
    send(&mut app, [key(KeyCode::Right); 4]);
    assert_eq!(
        (reader(&app).lesson, reader(&app).section),
        (2, 0),
        "into the empty lesson"
    );
    send(&mut app, [ch('n')]);
    assert_eq!(
        (reader(&app).lesson, reader(&app).section),
        (2, 0),
        "nothing after the last"
    );
    assert_eq!(
        reader(&app).offer,
        Some(Offer::CourseEnd),
        "but its summary"
    );
    send(&mut app, [key(KeyCode::Left)]);
    assert_eq!(reader(&app).offer, None, "back to the text");
    send(&mut app, [key(KeyCode::Left)]);
    assert_eq!((reader(&app).lesson, reader(&app).section), (1, 2));
}

#[test]
fn reading_marks_progress_for_the_home_screen() {
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter), ch('n')]);
    let basics = &app.course.lessons[0];
    assert_eq!(
        app.status(basics),
        LessonStatus::InProgress { seen: 2, of: 3 }
    );
    send(&mut app, [ch('n')]);
    assert_eq!(app.status(&app.course.lessons[0]), LessonStatus::Read);
}

#[test]
fn help_opens_over_any_screen_and_closes_with_esc_q_or_question_mark() {
    let mut app = app(80, 24);
    for close in [ch('?'), key(KeyCode::Esc), ch('q')] {
        send(&mut app, [ch('?')]);
        assert_eq!(app.context(), Context::Help);
        assert_eq!(send(&mut app, [close]), [Effect::Redraw]);
        assert_eq!(
            app.context(),
            Context::Home,
            "q closes help, it does not quit"
        );
    }
    send(&mut app, [key(KeyCode::Enter), ch('?')]);
    assert_eq!(app.context(), Context::Help);
    send(&mut app, [ch('n')]);
    assert_eq!(
        reader(&app).section,
        0,
        "keys do not reach the reader under help"
    );
    send(&mut app, [ch('?')]);
    assert_eq!(app.context(), Context::Reader);
}

#[test]
fn help_scrolls_when_it_does_not_fit() {
    let mut app = app(80, 10);
    send(&mut app, [ch('?'), ch('k')]);
    let scroll = |app: &App| match app.top() {
        Screen::Help(h) => h.scroll,
        _ => panic!("help is open"),
    };
    assert_eq!(scroll(&app), 0);
    send(&mut app, [ch('j'); 200]);
    let at_end = scroll(&app);
    assert!(at_end > 0);
    send(&mut app, [ch('j')]);
    assert_eq!(scroll(&app), at_end, "stops at the end");
}

#[test]
fn quit_from_home_and_ctrl_c_anywhere() {
    let ctrl_c = Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let mut app = app(80, 24);
    assert_eq!(send(&mut app, [ch('q')]), [Effect::Quit]);
    for path in [
        vec![],
        vec![key(KeyCode::Enter)],
        vec![key(KeyCode::Enter), ch('?')],
    ] {
        let mut app = tui_fixture::app(80, 24);
        send(&mut app, path);
        assert_eq!(send(&mut app, [ctrl_c]), [Effect::Quit]);
    }
    assert_eq!(send(&mut app, [Msg::Terminate]), [Effect::Quit]);
}

#[test]
fn unbound_keys_change_nothing_and_ask_for_no_redraw() {
    let mut app = app(80, 24);
    assert_eq!(send(&mut app, [ch('x')]), []);
    assert_eq!(send(&mut app, [key(KeyCode::F(5))]), []);
    assert_eq!(app.context(), Context::Home);
}

#[test]
fn resize_keeps_the_relative_position_within_bounds() {
    let mut app = app(80, 24);
    open_long(&mut app);
    send(&mut app, [ch('G')]);
    send(&mut app, [Msg::Resize(120, 40)]);
    let (lines, height) = extent(&app);
    assert!(reader(&app).scroll <= lines.saturating_sub(height));
    send(&mut app, [Msg::Resize(20, 6)]);
    let (lines, height) = extent(&app);
    let scroll = reader(&app).scroll;
    assert!(scroll <= lines.saturating_sub(height));
    assert!(scroll > 0, "still near the end, not back at the top");
}
