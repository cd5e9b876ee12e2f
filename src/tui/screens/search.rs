//! The `/` search on screen: the prompt or its message on the bottom row, and matches
//! highlighted in a line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::keys::{self, Context, Now};
use crate::tui::text::{fit, width};

/// Over the status row: the prompt while the query is typed, else the last search's message.
pub(crate) fn draw_bar(app: &App, buf: &mut Buffer, area: Rect) {
    let text = match (app.search.prompt(), app.search.message()) {
        (Some(typed), _) => format!("/{typed}▏"),
        (None, Some(message)) => message.to_string(),
        (None, None) => return,
    };
    let row = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let theme = &app.theme;
    let total = usize::from(row.width);
    buf.set_stringn(row.x, row.y, " ".repeat(total), total, theme.status_bar);
    let hints = if app.search.prompting() {
        keys::hints_now(Context::SearchPrompt, false, |_| Now::Shown)
            .into_iter()
            .map(|h| h.text)
            .collect::<Vec<_>>()
            .join("  ")
    } else {
        String::new()
    };
    // The hints give way to what is typed.
    let room = total.saturating_sub(width(&hints) + 3);
    let left = fit(&format!(" {text}"), if room > 8 { room } else { total });
    buf.set_stringn(row.x, row.y, &left, total, theme.status_bar);
    if room > 8 && !hints.is_empty() {
        let x = row.x + (total - width(&hints) - 1) as u16;
        buf.set_stringn(x, row.y, &hints, total, theme.status_bar);
    }
}

/// `line` with the chars in `ranges` (sorted, not overlapping) also in `style`.
pub(crate) fn highlight(
    line: &Line<'static>,
    ranges: &[(usize, usize)],
    style: Style,
) -> Line<'static> {
    if ranges.is_empty() {
        return line.clone();
    }
    let mut out = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        let mut piece = String::new();
        let mut lit = false;
        for c in span.content.chars() {
            let inside = ranges
                .iter()
                .any(|&(start, end)| (start..end).contains(&at));
            if inside != lit && !piece.is_empty() {
                out.push(styled(std::mem::take(&mut piece), span.style, lit, style));
            }
            lit = inside;
            piece.push(c);
            at += 1;
        }
        if !piece.is_empty() {
            out.push(styled(piece, span.style, lit, style));
        }
    }
    Line::from(out).style(line.style)
}

fn styled(text: String, base: Style, lit: bool, found: Style) -> Span<'static> {
    Span::styled(text, if lit { base.patch(found) } else { base })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn a_match_across_spans_is_lit_in_each_and_the_text_is_kept() {
        let code = Style::new().fg(Color::Green);
        let line = Line::from(vec![Span::raw("FROM "), Span::styled("alpine", code)]);
        let found = Style::new().add_modifier(Modifier::REVERSED);
        let lit = highlight(&line, &[(3, 7)], found);
        let parts: Vec<(&str, bool)> = lit
            .spans
            .iter()
            .map(|s| {
                let on = s.style.add_modifier.contains(Modifier::REVERSED);
                (s.content.as_ref(), on)
            })
            .collect();
        assert_eq!(
            parts,
            [("FRO", false), ("M ", true), ("al", true), ("pine", false)]
        );
        assert_eq!(
            lit.spans[2].style.fg,
            Some(Color::Green),
            "keeps its own style"
        );
        assert_eq!(highlight(&line, &[], found), line);
    }
}
