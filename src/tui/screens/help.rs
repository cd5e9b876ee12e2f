//! The help overlay: every binding of the key table, grouped by screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

use crate::tui::app::{App, HelpState};
use crate::tui::keys::{self, Action, Context, Now};
use crate::tui::text::{fit, width};
use crate::tui::theme::Theme;

const MAX_WIDTH: u16 = 72;
/// Columns for the keys before the description.
const KEYS_COLUMN: usize = 22;

/// One row of the overlay: a group title, a binding, or a gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Group(&'static str),
    Binding { keys: String, help: &'static str },
    Gap,
}

/// The overlay's rows, straight from the key table.
pub fn rows() -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for ctx in Context::ALL {
        if !rows.is_empty() {
            rows.push(HelpRow::Gap);
        }
        rows.push(HelpRow::Group(ctx.title()));
        rows.extend(keys::bindings(ctx).map(|b| HelpRow::Binding {
            keys: keys::inputs_label(b),
            help: b.help,
        }));
    }
    rows
}

/// The overlay's box inside `area`: centred, as tall as its rows when they fit.
pub(crate) fn popup(area: Rect, rows: usize) -> Rect {
    let width = area.width.min(MAX_WIDTH);
    let height = area.height.min(u16::try_from(rows + 2).unwrap_or(u16::MAX));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Rows one PgDn scrolls in `area`: the overlay's height less one row kept for context.
pub fn page(area: Rect) -> usize {
    let inner = usize::from(popup(area, rows().len()).height.saturating_sub(2));
    inner.saturating_sub(1).max(1)
}

/// The largest scroll offset for the overlay in `area`.
pub fn max_scroll(area: Rect) -> usize {
    let rows = rows().len();
    let inner = usize::from(popup(area, rows).height.saturating_sub(2));
    rows.saturating_sub(inner)
}

pub fn draw(app: &App, state: &HelpState, buf: &mut Buffer, area: Rect) {
    let theme = &app.theme;
    let rows = rows();
    let popup = popup(area, rows.len());
    Clear.render(popup, buf);
    let overflows = rows.len() + 2 > usize::from(popup.height);
    // The footer's keys come from the table, as the status bars' do.
    let hints = keys::hints_now(Context::Help, false, |action| match action {
        Action::Down if !overflows => Now::Hidden,
        Action::ToggleHelp => Now::Hidden,
        _ => Now::Shown,
    });
    let texts: Vec<&str> = hints.iter().map(|h| h.text.as_str()).collect();
    let footer = format!(" {} ", texts.join(" · "));
    let block = Block::bordered()
        .title(" Keys ")
        .title_bottom(footer)
        .border_style(theme.marker);
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.is_empty() {
        return;
    }
    let scroll = state.scroll.min(max_scroll(area));
    let w = usize::from(inner.width);
    for (i, row) in rows
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + i as u16;
        draw_row(row, buf, inner.x, y, w, theme);
    }
}

fn draw_row(row: &HelpRow, buf: &mut Buffer, x: u16, y: u16, w: usize, theme: &Theme) {
    match row {
        HelpRow::Gap => {}
        HelpRow::Group(title) => {
            buf.set_stringn(x + 1, y, fit(title, w.saturating_sub(1)), w, theme.title);
        }
        HelpRow::Binding { keys, help } => {
            let keys = fit(keys, w.saturating_sub(3).min(KEYS_COLUMN - 1));
            buf.set_stringn(x + 3, y, &keys, w.saturating_sub(3), theme.inline_code);
            let col = (3 + KEYS_COLUMN).max(3 + width(&keys) + 1);
            if col < w {
                buf.set_stringn(
                    x + col as u16,
                    y,
                    fit(help, w - col),
                    w - col,
                    ratatui::style::Style::new(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::BINDINGS;

    #[test]
    fn every_binding_is_listed_once() {
        let listed = rows()
            .iter()
            .filter(|r| matches!(r, HelpRow::Binding { .. }))
            .count();
        assert_eq!(listed, BINDINGS.len());
        assert!(rows().contains(&HelpRow::Binding {
            keys: "Ctrl-C".into(),
            help: "quit"
        }));
    }

    #[test]
    fn popup_fits_any_area() {
        for (w, h) in [(0, 0), (1, 1), (5, 3), (80, 24), (300, 100)] {
            let area = Rect::new(2, 1, w, h);
            let p = popup(area, rows().len());
            assert!(area.contains(p.as_position()) || p.is_empty());
            assert!(p.right() <= area.right() && p.bottom() <= area.bottom());
        }
    }
}
