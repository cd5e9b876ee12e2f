//! useradd and adduser: users added to /etc/passwd.

use super::Step;
use crate::dockerfile::shell::Command;

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    // The user name is the last operand (`adduser -D -u 1000 app`, `useradd -r -g app app`);
    // options with values come before it.
    let name = words[1..]
        .iter()
        .rev()
        .find(|w| !w.starts_with('-'))
        .map(|w| w.to_string());
    match (name, step.users.as_mut()) {
        (Some(n), Some(users)) if !n.contains('$') => users.push(n),
        (Some(n), _) if n.contains('$') => *step.users = None,
        _ => {}
    }
    true
}
