//! DL3019: Use `apk add --no-cache`.

use super::run_steps::{runs_with, scratch_mount};
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3019",
    aliases: &[],
    severity: Severity::Info,
    title: "Use `apk add --no-cache`",
    explanation: "`apk add --no-cache` fetches the index, installs and leaves no cache behind, instead of `apk update` plus removing /var/cache/apk.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let caches = |c: &Command<'_>| c.is("apk", &["add"]) && !c.has_flag(&["--no-cache"]);
    for ins in runs_with(ctx, caches) {
        if !scratch_mount(ins, "/var/cache/apk") {
            r.at(ins.span, "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages");
        }
    }
}
