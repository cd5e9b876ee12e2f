//! Reader: one section of a lesson, laid out by `course::layout` at the text column's width
//! and drawn line by line (no ratatui wrapping: lines arrive pre-wrapped, in display columns).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{split_bar, status};
use crate::course::doc::{Callout, Doc};
use crate::course::layout::{LaidLine, SpanStyle, layout};
use crate::tui::app::{App, ReaderState};
use crate::tui::code::CodeColours;
use crate::tui::keys::{self, Action, Context, Now};
use crate::tui::text::fit;
use crate::tui::theme::Theme;

/// Lines longer than this are hard to read; wider terminals get margins instead.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// Where the reader's parts go in `area`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Lesson title and section title (empty on very short terminals).
    pub header: Rect,
    /// The laid-out section text.
    pub text: Rect,
    pub status: Option<Rect>,
}

impl Geometry {
    pub fn new(area: Rect) -> Self {
        // The bar's rows do not change from section to section (the text would jump): sized for
        // every hint the reader has and its widest position.
        let widest = status::Bar::new(
            "lesson 99/99 · section 99/99 · 100%",
            keys::hints_now(Context::Reader, false, |_| Now::Shown),
        );
        let (mut body, status) = split_bar(area, &widest);
        let header_rows = if body.height >= 8 { 3 } else { 0 };
        let header = Rect {
            height: header_rows,
            ..body
        };
        body.y += header_rows;
        body.height -= header_rows;
        // One column of margin each side when there is room, then centre a capped column.
        let avail = if body.width >= 3 {
            body.width - 2
        } else {
            body.width
        };
        let width = avail.min(MAX_TEXT_WIDTH);
        let x = body.x + (body.width - width) / 2;
        Self {
            header,
            text: Rect { x, width, ..body },
            status,
        }
    }

    /// Lines to scroll for a page: the text height less one line kept for context.
    pub fn page(&self) -> usize {
        usize::from(self.text.height.saturating_sub(1)).max(1)
    }
}

/// The largest useful scroll offset: the last line at the bottom of the view.
pub fn max_scroll(lines: usize, height: u16) -> usize {
    lines.saturating_sub(usize::from(height))
}

/// How far down the reader is, as the percentage of lines at or above the view's bottom.
pub fn percent(scroll: usize, lines: usize, height: u16) -> usize {
    if lines <= usize::from(height) {
        return 100;
    }
    ((scroll + usize::from(height)).min(lines) * 100) / lines
}

pub fn draw(app: &App, state: &ReaderState, buf: &mut Buffer, area: Rect) {
    let theme = &app.theme;
    let geo = Geometry::new(area);
    let lesson = app.course.lessons.get(state.lesson);
    let section = app.section(state.lesson, state.section);
    let view = if geo.text.width > 0 {
        app.section_view(state.lesson, state.section, geo.text.width)
    } else {
        Default::default()
    };
    let lines = &view.styled;
    let scroll = state.scroll.min(max_scroll(lines.len(), geo.text.height));

    if !geo.header.is_empty() {
        let w = usize::from(geo.text.width);
        let title = lesson.map_or("", |l| l.title.as_str());
        buf.set_stringn(geo.text.x, geo.header.y, fit(title, w), w, theme.dim);
        if let Some(sec) = section {
            let heading = fit(&sec.title, w);
            let (x, _) =
                buf.set_stringn(geo.text.x, geo.header.y + 1, &heading, w, theme.heading(1));
            let used = usize::from(x - geo.text.x);
            let kind = format!("  ({})", sec.kind.name());
            if used + kind.len() <= w {
                buf.set_stringn(x, geo.header.y + 1, kind, w - used, theme.dim);
            }
        }
    }

    let text = geo.text;
    if section.is_none() || lines.is_empty() {
        let note = if section.is_none() {
            "This lesson has no sections."
        } else {
            "This section is empty."
        };
        if !text.is_empty() {
            let w = usize::from(text.width);
            buf.set_stringn(text.x, text.y, fit(note, w), w, theme.dim);
        }
    }
    for (row, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(text.height))
        .enumerate()
    {
        buf.set_line(text.x, text.y + row as u16, line, text.width);
    }

    if let Some(row) = geo.status {
        let done = percent(scroll, lines.len(), text.height);
        bar(app, state, done).draw(buf, row, theme);
    }
}

/// The status bar (one row: the reader's geometry is fixed): where the learner is, how far
/// down (`done` percent), `i` only with a Dockerfile on screen, `t` only with a quiz.
pub fn bar(app: &App, state: &ReaderState, done: usize) -> status::Bar {
    let lessons = app.course.lessons.len();
    let lesson = app.course.lessons.get(state.lesson);
    let sections = lesson.map_or(0, |l| l.sections.len());
    let position = format!(
        "lesson {}/{lessons} · section {}/{sections} · {done}%",
        state.lesson + 1,
        (state.section + 1).min(sections),
    );
    let doc = app.section(state.lesson, state.section).map(|s| &s.doc);
    let inspectable = doc.is_some_and(super::inspect::has_dockerfile);
    let has_quiz = super::quiz::quiz_of(app, state.lesson).is_some_and(|q| !q.questions.is_empty());
    let hints = keys::hints_now(Context::Reader, false, |action| match action {
        Action::Inspect if !inspectable => Now::Hidden,
        Action::StartQuiz if !has_quiz => Now::Hidden,
        _ => Now::Shown,
    });
    status::Bar::new(super::noted(app, position), hints)
}

/// A section as the reader shows it: laid out to a width and styled, ready to draw.
#[derive(Debug, Default)]
pub struct SectionView {
    pub lines: Vec<LaidLine>,
    pub styled: Vec<Line<'static>>,
    /// Set when a code block was still being highlighted on a worker thread: the highlighter's
    /// landed count then. Once it moves on, the view is built again, with the colours.
    pub waiting_since: Option<u64>,
}

/// Lays `doc` out at `width` and styles every line, colouring code when `code` is given.
/// Done once per section and width (the app caches it), so frames only copy lines.
pub fn view_section(
    doc: &Doc,
    width: u16,
    theme: &Theme,
    code: Option<&CodeColours>,
) -> SectionView {
    let lines = layout(doc, width.max(1));
    // Read before colouring, so a block that lands meanwhile still gets the view rebuilt.
    let landed = code.map(|c| c.highlighter.landed());
    let mut coloured = code.map(|c| c.colour(&lines)).unwrap_or_default();
    let waiting_since = code
        .zip(landed)
        .filter(|(c, landed)| c.highlighter.busy() || c.highlighter.landed() != *landed)
        .map(|(_, landed)| landed);
    coloured.resize(lines.len(), None);
    let styled = lines
        .iter()
        .zip(coloured)
        .map(|(line, colours)| match line.code {
            Some(_) => code_line(line, theme, colours),
            None => styled_line(line, theme),
        })
        .collect();
    SectionView {
        lines,
        styled,
        waiting_since,
    }
}

/// A laid-out text line as terminal spans. Callout lines of the analogy are set in italics,
/// so the analogy reads differently from other callouts even without colour.
pub fn styled_line(line: &LaidLine, theme: &Theme) -> Line<'static> {
    let analogy = matches!(
        line.spans.first().map(|s| &s.style),
        Some(SpanStyle::Callout(Callout::Analogy))
    );
    line.spans
        .iter()
        .map(|span| {
            let mut style = theme.span(&span.style);
            if analogy && matches!(span.style, SpanStyle::Body(_)) {
                style = style.patch(theme.analogy);
            }
            Span::styled(span.text.clone(), style)
        })
        .collect()
}

/// A code-block line as terminal spans: decoration (indent, `↪`, callout bar) in the theme's
/// styles, and the code itself in `colours` (its syntax colours, from [`CodeColours`]) or,
/// without them, in the plain code style.
pub fn code_line(
    line: &LaidLine,
    theme: &Theme,
    colours: Option<Vec<Span<'static>>>,
) -> Line<'static> {
    let highlighted = colours.is_some();
    let mut colours = colours;
    let mut out = Vec::with_capacity(line.spans.len());
    for span in &line.spans {
        let is_code = matches!(span.style, SpanStyle::Code { .. });
        if is_code && highlighted {
            // The colours cover all of the line's code; they go where the code starts.
            out.extend(colours.take().unwrap_or_default());
        } else {
            out.push(Span::styled(span.text.clone(), theme.span(&span.style)));
        }
    }
    Line::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::doc::InlineStyle;
    use crate::course::layout::{CodeRef, LaidSpan};
    use ratatui::style::Modifier;

    #[test]
    fn geometry_centres_a_capped_column_and_keeps_a_status_row() {
        let g = Geometry::new(Rect::new(0, 0, 120, 40));
        assert_eq!(g.text, Rect::new(10, 3, 100, 36));
        assert_eq!(g.status, Some(Rect::new(0, 39, 120, 1)));
        // At 80 columns the reader's hints take a second status row.
        let g = Geometry::new(Rect::new(0, 0, 80, 24));
        assert_eq!(g.text, Rect::new(1, 3, 78, 19));
        assert_eq!(g.status, Some(Rect::new(0, 22, 80, 2)));
        assert_eq!(g.page(), 18);
    }

    #[test]
    fn geometry_degrades_on_tiny_terminals() {
        let g = Geometry::new(Rect::new(0, 0, 2, 1));
        assert_eq!(g.status, None);
        assert!(g.header.is_empty());
        assert_eq!(g.text, Rect::new(0, 0, 2, 1));
        assert_eq!(g.page(), 1);
    }

    #[test]
    fn percent_counts_the_view_bottom() {
        assert_eq!(percent(0, 10, 20), 100);
        assert_eq!(percent(0, 100, 20), 20);
        assert_eq!(percent(80, 100, 20), 100);
        assert_eq!(max_scroll(100, 20), 80);
        assert_eq!(max_scroll(5, 20), 0);
    }

    fn span(text: &str, style: SpanStyle) -> LaidSpan {
        LaidSpan {
            text: text.into(),
            style,
        }
    }

    #[test]
    fn analogy_text_is_italic_and_other_callouts_are_not() {
        let theme = Theme::default();
        let body = SpanStyle::Body(InlineStyle::default());
        for (callout, italic) in [(Callout::Analogy, true), (Callout::Note, false)] {
            let line = LaidLine {
                spans: vec![
                    span("│ ", SpanStyle::Callout(callout)),
                    span("text", body.clone()),
                ],
                code: None,
            };
            let styled = styled_line(&line, &theme);
            assert_eq!(
                styled.spans[1]
                    .style
                    .add_modifier
                    .contains(Modifier::ITALIC),
                italic
            );
        }
    }

    #[test]
    fn code_lines_use_the_code_style() {
        let theme = Theme::default();
        let line = LaidLine {
            spans: vec![span("FROM alpine", SpanStyle::Code { lang: None })],
            code: Some(CodeRef { block: 0, line: 0 }),
        };
        assert_eq!(
            code_line(&line, &theme, None).spans[0].style,
            theme.code_block
        );
        let coloured = vec![Span::raw("FROM"), Span::raw(" alpine")];
        let with = code_line(&line, &theme, Some(coloured));
        assert_eq!(with.spans.len(), 2);
        assert_eq!(with.spans[0].content, "FROM");
    }
}
