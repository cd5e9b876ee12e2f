//! DK219: COPY --from a stage of a path that nothing in that stage makes.

use super::chain::{built_stages, stage_image};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::build::Certainty;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK219",
    aliases: &[],
    severity: Severity::Error,
    title: "COPY --from a stage of a path that stage does not have",
    explanation: "COPY --from=stage reads the stage's filesystem from its root (not its WORKDIR). When nothing in that stage copies, builds or installs the path and its base image does not have it, BuildKit stops with `failed to compute cache key: \"/out/app\": not found`. Copy the path the build step writes (`go build -o /out/app`, `target/release/NAME`, `WORKDIR`-relative outputs under that WORKDIR).",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: true,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sm in built_stages(ctx) {
        for miss in &sm.copy_misses {
            let Some(src) = ctx.build().stage(miss.from_stage) else {
                continue;
            };
            let base = miss.path.rsplit('/').next().unwrap_or(&miss.path);
            let hint = src
                .fs
                .entries
                .iter()
                .find(|(p, _)| p.rsplit('/').next() == Some(base))
                .map(|(p, e)| match e.origin.line() {
                    Some(l) => format!("; it has {p} (line {l})"),
                    None => format!("; it has {p}"),
                })
                .unwrap_or_default();
            let msg = format!(
                "line {} copies {} from stage {} ({}), which never makes it: nothing there copies, builds or installs it{hint}; BuildKit stops with `\"{}\": not found`",
                miss.line,
                miss.path,
                ctx.model.stages[miss.from_stage].label(),
                stage_image(ctx, src),
                miss.path
            );
            match miss.certainty {
                Certainty::Known => r.at(miss.span, msg),
                Certainty::Likely => r.at_severity(Severity::Warning, miss.span, msg),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use crate::dockerfile::Severity;

    #[test]
    fn copy_of_a_path_the_build_never_wrote() {
        let d = findings(
            "FROM golang:1.26 AS build\nWORKDIR /src\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /src/app /app\n",
            "DK219",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!((d[0].location.line, d[0].location.column), (5, 19));
        assert_eq!(
            d[0].message,
            "line 5 copies /src/app from stage build (golang:1.26, line 1), which never makes it: nothing there copies, builds or installs it; it has /out/app (line 3); BuildKit stops with `\"/src/app\": not found`"
        );
    }

    #[test]
    fn silent_below_a_step_the_model_cannot_read() {
        let src = "FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nRUN make\nFROM scratch\nCOPY --from=build /src/app /app\n";
        assert!(findings(src, "DK219").is_empty());
    }
}
