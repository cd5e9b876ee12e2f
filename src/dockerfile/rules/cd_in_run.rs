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
        |c| c.program() == Some("cd"),
        "Use WORKDIR to switch to a directory: `cd` only lasts for this RUN",
    );
}
