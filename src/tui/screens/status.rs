//! The status bar: where you are on the left, the screen's key hints on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::text::{fit, width};
use crate::tui::theme::Theme;

/// Draws one status row. Hints that do not fit are dropped from the end; the position
/// text is cut last.
pub fn draw(buf: &mut Buffer, row: Rect, position: &str, hints: &[&str], theme: &Theme) {
    buf.set_style(row, theme.status_bar);
    let total = usize::from(row.width);
    let left = fit(&format!(" {position} "), total);
    let left_w = width(&left);
    buf.set_stringn(row.x, row.y, &left, total, theme.status_bar);

    let mut shown = hints.len();
    let hint_text = loop {
        let text = format!("{} ", hints[..shown].join("  "));
        if shown == 0 || left_w + width(&text) < total {
            break text;
        }
        shown -= 1;
    };
    if shown > 0 {
        let w = width(&hint_text);
        let x = row.x + (total - w) as u16;
        buf.set_stringn(x, row.y, &hint_text, w, theme.status_bar);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_text(buf: &Buffer) -> String {
        buf.content().iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn hints_drop_from_the_end_when_narrow() {
        let theme = Theme::default();
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        let area = buf.area;
        draw(
            &mut buf,
            area,
            "lesson 1/2",
            &["j/k scroll", "? help"],
            &theme,
        );
        // Both hints need 31 columns with the position; the second is dropped.
        assert_eq!(
            row_text(&buf),
            format!("{:<19}{}", " lesson 1/2", "j/k scroll ")
        );
    }

    #[test]
    fn position_is_cut_when_nothing_else_fits() {
        let theme = Theme::default();
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        let area = buf.area;
        draw(&mut buf, area, "lesson 1/2", &["? help"], &theme);
        assert_eq!(row_text(&buf), " lesson…");
    }
}
