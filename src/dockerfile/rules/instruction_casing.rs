//! DK301 (BuildKit's ConsistentInstructionCasing): a keyword not in the file's majority case.

use super::text::{is_lower, is_upper, replace_columns, replace_in_line, report_word_fix};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK301",
    aliases: &["ConsistentInstructionCasing"],
    severity: Severity::Style,
    title: "Instruction keyword not in the file's usual case",
    explanation: "Instructions are case-insensitive, but mixing `FROM` and `run` (or writing `From`) makes a file harder to read. Write every keyword in the case most of the file uses (upper case by convention).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    // As BuildKit: the stages' instructions; the ARGs before the first FROM are not counted
    // or checked.
    let first_from = ctx.model.stages.first().map_or(usize::MAX, |st| st.from);
    let known: Vec<&Instruction> = ctx
        .df()
        .instructions
        .iter()
        .skip(first_from)
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
    // BuildKit: lower case only when strictly more keywords are lower case.
    let majority_upper = upper >= lower;
    for ins in known {
        let w = &ins.keyword_text;
        let fine = if majority_upper {
            is_upper(&w.text)
        } else {
            is_lower(&w.text)
        };
        if fine {
            continue;
        }
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
                    Some((line, text)) => r.safe_fix(w.span, msg, line, text),
                    None => r.at(w.span, msg),
                }
            }
            None => report_word_fix(ctx, r, (w, &want), msg, true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fixes_from_and_as_together() {
        let d = findings(
            "from alpine:3.22 as build\nRUN echo hi\nRUN echo ho\n",
            "DK301",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "Command 'from' should match the case of the command majority (uppercase)"
        );
        let fix = d[0].fix.clone().expect("a fix");
        assert_eq!(
            (fix.line, fix.replacement.as_str()),
            (1, "FROM alpine:3.22 AS build")
        );
    }

    #[test]
    fn lower_case_majority_and_ties() {
        let d = findings("from alpine:3.22\nrun echo hi\nCOPY a /a\n", "DK301");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 3);
        assert_eq!(d[0].fix.as_ref().unwrap().replacement, "copy a /a");
        // One each: upper case wins, as in BuildKit.
        let d = findings("from alpine:3.22\nRUN echo hi\n", "DK301");
        assert_eq!(d[0].location.line, 1);
        // ARGs before the first FROM are neither counted nor checked.
        assert!(findings("arg V=1\narg W=2\nFROM alpine:3.22\n", "DK301").is_empty());
    }
}
