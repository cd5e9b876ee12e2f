//! DL4004: Several ENTRYPOINT in one stage: only the last one counts.

use super::multiple_cmd::multiple;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL4004",
    aliases: &[],
    severity: Severity::Warning,
    title: "Several ENTRYPOINT in one stage: only the last one counts",
    explanation: "Only the last ENTRYPOINT of a stage takes effect. Keep one.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    multiple(ctx, r, Keyword::Entrypoint);
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM alpine:3.22\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n",
            "DL4004",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (3, 1));
        assert_eq!(
            d[0].message,
            "Multiple ENTRYPOINT instructions in stage stage 0: this one overrides line 2; only the last takes effect"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM alpine:3.22\nENTRYPOINT [\"a\"]\nCMD [\"b\"]\n",
                "DL4004"
            )
            .is_empty()
        );
    }
}
