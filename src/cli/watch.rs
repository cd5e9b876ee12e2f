//! `dockerlings watch [DIR]`: the workshop in DIR (default: the current folder) in the
//! terminal, each exercise re-checked whenever its Dockerfile is saved.

use std::path::Path;
use std::process::ExitCode;

use crate::results::export::learner_name;
use crate::tui::Exit;
use crate::tui::code::CodeColours;
use crate::tui::theme::Theme;
use crate::tui::watch::state::Tone;
use crate::tui::watch::{self, WatchState};
use crate::workshop::{Reporter, Workshop};

/// `--report-to DIR` and `--name NAME`.
pub(super) struct Report<'a> {
    pub to: Option<&'a Path>,
    pub name: Option<&'a str>,
}

impl Report<'_> {
    /// Starts reporting into the class folder (the flag, else the manifest's `report_to:`).
    /// A folder or name that cannot be used is said on screen; the learner works on.
    fn attach(&self, state: &mut WatchState, lessons: Option<&Path>) {
        let workshop = &state.workshop;
        let Some(dir) = self
            .to
            .map(Path::to_path_buf)
            .or_else(|| workshop.manifest.report_dir(&workshop.root))
        else {
            return;
        };
        let started = learner_name(self.name, |var| std::env::var(var).ok())
            .map_err(|e| e.to_string())
            .and_then(|name| {
                Reporter::new(workshop, lessons, &dir, &name).map_err(|e| e.to_string())
            });
        match started {
            Ok(reporter) => {
                let text = format!(
                    "Reporting to the class (name and scores only): {}",
                    reporter.path().display()
                );
                state.reporter = Some(reporter);
                state.say(Tone::Info, text);
            }
            Err(err) => state.say(Tone::Bad, format!("✗ not reporting to the class: {err}")),
        }
    }
}

/// Exit status: 0 on quit, 2 when DIR is not a usable workshop folder, 128 + the signal's
/// number on SIGTERM/SIGHUP, 1 when the terminal or the file watcher fails.
pub(super) fn run(
    dir: Option<&Path>,
    lessons: Option<&Path>,
    progress_file: Option<&Path>,
    report: Report,
    colours: &CodeColours,
) -> ExitCode {
    let dir = dir.unwrap_or(Path::new("."));
    // An absolute root names the folder in the title and matches the watcher's paths.
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let workshop = match Workshop::open(&root, lessons) {
        Ok(workshop) => workshop,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    let (store, notices) = super::progress::open_store_quietly(progress_file);
    let mut state = WatchState::new(workshop, store);
    state.theme = Theme::for_code(colours);
    report.attach(&mut state, lessons);
    // The full screen hides stderr: the first notice shows in the message line too.
    if let Some(notice) = notices.first() {
        state.say(Tone::Bad, format!("✗ {notice}"));
    }
    let code = match watch::run(state) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(format_args!("{err:#}")));
            ExitCode::FAILURE
        }
    };
    for notice in notices {
        eprintln!("dockerlings: {}", super::shown(&notice));
    }
    code
}
