//! DK210: a distroless name without a Debian version, which moves with the project's default.

use super::deprecated_image::advisories;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::images::Status;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK210",
    aliases: &[],
    severity: Severity::Info,
    title: "Distroless name without a Debian version",
    explanation: "`gcr.io/distroless/base` (no `-debianNN`) follows the project's default distribution: it meant Debian 12 until January 2026 and Debian 13 since, and will move again — and with it glibc and Python versions. Name it explicitly: `gcr.io/distroless/base-debian13`.",
    lesson: Some("distroless-images/names-and-tags-today"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    advisories(ctx, r, &[Status::Floating]);
}

#[cfg(test)]
mod tests {
    use super::super::chain::{findings, only_finding};

    #[test]
    fn distroless_name_without_debian_version_is_named_at_the_image() {
        let d = only_finding(
            "FROM gcr.io/distroless/base\nCOPY app /app\nCMD [\"/app\"]\n",
            "DK210",
            (1, 6, 28),
            "gcr.io/distroless/base: a distroless name without -debianNN follows the project's default distribution (Debian 12 until 2026-01-30, Debian 13 since) and will move again; use the same image with an explicit -debian13 suffix",
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn pinned_debian_version_is_silent() {
        let src = "FROM gcr.io/distroless/base-debian13\nCMD [\"/app\"]\n";
        assert!(findings(src, "DK210").is_empty());
    }
}
