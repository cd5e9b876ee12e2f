//! The one function that changes the watch screen's state: a key or a file event in, effects
//! out. File events come from [`crate::workshop::Watcher`] through the run loop's channel, so
//! tests drive this without a terminal.

use ratatui::crossterm::event::KeyEvent;

use super::keys::{WatchAction, action_for};
use super::state::{Panel, Tone, WatchState};
use crate::progress::Help;
use crate::quiz::hints::next_hint;
use crate::tui::confirm;
use crate::tui::event::Msg;
use crate::tui::io_failure::IoFailure;
use crate::tui::keys::Input;
use crate::tui::update::Effect;
use crate::workshop::{Outcome, WatchEvent};

/// Further than any verdict is long.
const MAX_SCROLL: u16 = 200;

/// Everything that can change the watch screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchMsg {
    /// Terminal input, resize, tick.
    Ui(Msg),
    File(WatchEvent),
    /// `$EDITOR` closed on exercise `.0`'s Dockerfile, or could not run.
    Edited(usize, Result<(), IoFailure>),
}

pub fn update(state: &mut WatchState, msg: WatchMsg) -> Vec<Effect> {
    if let Some(index) = worked_on(state, &msg) {
        state.clock_in(index);
    }
    match msg {
        WatchMsg::File(WatchEvent::Changed(index)) if index < state.board.outcomes.len() => {
            on_change(state, index, false)
        }
        WatchMsg::File(WatchEvent::Changed(_)) => Vec::new(),
        WatchMsg::File(WatchEvent::Error(err)) => {
            state.say(Tone::Bad, format!("✗ {err} (still watching)"));
            vec![Effect::Redraw]
        }
        WatchMsg::Edited(index, Ok(())) if index < state.board.outcomes.len() => {
            on_change(state, index, true)
        }
        WatchMsg::Edited(_, Ok(())) => Vec::new(),
        WatchMsg::Edited(_, Err(err)) => {
            state.say(Tone::Bad, format!("✗ $EDITOR: {err}"));
            vec![Effect::Redraw]
        }
        WatchMsg::Ui(Msg::Key(event)) => on_key(state, event),
        WatchMsg::Ui(Msg::WheelDown) => act(state, WatchAction::Down),
        WatchMsg::Ui(Msg::WheelUp) => act(state, WatchAction::Up),
        WatchMsg::Ui(Msg::Resize(width, height)) => {
            state.area = ratatui::layout::Rect::new(0, 0, width, height);
            vec![Effect::Redraw]
        }
        WatchMsg::Ui(Msg::Tick | Msg::Terminate | Msg::Click { .. }) => Vec::new(),
    }
}

/// The exercise a message shows the learner at work on: the one saved or edited, else the
/// one on screen for a key or the wheel; `None` for what the learner did not do.
fn worked_on(state: &WatchState, msg: &WatchMsg) -> Option<usize> {
    match msg {
        WatchMsg::File(WatchEvent::Changed(index)) | WatchMsg::Edited(index, _) => Some(*index),
        WatchMsg::Ui(Msg::Key(_) | Msg::WheelUp | Msg::WheelDown) => Some(state.current),
        _ => None,
    }
}

/// A save touched exercise `index`: judge it again, record a new attempt, tell the learner
/// (when something changed, or `always` when the learner asked for the check).
fn on_change(state: &mut WatchState, index: usize, always: bool) -> Vec<Effect> {
    let found = state.board.recheck(&state.workshop, index);
    if !found.changed && !always {
        return Vec::new();
    }
    // Like rustlings: the exercise just saved is the one the learner works on.
    select(state, index);
    let mut effects = vec![Effect::Redraw];
    let ex = &state.workshop.exercises[index];
    let outcome = &state.board.outcomes[index];
    if found.new_attempt {
        let progress = state.store.progress_mut();
        progress.record_check(&ex.lesson_id, &ex.question.id, outcome.passed());
        progress.question_mut(&ex.lesson_id, &ex.question.id).draft =
            outcome.source().map(str::to_string);
    }
    // Saving also sends the class report, which shows any changed outcome (a deleted file).
    if found.new_attempt || found.changed {
        effects.push(Effect::SaveProgress);
    }
    let folder = ex.folder.clone();
    match outcome {
        Outcome::Unjudged(problem) => state.say(Tone::Bad, format!("! {}", problem.message())),
        Outcome::Judged { verdict, .. } if verdict.passed() => {
            let next = state
                .board
                .next_unsolved(index + 1)
                .map(|i| state.workshop.exercises[i].folder.clone());
            let text = match next {
                Some(next) => format!("✓ {folder} passes every requirement. n: on to {next}"),
                None => format!("✓ {folder} passes, and so does every other exercise. Well done!"),
            };
            state.say(Tone::Good, text);
        }
        Outcome::Judged { verdict, .. } => {
            let failing = verdict.failed_keys().count();
            let plural = if failing == 1 { "" } else { "s" };
            state.say(
                Tone::Bad,
                format!("✗ {failing} requirement{plural} not met yet; h shows a hint"),
            );
        }
    }
    effects
}

fn on_key(state: &mut WatchState, event: KeyEvent) -> Vec<Effect> {
    let Some(input) = Input::from_key(event) else {
        return Vec::new();
    };
    if state.confirm_reset {
        state.confirm_reset = false;
        if confirm::is_yes(input) {
            return reset(state);
        }
        state.say(Tone::Info, confirm::KEPT);
        return vec![Effect::Redraw];
    }
    match action_for(input) {
        Some(action) => act(state, action),
        None => Vec::new(),
    }
}

fn act(state: &mut WatchState, action: WatchAction) -> Vec<Effect> {
    let last = state.workshop.exercises.len() - 1;
    let half_page = (state.area.height / 2).max(1);
    match action {
        WatchAction::Quit => return vec![Effect::Quit],
        WatchAction::Down => select(state, (state.current + 1).min(last)),
        WatchAction::Up => select(state, state.current.saturating_sub(1)),
        WatchAction::First => select(state, 0),
        WatchAction::Last => select(state, last),
        WatchAction::NextUnsolved => match state.board.next_unsolved(state.current + 1) {
            Some(next) => select(state, next),
            None => state.say(Tone::Good, "✓ Every exercise passes."),
        },
        WatchAction::Hint => return hint(state),
        WatchAction::Keys => {
            state.panel = if state.panel == Panel::Keys {
                Panel::Verdict
            } else {
                Panel::Keys
            };
            state.scroll = 0;
        }
        WatchAction::Solution => {
            if state.panel == Panel::Solution {
                state.panel = Panel::Verdict;
            } else {
                state.panel = Panel::Solution;
                state.scroll = 0;
                let ex = &state.workshop.exercises[state.current];
                state.store.progress_mut().record_help(
                    &ex.lesson_id,
                    &ex.question.id,
                    Help::Solution,
                );
                return vec![Effect::SaveProgress, Effect::Redraw];
            }
        }
        WatchAction::Reset => {
            state.confirm_reset = true;
            let folder = &state.workshop.exercises[state.current].folder;
            let text = confirm::ask(&format!("Reset {folder}/Dockerfile to the starter"));
            state.say(Tone::Bad, text);
        }
        WatchAction::Recheck => return on_change(state, state.current, true),
        WatchAction::Edit => return vec![Effect::OpenEditor],
        // Capped, so PgUp after holding PgDn comes back without a long wait.
        WatchAction::PageDown => state.scroll = (state.scroll + half_page).min(MAX_SCROLL),
        WatchAction::PageUp => state.scroll = state.scroll.saturating_sub(half_page),
    }
    vec![Effect::Redraw]
}

fn select(state: &mut WatchState, index: usize) {
    if index != state.current {
        state.current = index;
        state.panel = Panel::Verdict;
        state.scroll = 0;
        state.message = None;
    }
}

fn hint(state: &mut WatchState) -> Vec<Effect> {
    let index = state.current;
    let ex = &state.workshop.exercises[index];
    let verdict = state.board.outcomes[index].verdict();
    match next_hint(&ex.question, verdict, &state.hints_shown[index]) {
        Some(hint) => {
            state.hints_shown[index].push(hint);
            state
                .store
                .progress_mut()
                .record_help(&ex.lesson_id, &ex.question.id, Help::Hint);
            state.panel = Panel::Verdict;
            state.scroll = 0;
            vec![Effect::SaveProgress, Effect::Redraw]
        }
        None => {
            state.say(Tone::Info, "No more hints for this exercise.");
            vec![Effect::Redraw]
        }
    }
}

fn reset(state: &mut WatchState) -> Vec<Effect> {
    let index = state.current;
    if let Err(err) = state.workshop.reset(index) {
        state.say(Tone::Bad, format!("✗ {err}"));
        return vec![Effect::Redraw];
    }
    let effects = on_change(state, index, true);
    let folder = &state.workshop.exercises[index].folder;
    let text = format!("The starter is back in {folder}/Dockerfile.");
    state.say(Tone::Info, text);
    effects
}
