//! DK101: a line whose first word is no Dockerfile instruction.

use super::{Ctx, Report, RuleInfo, suggest};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK101",
    aliases: &[],
    severity: Severity::Error,
    title: "Unknown instruction",
    explanation: "The first word of an instruction must be one of the 18 Dockerfile instructions (FROM, RUN, COPY…), in any case. Anything else is a parse error: `unknown instruction: FORM (did you mean FROM?)`.",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in ctx.with_triggers() {
        if ins.keyword != Keyword::Unknown {
            continue;
        }
        let word = &ins.keyword_text.text;
        let names: Vec<&str> = Keyword::ALL.iter().map(|k| k.as_str()).collect();
        let upper = word.to_ascii_uppercase();
        match suggest(word, &names) {
            Some(s) => {
                let line = ins.keyword_text.span.start.line as usize;
                let fix = ctx.line_text(line).map(|text| {
                    let want = if word == &upper {
                        s.to_string()
                    } else {
                        s.to_ascii_lowercase()
                    };
                    text.replacen(word.as_str(), &want, 1)
                });
                let msg = format!("unknown instruction: {upper} (did you mean {s}?)");
                match fix {
                    Some(f) => r.fix(ins.keyword_text.span, msg, line, f),
                    None => r.at(ins.keyword_text.span, msg),
                }
            }
            None => r.at(
                ins.keyword_text.span,
                format!("unknown instruction: {upper}"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn suggests_and_fixes_in_the_writers_case() {
        let d = findings("FROM alpine:3.22\nfntrypoint [\"/app\"]\n", "DK101");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "unknown instruction: FNTRYPOINT (did you mean ENTRYPOINT?)"
        );
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.replacement, "entrypoint [\"/app\"]");
    }

    #[test]
    fn no_suggestion_for_a_far_word() {
        let d = findings("FROM alpine:3.22\nXYZZYQ a\n", "DK101");
        assert_eq!(d[0].message, "unknown instruction: XYZZYQ");
        assert!(d[0].fix.is_none());
    }
}
