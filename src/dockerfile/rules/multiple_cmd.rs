//! DL4003: Several CMD in one stage: only the last one counts.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Instruction, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL4003",
    aliases: &[],
    severity: Severity::Warning,
    title: "Several CMD in one stage: only the last one counts",
    explanation: "Only the last CMD of a stage takes effect; the others are dead code and usually a mistake. Keep one.",
    lesson: None,
    runtime: false,
    check,
};

pub(super) fn multiple(ctx: &Ctx<'_>, r: &mut Report, keyword: Keyword) {
    for st in &ctx.model.stages {
        let found: Vec<&Instruction> = ctx
            .stage_body(st)
            .map(|(_, i)| i)
            .filter(|i| i.keyword == keyword)
            .collect();
        if let Some((first, later)) = found.split_first() {
            for ins in later {
                r.at(
                    ins.span,
                    format!(
                        "Multiple {keyword} instructions in stage {}: this one overrides line {}; only the last takes effect",
                        st.label(),
                        first.start_line
                    ),
                );
            }
        }
    }
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    multiple(ctx, r, Keyword::Cmd);
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nCMD [\"a\"]\nCMD [\"b\"]\n", "DL4003");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (3, 1));
        assert_eq!(
            d[0].message,
            "Multiple CMD instructions in stage stage 0: this one overrides line 2; only the last takes effect"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nCMD [\"a\"]\n", "DL4003").is_empty());
    }
}
