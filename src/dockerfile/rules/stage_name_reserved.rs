//! DL3063 (BuildKit's ReservedStageName): a stage named `scratch` or `context`.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3063",
    aliases: &["ReservedStageName"],
    severity: Severity::Error,
    title: "Stage named `scratch` or `context`",
    explanation: "`scratch` (the empty image) and `context` (the build context) are reserved words; a stage with such a name conflicts with them. Choose another name.",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let (Some(name), Some(w)) = (&st.name, &st.name_word)
            && (name == "scratch" || name == "context")
        {
            r.at(
                w.span,
                format!("\"{name}\" is reserved and should not be used as a stage name"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn both_reserved_words() {
        let d = findings(
            "FROM alpine:3.22 AS scratch\nFROM alpine:3.22 AS Context\n",
            "DL3063",
        );
        assert_eq!(d.len(), 2);
        assert_eq!(
            d[1].message,
            "\"context\" is reserved and should not be used as a stage name"
        );
        assert!(findings("FROM alpine:3.22 AS scratchpad\n", "DL3063").is_empty());
    }
}
