//! DK221: a base image whose version or distro release is past its end of life on the image
//! table's date.

use super::text::from_image_span;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::images::{self, Status};
use crate::dockerfile::model::Base;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK221",
    aliases: &[],
    severity: Severity::Warning,
    title: "Base image past its end of life",
    explanation: "The image's runtime version or distribution release gets no more security fixes (Go 1.25 since August 2026, the distroless -debian12 images since September 2026, Alpine 3.21 since November 2026). The dates come from the image table, judged on the table's own date (`end_of_life.as_of` in assets/images.yaml) so that a check gives the same answer every day. Move to a supported version: `golang:1.27`, `node:26`, `-debian13`.",
    lesson: Some("distroless-images/names-and-tags-today"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let table = images::table();
    let Some(as_of) = table.as_of() else { return };
    for st in &ctx.model.stages {
        let (Base::Image { image, .. }, Some(info)) = (&st.base, &st.image_info) else {
            continue;
        };
        let Some(eol) = info.eol.as_deref() else {
            continue;
        };
        // DK209 already says it, from the table's advisory for the name or version.
        let advised = table
            .advisory(image)
            .is_some_and(|a| matches!(a.status, Status::Eol | Status::Deprecated));
        if eol >= as_of || advised {
            continue;
        }
        let source = info.eol_source.as_deref().unwrap_or("the image table");
        r.at(
            from_image_span(ctx, st.from),
            format!(
                "{}: end of life on {eol} ({source}), before the image table's date {as_of}: it gets no more security fixes",
                image.original
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn a_debian12_distroless_base_is_past_its_end() {
        let d = findings(
            "FROM golang:1.27 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n",
            "DK221",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 6));
        assert_eq!(
            d[0].message,
            "gcr.io/distroless/static-debian12:nonroot: end of life on 2026-09-30 (distroless SUPPORT_POLICY.md (cd080764): Debian 12 static/base/base-nossl/cc supported until \"Sept 2026\", written as the month's last day), before the image table's date 2026-12-03: it gets no more security fixes"
        );
        assert!(
            d[0].fix.is_none(),
            "which release to move to is the author's call"
        );
    }

    #[test]
    fn a_runtime_version_past_its_end_names_the_version_and_source() {
        let d = findings("FROM python:3.10-slim\n", "DK221");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message
                .starts_with("python:3.10-slim: end of life on 2026-10-31 (python 3.10: "),
            "{}",
            d[0].message
        );
        let alpine = findings("FROM alpine:3.21\n", "DK221");
        assert!(alpine[0].message.contains("2026-11-01 (alpine 3.21: "));
    }

    #[test]
    fn silent_for_supported_unknown_and_advised_images() {
        for src in [
            "FROM golang:1.27\n",
            "FROM node:24-trixie-slim\n",
            "FROM gcr.io/distroless/nodejs24-debian13\n",
            "FROM python:3.13-slim\n",
            // Unknown to the table, or with no dated end: nothing to say.
            "FROM mycorp/base:1\n",
            "FROM node:lts-slim\n",
            "FROM golang:1.26\n",
            // Past its end, but DK209's advisory already says so.
            "FROM golang:1.25\n",
            "FROM node:20-bullseye\n",
        ] {
            assert!(findings(src, "DK221").is_empty(), "{src}");
        }
    }
}
