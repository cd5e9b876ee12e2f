//! Asking before work is thrown away: the exercise editor and watch mode put the same
//! question the same way, and only `y` says yes (any other key keeps the file).

use super::keys::{Input, key};

/// The question shown before `what` (e.g. "Reset … to the starter") is done.
pub(crate) fn ask(what: &str) -> String {
    format!("{what}? y: yes, other keys: no")
}

/// Whether the key that answered the question says yes.
pub(crate) fn is_yes(input: Input) -> bool {
    input == key('y') || input == key('Y')
}

/// What the learner hears when they said no.
pub(crate) const KEPT: &str = "Not reset: your file is as it was.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::{ctrl, special};
    use ratatui::crossterm::event::KeyCode;

    #[test]
    fn only_y_says_yes() {
        assert!(is_yes(key('y')) && is_yes(key('Y')));
        for other in [key('n'), key('q'), ctrl('y'), special(KeyCode::Enter)] {
            assert!(!is_yes(other), "{other:?}");
        }
        assert!(ask("Reset it").ends_with("y: yes, other keys: no"));
    }
}
