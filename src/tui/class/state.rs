//! The class screen's state: the last snapshot of the folder, the selected learner, which
//! panels are open, and the status line. Changed only by [`super::update::update`].

use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::tui::theme::Theme;
use crate::workshop::class::Snapshot;

pub struct ClassState {
    /// The class folder, as given.
    pub dir: PathBuf,
    pub snapshot: Snapshot,
    /// Index into the snapshot's learners.
    pub selected: usize,
    /// The selected learner's failing requirements are shown.
    pub(crate) details: bool,
    /// The files left out are listed.
    pub skipped: bool,
    /// Unix ms now, for "stuck for" times between reloads.
    pub now_ms: u64,
    /// When the folder was last read (Unix ms; 0: not yet).
    pub(crate) loaded_ms: u64,
    /// The last problem reading the folder, or the last `git pull`'s result.
    pub status: Option<Status>,
    pub theme: Theme,
    pub area: Rect,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub bad: bool,
}

impl ClassState {
    pub fn new(dir: PathBuf, snapshot: Snapshot) -> ClassState {
        ClassState {
            dir,
            now_ms: snapshot.now_ms,
            loaded_ms: snapshot.now_ms,
            snapshot,
            selected: 0,
            details: false,
            skipped: false,
            status: None,
            theme: Theme::default(),
            area: Rect::new(0, 0, 80, 24),
        }
    }
}
