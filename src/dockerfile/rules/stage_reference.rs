//! DK105: a reference to a later stage, or a stage index past the last stage.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::model::EdgeTarget;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK105",
    aliases: &[],
    severity: Severity::Error,
    title: "Reference to a later stage or a missing stage index",
    explanation: "A stage can only use stages defined before it. `COPY --from=x` naming a later stage fails with `cannot copy from stage \"x\", it needs to be defined before current stage`; `--from=9` with fewer stages fails with `invalid stage index 9`. (`FROM gcc AS gcc` is fine: BuildKit resolves the base before it registers the stage's name, so that is the image gcc.)",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for e in &ctx.model.edges {
        let current = ctx.model.stages[e.stage].label();
        match &e.target {
            EdgeTarget::Later { index } => r.at(
                e.span,
                format!(
                    "cannot copy from stage \"{}\", it needs to be defined before current stage \"{current}\"",
                    ctx.model.stages[*index].label()
                ),
            ),
            EdgeTarget::BadIndex { .. } => {
                r.at(e.span, format!("invalid stage index {}", e.written))
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn later_stage_and_bad_index() {
        let d = findings(
            "FROM alpine:3.22 AS a\nCOPY --from=b /x /x\nFROM alpine:3.22 AS b\n",
            "DK105",
        );
        assert_eq!(
            d[0].message,
            "cannot copy from stage \"b\", it needs to be defined before current stage \"a\""
        );
        assert_eq!(d[0].location.line, 2);
        let d = findings("FROM alpine:3.22\nCOPY --from=9 /x /x\n", "DK105");
        assert_eq!(d[0].message, "invalid stage index 9");
    }
}
