//! The top-level command: open a course (bundled or from a folder) in the terminal UI.

use std::path::Path;
use std::process::ExitCode;

use crate::course::Course;
use crate::progress::Store;
use crate::tui::{self, App, CodeColours, Exit};

/// Opens the bundled course, or the pack in `lessons`. A folder that cannot be opened
/// (missing, not a folder, no lessons) is reported on stderr with exit status 2.
pub fn open(
    lessons: Option<&Path>,
    progress_file: Option<&Path>,
    colours: CodeColours,
) -> ExitCode {
    let course = match super::lessons::load_pack(lessons) {
        Ok(course) => course,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    let (store, notices) = super::progress::open_store_quietly(progress_file);
    let code = run_app(
        App::new(course)
            .with_store(store)
            .with_notices(notices.clone()),
        colours,
    );
    // Said again after the UI has left the screen, so the learner sees it.
    for notice in notices {
        eprintln!("dockerlings: {}", super::shown(&notice));
    }
    code
}

/// Runs the terminal UI on `course`. Exit status: 0 on quit, 128 + the signal's number when
/// ended by SIGTERM or SIGHUP (the shell convention), 1 when the terminal fails.
pub fn run(course: Course, colours: CodeColours) -> ExitCode {
    let store = Store::unsaved("this course keeps no progress");
    run_app(App::new(course).with_store(store), colours)
}

/// Runs the terminal UI on `app`, its course and store set.
fn run_app(app: App, colours: CodeColours) -> ExitCode {
    match tui::run(app.with_colours(colours)) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(format_args!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}
