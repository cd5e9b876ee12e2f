//! DK314 (BuildKit's InvalidBaseImagePlatform): `FROM --platform=P image` where the image
//! table says the image is not built for P.

use super::platform_constant::platform;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;
use crate::dockerfile::model::Base;
use crate::dockerfile::model::expand::has_variable;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK314",
    aliases: &["InvalidBaseImagePlatform"],
    severity: Severity::Warning,
    title: "Base image not built for the platform FROM asks for",
    explanation: "`FROM --platform=linux/386 node:24` asks for a platform the image is not published for: the pull fails (`no match for platform in manifest`) or, for a single-platform image, BuildKit pulls the platform there is and warns that it does not match. Pick a platform the image has, or another image. Judged from the image table's `platforms` (docker-library/official-images: the platforms some current tag of the repository is built for, so an old tag may have had others); silent for images whose platforms the table does not know, and when the platform comes from a variable (`$BUILDPLATFORM`, the target platform: only the build knows).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if !ctx.model.reachable.get(st.index).copied().unwrap_or(true) {
            continue;
        }
        let Base::Image { written, .. } = &st.base else {
            continue;
        };
        let Args::From(f) = &ctx.ins(st.from).args else {
            continue;
        };
        let Some(p) = f.platform.as_ref().filter(|p| !has_variable(&p.text)) else {
            continue;
        };
        let (Some(wanted), Some(known)) = (
            platform(&p.text),
            st.image_info.as_ref().and_then(|i| i.platforms.as_ref()),
        ) else {
            continue;
        };
        if known.list.iter().any(|l| wanted.is(l)) {
            continue;
        }
        r.at(
            p.span,
            format!(
                "Base image {} is not built for {} (it is for {}; {}, {}): the pull fails or brings another platform",
                written,
                p.text,
                known.list.join(", "),
                known.source,
                known.date
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn a_platform_the_image_lacks() {
        let d = findings(
            "FROM --platform=windows/amd64 node:24-alpine AS build-windows\n",
            "DK314",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (1, 17));
        assert!(
            d[0].message.starts_with("Base image node:24-alpine is not built for windows/amd64 (it is for linux/amd64, linux/arm64"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn known_platforms_unknown_images_and_variables_are_silent() {
        assert!(
            findings(
                "FROM --platform=linux/arm64 node:24-alpine AS b-arm64\n",
                "DK314"
            )
            .is_empty()
        );
        assert!(findings("FROM --platform=linux/arm node:24 AS b-arm\n", "DK314").is_empty());
        assert!(
            findings(
                "FROM --platform=linux/386 example.com/app:1 AS b-386\n",
                "DK314"
            )
            .is_empty()
        );
        assert!(findings("FROM --platform=$BUILDPLATFORM node:24\n", "DK314").is_empty());
    }
}
