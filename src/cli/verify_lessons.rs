//! `dockerlings verify-lessons [DIR]`: the authors' check of a lesson pack (the bundled one
//! when no DIR). Prints `file:line: message` for each problem and exits 1 if there is any.

use std::path::Path;
use std::process::ExitCode;

use crate::quiz::verify::verify_pack;

pub fn run(dir: Option<&Path>) -> ExitCode {
    let (checked, problems) = match verify_pack(dir) {
        Ok(found) => found,
        Err(err) => {
            eprintln!("dockerlings: {err}");
            return ExitCode::from(2);
        }
    };
    for problem in &problems {
        println!("{problem}");
    }
    let summary = format!(
        "{} lessons, {} questions, {} Dockerfile exercises",
        checked.lessons, checked.questions, checked.exercises
    );
    if problems.is_empty() {
        println!("ok: {summary}");
        ExitCode::SUCCESS
    } else {
        println!("{} problems in {summary}", problems.len());
        ExitCode::FAILURE
    }
}
