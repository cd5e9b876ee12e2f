//! The one function that changes the class screen: a key, a new snapshot of the folder, the
//! clock or a `git pull` result in; effects out. Tests drive it without a terminal.

use ratatui::crossterm::event::KeyEvent;

use super::keys::{ClassAction, action_for};
use super::state::{ClassState, Status};
use crate::tui::event::Msg;
use crate::tui::io_failure::IoFailure;
use crate::tui::keys::Input;
use crate::tui::update::Effect;
use crate::workshop::class::output::clock;
use crate::workshop::class::{PullError, Snapshot};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassMsg {
    Ui(Msg),
    /// The folder read again, or why it could not be.
    Loaded(Result<Snapshot, IoFailure>),
    /// Unix ms now: stuck times move on between reloads.
    Clock(u64),
    /// A `git pull` ended: its last line, or why it failed.
    Pulled(Result<String, PullError>),
}

pub fn update(state: &mut ClassState, msg: ClassMsg) -> Vec<Effect> {
    match msg {
        ClassMsg::Ui(Msg::Key(event)) => on_key(state, event),
        ClassMsg::Ui(Msg::WheelDown) => act(state, ClassAction::Down),
        ClassMsg::Ui(Msg::WheelUp) => act(state, ClassAction::Up),
        ClassMsg::Ui(Msg::Resize(width, height)) => {
            state.area = ratatui::layout::Rect::new(0, 0, width, height);
            vec![Effect::Redraw]
        }
        ClassMsg::Ui(Msg::Tick | Msg::Terminate | Msg::Click { .. }) => Vec::new(),
        ClassMsg::Loaded(Ok(snapshot)) => {
            // The selection stays on the same learner's file as the rows move.
            let file = state
                .snapshot
                .learners
                .get(state.selected)
                .map(|l| l.file.clone());
            state.selected = file
                .and_then(|f| snapshot.learners.iter().position(|l| l.file == f))
                .unwrap_or(0);
            state.loaded_ms = snapshot.now_ms;
            state.now_ms = state.now_ms.max(snapshot.now_ms);
            state.snapshot = snapshot;
            if state
                .status
                .as_ref()
                .is_some_and(|s| s.bad && s.text.starts_with("cannot read"))
            {
                state.status = None;
            }
            vec![Effect::Redraw]
        }
        ClassMsg::Loaded(Err(err)) => {
            state.status = Some(Status {
                text: format!("cannot read the class folder: {err}"),
                bad: true,
            });
            vec![Effect::Redraw]
        }
        ClassMsg::Clock(now) => {
            state.now_ms = now;
            vec![Effect::Redraw]
        }
        ClassMsg::Pulled(result) => {
            state.status = Some(match result {
                Ok(line) => Status {
                    text: format!("git pull ok at {} UTC {line}", clock(state.now_ms))
                        .trim_end()
                        .to_string(),
                    bad: false,
                },
                Err(err) => Status {
                    text: format!("git pull failed: {err}"),
                    bad: true,
                },
            });
            vec![Effect::Redraw]
        }
    }
}

fn on_key(state: &mut ClassState, event: KeyEvent) -> Vec<Effect> {
    match Input::from_key(event).and_then(action_for) {
        Some(action) => act(state, action),
        None => Vec::new(),
    }
}

fn act(state: &mut ClassState, action: ClassAction) -> Vec<Effect> {
    let last = state.snapshot.learners.len().saturating_sub(1);
    match action {
        ClassAction::Quit => return vec![Effect::Quit],
        ClassAction::Down => state.selected = (state.selected + 1).min(last),
        ClassAction::Up => state.selected = state.selected.saturating_sub(1),
        ClassAction::First => state.selected = 0,
        ClassAction::Last => state.selected = last,
        ClassAction::Details => state.details = !state.details,
        ClassAction::Skipped => state.skipped = !state.skipped,
        ClassAction::Reload => return vec![Effect::Reload, Effect::Redraw],
    }
    vec![Effect::Redraw]
}
