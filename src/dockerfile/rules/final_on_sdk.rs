//! DK204: the final stage stands on an SDK image (compilers and package managers ship).

use super::chain::base_name;
use super::text::from_image_span;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::images::Kind;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK204",
    aliases: &[],
    severity: Severity::Warning,
    title: "The final stage is built on an SDK image",
    explanation: "The image that ships is built on a full toolchain image (golang, node, python, maven, a JDK…): hundreds of MB of compilers and package managers nobody needs at run time, and a large attack surface. Build in a stage on the SDK image and copy the result into a runtime image (slim, distroless, scratch).",
    lesson: Some("why-multi-stage/keep-only-what-runs"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let Some(st) = ctx.model.final_stage() else {
        return;
    };
    if let Some(info) = &st.image_info
        && info.kind == Kind::Sdk
    {
        r.at(
            from_image_span(ctx, st.from),
            format!(
                "the final stage ships {} ({}), a build image with compilers and package managers: build in a stage and copy the result into a runtime image (slim, distroless or scratch)",
                base_name(st),
                info.id
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::{findings, only_finding};

    #[test]
    fn final_stage_on_golang_warns_at_the_image() {
        let d = only_finding(
            "FROM golang:1.25\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n",
            "DK204",
            (1, 6, 17),
            "the final stage ships golang:1.25 (golang), a build image with compilers and package managers: build in a stage and copy the result into a runtime image (slim, distroless or scratch)",
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn sdk_only_in_a_build_stage_is_fine() {
        let src = "FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\n";
        assert!(findings(src, "DK204").is_empty());
    }
}
