//! The top-level command: open a course (bundled or from a folder) in the terminal UI.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use crate::course::Course;
use crate::plain;
use crate::progress::Store;
use crate::tui::{self, App, CodeColours, Exit};

/// Opens the bundled course, or the pack in `lessons`. A folder that cannot be opened
/// (missing, not a folder, no lessons) is reported on stderr with exit status 2.
pub(super) fn open(
    lessons: Option<&Path>,
    progress_file: Option<&Path>,
    colours: CodeColours,
) -> ExitCode {
    let Some(course) = load(lessons) else {
        return ExitCode::from(2);
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

/// Opens the course like [`open`], line by line on stdin and stdout (`--plain`). Exit status
/// 0 when the learner quits or the input ends, 1 when stdout fails.
pub(crate) fn open_plain(lessons: Option<&Path>, progress_file: Option<&Path>) -> ExitCode {
    let Some(course) = load(lessons) else {
        return ExitCode::from(2);
    };
    let (mut store, notices) = super::progress::open_store_quietly(progress_file);
    // Nothing hides stderr here, so the notices are said once, before the course.
    for notice in notices {
        eprintln!("dockerlings: {}", super::shown(&notice));
    }
    let (width, height) = plain::size();
    let mut console = plain::Console::new(io::stdin().lock(), io::stdout().lock(), width, height);
    match plain::run(&course, &mut store, &mut console) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            ExitCode::FAILURE
        }
    }
}

/// The bundled course or the pack in `lessons`; `None` (said on stderr) when it cannot be opened.
fn load(lessons: Option<&Path>) -> Option<Course> {
    super::lessons::load_pack(lessons)
        .map_err(|err| eprintln!("dockerlings: {}", super::shown(&err)))
        .ok()
}

/// Runs the terminal UI on `course`. Exit status: 0 on quit, 128 + the signal's number when
/// ended by SIGTERM or SIGHUP (the shell convention), 1 when the terminal fails.
pub(super) fn run(course: Course, colours: CodeColours) -> ExitCode {
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
