//! The parse as BuildKit's parser exposes it (the PyPI `dockerfile` package's shape):
//! `cmd`, `sub_cmd`, `json`, `flags`, `value`, lines, `original`, `heredocs`. Used by
//! `dockerlings parse --format json` and by the conformance tests.

use serde::Serialize;

use crate::dockerfile::ast::{Args, Healthcheck, Instruction, Keyword, ParseResult};

/// One instruction in BuildKit's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildkitInstruction {
    /// Keyword in upper case (`null` for the empty instruction a lone trailing `\` makes).
    pub cmd: Option<String>,
    /// ONBUILD's trigger keyword, upper case.
    pub sub_cmd: Option<String>,
    pub start_line: u32,
    pub end_line: u32,
    /// Flag words as BuildKit reports them (quotes removed): `--from=build`.
    pub flags: Vec<String>,
    /// Arguments split the way BuildKit's parser for this keyword splits them.
    pub value: Vec<String>,
    /// Exec (JSON) form.
    pub json: bool,
    pub heredocs: Vec<BuildkitHeredoc>,
    /// Continuations joined; heredoc bodies and terminators appended.
    pub original: Option<String>,
}

/// A heredoc in BuildKit's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildkitHeredoc {
    pub name: String,
    pub(crate) file_descriptor: u32,
    pub content: String,
}

/// The whole file: `{"instructions": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildkitParse {
    pub instructions: Vec<BuildkitInstruction>,
}

impl BuildkitParse {
    pub fn from_result(result: &ParseResult) -> Self {
        BuildkitParse {
            instructions: result.dockerfile.instructions.iter().map(view).collect(),
        }
    }
}

fn non_empty_upper(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_uppercase())
}

/// BuildKit's view of one instruction.
pub fn view(instr: &Instruction) -> BuildkitInstruction {
    let (sub_cmd, node) = match &instr.args {
        Args::Onbuild(Some(inner)) => (non_empty_upper(&inner.keyword_text.text), &**inner),
        _ => (None, instr),
    };
    let (value, json) = values(node);
    let onbuild = instr.keyword == Keyword::Onbuild;
    let original = if onbuild {
        // BuildKit keeps trigger heredocs off the ONBUILD node it reports.
        instr.original.split('\n').next().unwrap_or_default()
    } else {
        &instr.original
    };
    BuildkitInstruction {
        cmd: non_empty_upper(&instr.keyword_text.text),
        sub_cmd,
        start_line: instr.start_line,
        end_line: instr.end_line,
        // BuildKit reports the ONBUILD node's own flags, not the trigger's.
        flags: instr.flags.iter().map(|f| f.raw.clone()).collect(),
        value,
        json,
        heredocs: if onbuild {
            Vec::new()
        } else {
            instr
                .heredocs
                .iter()
                .map(|h| BuildkitHeredoc {
                    name: h.name.clone(),
                    file_descriptor: h.fd,
                    content: h.body.clone(),
                })
                .collect()
        },
        original: (!original.is_empty()).then(|| original.to_string()),
    }
}

/// BuildKit's `value` list and `json` attribute for an instruction's arguments.
fn values(instr: &Instruction) -> (Vec<String>, bool) {
    if instr.keyword == Keyword::Unknown {
        // BuildKit's parser ignores the arguments of an unknown instruction.
        return (vec![String::new()], false);
    }
    if instr.keyword == Keyword::Onbuild {
        // A trigger of a trigger: BuildKit shows the wrapper node's empty value.
        return match instr.args {
            Args::Empty | Args::Onbuild(None) => (Vec::new(), false),
            _ => (vec![String::new()], false),
        };
    }
    args_values(&instr.args)
}

fn args_values(args: &Args) -> (Vec<String>, bool) {
    let texts = |ws: &[crate::dockerfile::ast::Word]| ws.iter().map(|w| w.text.clone()).collect();
    match args {
        Args::Empty | Args::Onbuild(None) => (Vec::new(), false),
        Args::Exec { elements, .. } => (texts(elements), true),
        Args::Text(w) => (vec![w.text.clone()], false),
        Args::Words(ws) => (texts(ws), false),
        Args::From(f) => (texts(&f.words), false),
        Args::KeyValues { pairs, .. } => (
            pairs
                .iter()
                .flat_map(|p| [p.key.text.clone(), p.value.text.clone()])
                .collect(),
            false,
        ),
        Args::Arg(decls) => (
            decls
                .iter()
                .map(|d| match &d.default {
                    Some(v) => format!("{}={}", d.name.text, v.text),
                    None => d.name.text.clone(),
                })
                .collect(),
            false,
        ),
        Args::Onbuild(Some(_)) => (vec![String::new()], false),
        Args::Healthcheck(h) => {
            let (keyword, command) = match h {
                Healthcheck::None { keyword, extra } => (keyword, extra.as_deref()),
                Healthcheck::Cmd { keyword, command } | Healthcheck::Other { keyword, command } => {
                    (keyword, Some(&**command))
                }
            };
            let (mut rest, json) = command.map(args_values).unwrap_or_default();
            rest.insert(0, keyword.text.clone());
            (rest, json)
        }
    }
}
