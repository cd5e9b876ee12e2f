//! The exercise screen: a Dockerfile editor (ratatui-textarea) with a diagnostics gutter that
//! follows the learner's typing (debounced, so a keystroke never waits for the validator), the
//! requirement checklist with reasons and lines, hints, the solution (on request, offered
//! after enough failed attempts, recorded as revealed), and after a pass a unified diff with
//! the reference. What counts toward the score is in docs/scoring.md.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use ratatui_textarea::TextArea;

use super::quiz::Writer;
use super::{split_bar, status};
use crate::dockerfile::{Diagnostic, Severity};
use crate::progress::Help;
use crate::quiz::diff::{Change, unified};
use crate::quiz::hints::next_hint;
use crate::quiz::judge::judge;
use crate::quiz::{Check, Exercise, Question, QuestionKind, Verdict};
use crate::tui::app::{App, HelpState, Screen};
use crate::tui::code::{CodeColours, EditorColours};
use crate::tui::confirm;
use crate::tui::keys::{self, Action, Context, Input, Now};
use crate::tui::text::{count, escape_controls};
use crate::tui::theme::Theme;
use crate::tui::update::Effect;

/// How long typing must pause before the file is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// What the right-hand panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Checklist,
    Solution,
    Diff,
}

#[derive(Debug, Clone)]
pub struct ExerciseState {
    pub lesson: usize,
    pub question: usize,
    pub editor: TextArea<'static>,
    /// The editor's syntax colours, kept between frames.
    pub colours: EditorColours,
    /// The verdict on the text as of the last check (live, debounced).
    pub verdict: Verdict,
    /// When the text changed and has not been checked since: check at this instant.
    pub lint_due: Option<Instant>,
    /// Checks the learner asked for (Ctrl-S) of changed text that failed.
    pub failed_checks: u32,
    /// The text as of the last check (the starter before any): checking it again is no attempt.
    pub(crate) last_checked: String,
    pub passed: bool,
    pub panel: Panel,
    /// Rows of the diff scrolled off the top.
    pub(crate) diff_scroll: u16,
    pub(crate) hints_shown: Vec<usize>,
    /// Ctrl-R was pressed: the next key confirms (`y`) or keeps the file.
    pub confirm_reset: bool,
    /// One line of news for the learner (the outcome of the last command).
    pub message: Option<String>,
    pub(crate) opened_at: Instant,
}

/// Equal when the learner would see the same thing (the editor compared by text and cursor).
impl PartialEq for ExerciseState {
    fn eq(&self, other: &Self) -> bool {
        (
            self.lesson,
            self.question,
            self.editor.lines(),
            self.editor.cursor(),
        ) == (
            other.lesson,
            other.question,
            other.editor.lines(),
            other.editor.cursor(),
        ) && (
            &self.verdict,
            self.failed_checks,
            self.passed,
            self.panel,
            self.diff_scroll,
        ) == (
            &other.verdict,
            other.failed_checks,
            other.passed,
            other.panel,
            other.diff_scroll,
        ) && (&self.hints_shown, &self.message, self.confirm_reset)
            == (&other.hints_shown, &other.message, other.confirm_reset)
    }
}

impl Eq for ExerciseState {}

fn new_editor(text: &str, theme: &Theme) -> TextArea<'static> {
    // No line numbers from the widget: it scrolls them sideways with the text, so a long line
    // would hide them. `draw_editor` draws them in a gutter that stays put.
    let mut editor = TextArea::new(text.lines().map(String::from).collect());
    editor.set_cursor_line_style(Style::new());
    // The widget's own selection colour would ignore the theme (and NO_COLOR).
    editor.set_selection_style(theme.selected);
    editor.set_tab_length(4);
    editor
}

fn text_of(editor: &TextArea<'_>) -> String {
    let mut text = editor.lines().join("\n");
    text.push('\n');
    text
}

/// The question and its exercise at (lesson, question), if it is one.
fn exercise_at(app: &App, lesson: usize, question: usize) -> Option<(&str, &Question, &Exercise)> {
    let lesson = app.course.lessons.get(lesson)?;
    let q = app
        .quizzes
        .for_lesson(&lesson.id)?
        .questions
        .get(question)?;
    match &q.kind {
        QuestionKind::Dockerfile(ex) => Some((lesson.id.as_str(), q, ex)),
        _ => None,
    }
}

/// Opens the exercise, resuming the learner's saved draft if there is one.
pub fn open(app: &mut App, lesson: usize, question: usize) -> bool {
    let Some((lesson_id, q, ex)) = exercise_at(app, lesson, question) else {
        return false;
    };
    let saved = app.store.progress().question(lesson_id, &q.id);
    let text = saved
        .and_then(|p| p.draft.clone())
        .unwrap_or_else(|| ex.starter.clone());
    let passed = saved.is_some_and(|p| p.correct);
    let verdict = judge(&ex.requirements, &text);
    let last_checked = text_of(&new_editor(&ex.starter, &app.theme));
    let state = ExerciseState {
        lesson,
        question,
        editor: new_editor(&text, &app.theme),
        colours: EditorColours::default(),
        verdict,
        lint_due: None,
        failed_checks: 0,
        last_checked,
        passed,
        panel: Panel::Checklist,
        diff_scroll: 0,
        hints_shown: Vec::new(),
        confirm_reset: false,
        message: None,
        opened_at: Instant::now(),
    };
    app.push(Screen::Exercise(Box::new(state)));
    true
}

fn with_state<R>(app: &mut App, f: impl FnOnce(&mut App, &mut ExerciseState) -> R) -> Option<R> {
    app.with_top(|app, top| match top {
        Screen::Exercise(state) => Some(f(app, state)),
        _ => None,
    })
}

/// The text in the editor of the exercise on top, for `$EDITOR`.
pub fn editor_text(app: &App) -> Option<String> {
    match app.screens().last() {
        Some(Screen::Exercise(state)) => Some(text_of(&state.editor)),
        _ => None,
    }
}

/// Replaces the editor's text (after `$EDITOR`) and checks it at once.
pub fn set_editor_text(app: &mut App, text: &str) {
    with_state(app, |app, state| {
        state.editor = new_editor(text, &app.theme);
        relint(app, state);
        state.message = Some("Loaded the file from your editor.".into());
    });
}

/// Shows `message` on the exercise screen, if one is open (e.g. a failed save).
pub fn notify(app: &mut App, message: String) {
    with_state(app, |_, state| state.message = Some(message));
}

/// The debounce timer: checks the file once typing has paused.
pub fn on_tick(app: &mut App, now: Instant) -> Vec<Effect> {
    with_state(app, |app, state| match state.lint_due {
        Some(due) if due <= now => {
            relint(app, state);
            vec![Effect::Redraw]
        }
        _ => Vec::new(),
    })
    .unwrap_or_default()
}

fn relint(app: &App, state: &mut ExerciseState) {
    state.lint_due = None;
    if let Some((_, _, ex)) = exercise_at(app, state.lesson, state.question) {
        state.verdict = judge(&ex.requirements, &text_of(&state.editor));
    }
}

pub(crate) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    with_state(app, |app, state| handle(app, state, key)).unwrap_or_default()
}

fn handle(app: &mut App, state: &mut ExerciseState, key: KeyEvent) -> Vec<Effect> {
    let Some((lesson_id, question, ex)) = exercise_at(app, state.lesson, state.question) else {
        app.pop();
        return vec![Effect::Redraw];
    };
    let (lesson_id, question, ex) = (lesson_id.to_string(), question.clone(), ex.clone());
    if std::mem::take(&mut state.confirm_reset) {
        if Input::from_key(key).is_some_and(confirm::is_yes) {
            state.editor = new_editor(&ex.starter, &app.theme);
            relint(app, state);
            state.message = Some("Back to the starter file.".into());
        } else {
            state.message = Some(confirm::KEPT.into());
        }
        return vec![Effect::Redraw];
    }
    // Typed characters (`?` too) are text here; the key table leaves them to the editor.
    let action = Input::from_key(key).and_then(|i| keys::action_for(Context::Exercise, i));
    let Some(action) = action else {
        to_editor(state, key);
        return vec![Effect::Redraw];
    };
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::ToggleHelp => app.push(Screen::Help(HelpState::default())),
        Action::Back => {
            save_draft(app, state);
            app.pop();
            return vec![Effect::SaveProgress, Effect::Redraw];
        }
        Action::Check => {
            relint(app, state);
            save_draft(app, state);
            check(app, state, &lesson_id, &question.id, ex.reveal_after);
            return vec![Effect::SaveProgress, Effect::Redraw];
        }
        Action::Hint if state.panel == Panel::Solution => {
            state.message = Some(format!(
                "A solution is on screen: {} hides it, then {}.",
                key_of(Action::ShowSolution),
                key_of(Action::Hint)
            ));
        }
        Action::Hint => match next_hint(&question, Some(&state.verdict), &state.hints_shown) {
            Some(i) => {
                // Hints are drawn with the checklist: show it, so the hint counted is seen.
                state.panel = Panel::Checklist;
                state.hints_shown.push(i);
                app.store
                    .progress_mut()
                    .record_help(&lesson_id, &question.id, Help::Hint);
                state.message = None;
                return vec![Effect::SaveProgress, Effect::Redraw];
            }
            None => state.message = Some("No more hints for this exercise.".into()),
        },
        Action::ShowSolution => {
            if state.panel == Panel::Solution {
                state.panel = Panel::Checklist;
            } else {
                reveal(app, state, &lesson_id, &question.id);
                return vec![Effect::SaveProgress, Effect::Redraw];
            }
        }
        Action::ShowDiff => {
            if !state.passed {
                state.message = Some(format!(
                    "The comparison opens once your file passes ({}).",
                    key_of(Action::Check)
                ));
            } else if state.panel == Panel::Diff {
                state.panel = Panel::Checklist;
            } else {
                state.panel = Panel::Diff;
                state.diff_scroll = 0;
            }
        }
        // Page keys scroll the comparison while it is shown, and move in the editor otherwise.
        Action::PageDown | Action::PageUp if state.panel == Panel::Diff => {
            let rows = unified(&text_of(&state.editor), &ex.solutions[0]).len();
            let max = u16::try_from(rows).unwrap_or(u16::MAX);
            state.diff_scroll = if action == Action::PageDown {
                state.diff_scroll.saturating_add(DIFF_PAGE).min(max)
            } else {
                state.diff_scroll.saturating_sub(DIFF_PAGE)
            };
        }
        Action::PageDown | Action::PageUp => to_editor(state, key),
        Action::ResetStarter => {
            state.confirm_reset = true;
            state.message = Some(confirm::ask(
                "Throw your file away and start again from the starter",
            ));
        }
        Action::Undo | Action::Redo => {
            let changed = if action == Action::Undo {
                state.editor.undo()
            } else {
                state.editor.redo()
            };
            if changed {
                state.lint_due = Some(Instant::now() + DEBOUNCE);
                state.message = None;
            }
        }
        Action::ExternalEditor => return vec![Effect::OpenEditor],
        Action::Inspect => crate::tui::inspect::open_for_file(app, &text_of(&state.editor)),
        _ => return Vec::new(),
    }
    vec![Effect::Redraw]
}

/// A key for the editor: typing never waits for the validator. Typing while the comparison
/// is shown brings the editor back, so the text changed is in sight.
fn to_editor(state: &mut ExerciseState, key: KeyEvent) {
    // The widget's own undo key; undo is Ctrl-Z here, as the key table and help say.
    let widget_undo =
        key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL);
    if !widget_undo && state.editor.input(key) {
        state.lint_due = Some(Instant::now() + DEBOUNCE);
        state.message = None;
        if state.panel == Panel::Diff {
            state.panel = Panel::Checklist;
        }
    }
}

/// The key for `action` here, for messages that say what to press.
fn key_of(action: Action) -> String {
    keys::key_name(Context::Exercise, action)
}

/// Rows one PgDn moves the comparison by.
const DIFF_PAGE: u16 = 8;

fn reveal(app: &mut App, state: &mut ExerciseState, lesson: &str, question: &str) {
    state.panel = Panel::Solution;
    app.store
        .progress_mut()
        .record_help(lesson, question, Help::Solution);
}

/// Ctrl-S: an attempt only when the text changed since the last check (docs/scoring.md);
/// after enough failed attempts, a solution is offered, never forced.
fn check(app: &mut App, state: &mut ExerciseState, lesson: &str, question: &str, offer: u32) {
    let passed = state.verdict.passed();
    let text = text_of(&state.editor);
    let attempt = text != state.last_checked;
    if attempt {
        app.store
            .progress_mut()
            .record_check(lesson, question, passed);
        state.last_checked = text;
    }
    if passed {
        state.passed = true;
        state.message = Some(format!(
            "✓ Every requirement is met. {} compares your file with the reference.",
            key_of(Action::ShowDiff)
        ));
        return;
    }
    let failing = state.verdict.checks.iter().filter(|c| !c.met).count();
    let plural = if failing == 1 { "" } else { "s" };
    if !attempt {
        state.message = Some(format!(
            "✗ {failing} requirement{plural} not met yet. Unchanged since the last check: \
             not an attempt."
        ));
        return;
    }
    state.failed_checks += 1;
    state.message = Some(
        if state.failed_checks >= offer && state.panel != Panel::Solution {
            format!(
                "✗ Still failing after {}. {}: a hint; {}: a solution.",
                count(state.failed_checks as usize, "attempt"),
                key_of(Action::Hint),
                key_of(Action::ShowSolution)
            )
        } else {
            format!(
                "✗ {failing} requirement{plural} not met yet. {} for a hint.",
                key_of(Action::Hint)
            )
        },
    );
}

/// Keeps the editor's text as the draft and adds the time spent since the last save.
fn save_draft(app: &mut App, state: &mut ExerciseState) {
    let draft = take_draft(state);
    record_draft(app, draft);
}

/// Keeps the draft of every exercise open anywhere on the stack (under the help or the
/// inspect view too): called on every way out of the app, so nothing typed is lost.
pub(crate) fn keep_drafts(app: &mut App) {
    let drafts: Vec<Draft> = app
        .screens_mut()
        .iter_mut()
        .filter_map(|screen| match screen {
            Screen::Exercise(state) => Some(take_draft(state)),
            _ => None,
        })
        .collect();
    for draft in drafts {
        record_draft(app, draft);
    }
}

/// An exercise's text and time, taken from its screen to be written into progress.
struct Draft {
    lesson: usize,
    question: usize,
    text: String,
    elapsed: Duration,
}

fn take_draft(state: &mut ExerciseState) -> Draft {
    let opened = std::mem::replace(&mut state.opened_at, Instant::now());
    Draft {
        lesson: state.lesson,
        question: state.question,
        text: text_of(&state.editor),
        elapsed: opened.elapsed(),
    }
}

fn record_draft(app: &mut App, draft: Draft) {
    let Some((lesson, q, _)) = exercise_at(app, draft.lesson, draft.question) else {
        return;
    };
    let (lesson, question) = (lesson.to_string(), q.id.clone());
    let progress = app.store.progress_mut();
    let millis = u64::try_from(draft.elapsed.as_millis()).unwrap_or(u64::MAX);
    progress.add_time(&lesson, &question, millis);
    progress.question_mut(&lesson, &question).draft = Some(draft.text);
}

// ---------------------------------------------------------------------------------------------
// Drawing

pub fn draw(app: &App, state: &ExerciseState, buf: &mut Buffer, area: Rect) {
    let theme = &app.theme;
    let Some((_, question, ex)) = exercise_at(app, state.lesson, state.question) else {
        return;
    };
    let bar = bar(state, question);
    let (body, status_row) = split_bar(area, &bar);
    // The task on top (at most a third of the height), then editor | panel.
    // The task on top, in at most a third of the height; editor and panel below.
    let task_area = Rect {
        height: body.height / 3,
        ..body
    };
    let mut task = Writer::new(buf, task_area);
    task.prose(&format!("**Exercise:** {}", question.prompt), theme);
    if !ex.context.is_empty() {
        let names: Vec<&str> = ex.context.iter().map(|c| c.name.as_str()).collect();
        task.prose(&format!("Build context: `{}`", names.join("`, `")), theme);
    }
    let task_height = task.used();
    let rest = Rect {
        y: body.y + task_height,
        height: body.height - task_height,
        ..body
    };
    let message_row = (rest.height > 3).then(|| Rect {
        y: rest.bottom() - 1,
        height: 1,
        ..rest
    });
    let main = Rect {
        height: rest.height - u16::from(message_row.is_some()),
        ..rest
    };
    // Side by side when there is room for both, else the editor above the panel.
    let split = [Constraint::Percentage(55), Constraint::Fill(1)];
    if state.panel == Panel::Diff {
        // The diff holds the learner's lines too: it gets the room, so lines rarely wrap.
        draw_panel(state, question, ex, buf, main, theme);
    } else {
        let [editor_area, panel_area] = if main.width >= 80 {
            Layout::horizontal(split).areas(main)
        } else {
            Layout::vertical(split).areas(main)
        };
        draw_editor(state, buf, editor_area, theme, app.code_colours.as_ref());
        draw_panel(state, question, ex, buf, panel_area, theme);
    }
    if let Some(row) = message_row
        && let Some(message) = &state.message
    {
        let style = if message.starts_with('✗') {
            theme.error
        } else {
            theme.title
        };
        buf.set_stringn(
            row.x + 1,
            row.y,
            message,
            usize::from(row.width.saturating_sub(1)),
            style,
        );
    }
    if let Some(row) = status_row {
        bar.draw(buf, row, theme);
    }
}

/// The status bar: hints while some are left, the comparison once the file passes, and what
/// Ctrl-O and Ctrl-D do to the panel on screen.
pub fn bar(state: &ExerciseState, question: &Question) -> status::Bar {
    let hints_left = next_hint(question, Some(&state.verdict), &state.hints_shown).is_some();
    let hints = keys::hints_now(Context::Exercise, false, |action| match action {
        Action::Hint if !hints_left || state.panel == Panel::Solution => Now::Hidden,
        Action::ShowSolution if state.panel == Panel::Solution => Now::As("hide solution"),
        Action::ShowDiff if !state.passed => Now::Hidden,
        Action::ShowDiff if state.panel == Panel::Diff => Now::As("editor"),
        _ => Now::Shown,
    });
    status::Bar::new(format!("exercise {}", question.id), hints)
}

pub(super) fn severity_style(severity: Severity, theme: &Theme) -> Style {
    match severity {
        Severity::Error => theme.error,
        Severity::Warning => theme.warning,
        Severity::Style | Severity::Info => theme.dim,
    }
}

fn severity_mark(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✗",
        Severity::Warning => "!",
        Severity::Style | Severity::Info => "·",
    }
}

/// The worst finding on each line, for the gutter.
fn worst_on(diagnostics: &[Diagnostic], line: usize) -> Option<Severity> {
    diagnostics
        .iter()
        .filter(|d| d.location.line == line)
        .map(|d| d.severity)
        .max()
}

fn draw_editor(
    state: &ExerciseState,
    buf: &mut Buffer,
    area: Rect,
    theme: &Theme,
    colours: Option<&CodeColours>,
) {
    let inner = titled_block(
        buf,
        area,
        " Dockerfile ",
        Borders::TOP | Borders::RIGHT,
        theme,
    );
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    // The gutter: a finding mark, then the line number with a space either side.
    let count = state.editor.lines().len();
    let digits = count.to_string().len() as u16;
    let gutter = Rect {
        width: (digits + 3).min(inner.width - 1),
        ..inner
    };
    let text_area = Rect {
        x: inner.x + gutter.width,
        width: inner.width - gutter.width,
        ..inner
    };
    // Rendering moves the editor's viewport to follow the cursor; the gutter reads it after.
    (&state.editor).render(text_area, buf);
    if let Some(colours) = colours {
        state.colours.paint(colours, &state.editor, buf, text_area);
    }
    let (top, _) = state.editor.scroll_offset();
    for row in 0..gutter.height {
        let line = usize::from(top) + usize::from(row) + 1;
        if line > count {
            break;
        }
        let number = format!(" {line:>width$} ", width = usize::from(digits));
        buf.set_stringn(
            gutter.x + 1,
            gutter.y + row,
            number,
            usize::from(gutter.width.saturating_sub(1)),
            theme.dim,
        );
        if let Some(severity) = worst_on(&state.verdict.diagnostics, line) {
            buf.set_string(
                gutter.x,
                gutter.y + row,
                severity_mark(severity),
                severity_style(severity, theme),
            );
        }
    }
}

fn draw_panel(
    state: &ExerciseState,
    question: &Question,
    ex: &Exercise,
    buf: &mut Buffer,
    area: Rect,
    theme: &Theme,
) {
    let title = match state.panel {
        Panel::Checklist => " Requirements ",
        Panel::Solution => " A solution ",
        Panel::Diff => " - your file   + the reference ",
    };
    let inner = titled_panel(buf, area, title, theme);
    if state.panel == Panel::Diff {
        return draw_diff(state, ex, buf, inner, theme);
    }
    let mut out = Writer::new(buf, inner);
    match state.panel {
        Panel::Checklist => draw_checklist(state, question, &mut out, theme),
        Panel::Solution => write_numbered(&mut out, &ex.solutions[0], theme),
        Panel::Diff => {}
    }
}

fn draw_checklist(state: &ExerciseState, question: &Question, out: &mut Writer, theme: &Theme) {
    // Hints first: the learner asked for them, and the checklist below can be long.
    write_hints(out, question, &state.hints_shown, theme);
    for check in &state.verdict.checks {
        write_check(out, check, true, theme);
    }
    let findings = &state.verdict.diagnostics;
    if !findings.is_empty() {
        out.gap();
        out.line(Line::styled(
            format!("Findings ({})", findings.len()),
            theme.dim,
        ));
        for d in findings {
            write_finding(out, d, theme);
        }
    }
}

/// A panel's title rule; returns the area below it, one column in from the left.
pub(super) fn titled_panel(buf: &mut Buffer, area: Rect, title: &str, theme: &Theme) -> Rect {
    let inner = titled_block(buf, area, title, Borders::TOP, theme);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    }
}

/// A block with `borders` and a title; returns the area inside.
pub(super) fn titled_block(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    borders: Borders,
    theme: &Theme,
) -> Rect {
    let block = Block::new()
        .borders(borders)
        .title(title)
        .border_style(theme.marker);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A Dockerfile with line numbers (a solution).
pub(super) fn write_numbered(out: &mut Writer, code: &str, theme: &Theme) {
    for (i, line) in code.lines().enumerate() {
        out.line(Line::from(vec![
            Span::styled(format!("{:>3} ", i + 1), theme.dim),
            Span::styled(escape_controls(line).into_owned(), theme.code_block),
        ]));
    }
}

/// The hints shown so far, numbered, each followed by a blank row.
pub(super) fn write_hints(out: &mut Writer, question: &Question, shown: &[usize], theme: &Theme) {
    for (n, &i) in shown.iter().enumerate() {
        out.prose(
            &format!("**Hint {}:** {}", n + 1, question.hints[i].text),
            theme,
        );
        out.gap();
    }
}

/// One requirement: ✓ or ✗, what it asks, and when unmet why (with `line L:` if `with_line`).
pub(super) fn write_check(out: &mut Writer, check: &Check, with_line: bool, theme: &Theme) {
    let (mark, style) = if check.met {
        ("✓", theme.title)
    } else {
        ("✗", theme.error)
    };
    let mut text = escape_md(&check.label);
    if !check.met {
        let at = match check.line {
            Some(l) if with_line => format!("line {l}: "),
            _ => String::new(),
        };
        text.push_str(&format!(" — {at}{}", escape_md(&check.reason)));
    }
    out.marked(mark, style, &text, theme);
}

/// One finding: its mark, `line:column`, rule and message, wrapped.
pub(super) fn write_finding(out: &mut Writer, d: &Diagnostic, theme: &Theme) {
    let text = format!(
        "{}:{} **{}** {}",
        d.location.line,
        d.location.column,
        d.rule,
        escape_md(&d.message)
    );
    out.marked(
        severity_mark(d.severity),
        severity_style(d.severity, theme),
        &text,
        theme,
    );
}

/// Reasons are plain text; keep Markdown from reading `*` in a glob as emphasis.
pub(super) fn escape_md(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('`', "\\`")
}

/// The unified diff: `-`, `+` or a space, the line number, the text wrapped under itself (the
/// marker repeated on every row, so a change reads without colour); scrolled by PgDn/PgUp,
/// with the last row saying how much is below.
fn draw_diff(state: &ExerciseState, ex: &Exercise, buf: &mut Buffer, area: Rect, theme: &Theme) {
    let lines = unified(&text_of(&state.editor), &ex.solutions[0]);
    let digits = lines
        .iter()
        .map(|l| l.number)
        .max()
        .unwrap_or(0)
        .to_string()
        .len();
    let indent = 2 + digits + 1;
    let room = usize::from(area.width).saturating_sub(indent).max(1);
    let mut rows: Vec<Line<'static>> = Vec::new();
    for line in &lines {
        let style = match line.change {
            Change::Same => Style::new(),
            Change::Removed => theme.diff_removed,
            Change::Added => theme.diff_added,
        };
        let marker = line.change.marker();
        for (i, piece) in crate::tui::text::wrap(&line.text, room)
            .into_iter()
            .enumerate()
        {
            let number = if i == 0 {
                format!("{:>digits$} ", line.number)
            } else {
                " ".repeat(digits + 1)
            };
            rows.push(Line::from(vec![
                Span::styled(format!("{marker} "), style),
                Span::styled(number, theme.dim),
                Span::styled(piece, style),
            ]));
        }
    }
    let height = usize::from(area.height);
    let scroll = usize::from(state.diff_scroll).min(rows.len().saturating_sub(height));
    let below = rows.len().saturating_sub(scroll + height);
    let mut out = Writer::new(buf, area);
    let shown = if below > 0 {
        height.saturating_sub(1)
    } else {
        height
    };
    for row in rows.into_iter().skip(scroll).take(shown) {
        out.line(row);
    }
    if below > 0 {
        let more = keys::key_name(Context::Exercise, Action::PageDown);
        out.line(Line::styled(
            format!("  ↓ {} more rows ({more})", below + 1),
            theme.dim,
        ));
    }
}
