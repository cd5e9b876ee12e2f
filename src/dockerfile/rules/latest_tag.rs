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

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:latest\n", "DL3007");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (1, 6));
        assert_eq!(
            d[0].message,
            "Using latest is prone to errors if the image will ever update: pin a version of `alpine`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:latest@sha256:abcd\n", "DL3007").is_empty());
    }
}
