//! Judging one exercise file as it is on disk. A file that is missing, unreadable, empty or
//! not UTF-8 (often one caught half-written) is an [`Outcome`] of its own, with a message the
//! learner can act on, never an error that stops the watcher.

use std::path::Path;

use crate::quiz::judge::judge;
use crate::quiz::{Exercise, Verdict};
use crate::safe_fs::{Kind, read_limited};

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The file was read and judged.
    Judged { source: String, verdict: Verdict },
    /// The file could not be judged; the message says why and what to do.
    Unjudged(Problem),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    Unreadable(String),
    Empty,
    NotUtf8,
}

impl Problem {
    pub fn message(&self) -> String {
        match self {
            Problem::Missing => {
                "the Dockerfile is missing (deleted or renamed?); save it again, or press r to \
                 get the starter back"
                    .into()
            }
            Problem::Unreadable(err) => format!("cannot read the Dockerfile: {err}"),
            Problem::Empty => {
                "the Dockerfile is empty (still being written?); it is checked again on the next save"
                    .into()
            }
            Problem::NotUtf8 => {
                "the Dockerfile is not UTF-8 text (half-written, or saved in another encoding); \
                 it is checked again on the next save"
                    .into()
            }
        }
    }
}

impl Outcome {
    pub fn passed(&self) -> bool {
        matches!(self, Outcome::Judged { verdict, .. } if verdict.passed())
    }

    pub fn verdict(&self) -> Option<&Verdict> {
        match self {
            Outcome::Judged { verdict, .. } => Some(verdict),
            Outcome::Unjudged(_) => None,
        }
    }

    /// The judged text, if it was judged.
    pub fn source(&self) -> Option<&str> {
        match self {
            Outcome::Judged { source, .. } => Some(source),
            Outcome::Unjudged(_) => None,
        }
    }
}

/// Reads the Dockerfile at `path` and judges it against the exercise's requirements.
pub fn check_file(exercise: &Exercise, path: &Path) -> Outcome {
    let bytes = match read_limited(path, Kind::Dockerfile) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Outcome::Unjudged(Problem::Missing);
        }
        Err(e) => return Outcome::Unjudged(Problem::Unreadable(e.to_string())),
    };
    check_bytes(exercise, bytes)
}

/// Judges file contents; the part of [`check_file`] that needs no disk.
pub(crate) fn check_bytes(exercise: &Exercise, bytes: Vec<u8>) -> Outcome {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Unjudged(Problem::Empty);
    }
    let Ok(source) = String::from_utf8(bytes) else {
        return Outcome::Unjudged(Problem::NotUtf8);
    };
    let verdict = judge(&exercise.requirements, &source);
    Outcome::Judged { source, verdict }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Requirement;

    fn exercise() -> Exercise {
        Exercise {
            starter: "FROM alpine\n".into(),
            context: vec![],
            requirements: vec![Requirement::MinStages(2)],
            solutions: vec![],
            wrong: vec![],
            reveal_after: 3,
        }
    }

    #[test]
    fn judged_pass_and_fail() {
        let ex = exercise();
        assert!(!check_bytes(&ex, b"FROM a\n".to_vec()).passed());
        let two = check_bytes(&ex, b"FROM a AS b\nFROM c\n".to_vec());
        assert!(two.passed(), "{two:?}");
        assert_eq!(two.source(), Some("FROM a AS b\nFROM c\n"));
    }

    #[test]
    fn bad_files_are_problems_not_failures() {
        let ex = exercise();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Dockerfile");
        assert_eq!(check_file(&ex, &path), Outcome::Unjudged(Problem::Missing));
        assert_eq!(
            check_bytes(&ex, b" \n".to_vec()),
            Outcome::Unjudged(Problem::Empty)
        );
        // A multi-byte character cut in half by a write in progress.
        assert_eq!(
            check_bytes(&ex, b"FROM caf\xc3".to_vec()),
            Outcome::Unjudged(Problem::NotUtf8)
        );
        std::fs::create_dir(&path).unwrap();
        assert!(matches!(
            check_file(&ex, &path),
            Outcome::Unjudged(Problem::Unreadable(_))
        ));
    }

    /// The watcher reads on its UI thread: a fifo or an endless file must come back at once.
    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_huge_file_is_unreadable_at_once() {
        let ex = exercise();
        let dir = tempfile::tempdir().unwrap();
        let huge = dir.path().join("huge");
        std::fs::File::create(&huge)
            .unwrap()
            .set_len(2 * 1024 * 1024)
            .unwrap();
        let started = std::time::Instant::now();
        let Outcome::Unjudged(Problem::Unreadable(why)) = check_file(&ex, &huge) else {
            panic!("a huge file was judged");
        };
        assert!(why.starts_with("larger than 1 MiB"), "{why}");
        let fifo = dir.path().join("fifo");
        if std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            let Outcome::Unjudged(Problem::Unreadable(why)) = check_file(&ex, &fifo) else {
                panic!("a fifo was judged");
            };
            assert!(why.contains("fifo"), "{why}");
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
