//! `dockerlings workshop init DIR [--force]`: writes the pack's Dockerfile exercises as
//! folders for learners to edit in their own editor (see `dockerlings watch`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use super::lessons::out;
use crate::tui::text::count;
use crate::workshop::{WorkshopError, init};

#[derive(Debug, Subcommand)]
pub enum WorkshopCommand {
    /// Write the pack's Dockerfile exercises (bundled, or --lessons DIR) into DIR:
    /// exercises/NN-name/{Dockerfile, README.md, build context} and dockerlings-workshop.yaml.
    Init {
        /// The workshop folder (created if missing).
        dir: PathBuf,
        /// Overwrite files a learner has edited since the last init.
        #[arg(long)]
        force: bool,
    },
}

/// Exit status: 0 written, 1 refused (edited files without --force, or a pack that fails
/// `verify-lessons`), 2 the pack or folder cannot be used.
pub(super) fn run(command: WorkshopCommand, lessons: Option<&Path>) -> ExitCode {
    match command {
        WorkshopCommand::Init { dir, force } => match init(&dir, lessons, force) {
            Ok(report) => {
                for warning in &report.warnings {
                    eprintln!("dockerlings: warning: {}", super::shown(warning));
                }
                for path in &report.overwritten {
                    eprintln!(
                        "dockerlings: overwrote your edits in {}",
                        super::shown(path.display())
                    );
                }
                out(&format!(
                    "Wrote {} into {} ({} written, {} already up to date).\n\
                     Learners: edit exercises/*/Dockerfile and run `dockerlings watch {}`.\n",
                    count(report.exercises, "exercise"),
                    super::shown(dir.join("exercises").display()),
                    count(report.written, "file"),
                    report.unchanged,
                    super::shown(dir.display())
                ));
                ExitCode::SUCCESS
            }
            Err(err @ (WorkshopError::Edited(_) | WorkshopError::Invalid(_))) => {
                eprintln!("dockerlings: {}", super::shown(&err));
                ExitCode::FAILURE
            }
            Err(err) => {
                eprintln!("dockerlings: {}", super::shown(&err));
                ExitCode::from(2)
            }
        },
    }
}
