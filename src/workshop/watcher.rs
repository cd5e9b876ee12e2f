//! Reporting saves: a debounced notify watcher on the `exercises/` folder (the folder, not the
//! files, so editors that save by writing a new file and renaming it over the old one, such
//! as vim, VS Code and JetBrains IDEs, are seen as well as those that truncate and write). Each
//! burst of events becomes one [`WatchEvent`] per exercise, handed to a callback on the
//! watcher's own thread; nothing polls.

use std::collections::BTreeSet;
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use super::{Workshop, WorkshopError};

/// Quiet time after the last event on a file before it is reported: an editor's save is
/// several events (write, truncate, rename, attributes) within a few milliseconds.
pub const DEBOUNCE: Duration = Duration::from_millis(60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// Exercise `index`'s Dockerfile (or its folder) changed: check it again.
    Changed(usize),
    /// The watcher reported a problem; it keeps watching.
    Error(String),
}

/// Watches while it lives; dropping it stops the watcher's thread.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl Watcher {
    /// Starts watching the workshop's exercises; `send` gets each event.
    pub fn start(
        workshop: &Workshop,
        send: impl Fn(WatchEvent) + Send + 'static,
    ) -> Result<Watcher, WorkshopError> {
        let routes = workshop.clone();
        let handler = move |result: DebounceEventResult| match result {
            Ok(events) => {
                let changed: BTreeSet<usize> = events
                    .iter()
                    .filter_map(|e| routes.exercise_of(&e.path))
                    .collect();
                for index in changed {
                    send(WatchEvent::Changed(index));
                }
            }
            Err(err) => send(WatchEvent::Error(format!("file watcher: {err}"))),
        };
        let dir = workshop.exercises_dir();
        let failed = |err: notify_debouncer_mini::notify::Error| {
            WorkshopError::io(&dir, std::io::Error::other(err.to_string()))
        };
        let mut debouncer = new_debouncer(DEBOUNCE, handler).map_err(failed)?;
        debouncer
            .watcher()
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(failed)?;
        Ok(Watcher {
            _debouncer: debouncer,
        })
    }
}
