//! Command-line interface: argument parsing and dispatch to the engine.

mod check;
mod explain;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A terminal course on multi-stage Docker builds and distroless images, with a Dockerfile linter.
#[derive(Debug, Parser)]
#[command(name = "dockerlings", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint Dockerfiles (files, directories, or `-` for standard input)
    Check(check::CheckArgs),
}

/// Entry point used by `src/main.rs`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check::run(args),
        None => ExitCode::SUCCESS,
    }
}
