//! Command-line interface: argument parsing and dispatch to the engine.

use std::process::ExitCode;

/// Entry point used by `src/main.rs`.
pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
