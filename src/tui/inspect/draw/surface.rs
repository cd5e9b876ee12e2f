//! The attack surface as a table: per stage, whether its image has a shell and a package
//! manager, the user it runs as, and its libc. Unknown facts say `unknown`, never a guess.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table, Widget};

use crate::tui::inspect::view::SurfaceRow;
use crate::tui::text::width;
use crate::tui::theme::Theme;

pub(crate) const HEADER: [&str; 5] = ["stage", "shell", "pkg manager", "user", "libc"];

/// Rows the table takes: the header and one per stage.
pub(crate) fn height(rows: &[SurfaceRow]) -> u16 {
    u16::try_from(rows.len() + 1).unwrap_or(u16::MAX)
}

fn cells(row: &SurfaceRow) -> [Option<String>; 5] {
    let stage = if row.ships {
        format!("{} (ships)", row.stage)
    } else {
        row.stage.clone()
    };
    [
        Some(stage),
        row.shell.clone(),
        row.package_manager.clone(),
        row.user.clone(),
        row.libc.clone(),
    ]
}

/// The table for an area `area_width` columns wide.
pub(crate) fn table<'a>(rows: &'a [SurfaceRow], theme: &Theme, area_width: u16) -> Table<'a> {
    // Columns as wide as their widest cell; the table shrinks them when the area is narrower.
    let mut widths = HEADER.map(width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(cells(row)) {
            *w = (*w).max(width(cell.as_deref().unwrap_or("unknown")));
        }
    }
    let header = Row::new(HEADER).style(theme.title);
    let body = rows.iter().map(|row| {
        let style = if row.ships { Style::new() } else { theme.dim };
        let cells = cells(row).map(|c| match c {
            Some(text) => Cell::from(text),
            None => Cell::from(Span::styled("unknown", theme.dim)),
        });
        Row::new(cells).style(style)
    });
    // Two columns between cells when everything fits, else one.
    let wanted: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    let spacing = if wanted > usize::from(area_width) {
        1
    } else {
        2
    };
    Table::new(body, widths.map(|w| Constraint::Length(w as u16)))
        .header(header)
        .column_spacing(spacing)
}

pub(crate) fn draw(rows: &[SurfaceRow], buf: &mut Buffer, area: Rect, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    Widget::render(table(rows, theme, area.width), area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_facts_say_unknown_and_the_shipped_stage_is_marked() {
        let rows = [
            SurfaceRow {
                stage: "builder".into(),
                shell: Some("/bin/sh".into()),
                ..Default::default()
            },
            SurfaceRow {
                stage: "1".into(),
                ships: true,
                shell: Some("none".into()),
                package_manager: Some("none".into()),
                user: Some("nonroot".into()),
                libc: Some("glibc".into()),
            },
        ];
        let mut buf = Buffer::empty(Rect::new(0, 0, 70, height(&rows)));
        let area = buf.area;
        draw(&rows, &mut buf, area, &Theme::default());
        let row = |y: u16| -> String { (0..70).map(|x| buf[(x, y)].symbol()).collect() };
        assert!(row(0).starts_with("stage"));
        assert!(row(1).contains("/bin/sh") && row(1).contains("unknown"));
        assert!(row(2).contains("1 (ships)") && row(2).contains("nonroot"));
        assert!(!row(2).contains("unknown"));
    }
}
