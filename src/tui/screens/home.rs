//! Home: Continue and the reviews due, the lessons with title, summary, section count, a mark
//! for where the learner stands and the quiz score, then the lesson files that failed to load.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::journey::{self, continue_target, due_reviews};
use super::{quiz, reader, split_bar, status};
use crate::course::{Lesson, LoadError};
use crate::results::{LessonStatus, Score};
use crate::tui::app::App;
use crate::tui::keys::{self, Action, Context, Now};
use crate::tui::text::{escape_controls, fit, width};
use crate::tui::theme::Theme;
use crate::tui::update::Effect;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    /// Index into `course.lessons`.
    pub selected: usize,
}

/// The marks, explained under the list so they read without colour.
const LEGEND: &str = "[ ] not started  [~] in progress  [x] read  [✓] quiz passed";

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let count = app.course.lessons.len();
    let last = count.saturating_sub(1);
    let selected = app.home_mut().selected;
    let next = match action {
        Action::Open if count > 0 => {
            reader::open_saved(app, selected);
            return vec![Effect::SaveProgress, Effect::Redraw];
        }
        Action::StartQuiz => {
            if !quiz::open(app, selected) {
                app.note = Some("This lesson has no quiz.".into());
            }
            return vec![Effect::Redraw];
        }
        Action::Continue => {
            if let Some((lesson, at)) = continue_target(app) {
                reader::open(app, lesson, at);
            }
            return vec![Effect::Redraw];
        }
        Action::NextUnfinished => {
            if let Some(target) = journey::next_unfinished(app) {
                journey::go(app, target);
            }
            return vec![Effect::Redraw];
        }
        Action::Review => {
            quiz::open_review(app, due_reviews(app));
            return vec![Effect::Redraw];
        }
        Action::Up | Action::WheelUp | Action::PageUp => selected.saturating_sub(1),
        Action::Down | Action::WheelDown | Action::PageDown => (selected + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected,
    };
    app.home_mut().selected = next;
    vec![Effect::Redraw]
}

const TITLE: &str = "dockerlings";
const TAGLINE: &str = "multi-stage Docker builds and distroless images";

/// Where the home screen's parts go in `area`; drawing and mouse clicks both use it.
struct Parts {
    header: Option<Rect>,
    banner: Rect,
    /// The banner's text, wrapped.
    notices: Vec<String>,
    /// What to do next (Continue, reviews due), when there is something.
    next: Rect,
    next_line: Option<String>,
    legend: Option<Rect>,
    list: Rect,
    errors: Rect,
}

fn parts(app: &App, area: Rect, bar: &status::Bar) -> Parts {
    let (mut body, _) = split_bar(area, bar);
    let header = (body.height >= 6).then_some(body);
    if header.is_some() {
        body.y += 2;
        body.height -= 2;
    }
    let notices = banner_lines(app, body);
    let banner_rows = match notices.len() as u16 {
        0 => 0,
        lines => (lines + 1).min(body.height),
    };
    let banner = Rect {
        height: banner_rows,
        ..body
    };
    body.y += banner_rows;
    body.height -= banner_rows;
    let error_rows = error_rows(app.course.errors.len(), body.height);
    let next_line = next_line(app, body);
    let next = Rect {
        height: if next_line.is_some() { 1 } else { 0 },
        ..body
    };
    if next_line.is_some() {
        body.y += 2;
        body.height -= 2;
    }
    // The legend only where it costs the list no lesson.
    let legend = (body.height >= 10 && !app.course.lessons.is_empty()).then(|| {
        body.height -= 1;
        Rect {
            y: body.bottom(),
            height: 1,
            ..body
        }
    });
    let list = Rect {
        height: body.height - error_rows,
        ..body
    };
    let errors = Rect {
        y: list.bottom(),
        height: error_rows,
        ..body
    };
    Parts {
        header,
        banner,
        notices,
        next,
        next_line,
        legend,
        list,
        errors,
    }
}

/// The lesson drawn at column `x`, row `y` of `area`, if any.
pub(crate) fn lesson_at(app: &App, state: &HomeState, area: Rect, x: u16, y: u16) -> Option<usize> {
    let list = parts(app, area, &bar(app, state)).list;
    lesson_rows(app, state.selected, list)
        .into_iter()
        .find(|(_, rect, _)| rect.contains(ratatui::layout::Position { x, y }))
        .map(|(i, _, _)| i)
}

pub(crate) fn draw(app: &App, state: &HomeState, buf: &mut Buffer, area: Rect) {
    let theme = &app.theme;
    let bar = bar(app, state);
    let (_, status_row) = split_bar(area, &bar);
    let parts = parts(app, area, &bar);
    if let Some(header) = parts.header {
        draw_header(buf, header, theme);
    }
    draw_banner(app, buf, parts.banner, &parts.notices);
    if let Some(line) = &parts.next_line {
        let w = usize::from(parts.next.width.saturating_sub(1));
        buf.set_stringn(parts.next.x + 1, parts.next.y, line, w, theme.title);
    }
    if let Some(legend) = parts.legend {
        let w = usize::from(legend.width.saturating_sub(1));
        buf.set_stringn(legend.x + 1, legend.y, fit(LEGEND, w), w, theme.dim);
    }
    draw_lessons(app, state.selected, buf, parts.list);
    draw_errors(&app.course.errors, buf, parts.errors, theme);

    if let Some(row) = status_row {
        bar.draw(buf, row, theme);
    }
}

/// The status bar: where the selection is, and the keys that act on it now.
pub(crate) fn bar(app: &App, state: &HomeState) -> status::Bar {
    let count = app.course.lessons.len();
    let mut position = match count {
        0 => "no lessons".to_string(),
        n => format!("lesson {}/{n}", state.selected.min(n - 1) + 1),
    };
    if !app.notices.is_empty() && app.store.read_only_reason().is_some() {
        position.push_str(" · progress not saved");
    }
    let lesson = app.course.lessons.get(state.selected);
    let has_quiz = lesson.is_some_and(|l| quiz_score(app, l).is_some());
    let hints = keys::hints_now(Context::Home, false, |action| match action {
        Action::StartQuiz if !has_quiz => Now::Hidden,
        Action::Open if lesson.is_none() => Now::Hidden,
        _ => Now::Shown,
    });
    status::Bar::new(super::noted(app, position), hints)
}

fn draw_header(buf: &mut Buffer, area: Rect, theme: &Theme) {
    let w = usize::from(area.width);
    let x = area.x + 1;
    let title = fit(TITLE, w.saturating_sub(1));
    buf.set_stringn(x, area.y, &title, w, theme.title);
    let used = 1 + width(&title) + 2;
    if used < w {
        let tag = fit(TAGLINE, w - used);
        buf.set_stringn(area.x + used as u16, area.y, &tag, w - used, theme.dim);
    }
}

fn draw_banner(app: &App, buf: &mut Buffer, area: Rect, lines: &[String]) {
    let w = usize::from(area.width).saturating_sub(4).max(1);
    for (i, line) in lines.iter().enumerate() {
        let y = area.y + i as u16;
        if y < area.bottom() {
            buf.set_stringn(area.x + 1, y, line, w + 2, app.theme.error);
        }
    }
}

/// The progress notices, word-wrapped, in at most a third of the body (at least one row).
fn banner_lines(app: &App, area: Rect) -> Vec<String> {
    if app.notices.is_empty() || area.height < 2 {
        return Vec::new();
    }
    let w = usize::from(area.width).saturating_sub(4).max(1);
    let mut lines = Vec::new();
    for notice in &app.notices {
        lines.extend(wrap(&format!("⚠ {}", escape_controls(notice)), w));
    }
    let room = usize::from((area.height / 3).max(1));
    if lines.len() > room {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} …"), w);
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
}

/// The line of what to do next: Continue (the last lesson read and where) and the reviews due;
/// `None` when there is nothing to say or no room for it and a blank row after it.
fn next_line(app: &App, area: Rect) -> Option<String> {
    let mut parts = Vec::new();
    if let Some((lesson, at)) = continue_target(app) {
        let l = &app.course.lessons[lesson];
        parts.push(format!(
            "c: continue “{}” at section {}/{}",
            l.title,
            (at.section + 1).min(l.sections.len()),
            l.sections.len()
        ));
    }
    let due = due_reviews(app).len();
    if due > 0 {
        parts.push(format!("r: {due} to review"));
    }
    if parts.is_empty() || area.height < 6 {
        return None;
    }
    let w = usize::from(area.width.saturating_sub(1));
    // The review count stays whole; the lesson title gives way.
    let line = if parts.len() > 1 {
        let tail = format!(" · {}", parts[1]);
        format!("{}{tail}", fit(&parts[0], w.saturating_sub(width(&tail))))
    } else {
        fit(&parts[0], w)
    };
    Some(fit(&line, w))
}

/// Words filled into lines of at most `max` columns; a word longer than a line is cut.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && width(&line) + 1 + width(word) > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        if width(&line) > max {
            lines.push(fit(&line, max));
            line.clear();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Rows for the failed-files panel: a heading plus one row per error, at most a third of
/// the space (at least two rows, so the heading and one error show when anything fits).
fn error_rows(errors: usize, height: u16) -> u16 {
    if errors == 0 {
        return 0;
    }
    let wanted = u16::try_from(errors + 1).unwrap_or(u16::MAX);
    wanted.min((height / 3).max(2)).min(height)
}

fn draw_lessons(app: &App, selected: usize, buf: &mut Buffer, area: Rect) {
    if area.is_empty() {
        return;
    }
    let theme = &app.theme;
    if app.course.lessons.is_empty() {
        let msg = fit(
            "No lessons found in this pack.",
            usize::from(area.width - 1),
        );
        buf.set_stringn(area.x + 1, area.y, msg, usize::from(area.width), theme.dim);
        return;
    }
    for (i, rect, item) in lesson_rows(app, selected, area) {
        item.draw(app, i == selected, buf, rect);
    }
}

/// Each shown lesson, its rows in the list `area` and its layout: its title row, then its
/// summary wrapped (never cut), a gap row after each when all of them fit so; scrolled so the
/// selected one shows whole. Drawing and clicks both use it.
fn lesson_rows(app: &App, selected: usize, area: Rect) -> Vec<(usize, Rect, Item)> {
    let lessons = &app.course.lessons;
    if lessons.is_empty() || area.is_empty() {
        return Vec::new();
    }
    let items: Vec<Item> = lessons
        .iter()
        .enumerate()
        .map(|(i, lesson)| Item::new(app, i, lesson, area.width))
        .collect();
    let height = usize::from(area.height);
    let gap = items.iter().map(|it| it.rows() + 1).sum::<usize>() <= height;
    let rows_of = |it: &Item| it.rows() + usize::from(gap);
    let selected = selected.min(lessons.len() - 1);
    // The first lesson shown: as far up as still lets the selected one show whole.
    let mut first = selected;
    let mut used = rows_of(&items[selected]);
    while first > 0 && used + rows_of(&items[first - 1]) <= height {
        first -= 1;
        used += rows_of(&items[first]);
    }
    let mut y = area.y;
    let mut shown = Vec::new();
    for (i, item) in items.into_iter().enumerate().skip(first) {
        if y >= area.bottom() {
            break;
        }
        let rows = (item.rows() as u16).min(area.bottom() - y);
        let rect = Rect {
            y,
            height: rows,
            ..area
        };
        y = y.saturating_add(rows_of(&item) as u16);
        shown.push((i, rect, item));
    }
    shown
}

/// One lesson of the list, laid out for a width.
struct Item {
    lead: String,
    title: String,
    /// `3 sections` or `2/3 sections read`; empty when there is no room for it.
    progress: String,
    summary: Vec<String>,
    /// The quiz score beside the summary's first row; empty without a quiz or room.
    score: String,
}

impl Item {
    fn new(app: &App, index: usize, lesson: &Lesson, cols: u16) -> Item {
        let w = usize::from(cols);
        let status = app.status(lesson);
        let lead = format!("  {} {:>2}. ", mark(status), index + 1);
        let indent = width(&lead).min(w);
        let mut progress = progress_text(status, lesson.sections.len());
        if w < indent + width(&progress) + 12 {
            progress.clear();
        }
        let mut score = quiz_score(app, lesson).map(score_text).unwrap_or_default();
        if w < indent + width(&score) + 12 {
            score.clear();
        }
        let beside = if score.is_empty() {
            0
        } else {
            width(&score) + 2
        };
        let room = w.saturating_sub(indent + beside + 1).max(1);
        let summary = if lesson.summary.trim().is_empty() {
            Vec::new()
        } else {
            crate::tui::text::wrap(&lesson.summary, room)
        };
        Item {
            lead,
            title: lesson.title.clone(),
            progress,
            summary,
            score,
        }
    }

    fn rows(&self) -> usize {
        1 + self.summary.len()
    }

    fn draw(&self, app: &App, selected: bool, buf: &mut Buffer, area: Rect) {
        let theme = &app.theme;
        let w = usize::from(area.width);
        let mut lead = self.lead.clone();
        if selected {
            lead.replace_range(0..1, ">");
        }
        let indent = width(&lead).min(w);
        let right = if self.progress.is_empty() {
            0
        } else {
            width(&self.progress) + 2
        };
        let title_room = w.saturating_sub(indent + right);
        buf.set_stringn(area.x, area.y, fit(&lead, w), w, theme.marker);
        buf.set_stringn(
            area.x + indent as u16,
            area.y,
            fit(&self.title, title_room),
            title_room,
            theme.title,
        );
        if !self.progress.is_empty() {
            let rx = area.right() - width(&self.progress) as u16 - 1;
            buf.set_stringn(rx, area.y, &self.progress, w, theme.dim);
        }
        for (row, text) in self.summary.iter().enumerate() {
            let y = area.y + 1 + row as u16;
            if y >= area.bottom() {
                break;
            }
            let room = w.saturating_sub(indent);
            buf.set_stringn(area.x + indent as u16, y, text, room, theme.dim);
            if row == 0 && !self.score.is_empty() {
                let rx = area.right() - width(&self.score) as u16 - 1;
                buf.set_stringn(rx, y, &self.score, w, theme.dim);
            }
        }
        if selected {
            buf.set_style(area, theme.selected);
        }
    }
}

/// The progress mark: text, so it reads without colour.
fn mark(status: LessonStatus) -> &'static str {
    match status {
        LessonStatus::NotStarted => "[ ]",
        LessonStatus::InProgress { .. } => "[~]",
        LessonStatus::Read => "[x]",
        LessonStatus::QuizPassed => "[✓]",
    }
}

fn progress_text(status: LessonStatus, sections: usize) -> String {
    let noun = if sections == 1 { "section" } else { "sections" };
    match status {
        LessonStatus::NotStarted => format!("{sections} {noun}"),
        LessonStatus::InProgress { seen, of } => format!("{seen}/{of} {noun} read"),
        LessonStatus::Read | LessonStatus::QuizPassed => format!("{sections} {noun}, read"),
    }
}

/// The lesson's quiz score from the saved progress; `None` for a lesson without a quiz.
fn quiz_score(app: &App, lesson: &Lesson) -> Option<Score> {
    let quiz = app.quizzes.for_lesson(&lesson.id)?;
    let score = Score::of(quiz, app.store.progress());
    (score.total > 0).then_some(score)
}

/// `quiz 5/7 right · exercises 1/2`: right answers, then passed Dockerfile exercises.
fn score_text(score: Score) -> String {
    let mut text = format!("quiz {}/{} right", score.correct, score.total);
    if score.exercises > 0 {
        text.push_str(&format!(
            " · exercises {}/{}",
            score.exercises_passed, score.exercises
        ));
    }
    text
}

fn draw_errors(errors: &[LoadError], buf: &mut Buffer, area: Rect, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let w = usize::from(area.width);
    let files = if errors.len() == 1 { "file" } else { "files" };
    let heading = format!(" ! {} lesson {files} could not be loaded:", errors.len());
    buf.set_stringn(area.x, area.y, fit(&heading, w), w, theme.error);
    let rows = usize::from(area.height - 1);
    let shown = if errors.len() > rows {
        rows.saturating_sub(1)
    } else {
        errors.len()
    };
    for (i, error) in errors.iter().take(shown).enumerate() {
        let line = fit(&format!("   {error}"), w);
        buf.set_stringn(area.x, area.y + 1 + i as u16, line, w, theme.error);
    }
    if shown < errors.len() && rows > 0 {
        let more = fit(&format!("   … and {} more", errors.len() - shown), w);
        buf.set_stringn(area.x, area.y + 1 + shown as u16, more, w, theme.error);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_panel_takes_at_most_a_third_but_shows_something() {
        assert_eq!(error_rows(0, 20), 0);
        assert_eq!(error_rows(1, 20), 2);
        assert_eq!(error_rows(10, 21), 7);
        assert_eq!(error_rows(10, 3), 2);
        assert_eq!(error_rows(10, 1), 1);
    }

    #[test]
    fn scores_count_right_answers_and_passed_exercises() {
        let score = Score {
            total: 7,
            correct: 5,
            exercises: 2,
            exercises_passed: 1,
            ..Score::default()
        };
        assert_eq!(score_text(score), "quiz 5/7 right · exercises 1/2");
        let no_exercises = Score {
            exercises: 0,
            ..score
        };
        assert_eq!(score_text(no_exercises), "quiz 5/7 right");
    }

    #[test]
    fn progress_reads_without_colour() {
        assert_eq!(mark(LessonStatus::Read), "[x]");
        assert_eq!(mark(LessonStatus::QuizPassed), "[✓]");
        for status in [
            LessonStatus::NotStarted,
            LessonStatus::InProgress { seen: 1, of: 2 },
            LessonStatus::Read,
            LessonStatus::QuizPassed,
        ] {
            assert!(LEGEND.contains(mark(status)), "{status:?} is explained");
        }
        assert_eq!(progress_text(LessonStatus::NotStarted, 1), "1 section");
        assert_eq!(
            progress_text(LessonStatus::InProgress { seen: 2, of: 5 }, 5),
            "2/5 sections read"
        );
    }
}
