//! `dockerlings reset [--lesson ID] [--yes]`: erases progress after asking. Without a terminal
//! to ask on, it refuses unless `--yes` is given, so a script never erases by accident.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::progress::open_store;
use crate::tui::text::count;

pub(super) fn run(lesson: Option<&str>, yes: bool, progress_file: Option<&Path>) -> ExitCode {
    let mut store = match open_store(progress_file) {
        Ok(store) => store,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    let what = match lesson {
        Some(id) => {
            let Some(saved) = store.progress().lessons.get(id) else {
                println!(
                    "Nothing saved for lesson `{}`; nothing to erase.",
                    super::shown(id)
                );
                return ExitCode::SUCCESS;
            };
            format!(
                "progress of lesson `{id}` ({})",
                count(saved.questions.len(), "question")
            )
        }
        None => "all your progress".to_string(),
    };
    let file = store
        .path()
        .map_or_else(String::new, |p| format!(" in {}", p.display()));
    if !yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            eprintln!(
                "dockerlings: reset erases {what}; refusing without a terminal to ask on (pass --yes)"
            );
            return ExitCode::from(2);
        }
        print!("Erase {what}{file}? [y/N] ");
        let _ = std::io::stdout().flush();
        let mut reply = String::new();
        if stdin.lock().read_line(&mut reply).is_err() || !is_yes(&reply) {
            println!("Nothing erased.");
            return ExitCode::SUCCESS;
        }
    }
    match store.reset(lesson) {
        Ok(notices) => {
            for notice in notices {
                eprintln!("dockerlings: {}", super::shown(&notice));
            }
            println!("Erased {}.", super::shown(&what));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            ExitCode::FAILURE
        }
    }
}

fn is_yes(reply: &str) -> bool {
    matches!(reply.trim().to_lowercase().as_str(), "y" | "yes")
}

#[cfg(test)]
mod tests {
    use super::is_yes;

    #[test]
    fn only_an_explicit_yes_erases() {
        assert!(is_yes("y\n") && is_yes(" YES "));
        assert!(!is_yes("\n") && !is_yes("n") && !is_yes("yep"));
    }
}
