//! The status bar: where you are on the left, the keys that act now on the right. When the
//! hints do not fit one row they take two; only then are the least important dropped, and the
//! essential ones (ways out, help, the screen's main action) never while any room is left.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::keys::Hint;
use crate::tui::text::{fit, width};
use crate::tui::theme::Theme;

/// Columns between hints.
const GAP: usize = 2;

/// A screen's status bar: where the learner is, and the keys that act now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub position: String,
    pub hints: Vec<Hint>,
}

impl Bar {
    pub fn new(position: impl Into<String>, hints: Vec<Hint>) -> Bar {
        Bar {
            position: position.into(),
            hints,
        }
    }

    /// Rows the bar wants at `width`: two when its hints do not fit beside the position and the
    /// screen (`height` rows) can spare one.
    pub fn rows(&self, width: u16, height: u16) -> u16 {
        let all: Vec<&str> = self.hints.iter().map(|h| h.text.as_str()).collect();
        if fits_row(&self.position, &all, usize::from(width)) || height < 8 {
            1
        } else {
            2
        }
    }

    /// Draws the bar into `area` (one or two rows, see [`Bar::rows`]).
    pub fn draw(&self, buf: &mut Buffer, area: Rect, theme: &Theme) {
        let total = usize::from(area.width);
        let rows = self.laid_out(total, usize::from(area.height.clamp(1, 2)));
        for (i, hints) in rows.iter().enumerate() {
            let row = Rect {
                y: area.y + i as u16,
                height: 1,
                ..area
            };
            let position = if i == 0 { self.position.as_str() } else { "" };
            draw(buf, row, position, hints, theme);
        }
    }

    /// The hints shown on each of `rows` rows: all of them if they fit, else without the
    /// least important (the last non-essential first, then the last of any).
    pub(crate) fn laid_out(&self, total: usize, rows: usize) -> Vec<Vec<&str>> {
        let mut kept: Vec<&Hint> = self.hints.iter().collect();
        loop {
            let texts: Vec<&str> = kept.iter().map(|h| h.text.as_str()).collect();
            if let Some(laid) = flow(&self.position, &texts, total, rows) {
                return laid;
            }
            match kept.iter().rposition(|h| !h.essential) {
                Some(i) => kept.remove(i),
                None => kept.pop().expect("no hints always fit"),
            };
        }
    }
}

/// Whether the position and `hints` fit one row of `total` columns.
fn fits_row(position: &str, hints: &[&str], total: usize) -> bool {
    hints.is_empty() || width(&format!(" {position} ")) + row_width(hints) < total
}

fn row_width(hints: &[&str]) -> usize {
    hints.iter().map(|h| width(h)).sum::<usize>() + GAP * hints.len().saturating_sub(1) + 1
}

/// `hints` in order over at most `rows` rows (the first beside the position), or `None`.
fn flow<'h>(
    position: &str,
    hints: &[&'h str],
    total: usize,
    rows: usize,
) -> Option<Vec<Vec<&'h str>>> {
    let mut laid: Vec<Vec<&str>> = vec![Vec::new()];
    for &hint in hints {
        let beside = if laid.len() == 1 { position } else { "" };
        let mut tried = laid.last().expect("one row at least").clone();
        tried.push(hint);
        if fits_row(beside, &tried, total) {
            *laid.last_mut().expect("one row at least") = tried;
        } else if laid.len() < rows && fits_row("", &[hint], total) {
            laid.push(vec![hint]);
        } else {
            return None;
        }
    }
    Some(laid)
}

/// Draws one status row. Hints that do not fit are dropped from the end; the position
/// text is cut last. (The watch and class views, which have key tables of their own.)
pub(crate) fn draw(buf: &mut Buffer, row: Rect, position: &str, hints: &[&str], theme: &Theme) {
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
    use crate::tui::keys::Action;

    fn hint(text: &str, essential: bool) -> Hint {
        Hint {
            text: text.into(),
            action: Action::Next,
            essential,
        }
    }

    fn bar() -> Bar {
        Bar::new(
            "quiz 3/9",
            vec![
                hint("1-9 pick", false),
                hint("Space mark", false),
                hint("Enter answer", true),
                hint("h hint", false),
                hint("Esc back", true),
                hint("? help", true),
            ],
        )
    }

    #[test]
    fn a_second_row_comes_before_dropping_anything() {
        let bar = bar();
        assert_eq!(bar.rows(80, 24), 1);
        assert_eq!(bar.rows(44, 24), 2);
        assert_eq!(bar.rows(44, 6), 1, "a short screen keeps its one row");
        let laid = bar.laid_out(44, 2);
        let all: Vec<&str> = laid.concat();
        assert_eq!(all.len(), 6, "{laid:?}");
        assert_eq!(laid[0], ["1-9 pick", "Space mark"]);
    }

    #[test]
    fn short_of_room_the_essential_hints_stay() {
        let bar = bar();
        let laid = bar.laid_out(48, 1);
        assert_eq!(laid, [vec!["Enter answer", "Esc back", "? help"]]);
    }

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
