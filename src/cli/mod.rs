//! Command-line interface: argument parsing and dispatch to the engine.
//! Each subcommand is one `Command` variant, one dispatch line in [`main`], and its own file.

mod check;
mod course;
mod explain;
mod rules;

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
pub enum Command {
    /// Lint Dockerfiles: files, directories (searched), or `-` for standard input
    Check(check::CheckArgs),
    /// List every rule the linter has
    Rules(rules::RulesArgs),
    /// Explain one rule: why it matters, how to fix it, which lesson teaches it
    Explain(explain::ExplainArgs),
}

/// Entry point used by `src/main.rs`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => course::open(cli.lessons.as_deref()),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Rules(args)) => rules::run(args),
        Some(Command::Explain(args)) => explain::run(args),
    }
}
