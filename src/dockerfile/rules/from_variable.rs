//! DK107: a variable in `COPY --from` or `RUN --mount=from=`, which BuildKit does not expand.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::model::{EdgeKind, EdgeTarget};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK107",
    aliases: &[],
    severity: Severity::Error,
    title: "Variable in --from",
    explanation: "BuildKit does not expand variables in `COPY --from` or `RUN --mount=from=`: `variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround`. Write `ARG SRC=…` before the first FROM, `FROM ${SRC} AS src`, then `COPY --from=src`.",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for e in &ctx.model.edges {
        if e.target == EdgeTarget::Variable {
            let what = if e.kind == EdgeKind::MountFrom {
                "'from' doesn't support variable expansion, define alias stage instead"
            } else {
                "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround"
            };
            r.at(e.span, what);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn copy_and_mount_words() {
        let d = findings(
            "ARG SRC=build\nFROM alpine:3.22\nCOPY --from=$SRC /a /a\nRUN --mount=from=$SRC,target=/s true\n",
            "DK107",
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].location.line, 3);
        assert!(
            d[0].message
                .starts_with("variable expansion is not supported for --from")
        );
        assert!(
            d[1].message
                .starts_with("'from' doesn't support variable expansion")
        );
    }
}
