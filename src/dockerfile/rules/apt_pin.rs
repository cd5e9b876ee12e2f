//! DL3008: Pin versions in apt-get install.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3008",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in apt-get install",
    explanation: "`apt-get install curl` installs whatever version is current at build time. Pin (`curl=8.14.1-2`) when reproducibility matters.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let unpinned = |c: &Command<'_>| {
        c.is("apt-get", &["install"])
            && c.operands()
                .any(|p| !p.contains('=') && !p.ends_with(".deb") && !p.contains('$'))
    };
    report_runs(
        ctx,
        r,
        unpinned,
        "Pin versions in apt-get install: `apt-get install <package>=<version>`",
    );
}
