//! DK103: FROM with other than one or three words.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK103",
    aliases: &[],
    severity: Severity::Error,
    title: "FROM needs an image and optionally `AS name`",
    explanation: "FROM takes `[--platform=…] image[:tag|@digest] [AS name]`: one word, or three with AS in the middle. Otherwise BuildKit fails with `FROM requires either one or three arguments`.",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let ins = ctx.ins(st.from);
        let Args::From(f) = &ins.args else { continue };
        let ok = match f.words.len() {
            1 => true,
            3 => f.words[1].text.eq_ignore_ascii_case("as"),
            _ => false,
        };
        if !ok {
            r.at(
                ins.args_text.span,
                "FROM requires either one or three arguments: `FROM image [AS name]`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn two_words_and_a_wrong_middle_word() {
        assert_eq!(findings("FROM alpine:3.22 AS\n", "DK103").len(), 1);
        assert_eq!(findings("FROM alpine:3.22 TO base\n", "DK103").len(), 1);
        assert!(findings("FROM alpine:3.22 as base\n", "DK103").is_empty());
    }
}
