//! DL4004: Several ENTRYPOINT in one stage: only the last one counts.

use super::multiple_cmd::multiple;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL4004",
    aliases: &["MultipleInstructionsDisallowed"],
    severity: Severity::Warning,
    title: "Several ENTRYPOINT in one stage: only the last one counts",
    explanation: "Only the last ENTRYPOINT of a stage takes effect. Keep one.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    multiple(ctx, r, Keyword::Entrypoint);
}
