//! The shell scripts of one RUN, parsed once: its command line and the heredoc bodies a
//! shell runs (`RUN <<EOF`, `RUN bash -e <<EOF`), each with the way back to Dockerfile
//! positions. Exec-form RUNs have none.

use std::cell::OnceCell;

use super::{Kind, List, Unknown, parse};
use crate::dockerfile::ast::{Args, Instruction, Pos, Span};

/// The shell a script is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// POSIX sh (dash on Debian and Ubuntu, BusyBox ash on Alpine).
    Sh,
    Bash,
}

/// Where a script's text is in the Dockerfile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The instruction's arguments (continuation lines joined).
    Line,
    /// A heredoc body, verbatim from this source offset.
    Body { offset: usize },
}

#[derive(Debug, Clone)]
pub struct Script<'a> {
    pub text: &'a str,
    pub origin: Origin,
    /// The shell named by the RUN itself (`bash <<EOF`, a `#!/bin/bash` body); `None`: the
    /// stage's shell.
    pub shell: Option<Shell>,
    /// Parsed on first use: a caller may know from the text alone that it has nothing to ask.
    parsed: OnceCell<Result<List, Unknown>>,
}

impl Script<'_> {
    /// The script's syntax, or why it could not be read.
    pub fn parsed(&self) -> &Result<List, Unknown> {
        self.parsed.get_or_init(|| parse(self.text))
    }
}

/// Every shell script of one RUN.
#[derive(Debug, Clone, Default)]
pub struct RunScripts<'a> {
    pub scripts: Vec<Script<'a>>,
}

impl<'a> RunScripts<'a> {
    pub fn of(ins: &'a Instruction) -> Self {
        if matches!(ins.args, Args::Exec { .. }) {
            return RunScripts::default();
        }
        let text = ins.args_text.text.as_str();
        let line = OnceCell::new();
        let mut scripts = Vec::new();
        // Only a RUN with a heredoc needs its line read now, to see who reads the body.
        if let Some(h) = ins.heredocs.iter().rev().find(|h| h.fd == 0)
            && let Some(shell) = line
                .get_or_init(|| parse(text))
                .as_ref()
                .ok()
                .and_then(|l| body_runner(l, text))
        {
            let (body_shell, runs) = match shebang(&h.body) {
                Some(s) => (s, true),
                None => (shell, !h.body.starts_with("#!")),
            };
            if runs {
                scripts.push(Script {
                    text: &h.body,
                    origin: Origin::Body {
                        offset: h.span.start.offset,
                    },
                    shell: body_shell,
                    parsed: OnceCell::new(),
                });
            }
        }
        scripts.insert(
            0,
            Script {
                text,
                origin: Origin::Line,
                shell: None,
                parsed: line,
            },
        );
        RunScripts { scripts }
    }
}

/// If the line runs its stdin heredoc as a script: `Some(None)` for a bare `<<EOF` (the
/// stage's shell runs it), `Some(Some(shell))` for `sh`/`bash` with options only.
fn body_runner(line: &List, text: &str) -> Option<Option<Shell>> {
    let [item] = line.items.as_slice() else {
        return None;
    };
    let [c] = item.first.commands.as_slice() else {
        return None;
    };
    let Kind::Simple(s) = &c.kind else {
        return None;
    };
    let Some((first, rest)) = s.words.split_first() else {
        return Some(None);
    };
    let program = first.literal(text)?;
    let shell = match program.rsplit('/').next() {
        Some("sh" | "dash" | "ash") => Shell::Sh,
        Some("bash") => Shell::Bash,
        _ => return None,
    };
    let options_only = rest.iter().all(|w| {
        w.literal(text)
            .is_some_and(|o| o.starts_with('-') && !o.contains('c'))
    });
    options_only.then_some(Some(shell))
}

/// The shell a `#!` line names, if it is sh or bash.
fn shebang(body: &str) -> Option<Option<Shell>> {
    let first = body.lines().next()?.strip_prefix("#!")?;
    let mut words = first.split_whitespace();
    let mut program = words.next()?.rsplit('/').next()?;
    if program == "env" {
        program = words.next()?;
    }
    match program {
        "sh" | "dash" | "ash" => Some(Some(Shell::Sh)),
        "bash" => Some(Some(Shell::Bash)),
        _ => None,
    }
}

impl Script<'_> {
    /// The Dockerfile span of `range` of this script's text. `ins` is the RUN it came from,
    /// `source` the whole Dockerfile, `escape` its escape character. Falls back to the
    /// instruction's span when the text cannot be found in the source as expected.
    pub fn span(
        &self,
        source: &str,
        ins: &Instruction,
        escape: char,
        range: std::ops::Range<usize>,
    ) -> Span {
        let map = |at: usize| -> Option<usize> {
            match self.origin {
                Origin::Body { offset } => {
                    let body = source.get(offset..offset + self.text.len())?;
                    (body == self.text).then_some(offset + at)
                }
                Origin::Line => line_offset(
                    source,
                    ins.args_text.span.start.offset,
                    escape,
                    self.text,
                    at,
                ),
            }
        };
        let start = map(range.start);
        let end = if range.end > range.start {
            map(range.end - 1).map(|e| e + 1)
        } else {
            start
        };
        match (start, end) {
            (Some(s), Some(e)) if s <= e => Span {
                start: pos_at(source, ins.span.start, s),
                end: pos_at(source, ins.span.start, e),
            },
            _ => ins.span,
        }
    }
}

/// Source offset of byte `at` of a RUN's joined arguments `text`, which start at source offset
/// `from`: walks the physical lines the way the parser joined them (a final escape continues
/// the line; blank and comment lines inside are dropped). `None` if the text does not match.
fn line_offset(source: &str, from: usize, escape: char, text: &str, at: usize) -> Option<usize> {
    let mut src_at = from;
    let mut text_at = 0;
    let mut first = true;
    while src_at <= source.len() && text_at <= text.len() {
        let rest = source.get(src_at..)?;
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let line = rest[..line_end].trim_end_matches('\r');
        let next = src_at + line_end + 1;
        let trimmed = line.trim_start();
        if !first && (trimmed.starts_with('#') || trimmed.is_empty()) {
            src_at = next;
            continue;
        }
        first = false;
        let piece = continuation(line, escape);
        let len = piece.unwrap_or(line).len();
        let want = text.get(text_at..)?;
        let have = &line[..len];
        // The text is trimmed at its end, so the last piece may be longer than what is left.
        if !(want.starts_with(have) || have.starts_with(want)) {
            return None;
        }
        if at < text_at + len || piece.is_none() {
            return (at - text_at <= len).then_some(src_at + at - text_at);
        }
        text_at += len;
        src_at = next;
    }
    None
}

/// The line without its final continuation escape, if it ends in one (as the parser judges).
fn continuation(line: &str, escape: char) -> Option<&str> {
    let t = line.trim_end_matches([' ', '\t']);
    let before = t.strip_suffix(escape)?;
    (!before.ends_with(escape)).then_some(before)
}

/// The position of byte `offset`, counted from `anchor` (an earlier position).
fn pos_at(source: &str, anchor: Pos, offset: usize) -> Pos {
    let offset = offset.min(source.len());
    let Some(between) = source.get(anchor.offset..offset) else {
        return anchor;
    };
    let (mut line, mut column) = (anchor.line, anchor.column);
    for c in between.chars() {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    Pos {
        line,
        column,
        offset,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::dockerfile::lint::{LintOptions, lint};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Any RUN text, with continuations, comment lines and heredocs, goes through the
        /// wrapper (script choice, parse, span mapping) without a panic, and every shell
        /// finding lands on a line of its RUN.
        #[test]
        fn run_text_never_panics(
            body in "[a-z$(){}'\"`\\\\|&;<> =/#\n-]{0,60}",
            heredoc in any::<bool>(),
        ) {
            let src = if heredoc {
                format!("FROM debian:13\nRUN <<EOF\n{body}\nEOF\n")
            } else {
                format!("FROM debian:13\nRUN cd /x$A/{}\n", body.replace('\n', " \\\n"))
            };
            let lines = src.lines().count();
            for d in lint(&src, &LintOptions::default()).diagnostics {
                if d.rule.starts_with("DK4") {
                    prop_assert!(d.location.line >= 2 && d.location.end_line <= lines, "{d:?}");
                }
            }
        }
    }
}
