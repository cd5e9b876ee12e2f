//! The watch screen's key table: the handler looks keys up here and the status bar is built
//! from it, like the course's table in [`crate::tui::keys`] (whose inputs it reuses).

use ratatui::crossterm::event::KeyCode;

use crate::tui::keys::{Input, ctrl, key, special};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WatchAction {
    Quit,
    Down,
    Up,
    First,
    Last,
    /// The next exercise that does not pass yet.
    NextUnsolved,
    Hint,
    /// Show or hide a solution (recorded as revealed).
    Solution,
    /// Put the starter back, after a confirmation.
    Reset,
    /// Read and judge the file again now.
    Recheck,
    /// Open the current exercise's Dockerfile in `$VISUAL`/`$EDITOR`.
    Edit,
    PageDown,
    PageUp,
    /// Show or hide the list of keys.
    Keys,
}

#[derive(Debug)]
pub(crate) struct WatchBinding {
    pub inputs: &'static [Input],
    pub action: WatchAction,
    pub help: &'static str,
    /// Short form for the status bar.
    pub hint: Option<&'static str>,
}

use WatchAction as A;

const fn bind(
    inputs: &'static [Input],
    action: WatchAction,
    help: &'static str,
    hint: Option<&'static str>,
) -> WatchBinding {
    WatchBinding {
        inputs,
        action,
        help,
        hint,
    }
}

/// Every key of the watch screen.
pub(crate) const WATCH_KEYS: &[WatchBinding] = &[
    bind(
        &[key('j'), special(KeyCode::Down), Input::WheelDown],
        A::Down,
        "next exercise in the list",
        Some("j/k move"),
    ),
    bind(
        &[key('k'), special(KeyCode::Up), Input::WheelUp],
        A::Up,
        "previous exercise in the list",
        None,
    ),
    bind(
        &[key('g'), special(KeyCode::Home)],
        A::First,
        "first exercise",
        None,
    ),
    bind(
        &[key('G'), special(KeyCode::End)],
        A::Last,
        "last exercise",
        None,
    ),
    bind(
        &[key('n'), special(KeyCode::Enter)],
        A::NextUnsolved,
        "next exercise that does not pass yet",
        Some("n next"),
    ),
    bind(&[key('h')], A::Hint, "show a hint", Some("h hint")),
    bind(
        &[key('s')],
        A::Solution,
        "show or hide a solution (recorded as revealed)",
        Some("s solution"),
    ),
    bind(
        &[key('r')],
        A::Reset,
        "put the starter back in this exercise's Dockerfile (asks first)",
        Some("r reset"),
    ),
    bind(&[key('c')], A::Recheck, "check the file again now", None),
    bind(
        &[key('e')],
        A::Edit,
        "edit the Dockerfile in $VISUAL/$EDITOR",
        None,
    ),
    bind(
        &[special(KeyCode::PageDown), key(' ')],
        A::PageDown,
        "scroll the panel down",
        None,
    ),
    bind(
        &[special(KeyCode::PageUp), key('b')],
        A::PageUp,
        "scroll the panel up",
        None,
    ),
    bind(
        &[key('?')],
        A::Keys,
        "show or hide this list of keys",
        Some("? keys"),
    ),
    bind(
        &[key('q'), special(KeyCode::Esc), ctrl('c')],
        A::Quit,
        "quit",
        Some("q quit"),
    ),
];

pub(crate) fn action_for(input: Input) -> Option<WatchAction> {
    WATCH_KEYS
        .iter()
        .find(|b| b.inputs.contains(&input))
        .map(|b| b.action)
}

/// The status bar's hints, in table order.
pub(crate) fn hints() -> Vec<&'static str> {
    WATCH_KEYS.iter().filter_map(|b| b.hint).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_input_is_bound_twice() {
        let inputs: Vec<Input> = WATCH_KEYS.iter().flat_map(|b| b.inputs).copied().collect();
        for (i, a) in inputs.iter().enumerate() {
            assert!(!inputs[i + 1..].contains(a), "{a:?} bound twice");
        }
    }

    #[test]
    fn lookup_and_hints() {
        assert_eq!(action_for(key('h')), Some(WatchAction::Hint));
        assert_eq!(action_for(ctrl('c')), Some(WatchAction::Quit));
        assert_eq!(action_for(key('x')), None);
        assert!(hints().contains(&"r reset"));
    }
}
