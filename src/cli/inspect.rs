//! `dockerlings inspect FILE [--format text|json]`: what a Dockerfile builds and ships — stages
//! and graph, final stage, stages left behind, estimated size next to the single-stage
//! alternative, attack surface — computed by [`crate::inspect`] without a Docker engine.
//! Exit status as `check`: 0 no errors, 1 the report lists errors that stop `docker build`
//! (it is still printed for what was understood), 2 the file cannot be read.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::check::input;
use crate::dockerfile::lint::LintOptions;
use crate::highlight::{CodeTheme, ColorChoice, ColorDepth};
use crate::inspect::{self, Report, text::TextStyle};

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The Dockerfile (`-` for standard input).
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Inspect the build of this stage instead of the last one.
    #[arg(long, value_name = "STAGE")]
    target: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Sections for people: stages and graph, final stage, not shipped, sizes, attack surface.
    Text,
    /// The report as JSON (`schema_version`, `stages`, `edges`, `final_stage`, `sizes`…).
    Json,
}

const EXIT_ERRORS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

pub(super) fn run(args: InspectArgs, color: ColorChoice, theme: CodeTheme) -> ExitCode {
    let source = match input::read_named(&args.file) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("dockerlings inspect: {message}");
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let options = LintOptions {
        target: args.target.clone(),
        ..LintOptions::default()
    };
    let report = inspect::inspect_with(&source, &options);
    let out = match args.format {
        Format::Json => json(&report),
        Format::Text => {
            let depth = ColorDepth::detect(color, std::io::stdout().is_terminal());
            inspect::text::render(&report, &TextStyle { depth, theme })
        }
    };
    if let Err(err) = super::write_report(&out) {
        eprintln!(
            "dockerlings inspect: cannot write the report: {}",
            super::shown(&err)
        );
        return ExitCode::from(EXIT_TROUBLE);
    }
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERRORS)
    }
}

fn json(report: &Report) -> String {
    // The report holds only strings, numbers and plain structs: serialising cannot fail.
    serde_json::to_string_pretty(report)
        .map_or_else(|e| format!("{{\"error\": \"{e}\"}}\n"), |s| s + "\n")
}
