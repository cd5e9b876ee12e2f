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
    match app.top().clone() {
        Screen::Home(state) => {
            let Some(lesson) = home::lesson_at(app, &state, area, x, y) else {
                return Vec::new();
            };
            if lesson == state.selected {
                reader::open_saved(app, lesson);
            } else {
                app.home_mut().selected = lesson;
            }
        }
        Screen::Quiz(state) => {
            return quiz::row_at(app, &state, area, y)
                .map(|row| quiz::click(app, row))
                .unwrap_or_default();
        }
        Screen::Reader(state) => {
            let Some(section) = reader::section_at(app, &state, area, x, y) else {
                return Vec::new();
            };
            reader::go_to(app, Some((state.lesson, section)));
        }
        _ => return Vec::new(),
    }
    vec![Effect::Redraw]
}
