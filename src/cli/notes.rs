//! `dockerlings notes FILE`: a plain-text notes file (laid out like the course's source notes)
//! opened as a one-lesson course in the reader.

use std::path::Path;
use std::process::ExitCode;

use crate::course::Course;
use crate::course::notes::import;
use crate::safe_fs::{Kind, read_limited};
use crate::tui::CodeColours;

/// Reads and imports `file`, then runs the terminal UI on it. An unreadable file is reported
/// on stderr with exit status 2; bytes that are not UTF-8 are shown as U+FFFD, not refused,
/// since notes are often pasted from elsewhere.
pub(super) fn run(file: &Path, colours: CodeColours) -> ExitCode {
    let bytes = match read_limited(file, Kind::Notes) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!(
                "dockerlings: cannot read notes file {}: {}",
                super::shown(file.display()),
                super::shown(&err)
            );
            return ExitCode::from(2);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let lesson = import(&text, &file.display().to_string());
    let course = Course {
        lessons: vec![lesson],
        errors: Vec::new(),
    };
    super::course::run(course, colours)
}
