//! DK108: `--target` names no stage.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK108",
    aliases: &[],
    severity: Severity::Error,
    title: "The --target stage does not exist",
    explanation: "`docker build --target NAME` needs a stage named NAME (case-insensitive): `target stage \"NAME\" could not be found`.",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    if let Some(t) = &ctx.model.missing_target {
        let span = ctx
            .df()
            .instructions
            .first()
            .map(|i| i.span)
            .unwrap_or_default();
        r.at(span, format!("target stage \"{t}\" could not be found"));
    }
}

#[cfg(test)]
mod tests {
    use crate::dockerfile::lint::{LintOptions, lint};

    fn with_target(target: &str) -> Vec<String> {
        let opts = LintOptions {
            target: Some(target.into()),
            ..Default::default()
        };
        lint("FROM alpine:3.22 AS build\n", &opts)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "DK108")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn target_is_matched_case_insensitively() {
        assert_eq!(
            with_target("prod"),
            ["target stage \"prod\" could not be found"]
        );
        assert!(with_target("BUILD").is_empty());
    }
}
