//! Drawing the class screen: learners by exercises (· not started, ✗ failing, ✓ passing),
//! the longest stuck first; under it where the room is stuck, or on demand the selected
//! learner's failing requirements or the files left out; then the status line. Every name and
//! message comes from other people's files and goes through [`fit`], which escapes controls.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{split_status, status};
use crate::results::class::duration;
use crate::results::live::ExerciseState;
use crate::tui::class::keys;
use crate::tui::class::state::ClassState;
use crate::tui::text::{fit, width};
use crate::tui::theme::Theme;
use crate::workshop::class::Snapshot;
use crate::workshop::class::output::clock;

const STUCK_WIDTH: usize = 7;
const CELL_WIDTH: usize = 3;

pub fn render(state: &ClassState, frame: &mut Frame) {
    let area = frame.area();
    draw(state, frame.buffer_mut(), area);
}

pub fn draw(state: &ClassState, buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.height < 4 || area.width < 20 {
        return;
    }
    let theme = &state.theme;
    let s = &state.snapshot;
    let folder = state.dir.file_name().map_or_else(
        || state.dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let pack = s.pack.as_ref().map_or("no pack yet", |p| p.name.as_str());
    let stuck = s.learners.iter().filter(|l| l.stuck.is_some()).count();
    let learners = s.learners_counted();
    let title = format!(" dockerlings class · {folder} · {pack} · {learners}, {stuck} stuck");
    line(buf, area.x, area.y, area.width, &title, theme.title);
    let below = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let (rest, status_row) = split_status(below);
    let message_row = Rect {
        y: rest.bottom() - 1,
        height: 1,
        ..rest
    };
    let body = Rect {
        height: rest.height - 1,
        ..rest
    };
    let panel = panel_lines(state);
    // The table keeps at least a header and three rows.
    let panel_height = (panel.len() as u16).min(body.height.saturating_sub(5));
    // The panel follows the last row, with a blank line, when the rows leave room.
    let wanted = (state.snapshot.learners.len() as u16 + 2).max(3);
    let table = Rect {
        height: wanted.min(body.height - panel_height),
        ..body
    };
    draw_table(state, buf, table, theme);
    for (i, (text, style)) in panel.iter().take(usize::from(panel_height)).enumerate() {
        let y = table.bottom() + i as u16;
        line(buf, body.x, y, body.width, text, *style);
    }
    let (text, style) = match &state.status {
        Some(st) if st.bad => (format!("✗ {}", st.text), theme.error),
        Some(st) => (st.text.clone(), theme.dim),
        None => (updated(state), theme.dim),
    };
    line(
        buf,
        message_row.x + 1,
        message_row.y,
        message_row.width - 1,
        &text,
        style,
    );
    if let Some(row) = status_row {
        let position = if s.learners.is_empty() {
            "no learners yet".to_string()
        } else {
            format!("learner {}/{}", state.selected + 1, s.learners.len())
        };
        status::draw(buf, row, &position, &keys::hints(), theme);
    }
}

fn line(buf: &mut Buffer, x: u16, y: u16, w: u16, text: &str, style: Style) {
    let w = usize::from(w);
    buf.set_stringn(x, y, fit(text, w), w, style);
}

fn updated(state: &ClassState) -> String {
    let skipped = state.snapshot.problems.len();
    let mut text = format!("read {} UTC", clock(state.loaded_ms));
    if skipped > 0 {
        let files = if skipped == 1 { "file" } else { "files" };
        text.push_str(&format!(" · {skipped} {files} left out (s lists them)"));
    }
    text
}

fn draw_table(state: &ClassState, buf: &mut Buffer, area: Rect, theme: &Theme) {
    let s = &state.snapshot;
    if area.height < 2 {
        return;
    }
    if s.learners.is_empty() {
        let text = format!(
            " No learner has reported yet. Learners run `dockerlings watch --report-to {}`.",
            state.dir.display()
        );
        line(buf, area.x, area.y + 1, area.width, &text, theme.dim);
        return;
    }
    let total = usize::from(area.width);
    let name_width = s
        .learners
        .iter()
        .map(|l| width(&fit(&l.name, 18)))
        .max()
        .unwrap_or(0)
        .clamp(7, 18);
    let fixed = 1 + name_width + 1 + STUCK_WIDTH + 1 + 6;
    let columns = (total.saturating_sub(fixed) / CELL_WIDTH).min(s.exercises.len());
    let cut = columns < s.exercises.len();
    // Header.
    let mut header = format!(" {:<name_width$} {:>STUCK_WIDTH$} ", "Learner", "Stuck");
    for i in 0..columns {
        header.push_str(&format!("{:<CELL_WIDTH$}", fit(s.label(i), CELL_WIDTH - 1)));
    }
    header.push_str(if cut { "… Pass" } else { " Pass" });
    line(buf, area.x, area.y, area.width, &header, theme.dim);
    // Rows, keeping the selected one in view.
    let rows = usize::from(area.height - 1);
    let first = (state.selected + 1).saturating_sub(rows);
    for (row, index) in (first..s.learners.len()).take(rows).enumerate() {
        let learner = &s.learners[index];
        let y = area.y + 1 + row as u16;
        let selected = index == state.selected;
        let base = if selected {
            theme.selected
        } else {
            Style::new()
        };
        if selected {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                theme.selected,
            );
        }
        let stuck = learner
            .stuck_ms(state.now_ms)
            .map(duration)
            .unwrap_or_default();
        let name = fit(&learner.name, name_width);
        let pad = " ".repeat(name_width - width(&name));
        let lead = format!(" {name}{pad} {stuck:>STUCK_WIDTH$} ");
        line(buf, area.x, y, area.width, &lead, base);
        let mut x = area.x + width(&lead) as u16;
        for (i, cell) in learner.cells.iter().take(columns).enumerate() {
            let (mark, style) = match cell.as_ref().map(|c| c.state) {
                None => ("?", theme.dim),
                Some(ExerciseState::NotStarted) => ("·", theme.dim),
                Some(ExerciseState::Passing) => ("✓", theme.title),
                Some(ExerciseState::Failing) => ("✗", theme.error),
            };
            let is_stuck = learner.stuck.as_ref().is_some_and(|st| st.exercise == i);
            let style = if selected {
                theme.selected
            } else if is_stuck {
                style.patch(theme.flagged)
            } else {
                style
            };
            buf.set_stringn(x, y, mark, 1, style);
            x += CELL_WIDTH as u16;
        }
        if cut {
            x += 1;
        }
        let mut pass = format!("{:>2}/{}", learner.passing(), s.exercises.len());
        // What the stuck learner fails, when the row has room for it.
        if let Some(st) = &learner.stuck {
            let req = st.requirement.as_deref().unwrap_or("?");
            pass.push_str(&format!("  {} {req}", s.label(st.exercise)));
        }
        let left = usize::from(area.right().saturating_sub(x));
        let style = if selected { base } else { Style::new() };
        buf.set_stringn(x, y, fit(&pass, left), left, style);
    }
}

/// The lines under the table: the selected learner's failing requirements (⏎), the files
/// left out (s), or else where the room is stuck.
fn panel_lines(state: &ClassState) -> Vec<(String, Style)> {
    let theme = &state.theme;
    let s = &state.snapshot;
    let mut lines = Vec::new();
    if state.skipped {
        lines.push((
            format!(" Files left out ({}):", s.problems.len()),
            theme.heading(3),
        ));
        for p in &s.problems {
            lines.push((
                format!("  {}: {}", p.path.to_string_lossy(), p.message),
                theme.error,
            ));
        }
        for r in &s.remarks {
            lines.push((format!("  note: {r}"), theme.dim));
        }
        if s.problems.is_empty() && s.remarks.is_empty() {
            lines.push(("  none".into(), theme.dim));
        }
        return lines;
    }
    if state.details
        && let Some(learner) = s.learners.get(state.selected)
    {
        lines.push((format!(" {}:", learner.name), theme.heading(3)));
        lines.extend(details(s, state.selected, state.now_ms));
        return lines;
    }
    let spots = s.hot_spots();
    if !spots.is_empty() {
        lines.push((" Where the room is stuck:".into(), theme.heading(3)));
        lines.extend(
            spots
                .into_iter()
                .take(4)
                .map(|t| (format!("  {t}"), Style::new())),
        );
    }
    lines
}

/// The selected learner's failing exercises, one line each.
fn details(s: &Snapshot, index: usize, now_ms: u64) -> Vec<(String, Style)> {
    let learner = &s.learners[index];
    let mut lines: Vec<(String, Style)> = learner
        .cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.as_ref()?)))
        .filter(|(_, c)| c.state == ExerciseState::Failing)
        .map(|(i, c)| {
            let since = c
                .failing_since_ms
                .map(|t| format!(", failing for {}", duration(now_ms.saturating_sub(t))))
                .unwrap_or_default();
            let plural =
                |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            (
                format!(
                    "  ✗ {} {}{since}, {}, {}",
                    s.label(i),
                    c.failing.as_deref().unwrap_or("?"),
                    plural(c.attempts, "attempt"),
                    plural(c.hints, "hint"),
                ),
                Style::new(),
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push(("  nothing failing".into(), Style::new()));
    }
    lines
}
