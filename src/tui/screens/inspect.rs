//! The inspect screen: one Dockerfile's stage graph, size estimate and attack surface as a
//! page that scrolls (see [`crate::tui::inspect::page`]). Opened over the reader (`i`) or an
//! exercise (Ctrl-T); Esc or `q` goes back to it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{split_status, status};
use crate::tui::app::{App, Screen};
use crate::tui::inspect::{InspectView, page};
use crate::tui::keys::{self, Action, Context};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectState {
    pub view: InspectView,
    /// First shown row of the page.
    pub scroll: usize,
}

/// Opens the view over the current screen.
pub fn open(app: &mut App, view: InspectView) {
    app.push(Screen::Inspect(Box::new(InspectState { view, scroll: 0 })));
}

/// The page's body area (the screen less its status row).
fn body(area: Rect) -> Rect {
    split_status(area).0
}

/// The largest useful scroll: the page's last row at the bottom of the body.
pub fn max_scroll(state: &InspectState, theme: &Theme, area: Rect) -> usize {
    let body = body(area);
    let height = page::render(&state.view, theme, body.width).area.height;
    usize::from(height.saturating_sub(body.height))
}

/// Applies a key's action to the inspect screen on top.
pub fn on_action(app: &mut App, action: Action) {
    let Screen::Inspect(state) = app.top() else {
        return;
    };
    let max = max_scroll(state, &app.theme, app.area);
    let page_rows = usize::from(body(app.area).height.saturating_sub(1)).max(1);
    let scroll = state.scroll.min(max);
    let next = match action {
        Action::Back => {
            app.pop();
            return;
        }
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::WheelUp => scroll.saturating_sub(3),
        Action::WheelDown => scroll + 3,
        Action::PageUp => scroll.saturating_sub(page_rows),
        Action::PageDown => scroll + page_rows,
        Action::Top => 0,
        Action::Bottom => max,
        _ => scroll,
    };
    if let Screen::Inspect(state) = app.top_mut() {
        state.scroll = next.min(max);
    }
}

pub fn draw(app: &App, state: &InspectState, buf: &mut Buffer, area: Rect) {
    let theme = &app.theme;
    let (body, status_row) = split_status(area);
    let page = page::render(&state.view, theme, body.width);
    let total = usize::from(page.area.height);
    let scroll = state
        .scroll
        .min(total.saturating_sub(usize::from(body.height)));
    page::blit(&page, scroll, buf, body);
    if let Some(row) = status_row {
        let shown = (scroll + usize::from(body.height)).min(total);
        let position = format!(
            "inspect · {}",
            super::reader::percent(scroll, total, body.height)
        );
        let position = if total > usize::from(body.height) {
            format!("{position}% · rows {}-{shown} of {total}", scroll + 1)
        } else {
            format!("{position}%")
        };
        status::draw(buf, row, &position, &keys::hints(Context::Inspect), theme);
    }
}
