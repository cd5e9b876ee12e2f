//! Workshops: a pack's Dockerfile exercises as folders on disk, edited in the learner's own
//! editor and re-checked on every save. `init` writes the folder ([`init`]), [`Workshop`]
//! opens one, [`check`] judges an exercise's file, [`board`] keeps
//! every exercise's latest outcome, [`watcher`] reports saves over a channel.
//! Knows nothing of the terminal.

pub(crate) mod board;
pub(crate) mod check;
pub mod class;
pub(crate) mod files;
pub mod init;
pub(crate) mod manifest;
pub(crate) mod open;
pub(crate) mod report;
pub(crate) mod watcher;

use std::path::{Path, PathBuf};

pub use board::{Board, Status};
pub use check::{Outcome, Problem, check_file};
pub use init::init;
pub use manifest::{MANIFEST, Manifest};
pub use open::Workshop;
pub(crate) use open::WorkshopExercise;
pub use report::Reporter;
pub use watcher::{WatchEvent, Watcher};

use crate::course::PackError;

/// A workshop folder that cannot be written or opened (the CLI prints it; see each command
/// for the exit status).
#[derive(Debug, thiserror::Error)]
pub enum WorkshopError {
    #[error("workshop folder {} does not exist", .0.display())]
    Missing(PathBuf),
    #[error(
        "{} is not a workshop folder (it has no {MANIFEST}); make one with `dockerlings workshop init {}`",
        .0.display(), .0.display()
    )]
    NotAWorkshop(PathBuf),
    #[error("{}: {message}", path.display())]
    Manifest { path: PathBuf, message: String },
    #[error("the workshop's lesson pack: {0}")]
    Pack(#[from] PackError),
    #[error("{}: the lesson pack has no exercise `{question}` (lesson `{lesson}`) for folder {folder}", manifest.display())]
    UnknownExercise {
        manifest: PathBuf,
        folder: String,
        lesson: String,
        question: String,
    },
    #[error("the lesson pack has no Dockerfile exercises, so there is nothing to hand out")]
    NoExercises,
    #[error(
        "nothing was written: {} build-context name(s) cannot be files in an exercise folder \
         (`dockerlings verify-lessons` lists them too):\n{}",
        .0.len(),
        .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
    )]
    Context(Vec<String>),
    #[error(
        "nothing was written: the lesson pack has {} problem(s) (`dockerlings verify-lessons` lists them too):\n{}",
        .0.len(),
        .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
    )]
    Invalid(Vec<String>),
    #[error(
        "not overwriting {} file(s) edited since the workshop was written (--force overwrites them):\n{}",
        .0.len(),
        .0.iter().map(|p| format!("  {}", p.display())).collect::<Vec<_>>().join("\n")
    )]
    Edited(Vec<PathBuf>),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl WorkshopError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> WorkshopError {
        WorkshopError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
