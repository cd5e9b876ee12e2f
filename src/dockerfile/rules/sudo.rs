//! DL3004: Do not use sudo.

use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3004",
    aliases: &[],
    severity: Severity::Warning,
    title: "Do not use sudo",
    explanation: "Builds already run as root unless you switched USER; sudo is usually absent and its tty/password behaviour is unpredictable. Switch with `USER root` … `USER app` instead.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        |c| c.words.first().is_some_and(|w| w == "sudo"),
        "Do not use sudo: builds run as root unless USER says otherwise",
    );
}
