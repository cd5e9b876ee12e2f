//! curl and wget: downloads to a named file, or to a name the model cannot know.

use super::{Step, option_value};
use crate::dockerfile::shell::Command;

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    let program = words[0].rsplit('/').next().unwrap_or(&words[0]);
    let named = match program {
        "curl" => option_value(words, &["-o", "--output"]),
        _ => option_value(words, &["-O", "--output-document"]),
    };
    match named.map(|n| (n, step.path(n))) {
        Some(("-", _)) => {}
        Some((_, Some(p))) => step.add(p, Some(false), None),
        Some((_, None)) => step.open(None, format!("`{program}`"), None),
        None if program == "curl" && !words.iter().any(|w| w == "-O" || w == "--remote-name") => {}
        None => {
            let dir = option_value(words, &["-P", "--directory-prefix", "--output-dir"])
                .and_then(|d| step.path(d))
                .unwrap_or_else(|| step.cwd.clone());
            step.open(Some(dir), format!("`{program}`"), None);
        }
    }
    true
}
