//! DK209: a base image whose name or version the table marks deprecated or end-of-life.

use super::text::from_image_span;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::images::{self, Status};
use crate::dockerfile::model::Base;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK209",
    aliases: &[],
    severity: Severity::Warning,
    title: "Deprecated or end-of-life base image",
    explanation: "The image name or version is no longer maintained (e.g. `gcr.io/distroless/nodejs`, unpublished since 2023; `nodejs18`, deprecated with Node 18's end of life; `golang:1.20`): it gets no security fixes. Move to a supported name and version.",
    lesson: Some("distroless-images/names-and-tags-today"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    advisories(ctx, r, &[Status::Deprecated, Status::Eol]);
}

/// Reports every stage's base image whose table advisory has one of the statuses `want`
/// (DK210 reads the same advisories for floating names).
pub(super) fn advisories(ctx: &Ctx<'_>, r: &mut Report, want: &[Status]) {
    for st in &ctx.model.stages {
        let Base::Image { image, .. } = &st.base else {
            continue;
        };
        let Some(adv) = images::table().advisory(image) else {
            continue;
        };
        if !want.contains(&adv.status) {
            continue;
        }
        let instead = adv
            .replacement
            .as_deref()
            .map(|s| format!("; use {s}"))
            .unwrap_or_default();
        r.at(
            from_image_span(ctx, st.from),
            format!("{}: {}{instead}", image.original, adv.note),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::{findings, only_finding};

    #[test]
    fn deprecated_distroless_name_warns_on_the_image_with_the_replacement() {
        let d = only_finding(
            "FROM gcr.io/distroless/nodejs20-debian12\nCOPY . /app\nCMD [\"/app/server.js\"]\n",
            "DK209",
            (1, 6, 41),
            "gcr.io/distroless/nodejs20-debian12: distroless nodejs20 was deprecated on 2026-05-01 (Node 20 end of life 2026-04-30); use gcr.io/distroless/nodejs24-debian13",
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn supported_and_floating_names_are_not_deprecated() {
        for image in [
            "gcr.io/distroless/nodejs22-debian13",
            "gcr.io/distroless/base",
        ] {
            let src = format!("FROM {image}\nCMD [\"/app\"]\n");
            assert!(findings(&src, "DK209").is_empty(), "{image}");
        }
    }
}
