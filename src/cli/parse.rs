//! `dockerlings parse FILE`: the parse as BuildKit's parser exposes it, to diff against
//! BuildKit (`--format json`) or to read (`--format text`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::check::input;
use crate::dockerfile::parser::buildkit_view::{BuildkitInstruction, BuildkitParse};
use crate::dockerfile::{ParseError, parse_bytes};

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
/// 2 when the file cannot be read as a Dockerfile (missing, too large, binary, not UTF-8),
/// read as `check` and `inspect` read it.
pub(super) fn run(file: &Path, format: Format) -> ExitCode {
    let text = match input::read_named(file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("dockerlings parse: {message}");
            return ExitCode::from(2);
        }
    };
    match render(text.as_bytes(), format) {
        Ok(out) => {
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = std::io::stdout().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {}", super::shown(file.display()), super::shown(&e));
            ExitCode::FAILURE
        }
    }
}

/// The output for a file's bytes, or BuildKit's error (`dockerfile parse error on line N: …`).
fn render(bytes: &[u8], format: Format) -> Result<String, ParseError> {
    let result = parse_bytes(bytes)?;
    if let Some(e) = result.errors.first() {
        return Err(e.clone());
    }
    let view = BuildkitParse::from_result(&result);
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&view)
            .map(|s| s + "\n")
            .unwrap_or_default(),
        Format::Text => view.instructions.iter().map(text_line).collect(),
    })
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
    // Tabs separate the columns: every column from the file is escaped, tabs and C1 controls
    // (which JSON leaves raw) included.
    let [cmd, flags, value, heredocs] =
        [cmd, flags, value, heredocs].map(|column| crate::escape::line(&column).into_owned());
    format!("{lines}\t{cmd}\t{form}\t{flags}\t{value}{heredocs}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lists_one_instruction_per_line() {
        let out = render(
            b"from alpine AS b\nRUN --mount=type=cache,target=/x \\\n  make\nONBUILD RUN [\"a\"]\n",
            Format::Text,
        )
        .unwrap();
        assert_eq!(
            out,
            "1\tFROM\tshell\t\t[\"alpine\",\"AS\",\"b\"]\n\
             2-3\tRUN\tshell\t--mount=type=cache,target=/x\t[\"make\"]\n\
             4\tONBUILD RUN\texec\t\t[\"a\"]\n"
        );
    }

    #[test]
    fn json_has_buildkits_shape() {
        let out = render(b"FROM a\nCOPY <<EOF /x\nhi\nEOF\n", Format::Json).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let copy = &v["instructions"][1];
        assert_eq!(copy["cmd"], "COPY");
        assert_eq!(copy["value"], serde_json::json!(["<<EOF", "/x"]));
        assert_eq!(copy["heredocs"][0]["content"], "hi\n");
        assert_eq!(copy["original"], "COPY <<EOF /x\nhi\nEOF\n");
        assert_eq!(
            (copy["start_line"].as_u64(), copy["end_line"].as_u64()),
            (Some(2), Some(4))
        );
    }

    #[test]
    fn text_columns_show_control_characters_escaped() {
        let src = "FROM a\nRUN --mount=type=cache,target=/x\u{1b}]52;c;aA==\u{7} echo \u{9b}\t\u{1b}[2J\n";
        let out = render(src.as_bytes(), Format::Text).unwrap();
        assert!(!out.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{out}");
        assert!(out.contains("target=/x\\x1b]52;c;aA==\\x07"), "{out}");
        assert!(out.contains("\\u{9b}"), "{out}");
        assert_eq!(out.lines().count(), 2, "{out}");
        // JSON stays exact: serde escapes C0 as JSON requires and keeps the rest.
        let json = render(src.as_bytes(), Format::Json).unwrap();
        assert!(
            json.contains("\\u001b]52") && json.contains('\u{9b}'),
            "{json}"
        );
    }

    #[test]
    fn rejected_input_gives_buildkits_error() {
        let e = render(b"FROM a\nCMD [\"sleep\", 1]\n", Format::Json)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "dockerfile parse error on line 2: when using JSON array syntax, arrays must be comprised of strings only"
        );
        assert!(
            render(b"", Format::Text)
                .unwrap_err()
                .to_string()
                .ends_with("file with no instructions")
        );
        assert!(
            render(b"FROM a\nRUN \xff\n", Format::Text)
                .unwrap_err()
                .to_string()
                .contains("not valid UTF-8")
        );
    }
}
