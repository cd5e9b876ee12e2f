//! `dockerlings progress`: a summary table of the learner's progress, per lesson.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::lessons::{load_pack, out};
use crate::course::Course;
use crate::progress::{Progress, Store, default_progress_path};
use crate::quiz::{QuizBook, Score};

/// The progress file to use: `--progress-file`, else the default in the data directory.
pub(super) fn progress_path(given: Option<&Path>) -> Result<PathBuf, String> {
    match given {
        Some(path) => Ok(path.to_path_buf()),
        None => default_progress_path(),
    }
}

/// Opens the store, printing its notices to stderr (the learner must hear about them).
pub(super) fn open_store(given: Option<&Path>) -> Result<Store, String> {
    let path = progress_path(given)?;
    let (store, notices) = Store::open(&path).map_err(|e| e.to_string())?;
    for notice in notices {
        eprintln!("dockerlings: {notice}");
    }
    Ok(store)
}

/// For the TUI: the store and its notices as text; when the file cannot be used at all, an
/// unsaved store that says why.
pub(super) fn open_store_quietly(given: Option<&Path>) -> (Store, Vec<String>) {
    let opened =
        progress_path(given).and_then(|path| Store::open(&path).map_err(|e| e.to_string()));
    match opened {
        Ok((store, notices)) => (store, notices.iter().map(ToString::to_string).collect()),
        Err(reason) => {
            let notice = format!("progress will not be saved: {reason}");
            (Store::unsaved(reason), vec![notice])
        }
    }
}

pub fn run(lessons: Option<&Path>, progress_file: Option<&Path>) -> ExitCode {
    let course = match load_pack(lessons) {
        Ok(course) => course,
        Err(err) => {
            eprintln!("dockerlings: {err}");
            return ExitCode::from(2);
        }
    };
    let store = match open_store(progress_file) {
        Ok(store) => store,
        Err(err) => {
            eprintln!("dockerlings: {err}");
            return ExitCode::from(2);
        }
    };
    let book = QuizBook::for_course(&course);
    if let Some(path) = store.path() {
        out(&format!("Progress file: {}\n\n", path.display()));
    }
    out(&table(&course, &book, store.progress()));
    ExitCode::SUCCESS
}

/// One row per lesson, then a total.
pub fn table(course: &Course, book: &QuizBook, progress: &Progress) -> String {
    let header = [
        "Lesson", "Answered", "Correct", "Attempts", "Hints", "Revealed", "Time",
    ];
    let mut rows: Vec<[String; 7]> = Vec::new();
    let mut totals = [0u64; 6];
    for lesson in &course.lessons {
        let score = book
            .for_lesson(&lesson.id)
            .map(|quiz| Score::of(quiz, progress))
            .unwrap_or_default();
        let saved = progress.lessons.get(&lesson.id);
        let sum = |f: fn(&crate::progress::QuestionProgress) -> u64| {
            saved.map_or(0, |l| l.questions.values().map(f).sum::<u64>())
        };
        let attempts = sum(|q| u64::from(q.attempts));
        let hints = sum(|q| u64::from(q.hints_used));
        let revealed = sum(|q| u64::from(q.revealed));
        let ms = sum(|q| q.time_spent_ms) + saved.map_or(0, |l| l.reading_ms);
        for (t, v) in totals.iter_mut().zip([
            score.answered as u64,
            score.correct as u64,
            attempts,
            hints,
            revealed,
            ms,
        ]) {
            *t += v;
        }
        rows.push([
            lesson.id.clone(),
            format!("{}/{}", score.answered, score.total),
            format!("{}/{}", score.correct, score.total),
            attempts.to_string(),
            hints.to_string(),
            revealed.to_string(),
            duration(ms),
        ]);
    }
    let total: usize = book.quizzes.iter().map(|q| q.questions.len()).sum();
    rows.push([
        "total".into(),
        format!("{}/{total}", totals[0]),
        format!("{}/{total}", totals[1]),
        totals[2].to_string(),
        totals[3].to_string(),
        totals[4].to_string(),
        duration(totals[5]),
    ]);
    let widths: Vec<usize> = (0..7)
        .map(|c| {
            rows.iter()
                .map(|r| r[c].chars().count())
                .chain([header[c].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[&str]| {
        let mut out = String::new();
        for (c, cell) in cells.iter().enumerate() {
            if c == 0 {
                out.push_str(&format!("{cell:<w$}", w = widths[0]));
            } else {
                out.push_str(&format!("  {cell:>w$}", w = widths[c]));
            }
        }
        out.push('\n');
        out
    };
    let mut out = line(&header);
    for (i, row) in rows.iter().enumerate() {
        if i + 1 == rows.len() {
            out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 12));
            out.push('\n');
        }
        out.push_str(&line(&row.each_ref().map(String::as_str)));
    }
    out
}

/// `1h 02m`, `3m 20s`, `45s`.
fn duration(ms: u64) -> String {
    let secs = ms / 1000;
    match (secs / 3600, secs / 60 % 60, secs % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m {s:02}s"),
        (h, m, _) => format!("{h}h {m:02}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_counts_answers_and_totals() {
        let course = Course::bundled();
        let book = QuizBook::for_course(&course);
        let mut progress = Progress::default();
        if let Some(quiz) = book.quizzes.first() {
            let q = &quiz.questions[0].id;
            progress.record_answer(&quiz.lesson_id, q, false);
            progress.record_answer(&quiz.lesson_id, q, true);
            progress.record_hint(&quiz.lesson_id, q);
            progress.add_time(&quiz.lesson_id, q, 65_000);
        }
        let table = table(&course, &book, &progress);
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("Lesson"));
        assert_eq!(lines.len(), course.lessons.len() + 3, "{table}");
        if !book.quizzes.is_empty() {
            assert!(lines[1].contains("1m 05s"), "{table}");
            let total = lines.last().unwrap();
            assert!(
                total.starts_with("total") && total.contains(" 2 "),
                "{table}"
            );
        }
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45_000), "45s");
        assert_eq!(duration(200_000), "3m 20s");
        assert_eq!(duration(3_720_000), "1h 02m");
    }
}
