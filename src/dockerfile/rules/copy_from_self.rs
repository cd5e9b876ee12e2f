//! DL3023: `COPY --from` naming the stage it is in.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::model::{EdgeKind, EdgeTarget};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3023",
    aliases: &[],
    severity: Severity::Error,
    title: "COPY --from refers to its own stage",
    explanation: "A stage cannot copy from itself: BuildKit reports `circular dependency detected on stage`. Copy from the stage that produced the file.",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for e in &ctx.model.edges {
        if e.target == EdgeTarget::SelfRef && e.kind != EdgeKind::From {
            r.at(
                e.span,
                format!(
                    "--from={} refers to the stage it is in: circular dependency detected on stage: {}",
                    e.written,
                    ctx.model.stages[e.stage].label()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn self_copy() {
        let d = findings("FROM alpine:3.22 AS a\nCOPY --from=a /x /y\n", "DL3023");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "--from=a refers to the stage it is in: circular dependency detected on stage: a"
        );
    }
}
