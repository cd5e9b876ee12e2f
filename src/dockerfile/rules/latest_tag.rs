//! DL3007: Base image tagged `latest`.

use super::untagged_image::tagged_images;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3007",
    aliases: &[],
    severity: Severity::Warning,
    title: "Base image tagged `latest`",
    explanation: "`:latest` is whatever was pushed last: builds stop being reproducible and upgrades happen silently. Pin a version tag or a digest (Chainguard's free tier only has `latest`: pin it by digest).",
    lesson: Some("go-multi-stage/do-you-even-need-alpine"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    tagged_images(ctx, r, true);
}
