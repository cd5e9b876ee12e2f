//! Reader: one section of a lesson, laid out by `course::layout` at the text column's width
//! and drawn line by line (no ratatui wrapping: lines arrive pre-wrapped, in display columns).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{journey, offer, quiz, search, split_bar, status};
use crate::course::Lesson;
use crate::course::doc::{Callout, Doc};
use crate::course::layout::{LaidLine, SpanStyle, layout};
use crate::course::search::find_in_line;
use crate::progress::Position;
use crate::tui::app::{App, Screen};
use crate::tui::code::CodeColours;
use crate::tui::keys::{self, Action, Context, Now};
use crate::tui::text::fit;
use crate::tui::theme::Theme;
use crate::tui::update::Effect;

/// Lines longer than this are hard to read; wider terminals get margins instead.
pub(crate) const MAX_TEXT_WIDTH: u16 = 100;

/// Reading time counts at most this long after a key: past it, the learner has gone away.
pub const IDLE_CAP_MS: u64 = 90_000;

/// `active_at` while another screen is above the reader: time there is not reading.
const PAUSED: u64 = u64::MAX;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderState {
    pub lesson: usize,
    pub section: usize,
    /// First shown line of the laid-out section.
    pub scroll: usize,
    /// What comes next, shown over the text after the lesson's last section.
    pub offer: Option<Offer>,
    /// When the learner last pressed a key here (the app clock's milliseconds).
    pub active_at: u64,
}

/// Offered after a lesson's last section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// The lesson's quiz (`n` goes on to the next lesson instead).
    Quiz,
    /// The course is over: a summary of it.
    CourseEnd,
}

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
        for tab in lesson.map(|l| section_tabs(l, w)).unwrap_or_default() {
            let style = if tab.section == state.section {
                theme.selected
            } else {
                theme.dim
            };
            let x = geo.text.x + tab.x;
            buf.set_stringn(x, geo.header.y + 2, &tab.label, tab.label.len(), style);
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
    let query = app.search.query();
    for (row, line) in lines
        .iter()
        .enumerate()
        .skip(scroll)
        .take(usize::from(text.height))
        .map(|(i, line)| match (query, view.lines.get(i)) {
            (Some(q), Some(laid)) => {
                let found = find_in_line(&laid.text(), q);
                search::highlight(line, &found, theme.found)
            }
            _ => line.clone(),
        })
        .enumerate()
    {
        buf.set_line(text.x, text.y + row as u16, &line, text.width);
    }

    if let Some(kind) = state.offer {
        offer::draw(app, state.lesson, kind, buf, text);
    }

    if let Some(row) = geo.status {
        let done = percent(scroll, lines.len(), text.height);
        bar(app, state, done).draw(buf, row, theme);
    }
}

/// The status bar: where the learner is, how far down (`done` percent), `i` only with a
/// Dockerfile on screen, `t` only with a quiz; after a search, its keys too.
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
    let inspectable = doc.is_some_and(crate::tui::inspect::pick::has_dockerfile);
    let has_quiz = quiz::quiz_of(app, state.lesson).is_some_and(|q| !q.questions.is_empty());
    let context = if app.search.showing() {
        Context::Found
    } else {
        Context::Reader
    };
    let hints = keys::hints_now(context, false, |action| match action {
        Action::Inspect if !inspectable => Now::Hidden,
        Action::StartQuiz if !has_quiz => Now::Hidden,
        _ => Now::Shown,
    });
    status::Bar::new(super::noted(app, position), hints)
}

// ---------------------------------------------------------------------------------------------
// Update

/// Opens `lesson` where the learner left it (its start if never opened).
pub(crate) fn open_saved(app: &mut App, lesson: usize) {
    let saved = app
        .course
        .lessons
        .get(lesson)
        .and_then(|l| app.store.progress().lessons.get(&l.id)?.position)
        .unwrap_or_default();
    open(app, lesson, saved);
}

/// Opens the reader at a place in `lesson` and records it.
pub fn open(app: &mut App, lesson: usize, at: Position) {
    let Some(sections) = app.course.lessons.get(lesson).map(|l| l.sections.len()) else {
        return;
    };
    let mut state = ReaderState {
        lesson,
        section: at.section.min(sections.saturating_sub(1)),
        scroll: 0,
        offer: None,
        active_at: app.clock.now_ms(),
    };
    let (lines, geo) = extent(app, &state);
    state.scroll = at.scroll.min(max_scroll(lines, geo.text.height));
    app.push(Screen::Reader(state));
    remember(app);
}

/// Handles a key on the reader. Every key counts the reading time since the last one.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    count_reading(app);
    let Some(state) = app.reader().cloned() else {
        return Vec::new();
    };
    let leave = vec![Effect::SaveProgress, Effect::Redraw];
    if state.offer.is_some() {
        match action {
            Action::NextSection => {
                go_on(app, &state);
                return vec![Effect::Redraw];
            }
            Action::PrevSection => {
                set(app, |r| r.offer = None);
                return vec![Effect::Redraw];
            }
            Action::StartQuiz | Action::Back | Action::NextUnfinished => {}
            // Any other key goes back to the text, and does what it does there.
            _ => set(app, |r| r.offer = None),
        }
    }
    let (lines, geo) = extent(app, &state);
    let max = max_scroll(lines, geo.text.height);
    let scroll = state.scroll.min(max);
    let new_scroll = match action {
        Action::Back => {
            app.pop();
            app.home_mut().selected = state.lesson;
            return leave;
        }
        Action::StartQuiz => {
            if quiz::open(app, state.lesson) {
                pause(app);
            } else {
                app.note = Some("This lesson has no quiz.".into());
            }
            return leave;
        }
        Action::NextUnfinished => {
            if let Some(target) = journey::next_unfinished(app) {
                app.pop();
                journey::go(app, target);
            }
            return leave;
        }
        Action::Inspect => {
            crate::tui::inspect::open_from_reader(app, &state);
            pause(app);
            return vec![Effect::Redraw];
        }
        Action::NextSection => {
            go_on(app, &state);
            return vec![Effect::Redraw];
        }
        Action::PrevSection => {
            go_to(app, prev_section(app, &state));
            return vec![Effect::Redraw];
        }
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::WheelUp => scroll.saturating_sub(3),
        Action::WheelDown => scroll + 3,
        Action::PageUp => scroll.saturating_sub(geo.page()),
        Action::PageDown => scroll + geo.page(),
        Action::Top => 0,
        Action::Bottom => max,
        _ => scroll,
    };
    set(app, |r| r.scroll = new_scroll.min(max));
    remember(app);
    vec![Effect::Redraw]
}

/// Adds the time since the open reader's last key (at most [`IDLE_CAP_MS`]) to its lesson's
/// reading time; called on every reader key and when the app is left.
pub(crate) fn count_reading(app: &mut App) {
    let now = app.clock.now_ms();
    let Some(r) = app.reader_mut() else {
        return;
    };
    let ms = now.saturating_sub(r.active_at).min(IDLE_CAP_MS);
    r.active_at = now;
    let lesson = r.lesson;
    if let Some(id) = app.course.lessons.get(lesson).map(|l| l.id.clone()) {
        app.store.progress_mut().add_reading(&id, ms);
    }
}

/// Stops the reading clock while another screen is opened over the reader.
fn pause(app: &mut App) {
    if let Some(r) = app.reader_mut() {
        r.active_at = PAUSED;
    }
}

fn set(app: &mut App, change: impl FnOnce(&mut ReaderState)) {
    if let Some(r) = app.reader_mut() {
        change(r);
    }
}

/// Saves where the open reader is: the section is seen, and Continue comes back here.
fn remember(app: &mut App) {
    let Some(r) = app.reader() else {
        return;
    };
    let at = Position {
        section: r.section,
        scroll: r.scroll,
    };
    let Some(lesson) = app.course.lessons.get(r.lesson) else {
        return;
    };
    if at.section < lesson.sections.len() {
        let id = lesson.id.clone();
        app.store.progress_mut().record_position(&id, at);
    }
}

/// Line count and geometry of the section the reader shows, at the current terminal size.
fn extent(app: &App, state: &ReaderState) -> (usize, Geometry) {
    let geo = Geometry::new(app.area);
    let lines = if geo.text.width > 0 {
        app.section_view(state.lesson, state.section, geo.text.width)
            .lines
            .len()
    } else {
        0
    };
    (lines, geo)
}

/// `n`: the next section; after a lesson's last, its quiz is offered first (then `n` again
/// goes on), and after the course's last, its summary.
fn go_on(app: &mut App, state: &ReaderState) {
    let lessons = app.course.lessons.len();
    let sections = app
        .course
        .lessons
        .get(state.lesson)
        .map_or(0, |l| l.sections.len());
    if state.offer.is_none() && state.section + 1 < sections {
        return go_to(app, Some((state.lesson, state.section + 1)));
    }
    let has_quiz = quiz::quiz_of(app, state.lesson).is_some_and(|q| !q.questions.is_empty());
    if state.offer.is_none() && has_quiz {
        set(app, |r| r.offer = Some(Offer::Quiz));
    } else if state.lesson + 1 < lessons {
        go_to(app, Some((state.lesson + 1, 0)));
    } else {
        set(app, |r| r.offer = Some(Offer::CourseEnd));
    }
}

/// The section before the reader's, continuing into the previous lesson's last section.
fn prev_section(app: &App, state: &ReaderState) -> Option<(usize, usize)> {
    if state.section > 0 {
        return Some((state.lesson, state.section - 1));
    }
    let lesson = state.lesson.checked_sub(1)?;
    let sections = app.course.lessons.get(lesson)?.sections.len();
    Some((lesson, sections.saturating_sub(1)))
}

pub(in crate::tui) fn go_to(app: &mut App, target: Option<(usize, usize)>) {
    let Some((lesson, section)) = target else {
        return;
    };
    set(app, |r| {
        r.lesson = lesson;
        r.section = section;
        r.scroll = 0;
        r.offer = None;
    });
    remember(app);
}

/// Takes the new terminal size. The reader keeps its relative position in the section,
/// since the same text re-wraps to a different number of lines.
pub fn resize(app: &mut App, area: Rect) {
    let before = app.reader().map(|r| (r.scroll, extent(app, r).0));
    app.area = area;
    app.lay_out();
    let Some(state) = app.reader().cloned() else {
        return;
    };
    let (lines, geo) = extent(app, &state);
    let kept = match before {
        Some((scroll, old)) if old > 0 => scroll * lines / old,
        _ => 0,
    };
    set(app, |r| {
        r.scroll = kept.min(max_scroll(lines, geo.text.height))
    });
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers

/// One of the section tabs under the section title, which a click opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub section: usize,
    /// Columns from the text column's left edge.
    pub x: u16,
    pub label: String,
}

/// The lesson's sections as tabs in `width` columns: ` 1 concept ` and so on, or just the
/// numbers when the names do not fit, or none when not even those fit.
pub(crate) fn section_tabs(lesson: &Lesson, width: usize) -> Vec<Tab> {
    let named = |i: usize, s: &crate::course::Section| format!(" {} {} ", i + 1, s.kind.name());
    let numbered = |i: usize, _: &crate::course::Section| format!(" {} ", i + 1);
    for label in [named, numbered] {
        let labels: Vec<String> = lesson
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| label(i, s))
            .collect();
        let total: usize = labels.iter().map(|l| l.len() + 1).sum();
        if total <= width + 1 {
            let mut x = 0;
            return labels
                .into_iter()
                .enumerate()
                .map(|(section, label)| {
                    let tab = Tab { section, x, label };
                    x += tab.label.len() as u16 + 1;
                    tab
                })
                .collect();
        }
    }
    Vec::new()
}

/// The section whose tab is at column `x`, row `y` of `area`, for a click.
pub(crate) fn section_at(
    app: &App,
    state: &ReaderState,
    area: Rect,
    x: u16,
    y: u16,
) -> Option<usize> {
    let geo = Geometry::new(area);
    if geo.header.height < 3 || y != geo.header.y + 2 || x < geo.text.x {
        return None;
    }
    let lesson = app.course.lessons.get(state.lesson)?;
    let offset = x - geo.text.x;
    section_tabs(lesson, usize::from(geo.text.width))
        .into_iter()
        .find(|t| (t.x..t.x + t.label.len() as u16).contains(&offset))
        .map(|t| t.section)
}

/// A section as the reader shows it: laid out to a width and styled, ready to draw.
#[derive(Debug, Default)]
pub struct SectionView {
    pub lines: Vec<LaidLine>,
    pub styled: Vec<Line<'static>>,
    /// Set when a code block was still being highlighted on a worker thread: the highlighter's
    /// landed count then. Once it moves on, the view is built again, with the colours.
    pub(crate) waiting_since: Option<u64>,
}

/// Lays `doc` out at `width` and styles every line, colouring code when `code` is given.
/// Done once per section and width (the app caches it), so frames only copy lines.
pub(crate) fn view_section(
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
pub(crate) fn styled_line(line: &LaidLine, theme: &Theme) -> Line<'static> {
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
pub(crate) fn code_line(
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
