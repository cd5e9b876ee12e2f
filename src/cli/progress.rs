//! `dockerlings progress`: a summary table of the learner's progress, per lesson.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::lessons::{load_pack, out};
use crate::course::Course;
use crate::progress::location::NoDataDir;
use crate::progress::{Progress, Store, StoreError, default_progress_path};
use crate::quiz::QuizBook;
use crate::results::Score;
use crate::results::class::{KnownPack, duration};
use crate::results::export::{self, learner_name};
use crate::results::{Class, Encoding};
use crate::safe_fs::write_atomic;
use crate::workshop::manifest::Manifest;

/// Why the progress file cannot be opened: its place is unknown, or the file is unusable.
#[derive(Debug, thiserror::Error)]
pub(super) enum OpenError {
    #[error(transparent)]
    NoDataDir(#[from] NoDataDir),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The progress file to use: `--progress-file`, else the default in the data directory.
pub(super) fn progress_path(given: Option<&Path>) -> Result<PathBuf, NoDataDir> {
    match given {
        Some(path) => Ok(path.to_path_buf()),
        None => default_progress_path(),
    }
}

/// Opens the store, printing its notices to stderr (the learner must hear about them).
pub(super) fn open_store(given: Option<&Path>) -> Result<Store, OpenError> {
    let path = progress_path(given)?;
    let (store, notices) = Store::open(&path)?;
    for notice in notices {
        eprintln!("dockerlings: {}", super::shown(&notice));
    }
    Ok(store)
}

/// For the TUI: the store and its notices as text; when the file cannot be used at all, an
/// unsaved store that says why. A session saves, so it learns now whether it can.
pub(super) fn open_store_quietly(given: Option<&Path>) -> (Store, Vec<String>) {
    let opened = progress_path(given)
        .map_err(OpenError::from)
        .and_then(|path| Ok(Store::open(&path)?));
    match opened {
        Ok((mut store, mut notices)) => {
            notices.extend(store.check_writable());
            (store, notices.iter().map(ToString::to_string).collect())
        }
        Err(reason) => {
            let notice = format!("progress will not be saved: {reason}");
            (Store::unsaved(reason.to_string()), vec![notice])
        }
    }
}

/// `dockerlings progress [--export json|csv [--name NAME] [-o FILE] | --merge FILES...]`.
#[derive(Debug, clap::Args)]
pub struct ProgressArgs {
    /// Write your results for the instructor (lessons done, score, exercises, attempts,
    /// hints, solutions revealed) instead of showing the table.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "merge")]
    export: Option<ExportFormat>,
    /// Your name in the export (default: $DOCKERLINGS_NAME, else your login name).
    #[arg(long, requires = "export")]
    name: Option<String>,
    /// Write the export to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE", requires = "export")]
    output: Option<PathBuf>,
    /// Merge learners' exported files (JSON or CSV) into one class table.
    #[arg(long, value_name = "FILES", num_args = 1..)]
    merge: Option<Vec<PathBuf>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
}

pub(super) fn run(
    args: ProgressArgs,
    lessons: Option<&Path>,
    progress_file: Option<&Path>,
) -> ExitCode {
    // Inside a workshop folder, its pack is the learner's pack unless --lessons says otherwise.
    let workshop_pack = lessons.is_none().then(workshop_pack_here).flatten();
    let lessons = lessons.or(workshop_pack.as_deref());
    if let Some(files) = &args.merge {
        // The pack here, if it loads, is what the class's lesson IDs are checked against.
        let known = load_pack(lessons).ok().map(|course| KnownPack {
            fingerprint: export::fingerprint(&course, &QuizBook::for_course(&course)),
            lesson_ids: course.lessons.iter().map(|l| l.id.clone()).collect(),
        });
        return merge(files, known.as_ref());
    }
    let course = match load_pack(lessons) {
        Ok(course) => course,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    let store = match open_store(progress_file) {
        Ok(store) => store,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    let book = QuizBook::for_course(&course);
    if let Some(format) = args.export {
        return export(&args, format, lessons, &course, &book, store.progress());
    }
    if let Some(path) = store.path() {
        out(&format!("Progress file: {}\n\n", path.display()));
    }
    out(&table(&course, &book, store.progress()));
    ExitCode::SUCCESS
}

fn export(
    args: &ProgressArgs,
    format: ExportFormat,
    lessons: Option<&Path>,
    course: &Course,
    book: &QuizBook,
    progress: &Progress,
) -> ExitCode {
    let learner = match learner_name(args.name.as_deref(), |var| std::env::var(var).ok()) {
        Ok(name) => name,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    if course.lessons.is_empty() {
        eprintln!("dockerlings: no lesson of the pack loads, so there are no results to export");
        return ExitCode::from(2);
    }
    for error in course.errors.iter().chain(&book.errors) {
        eprintln!(
            "dockerlings: warning: {} (left out of the results)",
            super::shown(error)
        );
    }
    let results = export::collect(course, book, progress, &learner, &pack_name(lessons));
    let encoding = match format {
        ExportFormat::Json => Encoding::Json,
        ExportFormat::Csv => Encoding::Csv,
    };
    let text = results.encode(encoding);
    match &args.output {
        None => out(&text),
        Some(path) => {
            if let Err(err) = write_atomic(path, text.as_bytes()) {
                eprintln!(
                    "dockerlings: cannot write {}: {}",
                    super::shown(path.display()),
                    super::shown(&err)
                );
                return ExitCode::FAILURE;
            }
            out(&format!(
                "Wrote {}'s results on pack {} to {}\n",
                super::shown(&learner),
                super::shown(&results.pack.name),
                super::shown(path.display())
            ));
        }
    }
    ExitCode::SUCCESS
}

/// The pack's folder name, or `bundled`.
/// The pack of the workshop in the current folder, if it is one made from a pack on disk.
fn workshop_pack_here() -> Option<PathBuf> {
    let here = Path::new(".");
    Manifest::read(here).ok()?.pack_dir(here)
}

fn pack_name(lessons: Option<&Path>) -> String {
    let Some(dir) = lessons else {
        return "bundled".into();
    };
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The class table on stdout; files left out and remarks on stderr. Exit 1 when a file was
/// left out, so a script notices.
fn merge(files: &[PathBuf], known: Option<&KnownPack>) -> ExitCode {
    let class = Class::read_against(files, known);
    out(&class.table());
    for problem in &class.problems {
        eprintln!("dockerlings: {}", super::shown(problem));
    }
    for remark in &class.remarks {
        eprintln!("dockerlings: note: {}", super::shown(remark));
    }
    if class.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One row per lesson, then a total.
pub(super) fn table(course: &Course, book: &QuizBook, progress: &Progress) -> String {
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
}
