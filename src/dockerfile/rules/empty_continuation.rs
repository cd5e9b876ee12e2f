//! DK304 (BuildKit's NoEmptyContinuation): a blank line inside a continued instruction.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Instruction, WarningKind};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK304",
    aliases: &["NoEmptyContinuation"],
    severity: Severity::Warning,
    title: "Blank line inside a line continuation",
    explanation: "A blank line after a `\\` continuation is skipped today, but BuildKit warns that empty continuation lines will become errors in a future release. Remove the blank line (a `#` comment line is fine). Reported once per instruction, on the line where its continuation ends, as BuildKit does.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let mut reported: Option<u32> = None;
    for w in &ctx.parse.warnings {
        if w.kind != WarningKind::EmptyContinuationLine {
            continue;
        }
        let Some(ins) = holder(ctx, w.span.start.line) else {
            continue;
        };
        let end = continuation_end(ctx, ins, w.span.start.line);
        if reported == Some(end) {
            continue;
        }
        reported = Some(end);
        let span = ctx.line_span(end as usize).unwrap_or(w.span);
        r.at(
            span,
            format!(
                "Empty continuation line (line {}) in this {}: it will become an error in a future release",
                w.span.start.line, ins.keyword
            ),
        );
    }
}

/// The instruction whose continuation holds `line`.
fn holder<'a>(ctx: &Ctx<'a>, line: u32) -> Option<&'a Instruction> {
    let all = &ctx.df().instructions;
    let i = all
        .partition_point(|i| i.start_line <= line)
        .checked_sub(1)?;
    Some(&all[i])
}

/// BuildKit's location: the line where the instruction's continued text ends (the first line
/// after `from` that is neither blank, a comment, nor continued again). A heredoc body after
/// it does not count.
fn continuation_end(ctx: &Ctx<'_>, ins: &Instruction, from: u32) -> u32 {
    let escape = ctx.df().escape;
    let mut line = from;
    while line < ins.end_line {
        line += 1;
        let Some(text) = ctx.line_text(line as usize) else {
            break;
        };
        let t = text.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if !continues(text, escape) {
            break;
        }
    }
    line
}

/// Whether `text` ends with the escape character as a line continuation (BuildKit's regex:
/// the escape, then only blanks, not preceded by another escape).
fn continues(text: &str, escape: char) -> bool {
    let body = text.trim_end_matches([' ', '\t']);
    let Some(rest) = body.strip_suffix(escape) else {
        return false;
    };
    rest.is_empty() || !rest.ends_with(escape)
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use super::continues;

    #[test]
    fn reported_where_buildkit_reports_it() {
        // BuildKit's own shape: the instruction is reported on its last line (6 here).
        let src = "\nFROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n";
        let d = findings(src, "DK304");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].location.line, 6);
        assert_eq!(
            d[0].message,
            "Empty continuation line (line 5) in this COPY: it will become an error in a future release"
        );
    }

    #[test]
    fn once_per_instruction_past_comments_and_continuations() {
        let src = "FROM alpine:3.22\nRUN a \\\n\n  && b \\\n# note\n\n  && c\nRUN d\n";
        let d = findings(src, "DK304");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].location.line, 7);
    }

    #[test]
    fn continuation_marks() {
        assert!(continues("RUN a \\", '\\'));
        assert!(continues("\\  ", '\\'));
        assert!(!continues("RUN a \\\\", '\\'));
        assert!(continues("RUN a `", '`'));
        assert!(!continues("RUN a", '\\'));
    }
}
