//! The watch screen as a [`Program`] of the one run loop: the file watcher's events share
//! the channel with the terminal's input, so the loop sleeps until either arrives.

use std::any::Any;
use std::sync::mpsc::Sender;

use ratatui::Frame;

use super::state::{Tone, WatchState};
use super::update::{WatchMsg, update};
use crate::tui::event::Msg;
use crate::tui::external_editor;
use crate::tui::io_failure::IoFailure;
use crate::tui::run::{Exit, Program, run_program};
use crate::tui::screens;
use crate::tui::update::Effect;
use crate::workshop::Watcher;
use crate::workshop::report::now_ms;

/// Runs the watch screen on the real terminal until the learner quits or a signal arrives.
pub fn run(state: WatchState) -> anyhow::Result<Exit> {
    run_program(state)
}

impl Program for WatchState {
    type Msg = WatchMsg;

    fn ui(msg: Msg) -> WatchMsg {
        WatchMsg::Ui(msg)
    }

    fn update(&mut self, msg: WatchMsg) -> Vec<Effect> {
        update(self, msg)
    }

    fn view(&self, frame: &mut Frame) {
        screens::watch::render(self, frame);
    }

    fn connect(&mut self, tx: Sender<WatchMsg>) -> anyhow::Result<Box<dyn Any>> {
        let watcher = Watcher::start(&self.workshop, move |event| {
            let _ = tx.send(WatchMsg::File(event));
        })?;
        Ok(Box::new(watcher))
    }

    /// The instructor sees the learner arrive before the first save.
    fn started(&mut self) {
        self.report(now_ms());
    }

    /// Progress, then the live results for the class; a failure is shown on screen.
    fn save(&mut self) {
        if self.store.read_only_reason().is_none()
            && let Err(err) = self.store.save()
        {
            self.say(Tone::Bad, format!("✗ progress not saved: {err}"));
        }
        self.report(now_ms());
    }

    /// `$VISUAL`/`$EDITOR` on the current exercise's Dockerfile, in place: the watcher
    /// sees the save like any other.
    fn edit_externally(&mut self) -> Option<WatchMsg> {
        let index = self.current;
        let path = self.workshop.dockerfile(index);
        let result = external_editor::edit_file(&path).map_err(IoFailure::from);
        Some(WatchMsg::Edited(index, result))
    }
}
