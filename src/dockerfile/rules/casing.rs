//! BuildKit's style checks on how things are written: keyword casing, stage-name casing,
//! blank lines in continuations, EXPOSE syntax.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword, Span, WarningKind, Word};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DK301",
        aliases: &["ConsistentInstructionCasing"],
        severity: Severity::Style,
        title: "Instruction keyword not in the file's usual case",
        explanation: "Instructions are case-insensitive, but mixing `FROM` and `run` (or writing `From`) makes a file harder to read. Write every keyword in the case most of the file uses (upper case by convention).",
        lesson: None,
        check: instruction_casing,
    },
    RuleInfo {
        id: "DK302",
        aliases: &["FromAsCasing"],
        severity: Severity::Style,
        title: "`AS` not in the same case as `FROM`",
        explanation: "`FROM debian AS build` or `from debian as build`, not a mix: BuildKit warns when the two keywords differ in case.",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: from_as_casing,
    },
    RuleInfo {
        id: "DK303",
        aliases: &["StageNameCasing"],
        severity: Severity::Style,
        title: "Stage name is not lower case",
        explanation: "BuildKit lower-cases stage names (lookups are case-insensitive), so `AS BuilderBase` is really `builderbase`. Write it that way.",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: stage_name_casing,
    },
    RuleInfo {
        id: "DK304",
        aliases: &["NoEmptyContinuation"],
        severity: Severity::Warning,
        title: "Blank line inside a line continuation",
        explanation: "A blank line after a `\\` continuation is skipped today, but BuildKit warns that empty continuation lines will become errors in a future release. Remove the blank line (a `#` comment line is fine).",
        lesson: None,
        check: empty_continuation,
    },
    RuleInfo {
        id: "DK305",
        aliases: &["ExposeProtoCasing"],
        severity: Severity::Style,
        title: "EXPOSE protocol not in lower case",
        explanation: "Write the protocol of an exposed port in lower case: `EXPOSE 80/tcp`, not `80/TCP`.",
        lesson: None,
        check: expose_proto_casing,
    },
    RuleInfo {
        id: "DK306",
        aliases: &["ExposeInvalidFormat"],
        severity: Severity::Warning,
        title: "EXPOSE with an IP address or host port",
        explanation: "EXPOSE documents container ports only: `EXPOSE 80`. The `ip:host:container` and `host:container` forms are deprecated; publish host ports with `docker run -p`.",
        lesson: None,
        check: expose_format,
    },
];

fn is_upper(s: &str) -> bool {
    s.chars().all(|c| !c.is_ascii_lowercase())
}

fn is_lower(s: &str) -> bool {
    s.chars().all(|c| !c.is_ascii_uppercase())
}

/// The source line of `span` with the text of `span` replaced (when it is on one line).
pub(super) fn replace_in_line(ctx: &Ctx<'_>, span: Span, with: &str) -> Option<(usize, String)> {
    let line = span.start.line as usize;
    if span.end.line != span.start.line {
        return None;
    }
    Some((line, replace_columns(ctx.line_text(line)?, span, with)?))
}

/// `text` (one line) with the columns of `span` replaced.
fn replace_columns(text: &str, span: Span, with: &str) -> Option<String> {
    let start: usize = text
        .char_indices()
        .nth(span.start.column as usize - 1)
        .map(|(i, _)| i)?;
    let end: usize = text
        .char_indices()
        .nth(span.end.column as usize - 1)
        .map_or(text.len(), |(i, _)| i);
    Some(format!("{}{with}{}", &text[..start], &text[end..]))
}

fn report_with_fix(ctx: &Ctx<'_>, r: &mut Report, word: &Word, want: &str, msg: String) {
    match replace_in_line(ctx, word.span, want) {
        Some((line, fixed)) => r.fix(word.span, msg, line, fixed),
        None => r.at(word.span, msg),
    }
}

fn instruction_casing(ctx: &Ctx<'_>, r: &mut Report) {
    let known: Vec<&Instruction> = ctx
        .df()
        .instructions
        .iter()
        .filter(|i| i.keyword != Keyword::Unknown)
        .collect();
    let upper = known
        .iter()
        .filter(|i| is_upper(&i.keyword_text.text))
        .count();
    let lower = known
        .iter()
        .filter(|i| is_lower(&i.keyword_text.text))
        .count();
    let majority_upper = upper >= lower;
    for ins in known {
        let w = &ins.keyword_text;
        let fine = if majority_upper {
            is_upper(&w.text)
        } else {
            is_lower(&w.text)
        };
        if !fine {
            let (want, case) = if majority_upper {
                (w.text.to_ascii_uppercase(), "uppercase")
            } else {
                (w.text.to_ascii_lowercase(), "lowercase")
            };
            let msg = format!(
                "Command '{}' should match the case of the command majority ({case})",
                w.text
            );
            // `from x as y` → `FROM x AS y`: changing FROM alone would trip DK302.
            let as_word = match &ins.args {
                Args::From(f) if f.words.len() == 3 => Some(&f.words[1])
                    .filter(|a| a.text.eq_ignore_ascii_case("as"))
                    .filter(|a| a.span.start.line == w.span.start.line),
                _ => None,
            };
            match as_word {
                Some(a) => {
                    let want_as = if majority_upper { "AS" } else { "as" };
                    let fixed = replace_in_line(ctx, a.span, want_as)
                        .and_then(|(line, t)| Some((line, replace_columns(&t, w.span, &want)?)));
                    match fixed {
                        Some((line, text)) => r.fix(w.span, msg, line, text),
                        None => r.at(w.span, msg),
                    }
                }
                None => report_with_fix(ctx, r, w, &want, msg),
            }
        }
    }
}

fn from_as_casing(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let ins = ctx.ins(st.from);
        let Args::From(f) = &ins.args else { continue };
        if f.words.len() != 3 || !f.words[1].text.eq_ignore_ascii_case("as") {
            continue;
        }
        let from = &ins.keyword_text.text;
        let as_word = &f.words[1];
        let want = if is_upper(from) {
            "AS"
        } else if is_lower(from) {
            "as"
        } else {
            continue;
        };
        if as_word.text != want {
            let msg = format!(
                "'{}' and '{}' keywords' casing do not match: write `{} … {want}`",
                as_word.text, from, from
            );
            report_with_fix(ctx, r, as_word, want, msg);
        }
    }
}

fn stage_name_casing(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let Some(w) = &st.name_word
            && !is_lower(&w.text)
        {
            let want = w.text.to_ascii_lowercase();
            let msg = format!("Stage name '{}' should be lowercase: '{want}'", w.text);
            report_with_fix(ctx, r, w, &want, msg);
        }
    }
}

fn empty_continuation(ctx: &Ctx<'_>, r: &mut Report) {
    for w in &ctx.parse.warnings {
        if w.kind == WarningKind::EmptyContinuationLine {
            r.at(
                w.span,
                "Empty continuation line: it will become an error in a future release",
            );
        }
    }
}

fn expose_words<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = &'a Word> {
    ctx.df()
        .instructions
        .iter()
        .filter(|i| i.keyword == Keyword::Expose)
        .flat_map(|i| match &i.args {
            Args::Words(w) => w.as_slice(),
            _ => &[],
        })
}

fn expose_proto_casing(ctx: &Ctx<'_>, r: &mut Report) {
    for w in expose_words(ctx) {
        if let Some((_, proto)) = w.text.split_once('/')
            && !is_lower(proto)
        {
            let want = w.text.to_ascii_lowercase();
            let msg = format!(
                "Defined protocol '{}' in EXPOSE should be lowercase: '{want}'",
                w.text
            );
            report_with_fix(ctx, r, w, &want, msg);
        }
    }
}

fn expose_format(ctx: &Ctx<'_>, r: &mut Report) {
    for w in expose_words(ctx) {
        let port = w.text.split('/').next().unwrap_or("");
        if port.contains(':') {
            r.at(
                w.span,
                format!(
                    "EXPOSE '{}' names an IP address or host port: expose only the container port ({})",
                    w.text,
                    port.rsplit(':').next().unwrap_or(port)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::dockerfile::lint::{LintOptions, lint};

    #[test]
    fn dk301_fixes_from_and_as_together() {
        let found = lint(
            "from alpine:3.22 as build\nRUN echo hi\nRUN echo ho\n",
            &LintOptions::default(),
        );
        let fix = found
            .diagnostics
            .iter()
            .find(|d| d.rule == "DK301")
            .and_then(|d| d.fix.clone())
            .expect("DK301 with a fix");
        assert_eq!(
            (fix.line, fix.replacement.as_str()),
            (1, "FROM alpine:3.22 AS build")
        );
    }
}
