//! DK102: a Dockerfile without FROM has no stage to build.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK102",
    aliases: &[],
    severity: Severity::Error,
    title: "No FROM: the Dockerfile has no stage to build",
    explanation: "Every build starts from a base image with FROM. Without one BuildKit stops with `dockerfile contains no stages to build`.",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    if ctx.model.stages.is_empty()
        && let Some(first) = ctx.df().instructions.first()
    {
        r.at(
            first.span,
            "dockerfile contains no stages to build: add a FROM line",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn reported_on_the_first_instruction() {
        let d = findings("ARG X=1\nARG Y=2\n", "DK102");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 1);
        assert!(findings("ARG X=1\nFROM alpine:3.22\n", "DK102").is_empty());
    }
}
