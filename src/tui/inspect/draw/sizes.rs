//! The size comparison as a horizontal bar chart: the final image's estimate next to the
//! single-stage alternative. A bar is as long as the figure's lower bound; its text says
//! `at least`, a range, or `unknown` (an empty bar) as the report does.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use crate::tui::inspect::view::SizeBar;
use crate::tui::text::width;
use crate::tui::theme::Theme;

/// Rows the chart takes: one per bar, a gap between.
pub(crate) fn height(bars: &[SizeBar]) -> u16 {
    u16::try_from((bars.len() * 2).saturating_sub(1)).unwrap_or(u16::MAX)
}

/// Bar lengths in kilobytes (u64 either way; kilobytes keep small images visible).
fn value(bar: &SizeBar) -> u64 {
    bar.min_bytes.map_or(0, |b| b / 1000)
}

pub(crate) fn chart<'a>(bars: &'a [SizeBar], theme: &Theme) -> BarChart<'a> {
    let bars: Vec<Bar> = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            // The first bar is the image that ships; it gets the strong style.
            let style = if i == 0 { theme.code_block } else { theme.dim };
            // The figure is written after the bar (see `draw`), not over it.
            Bar::default()
                .label(b.label.as_str())
                .value(value(b))
                .text_value("")
                .style(style)
        })
        .collect();
    BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::new(bars))
        .bar_width(1)
        .bar_gap(1)
}

/// Draws the chart with each bar's figure just after its end. The chart is narrowed by the
/// longest figure, so even the longest bar leaves room for its text.
pub(crate) fn draw(bars: &[SizeBar], buf: &mut Buffer, area: Rect, theme: &Theme) {
    let area = area.intersection(buf.area);
    if bars.is_empty() || area.is_empty() {
        return;
    }
    let texts: Vec<String> = bars.iter().map(SizeBar::text).collect();
    let label_w = bars.iter().map(|b| width(&b.label)).max().unwrap_or(0);
    let text_w = texts.iter().map(|t| width(t)).max().unwrap_or(0);
    let chart_w = usize::from(area.width).saturating_sub(text_w + 1);
    let bars_w = chart_w.saturating_sub(label_w + 1);
    if bars_w > 0 {
        let chart_area = Rect {
            width: chart_w as u16,
            ..area
        };
        chart(bars, theme).render(chart_area, buf);
    }
    let max = bars.iter().map(value).max().unwrap_or(0).max(1);
    for (i, (bar, text)) in bars.iter().zip(&texts).enumerate() {
        let y = area.y + 2 * i as u16;
        if y >= area.bottom() {
            break;
        }
        if bars_w == 0 {
            // No room for bars: the label and the figure alone.
            let line = format!("{:<label_w$} {text}", bar.label);
            buf.set_stringn(area.x, y, line, usize::from(area.width), theme.title);
            continue;
        }
        // The same scaling as the chart's: eighths of a cell, whole cells drawn.
        let len = (u128::from(value(bar)) * bars_w as u128 * 8 / u128::from(max) / 8) as usize;
        let x = area.x as usize + label_w + 1 + len + usize::from(len > 0);
        let room = usize::from(area.right()).saturating_sub(x);
        buf.set_stringn(x as u16, y, text, room, theme.title);
    }
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
        // Bars get 40 - 13 (label) - 15 (longest figure) = 12 cells; 10 of 800 MB is less
        // than one, so no bar, then the figure.
        assert_eq!(rows[0].trim_end(), "final image  at least 10 MB");
        assert_eq!(
            rows[2].trim_end(),
            format!("single-stage {} 800 MB", "█".repeat(12))
        );

        let bars = [bar("final image", None, false)];
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        let area = buf.area;
        draw(&bars, &mut buf, area, &Theme::default());
        assert_eq!(text(&buf)[0].trim_end(), "final image unknown");
    }

    #[test]
    fn tiny_areas_do_not_panic() {
        let bars = [bar("final image", Some(5), false)];
        for (w, h) in [(0, 0), (1, 1), (5, 1), (12, 3), (20, 1)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            let area = buf.area;
            draw(&bars, &mut buf, area, &Theme::default());
        }
        // Too narrow for bars: label and figure still shown.
        let mut buf = Buffer::empty(Rect::new(0, 0, 11, 1));
        let area = buf.area;
        draw(
            &[bar("final", Some(5_000_000), false)],
            &mut buf,
            area,
            &Theme::default(),
        );
        assert_eq!(text(&buf)[0].trim_end(), "final 5 MB");
    }
}
