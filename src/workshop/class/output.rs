//! `class --once --format json|csv|markdown`: the snapshot the screen shows, for scripts.
//! JSON and CSV keep names exact (CSV cells a spreadsheet would run get an apostrophe);
//! Markdown is for people, so names are shown with control characters escaped.

use std::fmt::Write as _;

use serde::Serialize;

use super::snapshot::Snapshot;
use crate::results::class::duration;
use crate::results::csv_cell;

/// Names and messages from other people's files, for text a person reads: control
/// characters escaped, one line.
pub fn shown(text: &str) -> String {
    crate::escape::line(text.trim()).into_owned()
}

/// `HH:MM:SS` (UTC) of a Unix time in ms.
pub fn clock(ms: u64) -> String {
    let secs = ms / 1000 % 86_400;
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

#[derive(Serialize)]
struct JsonSnapshot<'a> {
    format: &'static str,
    generated_at_ms: u64,
    pack: Option<&'a crate::results::schema::PackIdentity>,
    exercises: &'a [String],
    learners: Vec<JsonLearner<'a>>,
    hot_spots: Vec<String>,
    skipped: Vec<JsonProblem>,
    remarks: &'a [String],
}

#[derive(Serialize)]
struct JsonLearner<'a> {
    name: &'a str,
    file: String,
    passing: usize,
    stuck_on: Option<&'a str>,
    stuck_ms: Option<u64>,
    failing_requirement: Option<&'a str>,
    last_save_ms: Option<u64>,
    exercises: Vec<Option<&'a crate::results::live::LiveExercise>>,
}

#[derive(Serialize)]
struct JsonProblem {
    file: String,
    reason: String,
}

pub fn json(s: &Snapshot) -> String {
    let doc = JsonSnapshot {
        format: "dockerlings-class",
        generated_at_ms: s.now_ms,
        pack: s.pack.as_ref(),
        exercises: &s.exercises,
        learners: s
            .learners
            .iter()
            .map(|l| JsonLearner {
                name: &l.name,
                file: l.file.to_string_lossy().into_owned(),
                passing: l.passing(),
                stuck_on: l.stuck.as_ref().map(|st| s.exercises[st.exercise].as_str()),
                stuck_ms: l.stuck_ms(s.now_ms),
                failing_requirement: l.stuck.as_ref().and_then(|st| st.requirement.as_deref()),
                last_save_ms: l.last_save_ms,
                exercises: l.cells.iter().map(Option::as_ref).collect(),
            })
            .collect(),
        hot_spots: s.hot_spots(),
        skipped: s
            .problems
            .iter()
            .map(|p| JsonProblem {
                file: p.path.to_string_lossy().into_owned(),
                reason: p.message.clone(),
            })
            .collect(),
        remarks: &s.remarks,
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("snapshot serialises");
    text.push('\n');
    text
}

/// One row per learner and exercise, in the snapshot's order.
pub fn csv(s: &Snapshot) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "learner",
        "file",
        "exercise",
        "state",
        "failing_requirement",
        "attempts",
        "hints",
        "time_ms",
        "failing_since_ms",
        "last_save_ms",
    ];
    writer.write_record(header).expect("CSV to memory");
    let number = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    for l in &s.learners {
        for (i, cell) in l.cells.iter().enumerate() {
            let row = [
                defuse(&l.name),
                defuse(&l.file.to_string_lossy()),
                defuse(&s.exercises[i]),
                cell.as_ref()
                    .map_or("unknown", |c| c.state.name())
                    .to_string(),
                defuse(
                    cell.as_ref()
                        .and_then(|c| c.failing.as_deref())
                        .unwrap_or(""),
                ),
                number(cell.as_ref().map(|c| c.attempts.into())),
                number(cell.as_ref().map(|c| c.hints.into())),
                number(cell.as_ref().map(|c| c.time_ms)),
                number(cell.as_ref().and_then(|c| c.failing_since_ms)),
                number(cell.as_ref().and_then(|c| c.last_save_ms)),
            ];
            writer.write_record(row).expect("CSV to memory");
        }
    }
    String::from_utf8(writer.into_inner().expect("CSV to memory")).expect("UTF-8 in, UTF-8 out")
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe.
fn defuse(cell: &str) -> String {
    csv_cell::defuse(cell).into_owned()
}

/// A table of learners by exercises, then the hot spots and the files left out.
pub fn markdown(s: &Snapshot) -> String {
    let mut out = String::from("# Class\n\n");
    if let Some(pack) = &s.pack {
        let _ = writeln!(
            out,
            "Pack {} ({}), {}.\n",
            cell(&pack.name),
            cell(&pack.fingerprint),
            s.learners_counted()
        );
    }
    if s.learners.is_empty() {
        out.push_str("No learner has reported yet.\n");
    } else {
        table(s, &mut out);
    }
    let spots = s.hot_spots();
    if !spots.is_empty() {
        out.push_str("\n## Where the room is stuck\n\n");
        for spot in spots {
            let _ = writeln!(out, "- {}", cell(&spot));
        }
    }
    if !s.problems.is_empty() {
        out.push_str("\n## Files left out\n\n");
        for p in &s.problems {
            let _ = writeln!(
                out,
                "- {}: {}",
                cell(&p.path.to_string_lossy()),
                cell(&p.message)
            );
        }
    }
    for remark in &s.remarks {
        let _ = writeln!(out, "\nNote: {}", cell(remark));
    }
    out
}

/// A name or message in a Markdown table cell: controls escaped, `|` too.
fn cell(text: &str) -> String {
    shown(text).replace('|', "\\|")
}

/// The Markdown table of learners by exercises.
fn table(s: &Snapshot, out: &mut String) {
    out.push_str("| Learner | Stuck |");
    for i in 0..s.exercises.len() {
        let _ = write!(out, " {} |", cell(s.label(i)));
    }
    out.push_str(" Passing |\n|---|---|");
    out.push_str(&"---|".repeat(s.exercises.len()));
    out.push_str("---|\n");
    for l in &s.learners {
        let stuck = match (&l.stuck, l.stuck_ms(s.now_ms)) {
            (Some(st), Some(ms)) => format!(
                "{} on {} {}",
                duration(ms),
                cell(s.label(st.exercise)),
                cell(st.requirement.as_deref().unwrap_or(""))
            ),
            _ => String::new(),
        };
        let _ = write!(out, "| {} | {} |", cell(&l.name), stuck.trim_end());
        for c in &l.cells {
            let _ = write!(out, " {} |", c.as_ref().map_or(" ", |c| c.state.mark()));
        }
        let _ = writeln!(out, " {}/{} |", l.passing(), s.exercises.len());
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::workshop::class::snapshot::tests::live_file;

    fn sample() -> Snapshot {
        Snapshot::build(
            vec![
                (
                    PathBuf::from("a.json"),
                    Ok(live_file("=HYPERLINK(\"x\")", &["✓", "✗non_root"], 9, 5)),
                ),
                (
                    PathBuf::from("b.json"),
                    Ok(live_file("Bob\u{1b}[31m|x", &["✓", "·"], 9, 5)),
                ),
            ],
            10,
        )
    }

    #[test]
    fn csv_defuses_formulas_and_keeps_names_exact_otherwise() {
        let text = csv(&sample());
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4, "{text}");
        assert_eq!(&rows[0][0], "'=HYPERLINK(\"x\")");
        assert_eq!(&rows[1][4], "non_root");
        assert_eq!(&rows[2][0], "Bob\u{1b}[31m|x");
    }

    #[test]
    fn markdown_escapes_controls_and_pipes() {
        let text = markdown(&sample());
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("Bob\\x1b[31m\\|x"), "{text}");
        assert!(text.contains("1 of 2 fail non_root on 02"), "{text}");
    }

    #[test]
    fn json_lists_learners_in_order() {
        let value: serde_json::Value = serde_json::from_str(&json(&sample())).unwrap();
        assert_eq!(value["format"], "dockerlings-class");
        assert_eq!(value["learners"][0]["failing_requirement"], "non_root");
        assert_eq!(value["learners"][1]["exercises"][1]["state"], "not_started");
    }
}
