//! Screens: each draws one piece of [`App`] state into a buffer area and nothing else.
//! Overlays (help) are drawn over the screen below them.

pub mod class;
pub mod exercise;
pub mod help;
pub(crate) mod home;
pub mod journey;
mod offer;
pub mod quiz;
pub mod reader;
pub(crate) mod search;
pub(crate) mod status;
pub(crate) mod summary;
pub mod watch;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::{App, Screen};

/// Draws the whole app into a terminal frame.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, frame.buffer_mut(), area);
}

/// Draws the whole app: the top full screen, then any overlays above it.
pub fn draw(app: &App, buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let screens = app.screens();
    let base = screens
        .iter()
        .rposition(|s| !matches!(s, Screen::Help(_)))
        .unwrap_or(0);
    for screen in &screens[base..] {
        match screen {
            Screen::Home(state) => home::draw(app, state, buf, area),
            Screen::Reader(state) => reader::draw(app, state, buf, area),
            Screen::Quiz(state) => quiz::draw(app, state, buf, area),
            Screen::Exercise(state) => exercise::draw(app, state, buf, area),
            Screen::Inspect(state) => crate::tui::inspect::draw(app, state, buf, area),
            Screen::Help(state) => help::draw(app, state, buf, area),
        }
    }
    search::draw_bar(app, buf, area);
}

/// The status bar's position text, or the note for the learner's last key when there is one
/// (`t` on a lesson without a quiz).
fn noted(app: &App, position: String) -> String {
    app.note.clone().unwrap_or(position)
}

/// Splits off the last row for the status bar when there is room for anything else.
pub(in crate::tui) fn split_status(area: Rect) -> (Rect, Option<Rect>) {
    split_rows(area, 1)
}

/// Splits off the rows `bar` needs at the bottom (see [`status::Bar::rows`]).
pub(in crate::tui) fn split_bar(area: Rect, bar: &status::Bar) -> (Rect, Option<Rect>) {
    split_rows(area, bar.rows(area.width, area.height))
}

fn split_rows(area: Rect, rows: u16) -> (Rect, Option<Rect>) {
    if area.height <= rows {
        return (area, None);
    }
    let body = Rect {
        height: area.height - rows,
        ..area
    };
    let status = Rect {
        y: body.bottom(),
        height: rows,
        ..area
    };
    (body, Some(status))
}
