//! `dockerlings class DIR [--once --format json|csv|markdown] [--git-pull SECONDS]`: the
//! instructor's live view of the class folder that learners' `watch --report-to` sessions
//! write into. Reads only; never writes into DIR (a `git pull` asked for is git's doing).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use super::write_report;
use crate::tui::Exit;
use crate::tui::class::{self, ClassState};
use crate::tui::code::CodeColours;
use crate::tui::theme::Theme;
use crate::workshop::class::{Snapshot, git, output};
use crate::workshop::report::now_ms;

#[derive(Debug, clap::Args)]
pub struct ClassArgs {
    /// The class folder (a shared or synced folder, or a git working copy) learners report into.
    dir: PathBuf,
    /// Print one snapshot and exit, instead of the live screen.
    #[arg(long)]
    once: bool,
    /// The snapshot's format, with --once (default: markdown).
    #[arg(long, value_enum, requires = "once")]
    format: Option<Format>,
    /// Run `git pull --ff-only` in DIR every SECONDS (with --once: once, first).
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    git_pull: Option<u64>,
    #[command(flatten)]
    pub look: super::LookArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Csv,
    Markdown,
}

/// Exit status: 0 shown, 2 when DIR cannot be read, 1 when the terminal fails, 128 + the
/// signal's number on SIGTERM/SIGHUP.
pub(super) fn run(args: ClassArgs, colours: &CodeColours) -> ExitCode {
    if args.once
        && args.git_pull.is_some()
        && let Err(err) = git::pull(&args.dir)
    {
        eprintln!("dockerlings: git pull failed: {}", super::shown(&err));
    }
    let snapshot = match Snapshot::load(&args.dir, now_ms()) {
        Ok(snapshot) => snapshot,
        Err(err) => {
            eprintln!(
                "dockerlings: cannot read the class folder {}: {err}",
                super::shown(args.dir.display())
            );
            return ExitCode::from(2);
        }
    };
    if args.once {
        let text = match args.format.unwrap_or(Format::Markdown) {
            Format::Json => output::json(&snapshot),
            Format::Csv => output::csv(&snapshot),
            Format::Markdown => output::markdown(&snapshot),
        };
        return match write_report(&text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("dockerlings: {}", super::shown(&err));
                ExitCode::FAILURE
            }
        };
    }
    let mut state = ClassState::new(args.dir, snapshot);
    state.theme = Theme::for_code(colours);
    match class::run(state, args.git_pull.map(Duration::from_secs)) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(format_args!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}
