//! The watch loop: one channel carries both the terminal's input (read on its own thread) and
//! the file watcher's events, so the loop sleeps until either arrives; it wakes at least every
//! [`SIGNAL_CHECK`] only to notice SIGTERM/SIGHUP.

use std::sync::mpsc;
use std::time::Duration;

use super::state::{Tone, WatchState};
use super::update::{WatchEffect, WatchMsg, update};
use crate::tui::event::Msg;
use crate::tui::input::Input;
use crate::tui::run::Exit;
use crate::tui::screens;
use crate::tui::terminal::{Session, Signals};
use crate::workshop::Watcher;
use crate::workshop::report::now_ms;

/// How often the loop looks for a termination signal while nothing happens.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// Runs the watch screen on the real terminal until the learner quits or a signal arrives.
pub fn run(mut state: WatchState) -> anyhow::Result<Exit> {
    let (tx, rx) = mpsc::channel::<WatchMsg>();
    let files = tx.clone();
    let _watcher = Watcher::start(&state.workshop, move |event| {
        let _ = files.send(WatchMsg::File(event));
    })?;
    let signals = Signals::watch()?;
    let mut session = Session::start()?;
    let size = session.terminal.size()?;
    update(
        &mut state,
        WatchMsg::Ui(Msg::Resize(size.width, size.height)),
    );
    let _input = Input::spawn(tx, WatchMsg::Ui);
    // The instructor sees the learner arrive before the first save.
    state.report(now_ms());
    let mut dirty = true;
    loop {
        if let Some(signal) = signals.received() {
            save_progress(&mut state);
            return Ok(Exit::Signal(signal));
        }
        if dirty {
            session
                .terminal
                .draw(|frame| screens::watch::render(&state, frame))?;
            dirty = false;
        }
        let first = match rx.recv_timeout(SIGNAL_CHECK) {
            Ok(msg) => msg,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
        };
        // Take everything already queued (a burst of saves or wheel notches) before drawing.
        let mut report = false;
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            let from_file = matches!(msg, WatchMsg::File(_));
            let effects = update(&mut state, msg);
            report |= !effects.is_empty() && from_file;
            for effect in effects {
                match effect {
                    WatchEffect::Quit => {
                        save_progress(&mut state);
                        return Ok(Exit::Quit);
                    }
                    WatchEffect::Redraw => dirty = true,
                    WatchEffect::SaveProgress => {
                        save_progress(&mut state);
                        report = true;
                    }
                }
            }
        }
        if report {
            state.report(now_ms());
            dirty = true;
        }
    }
}

/// Saves progress; a failure is shown on screen, never lost silently.
fn save_progress(state: &mut WatchState) {
    if state.store.read_only_reason().is_some() {
        return;
    }
    if let Err(err) = state.store.save() {
        state.say(Tone::Bad, format!("✗ progress not saved: {err}"));
    }
}
