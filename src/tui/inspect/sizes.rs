//! The size comparison as a horizontal bar chart: the final image's estimate next to the
//! single-stage alternative. A bar is as long as the figure's lower bound; its text says
//! `at least`, a range, or `unknown` (an empty bar) as the report does.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::view::SizeBar;
use crate::tui::theme::Theme;

/// Rows the chart takes: one per bar, a gap between.
pub fn height(bars: &[SizeBar]) -> u16 {
    u16::try_from((bars.len() * 2).saturating_sub(1)).unwrap_or(u16::MAX)
}

/// Bar lengths in kilobytes (u64 either way; kilobytes keep small images visible).
fn value(bar: &SizeBar) -> u64 {
    bar.min_bytes.map_or(0, |b| b / 1000)
}

pub fn chart<'a>(bars: &'a [SizeBar], theme: &Theme) -> BarChart<'a> {
    let bars: Vec<Bar> = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            // The first bar is the image that ships; it gets the strong style.
            let style = if i == 0 { theme.code_block } else { theme.dim };
            Bar::default()
                .label(b.label.as_str())
                .value(value(b))
                .text_value(b.text())
                .style(style)
                .value_style(theme.selected)
        })
        .collect();
    BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::new(bars))
        .bar_width(1)
        .bar_gap(1)
}

pub fn draw(bars: &[SizeBar], buf: &mut Buffer, area: Rect, theme: &Theme) {
    if bars.is_empty() || area.is_empty() {
        return;
    }
    chart(bars, theme).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, min: Option<u64>, at_least: bool) -> SizeBar {
        SizeBar {
            label: label.into(),
            min_bytes: min,
            max_bytes: min,
            at_least,
        }
    }

    fn text(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_larger_figure_fills_the_width_and_unknown_is_said() {
        let bars = [
            bar("final image", Some(10_000_000), true),
            bar("single-stage", Some(800_000_000), false),
        ];
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, height(&bars)));
        let area = buf.area;
        draw(&bars, &mut buf, area, &Theme::default());
        let rows = text(&buf);
        assert!(rows[0].starts_with("final image  at least 10 MB"), "{rows:?}");
        assert!(rows[2].starts_with("single-stage 800 MB"), "{rows:?}");
        assert!(rows[2].ends_with('█'), "the largest bar is full: {rows:?}");

        let bars = [bar("final image", None, false)];
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        let area = buf.area;
        draw(&bars, &mut buf, area, &Theme::default());
        assert!(text(&buf)[0].contains("unknown"));
    }

    #[test]
    fn tiny_areas_do_not_panic() {
        let bars = [bar("final image", Some(5), false)];
        for (w, h) in [(0, 0), (1, 1), (5, 1), (12, 3)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            let area = buf.area;
            draw(&bars, &mut buf, area, &Theme::default());
        }
    }
}
