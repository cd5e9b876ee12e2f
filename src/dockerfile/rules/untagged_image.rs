//! DL3006: Base image without a tag.

use super::text::from_image_span;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;
use crate::dockerfile::model::Base;
use crate::dockerfile::model::expand::has_variable;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3006",
    aliases: &[],
    severity: Severity::Warning,
    title: "Base image without a tag",
    explanation: "`FROM alpine` means `alpine:latest`, which changes under you: the next build may get a different OS version. Pin a tag (`alpine:3.22`), or a digest for full reproducibility (`@sha256:…`; for distroless, whose tags name variants, the digest is the way to pin). `FROM stage-${ARG}` whose default names a stage of this file builds on that stage, not on an image, so it is not flagged (hadolint flags it).",
    lesson: Some("go-multi-stage/do-you-even-need-alpine"),
    runtime: false,
    check,
};

pub(super) fn tagged_images(ctx: &Ctx<'_>, r: &mut Report, latest: bool) {
    for st in &ctx.model.stages {
        let Base::Image { image, .. } = &st.base else {
            continue;
        };
        let written = match &ctx.ins(st.from).args {
            Args::From(f) => f.image.as_ref().map(|w| w.text.as_str()).unwrap_or(""),
            _ => "",
        };
        if image.is_scratch() || image.digest.is_some() || has_variable(written) {
            continue;
        }
        let span = from_image_span(ctx, st.from);
        match (&image.tag, latest) {
            (None, false) => r.at(
                span,
                format!("Always tag the version of an image explicitly: `{written}` means `{written}:latest`"),
            ),
            (Some(t), true) if t == "latest" => r.at(
                span,
                format!("Using latest is prone to errors if the image will ever update: pin a version of `{}`", image.short_name()),
            ),
            _ => {}
        }
    }
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    tagged_images(ctx, r, false);
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine\n", "DL3006");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (1, 6));
        assert_eq!(
            d[0].message,
            "Always tag the version of an image explicitly: `alpine` means `alpine:latest`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM alpine:3.22\nFROM alpine@sha256:abcd\nFROM scratch\n",
                "DL3006"
            )
            .is_empty()
        );
    }
}
