//! Command-line interface: argument parsing and dispatch to the engine.
//! Each subcommand is one `Command` variant, one dispatch line in [`main`], and its own file.

mod course;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A terminal course on multi-stage Docker builds and distroless images.
///
/// Without a subcommand, opens the course: the bundled lessons, or the pack given with --lessons.
#[derive(Debug, Parser)]
#[command(name = "dockerlings", version, about)]
pub struct Cli {
    /// Open the lesson pack in DIR (a folder of Markdown lessons) instead of the bundled course.
    #[arg(long, value_name = "DIR")]
    pub lessons: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {}

/// Entry point used by `src/main.rs`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => course::open(cli.lessons.as_deref()),
    }
}
