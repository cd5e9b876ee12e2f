//! Drawing the inspect screen: the page ([`page`]: problems, the run verdict, the stage graph
//! laid out by [`layout`] and drawn by [`graph`], the paths that matter, the size chart
//! [`sizes`] and the attack-surface table [`surface`]) scrolled into the body, and the status
//! row. Reads state, never writes it.

pub(crate) mod graph;
pub(crate) mod layout;
pub mod page;
pub(crate) mod sizes;
pub(crate) mod surface;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::state::InspectState;
use crate::tui::app::App;
use crate::tui::keys::{self, Context, Now};
use crate::tui::screens::{reader, split_status, status};

pub fn draw(app: &App, state: &InspectState, buf: &mut Buffer, area: Rect) {
    let theme = &app.theme;
    let (body, status_row) = split_status(area);
    let page = state.page(theme, body.width);
    let total = usize::from(page.height());
    let scroll = state
        .scroll
        .min(total.saturating_sub(usize::from(body.height)));
    page::blit(&page.buf, scroll, buf, body);
    if let Some(row) = status_row {
        let shown = (scroll + usize::from(body.height)).min(total);
        let position = format!("inspect · {}", reader::percent(scroll, total, body.height));
        let position = if total > usize::from(body.height) {
            format!("{position}% · rows {}-{shown} of {total}", scroll + 1)
        } else {
            format!("{position}%")
        };
        let hints = keys::hints_now(Context::Inspect, false, |_| Now::Shown);
        status::Bar::new(position, hints).draw(buf, row, theme);
    }
}
