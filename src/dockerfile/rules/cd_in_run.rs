//! DL3003: Use WORKDIR instead of `cd`.

use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3003",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use WORKDIR instead of `cd`",
    explanation: "`cd` in a RUN only lasts for that RUN, so the next instruction silently runs elsewhere. Use `WORKDIR /path` to switch directories. ONBUILD RUN is read too, where `cd` lasts no longer (hadolint skips ONBUILD for this rule).",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["cd"],
        |c| c.program() == Some("cd"),
        "Use WORKDIR to switch to a directory: `cd` only lasts for this RUN",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nRUN cd /tmp && make\n", "DL3003");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Use WORKDIR to switch to a directory: `cd` only lasts for this RUN"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nWORKDIR /tmp\nRUN make\n", "DL3003").is_empty());
    }
}
