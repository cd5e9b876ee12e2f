//! The class screen's sources, run by the one run loop ([`crate::tui::run`]). One channel brings terminal input, new snapshots, the clock and `git pull`
//! results; the folder is read on a loader thread, so a slow network folder or a big file
//! never holds up a key press. The loader reads the folder again when the notify watcher
//! reports a change, and otherwise checks the folder's [`signature`] every [`POLL`]: network
//! filesystems often deliver no events, and this catches what they miss.

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher as _};
use ratatui::Frame;

use super::state::{ClassState, Status};
use super::update::{ClassMsg, update};
use crate::tui::event::Msg;
use crate::tui::io_failure::IoFailure;
use crate::tui::run::{Exit, Program, run_program};
use crate::tui::screens;
use crate::tui::update::Effect;
use crate::workshop::class::scan::signature;
use crate::workshop::class::{Snapshot, git};
use crate::workshop::report::now_ms;

/// How often the loader looks at the folder without being told of a change (and the stuck
/// times move on): a save shows within this, even on a filesystem that sends no events.
pub const POLL: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Something may have changed: read again if the signature did.
    Check,
    /// Read again in any case.
    Reload,
}

/// Runs the class screen until the instructor quits or a signal arrives. `git_pull`: run
/// `git pull --ff-only` in the folder this often.
pub fn run(state: ClassState, git_pull: Option<Duration>) -> anyhow::Result<Exit> {
    run_program(Class {
        state,
        git_pull,
        wake: None,
    })
}

/// The class screen with its sources, as a [`Program`] of the one run loop.
struct Class {
    state: ClassState,
    git_pull: Option<Duration>,
    /// Wakes the loader; set once the sources run.
    wake: Option<Sender<Wake>>,
}

impl Program for Class {
    type Msg = ClassMsg;

    fn ui(msg: Msg) -> ClassMsg {
        ClassMsg::Ui(msg)
    }

    fn update(&mut self, msg: ClassMsg) -> Vec<Effect> {
        update(&mut self.state, msg)
    }

    fn view(&self, frame: &mut Frame) {
        screens::class::render(&self.state, frame);
    }

    fn connect(&mut self, tx: Sender<ClassMsg>) -> anyhow::Result<Box<dyn Any>> {
        let state = &mut self.state;
        let (wake, woken) = mpsc::channel::<Wake>();
        let watcher = match watch_folder(&state.dir, wake.clone()) {
            Ok(watcher) => Some(watcher),
            Err(err) => {
                state.status = Some(Status {
                    text: format!("no change events ({err}); looking every {POLL:?}"),
                    bad: false,
                });
                None
            }
        };
        spawn_loader(state.dir.clone(), woken, tx.clone());
        if let Some(every) = self.git_pull {
            spawn_git(state.dir.clone(), every, tx, wake.clone());
        }
        self.wake = Some(wake);
        Ok(Box::new(watcher))
    }

    fn reload(&mut self) {
        if let Some(wake) = &self.wake {
            let _ = wake.send(Wake::Reload);
        }
    }
}

/// Change events for the folder itself (not below it). Reads are not changes: the loader's
/// own reading must not wake it again.
fn watch_folder(dir: &Path, wake: Sender<Wake>) -> notify::Result<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, EventKind::Access(_))
        {
            let _ = wake.send(Wake::Check);
        }
    })?;
    watcher.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// The loader thread: reads `dir` when woken, or every [`POLL`] when its signature changed,
/// and sends the clock and each new snapshot to `tx`. Ends when either channel closes.
pub fn spawn_loader(dir: PathBuf, woken: Receiver<Wake>, tx: Sender<ClassMsg>) {
    thread::spawn(move || {
        let mut seen = signature(&dir).ok();
        loop {
            let mut reload = match woken.recv_timeout(POLL) {
                Ok(wake) => wake == Wake::Reload,
                Err(RecvTimeoutError::Timeout) => false,
                Err(RecvTimeoutError::Disconnected) => return,
            };
            // A burst of events is one look at the folder.
            reload |= woken.try_iter().any(|w| w == Wake::Reload);
            let now = now_ms();
            if tx.send(ClassMsg::Clock(now)).is_err() {
                return;
            }
            let current = signature(&dir).ok();
            if reload || current != seen {
                seen = current;
                let loaded = Snapshot::load(&dir, now).map_err(IoFailure::from);
                if tx.send(ClassMsg::Loaded(loaded)).is_err() {
                    return;
                }
            }
        }
    });
}

/// `git pull` now, then every `every`; a pull that brought something wakes the loader.
fn spawn_git(dir: PathBuf, every: Duration, tx: Sender<ClassMsg>, wake: Sender<Wake>) {
    thread::spawn(move || {
        loop {
            let pulled = git::pull(&dir);
            let ok = pulled.is_ok();
            if tx.send(ClassMsg::Pulled(pulled)).is_err() {
                return;
            }
            if ok {
                let _ = wake.send(Wake::Check);
            }
            thread::sleep(every);
        }
    });
}
