//! The inspect screen's update: opening it (over the reader or an exercise) and the keys that
//! scroll it. The only place its state changes.

use ratatui::layout::Rect;

use super::from_report;
use super::pick::{code_blocks, dockerfile_near};
use super::state::InspectState;
use super::view::InspectView;
use crate::tui::app::{App, ReaderState, Screen};
use crate::tui::keys::Action;
use crate::tui::screens::{reader, split_status};
use crate::tui::theme::Theme;

/// Opens the view over the current screen.
pub fn open(app: &mut App, view: InspectView) {
    app.push(Screen::Inspect(Box::new(InspectState::new(view))));
}

/// The page's body area (the screen less its status row).
pub(super) fn body(area: Rect) -> Rect {
    split_status(area).0
}

/// The largest useful scroll: the page's last row at the bottom of the body.
pub(crate) fn max_scroll(state: &InspectState, theme: &Theme, area: Rect) -> usize {
    let body = body(area);
    let height = state.page(theme, body.width).height();
    usize::from(height.saturating_sub(body.height))
}

/// Applies a key's action to the inspect screen on top.
pub(crate) fn on_action(app: &mut App, action: Action) {
    let Screen::Inspect(state) = app.top() else {
        return;
    };
    let max = max_scroll(state, &app.theme, app.area);
    let page_rows = usize::from(body(app.area).height.saturating_sub(1)).max(1);
    let parts: Vec<usize> = state
        .page(&app.theme, body(app.area).width)
        .parts
        .iter()
        .map(|&p| usize::from(p))
        .collect();
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
        Action::NextSection => parts.iter().find(|&&p| p > scroll).copied().unwrap_or(max),
        Action::PrevSection => parts
            .iter()
            .rev()
            .find(|&&p| p < scroll)
            .copied()
            .unwrap_or(0),
        _ => scroll,
    };
    if let Screen::Inspect(state) = app.top_mut() {
        state.scroll = next.min(max);
    }
}

/// Opens the view for the Dockerfile the reader shows (see [`dockerfile_near`]); does
/// nothing when the section has none.
pub(crate) fn open_from_reader(app: &mut App, state: &ReaderState) {
    let geo = reader::Geometry::new(app.area);
    let Some(section) = app.section(state.lesson, state.section) else {
        return;
    };
    let view = app.section_view(state.lesson, state.section, geo.text.width.max(1));
    let Some(block) = dockerfile_near(
        &section.doc,
        &view.lines,
        state.scroll,
        usize::from(geo.text.height),
    ) else {
        return;
    };
    let Some(&(_, code)) = code_blocks(&section.doc).get(block) else {
        return;
    };
    let source = format!("the example in “{}”", section.title);
    let view = from_report::view_of(code, &source);
    open(app, view);
}

/// Opens the view for the learner's own file in an exercise.
pub(crate) fn open_for_file(app: &mut App, text: &str) {
    open(app, from_report::view_of(text, "your Dockerfile"));
}
