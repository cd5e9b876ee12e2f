//! `dockerlings grade EXERCISE FILE [--format text|json]`: judges one file against one exercise
//! of the pack (`--lessons DIR`, else the bundled one), for instructors and autograders.
//! Exit status: 0 the file passes, 1 it fails, 2 it cannot be judged (no such exercise, a
//! question that is not a Dockerfile exercise, a file or pack that cannot be read).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use super::check::input;
use crate::course::Course;
use crate::quiz::QuizBook;
use crate::quiz::grade::{self, Graded};

#[derive(Debug, clap::Args)]
pub struct GradeArgs {
    /// The exercise's id (`dockerlings lessons` lists them).
    exercise: String,
    /// The Dockerfile to judge (`-` for standard input).
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The checklist (pass/FAIL, reason, file:line), the findings and a result line.
    Text,
    /// One JSON document (`format`, `schema_version`, `passed`, `requirements`, `findings`).
    Json,
}

const EXIT_FAILED: u8 = 1;
const EXIT_CANNOT_JUDGE: u8 = 2;

pub(super) fn run(args: GradeArgs, lessons: Option<&Path>) -> ExitCode {
    let file = args.file.display().to_string();
    let cannot = |kind: &str, message: String, suggestions: &[String]| {
        eprintln!("dockerlings grade: {message}");
        if args.format == Format::Json {
            let doc = grade::json_error(&args.exercise, &file, kind, &message, suggestions);
            // The exit status already says it; a closed stdout changes nothing.
            let _ = super::write_report(&doc);
        }
        ExitCode::from(EXIT_CANNOT_JUDGE)
    };
    let course = match lessons {
        None => Course::bundled(),
        Some(dir) => match Course::load_dir(dir) {
            Ok(course) => course,
            Err(err) => return cannot("unusable_pack", err.to_string(), &[]),
        },
    };
    let book = QuizBook::for_course(&course);
    let found = match grade::find(&book, &args.exercise) {
        Ok(found) => found,
        Err(not_found) => {
            let suggestions = match &not_found {
                grade::NotFound::Unknown { suggestions } => suggestions.clone(),
                grade::NotFound::NotDockerfile { .. } => Vec::new(),
            };
            let message = not_found.message(&args.exercise, &book);
            return cannot(not_found.kind(), message, &suggestions);
        }
    };
    let source = match input::read_named(&args.file) {
        Ok(source) => source,
        Err(err) => return cannot("unreadable_file", err.to_string(), &[]),
    };
    let graded = Graded::new(found, file, &source);
    let out = match args.format {
        Format::Text => grade::text(&graded),
        Format::Json => grade::json(&graded),
    };
    if let Err(err) = super::write_report(&out) {
        eprintln!("dockerlings grade: cannot write the report: {err}");
        return ExitCode::from(EXIT_CANNOT_JUDGE);
    }
    if graded.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILED)
    }
}
