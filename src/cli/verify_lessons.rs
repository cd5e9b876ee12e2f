//! `dockerlings verify-lessons [DIR]`: the authors' check of a lesson pack (the bundled one
//! when no DIR). Prints `file:line: message` for each problem and exits 1 if there is any.

use std::path::Path;
use std::process::ExitCode;

use super::lessons::out;
use crate::quiz::verify::verify_pack;

pub fn run(dir: Option<&Path>) -> ExitCode {
    let (checked, problems) = match verify_pack(dir) {
        Ok(found) => found,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    for problem in &problems {
        // One line per problem: a name with a line break cannot forge another.
        out(&format!("{}\n", super::shown(problem)));
    }
    let summary = format!(
        "{} lessons, {} questions, {} Dockerfile exercises",
        checked.lessons, checked.questions, checked.exercises
    );
    if problems.is_empty() {
        out(&format!("ok: {summary}\n"));
        ExitCode::SUCCESS
    } else {
        let count = match problems.len() {
            1 => "1 problem".to_string(),
            n => format!("{n} problems"),
        };
        out(&format!("{count} in {summary}\n"));
        ExitCode::FAILURE
    }
}
