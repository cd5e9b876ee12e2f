//! Reporting saves: a debounced notify watcher on the `exercises/` folder (the folder, not the
//! files, so editors that save by writing a new file and renaming it over the old one, such
//! as vim, VS Code and JetBrains IDEs, are seen as well as those that truncate and write). Each
//! burst of events becomes one [`WatchEvent`] per exercise, handed to a callback on the
//! watcher's own thread; nothing polls.
//!
//! Opening and reading a file are events too (inotify's IN_OPEN), and the mini debouncer
//! forgets event kinds, so reads are dropped before it sees them ([`ChangesOnly`]): otherwise
//! judging a file would announce a change to that file, forever.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use notify_debouncer_mini::notify::event::{AccessKind, AccessMode, Event, EventKind};
use notify_debouncer_mini::notify::{
    self, Config, EventHandler, RecommendedWatcher, RecursiveMode, WatcherKind,
};
use notify_debouncer_mini::{Debouncer, new_debouncer_opt};

use super::{Workshop, WorkshopError};

/// Quiet time after the last event on a file before it is reported: an editor's save is
/// several events (write, truncate, rename, attributes) within a few milliseconds.
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// Exercise `index`'s Dockerfile (or its folder) changed: check it again.
    Changed(usize),
    /// The watcher reported a problem; it keeps watching.
    Error(String),
}

/// Watches while it lives; dropping it stops the watcher's thread.
pub struct Watcher {
    _debouncer: Debouncer<ChangesOnly>,
}

impl Watcher {
    /// Starts watching the workshop's exercises; `send` gets each event.
    pub fn start(
        workshop: &Workshop,
        send: impl Fn(WatchEvent) + Send + 'static,
    ) -> Result<Watcher, WorkshopError> {
        let routes = workshop.clone();
        let handler = move |result: notify_debouncer_mini::DebounceEventResult| match result {
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
        let config = notify_debouncer_mini::Config::default().with_timeout(DEBOUNCE);
        let mut debouncer = new_debouncer_opt(config, handler).map_err(failed)?;
        debouncer
            .watcher()
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(failed)?;
        Ok(Watcher {
            _debouncer: debouncer,
        })
    }
}

/// The platform's watcher, passing on every event but reads (opening, reading, closing a file
/// that was only read). A writer's close is kept: it marks the end of a save.
pub(crate) struct ChangesOnly(RecommendedWatcher);

struct DropReads<F>(F);

impl<F: EventHandler> EventHandler for DropReads<F> {
    fn handle_event(&mut self, event: notify::Result<Event>) {
        if let Ok(event) = &event
            && let EventKind::Access(access) = event.kind
            && access != AccessKind::Close(AccessMode::Write)
        {
            return;
        }
        self.0.handle_event(event);
    }
}

impl notify::Watcher for ChangesOnly {
    fn new<F: EventHandler>(event_handler: F, config: Config) -> notify::Result<Self> {
        RecommendedWatcher::new(DropReads(event_handler), config).map(ChangesOnly)
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        self.0.watch(path, recursive_mode)
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.0.unwatch(path)
    }

    fn kind() -> WatcherKind {
        RecommendedWatcher::kind()
    }
}
