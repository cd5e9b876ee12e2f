//! `dockerlings parse FILE`: the parse as BuildKit's parser exposes it, to diff against
//! BuildKit (`--format json`) or to read (`--format text`).

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::dockerfile::parse_bytes;
use crate::dockerfile::parser::buildkit_view::{BuildkitInstruction, BuildkitParse};

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum Format {
    /// One line per instruction: lines, keyword, form, flags and values.
    #[default]
    Text,
    /// `{"instructions": [{"cmd", "sub_cmd", "json", "flags", "value", "start_line",
    /// "end_line", "original", "heredocs"}]}`, the shape of BuildKit's parser.
    Json,
}

/// Exit 0 when BuildKit's parser would accept the file, 1 with its error when it would not,
/// 2 when the file cannot be read.
pub fn run(file: &Path, format: Format) -> ExitCode {
    let bytes = match read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("dockerlings parse: cannot read {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let result = match parse_bytes(&bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    };
    if let Some(e) = result.errors.first() {
        eprintln!("{}: {e}", file.display());
        return ExitCode::FAILURE;
    }
    let view = BuildkitParse::from_result(&result);
    let out = match format {
        Format::Json => serde_json::to_string_pretty(&view)
            .map(|s| s + "\n")
            .unwrap_or_default(),
        Format::Text => view.instructions.iter().map(text_line).collect(),
    };
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = std::io::stdout().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

fn read(file: &Path) -> std::io::Result<Vec<u8>> {
    if file == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(file)
    }
}

/// `2-3  RUN  shell  --mount=type=cache  ["apt-get update"]`
fn text_line(i: &BuildkitInstruction) -> String {
    let lines = if i.start_line == i.end_line {
        i.start_line.to_string()
    } else {
        format!("{}-{}", i.start_line, i.end_line)
    };
    let mut cmd = i.cmd.clone().unwrap_or_default();
    if let Some(sub) = &i.sub_cmd {
        cmd = format!("{cmd} {sub}");
    }
    let form = if i.json { "exec" } else { "shell" };
    let flags = i.flags.join(" ");
    let value = serde_json::to_string(&i.value).unwrap_or_default();
    let heredocs: String = i
        .heredocs
        .iter()
        .map(|h| format!(" <<{}", h.name))
        .collect();
    format!("{lines}\t{cmd}\t{form}\t{flags}\t{value}{heredocs}\n")
}
