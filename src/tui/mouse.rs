//! What a left click does: on the home screen it selects a lesson (a click on the selected one
//! opens it), in a quiz it picks a choice, item or line as its digit would, in the reader it
//! opens the section whose tab it hits. The screens say what is where; this only dispatches.

use super::app::{App, Screen};
use super::screens::{home, quiz, reader};
use super::update::Effect;

pub(crate) fn click(app: &mut App, x: u16, y: u16) -> Vec<Effect> {
    if app.search.prompting() {
        return Vec::new();
    }
    let area = app.area;
    // Found on the screen as it is (borrowed, not copied), then acted on.
    let hit = match app.top() {
        Screen::Home(state) => home::lesson_at(app, state, area, x, y)
            .map(|lesson| Hit::Lesson(lesson, lesson == state.selected)),
        Screen::Quiz(state) => quiz::row_at(app, state, area, y).map(Hit::Row),
        Screen::Reader(state) => reader::section_at(app, state, area, x, y)
            .map(|section| Hit::Section(state.lesson, section)),
        _ => None,
    };
    match hit {
        None => return Vec::new(),
        Some(Hit::Lesson(lesson, true)) => reader::open_saved(app, lesson),
        Some(Hit::Lesson(lesson, false)) => app.home_mut().selected = lesson,
        Some(Hit::Row(row)) => return quiz::click(app, row),
        Some(Hit::Section(lesson, section)) => reader::go_to(app, Some((lesson, section))),
    }
    vec![Effect::Redraw]
}

/// What a click landed on.
enum Hit {
    /// A lesson on the home screen, and whether it was already selected.
    Lesson(usize, bool),
    /// A choice, item or line of the quiz's answer.
    Row(usize),
    /// A section tab in the reader: (lesson, section).
    Section(usize, usize),
}
