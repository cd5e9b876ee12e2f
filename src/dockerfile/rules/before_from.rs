//! DL3061: an instruction other than ARG before the first FROM.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3061",
    aliases: &[],
    severity: Severity::Error,
    title: "Instruction before the first FROM",
    explanation: "Only parser directives, comments and ARG may come before the first FROM (a global ARG is usable in FROM lines). Anything else fails with `no build stage in current context`.",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for &i in &ctx.model.preamble {
        let ins = ctx.ins(i);
        if !matches!(ins.keyword, Keyword::Arg | Keyword::Unknown) {
            r.at(
                ins.keyword_text.span,
                format!(
                    "{} before the first FROM: only ARG may come first (no build stage in current context)",
                    ins.keyword
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn run_before_from_is_named() {
        let d = findings("ARG V=1\nRUN echo hi\nFROM alpine:3.22\n", "DL3061");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 2);
        assert!(
            d[0].message.starts_with("RUN before the first FROM"),
            "{}",
            d[0].message
        );
    }
}
