//! Screens: each draws one piece of [`App`] state into a buffer area and nothing else.
//! Overlays (help) are drawn over the screen below them.

pub mod class;
pub mod exercise;
pub mod help;
pub mod home;
pub mod journey;
mod offer;
pub mod quiz;
pub mod reader;
pub(in crate::tui) mod status;
pub mod summary;
pub mod search;
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

/// Splits off the last row for the status bar when there is room for anything else.
pub(in crate::tui) fn split_status(area: Rect) -> (Rect, Option<Rect>) {
    if area.height < 2 {
        return (area, None);
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    (body, Some(status))
}
