//! Drawing the watch screen: the exercise list (status marks, the current one highlighted)
//! and the panel with the current exercise's verdict (requirement checklist, findings, each
//! with its source line), hints, the task, or a solution.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Borders;

use super::exercise::{
    escape_md, titled_block, titled_panel, write_check, write_finding, write_hints, write_numbered,
};
use super::quiz::Writer;
use super::{split_status, status};
use crate::tui::text::{escape_controls, fit};
use crate::tui::theme::Theme;
use crate::tui::watch::keys;
use crate::tui::watch::state::{Panel, Tone, WatchState};
use crate::workshop::{Outcome, Status, WorkshopExercise};

/// Rows the panel can hold before it is cut; more than any verdict needs.
const PANEL_ROWS: u16 = 400;

pub fn render(state: &WatchState, frame: &mut Frame) {
    let area = frame.area();
    draw(state, frame.buffer_mut(), area);
}

pub fn draw(state: &WatchState, buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.height < 3 || area.width < 10 {
        return;
    }
    let theme = &state.theme;
    let total = state.workshop.exercises.len();
    let name = state.workshop.root.file_name().map_or_else(
        || state.workshop.root.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let title = format!(
        " dockerlings watch · {name} · {} of {total} pass",
        state.board.passed()
    );
    buf.set_stringn(
        area.x,
        area.y,
        fit(&title, usize::from(area.width)),
        usize::from(area.width),
        theme.title,
    );
    let below = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let (rest, status_row) = split_status(below);
    let body = Rect {
        height: rest.height.saturating_sub(1),
        ..rest
    };
    let message_row = Rect {
        y: body.bottom(),
        height: 1,
        ..rest
    };
    // Side by side when there is room, else the list above the panel.
    let [list_area, panel_area] = if body.width >= 70 {
        let list_width = (body.width * 2 / 5).clamp(24, 38);
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(body)
    } else {
        let list_height = (body.height / 3).max(1);
        Layout::vertical([Constraint::Length(list_height), Constraint::Fill(1)]).areas(body)
    };
    draw_list(state, buf, list_area, theme);
    draw_panel(state, buf, panel_area, theme);
    if let Some(message) = &state.message {
        let style = match message.tone {
            Tone::Good => theme.title,
            Tone::Bad => theme.error,
            Tone::Info => Style::new(),
        };
        let width = usize::from(message_row.width.saturating_sub(1));
        buf.set_stringn(
            message_row.x + 1,
            message_row.y,
            fit(&message.text, width),
            width,
            style,
        );
    }
    if let Some(row) = status_row {
        let mut position = format!("exercise {}/{total}", state.current + 1);
        // A progress file that cannot be saved to stays in sight after the first message goes.
        if state.store.path().is_some() && state.store.read_only_reason().is_some() {
            position.push_str(" · progress not saved");
        }
        status::draw(buf, row, &position, &keys::hints(), theme);
    }
}

fn status_style(status: Status, theme: &Theme) -> Style {
    match status {
        Status::Passed => theme.title,
        Status::Failing | Status::Problem => theme.error,
        Status::NotStarted => theme.dim,
    }
}

fn draw_list(state: &WatchState, buf: &mut Buffer, area: Rect, theme: &Theme) {
    let inner = titled_block(
        buf,
        area,
        " Exercises ",
        Borders::TOP | Borders::RIGHT,
        theme,
    );
    let rows = usize::from(inner.height);
    if rows == 0 || inner.width < 3 {
        return;
    }
    // Keep the current exercise in view.
    let first = (state.current + 1).saturating_sub(rows);
    for (row, index) in (first..state.workshop.exercises.len())
        .take(rows)
        .enumerate()
    {
        let y = inner.y + row as u16;
        let status = state.board.status(&state.workshop, index);
        let folder = &state.workshop.exercises[index].folder;
        let width = usize::from(inner.width);
        let text = fit(folder, width.saturating_sub(3));
        if index == state.current {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                theme.selected,
            );
            buf.set_stringn(
                inner.x,
                y,
                format!("{} {text}", status.mark()),
                width,
                theme.selected,
            );
        } else {
            buf.set_stringn(inner.x, y, status.mark(), 1, status_style(status, theme));
            buf.set_stringn(inner.x + 2, y, &text, width - 2, Style::new());
        }
    }
}

fn draw_panel(state: &WatchState, buf: &mut Buffer, area: Rect, theme: &Theme) {
    let ex = &state.workshop.exercises[state.current];
    let title = match state.panel {
        Panel::Verdict => format!(" {} ", ex.folder),
        Panel::Solution => format!(" {}: a solution ", ex.folder),
        Panel::Keys => " Keys ".to_string(),
    };
    let inner = titled_panel(buf, area, &title, theme);
    if inner.is_empty() {
        return;
    }
    // Written in full into a scratch buffer, then the scrolled window is copied.
    let scratch_area = Rect::new(0, 0, inner.width, PANEL_ROWS);
    let mut scratch = Buffer::empty(scratch_area);
    let used = {
        let mut out = Writer::new(&mut scratch, scratch_area);
        match state.panel {
            Panel::Verdict => write_verdict(state, ex, &mut out, theme),
            Panel::Solution => write_numbered(&mut out, &ex.exercise.solutions[0], theme),
            Panel::Keys => write_keys(&mut out, theme),
        }
        out.used()
    };
    let top = state.scroll.min(used.saturating_sub(1));
    let more_below = used - top > inner.height;
    // The last row says there is more, rather than cutting the panel off silently.
    let shown = if more_below {
        inner.height - 1
    } else {
        used - top
    };
    for row in 0..shown {
        for col in 0..inner.width {
            if let (Some(from), Some(to)) = (
                scratch.cell((col, top + row)),
                buf.cell_mut((inner.x + col, inner.y + row)),
            ) {
                *to = from.clone();
            }
        }
    }
    if more_below {
        let text = fit(
            "↓ more: PgDn or Space (PgUp or b goes back)",
            usize::from(inner.width),
        );
        buf.set_stringn(
            inner.x,
            inner.bottom() - 1,
            text,
            usize::from(inner.width),
            theme.dim,
        );
    }
}

fn write_verdict(state: &WatchState, ex: &WorkshopExercise, out: &mut Writer, theme: &Theme) {
    let outcome = &state.board.outcomes[state.current];
    let source = outcome.source().unwrap_or_default();
    match outcome {
        Outcome::Unjudged(problem) => {
            out.marked("!", theme.error, &escape_md(&problem.message()), theme);
        }
        Outcome::Judged { verdict, .. } => {
            let failing = verdict.failed_keys().count();
            if failing == 0 {
                out.marked("✓", theme.title, "**Passes every requirement.**", theme);
            } else {
                let text = format!(
                    "**{failing} of {} requirements not met yet.**",
                    verdict.checks.len()
                );
                out.marked("✗", theme.error, &text, theme);
            }
        }
    }
    out.gap();
    write_hints(out, &ex.question, &state.hints_shown[state.current], theme);
    if let Some(verdict) = outcome.verdict() {
        for check in &verdict.checks {
            // The source line is shown under it, so no `line L:` in the text.
            write_check(out, check, false, theme);
            if !check.met
                && let Some(line) = check.line
            {
                source_line(out, source, line, theme);
            }
        }
        if !verdict.diagnostics.is_empty() {
            out.gap();
            let heading = format!("Findings ({})", verdict.diagnostics.len());
            out.line(Line::styled(heading, theme.dim));
            for d in &verdict.diagnostics {
                write_finding(out, d, theme);
                source_line(out, source, d.location.line, theme);
            }
        }
    }
    out.gap();
    out.line(Line::styled("Task", theme.dim));
    out.prose(&ex.question.prompt, theme);
}

/// One line of the learner's file, numbered, under the check or finding that points at it.
fn source_line(out: &mut Writer, source: &str, line: usize, theme: &Theme) {
    let Some(text) = line.checked_sub(1).and_then(|i| source.lines().nth(i)) else {
        return;
    };
    out.line(Line::from(vec![
        Span::styled(format!("  {line:>3} │ "), theme.dim),
        Span::styled(escape_controls(text).into_owned(), theme.code_block),
    ]));
}

/// The key table, as the status bar's source has it.
fn write_keys(out: &mut Writer, theme: &Theme) {
    for binding in keys::WATCH_KEYS {
        let inputs: Vec<String> = binding.inputs.iter().map(|i| i.label()).collect();
        let text = format!("**{}**: {}", escape_md(&inputs.join(", ")), binding.help);
        out.prose(&text, theme);
    }
    out.gap();
    out.prose(
        "Save a Dockerfile under `exercises/` in any editor: it is checked at once.",
        theme,
    );
}
