//! DL3027: Use apt-get, not apt.

use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3027",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use apt-get, not apt",
    explanation: "`apt` is meant for people at a terminal and warns that its interface is unstable in scripts; use `apt-get` or `apt-cache`.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        |c| c.is("apt", &[]),
        "Do not use apt as it is meant to be an end-user tool: use apt-get or apt-cache",
    );
}
