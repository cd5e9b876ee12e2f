//! `dockerlings verify-lessons [DIR]`: the authors' check of a lesson pack (the bundled one
//! when no DIR). Prints `file:line: message` for each problem and exits 1 if there is any;
//! then `file:line: warning: …` for each image a lesson or solution uses past its end of life
//! on the image table's date (warnings alone do not fail).

use std::path::Path;
use std::process::ExitCode;

use super::lessons::out;
use crate::quiz::eol::pack_warnings;
use crate::quiz::verify::verify_pack;
use crate::tui::text::count;

pub(super) fn run(dir: Option<&Path>) -> ExitCode {
    let (checked, problems) = match verify_pack(dir) {
        Ok(found) => found,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    // It loaded above, so it loads again; the warnings need the Markdown as written too.
    let warnings = pack_warnings(dir).unwrap_or_default();
    for problem in &problems {
        // One line per problem: a name with a line break cannot forge another.
        out(&format!("{}\n", super::shown(problem)));
    }
    for w in &warnings {
        let shown = format!("{}:{}: warning: {}", w.file.display(), w.line, w.message);
        out(&format!("{}\n", super::shown(&shown)));
    }
    let mut summary = format!(
        "{}, {}, {}",
        count(checked.lessons, "lesson"),
        count(checked.questions, "question"),
        count(checked.exercises, "Dockerfile exercise")
    );
    if !warnings.is_empty() {
        summary += &format!(
            " ({} end-of-life warning{}, judged on the image table's date {})",
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" },
            crate::dockerfile::images::table()
                .as_of()
                .unwrap_or("(none)")
        );
    }
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
