//! The class screen's keys: the handler looks them up here, and the status bar's hints come
//! from the same table.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keys::{Input, ctrl, key, special};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClassAction {
    Quit,
    Down,
    Up,
    First,
    Last,
    /// Show or hide the selected learner's failing requirements.
    Details,
    /// Show or hide the files left out.
    Skipped,
    /// Read the folder again now.
    Reload,
}

pub(crate) struct ClassBinding {
    pub inputs: &'static [Input],
    pub action: ClassAction,
    /// Short form for the status bar.
    pub hint: Option<&'static str>,
}

use ClassAction as A;

const fn bind(
    inputs: &'static [Input],
    action: ClassAction,
    hint: Option<&'static str>,
) -> ClassBinding {
    ClassBinding {
        inputs,
        action,
        hint,
    }
}

pub(crate) const CLASS_KEYS: &[ClassBinding] = &[
    bind(
        &[key('j'), special(KeyCode::Down), Input::WheelDown],
        A::Down,
        Some("j/k move"),
    ),
    bind(
        &[key('k'), special(KeyCode::Up), Input::WheelUp],
        A::Up,
        None,
    ),
    bind(&[key('g'), special(KeyCode::Home)], A::First, None),
    bind(&[key('G'), special(KeyCode::End)], A::Last, None),
    bind(
        &[special(KeyCode::Enter), key('f')],
        A::Details,
        Some("⏎ why"),
    ),
    bind(&[key('s')], A::Skipped, Some("s skipped")),
    bind(&[key('r')], A::Reload, Some("r reload")),
    bind(
        &[key('q'), special(KeyCode::Esc), ctrl('c')],
        A::Quit,
        Some("q quit"),
    ),
];

pub(crate) fn action_for(input: Input) -> Option<ClassAction> {
    CLASS_KEYS
        .iter()
        .find(|b| b.inputs.contains(&input))
        .map(|b| b.action)
}

pub(crate) fn hints() -> Vec<&'static str> {
    CLASS_KEYS.iter().filter_map(|b| b.hint).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_input_is_bound_twice() {
        let inputs: Vec<Input> = CLASS_KEYS.iter().flat_map(|b| b.inputs).copied().collect();
        for (i, a) in inputs.iter().enumerate() {
            assert!(!inputs[i + 1..].contains(a), "{a:?} bound twice");
        }
    }
}
