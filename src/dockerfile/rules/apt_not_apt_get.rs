//! DL3027: Use apt-get, not apt.

use super::run_steps::runs_with;
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
    for ins in runs_with(ctx, |c| c.is("apt", &[])) {
        r.at(
            ins.span,
            "Do not use apt as it is meant to be an end-user tool: use apt-get or apt-cache",
        );
    }
}
