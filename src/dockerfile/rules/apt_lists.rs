//! DL3009: Delete the apt lists after installing.

use super::run_steps::{removes, runs_calling, scratch_mount};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3009",
    aliases: &[],
    severity: Severity::Info,
    title: "Delete the apt lists after installing",
    explanation: "`apt-get update` leaves tens of MB in /var/lib/apt/lists. End the same RUN with `&& rm -rf /var/lib/apt/lists/*` (or use a cache mount) so the layer does not keep them. A cache or tmpfs mount over /var/lib/apt/lists (or /var/lib/apt), or a bind mount made writable (`rw`, whose writes BuildKit discards), keeps the lists out; `apt-get dist-clean` removes them. hadolint flags bind mounts and `dist-clean`. ONBUILD RUN is checked like RUN.",
    lesson: Some("why-multi-stage/the-single-stage-problem"),
    runtime: false,
    check,
};

/// For each stage, whether another stage builds FROM it (so its layers live on in that one).
/// Worked out once: asking per RUN, over all stages, was quadratic in a long chain.
fn bases(ctx: &Ctx<'_>) -> Vec<bool> {
    let mut bases = vec![false; ctx.model.stages.len()];
    for s in &ctx.model.stages {
        if let crate::dockerfile::model::Base::Stage { index } = s.base
            && let Some(b) = bases.get_mut(index)
        {
            *b = true;
        }
    }
    bases
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let bases = bases(ctx);
    for (stage, _, ins, run) in runs_calling(ctx, &["apt-get"]) {
        let script = &run.script;
        // Only layers that live on matter: the final stage's and those of stages built upon.
        if Some(stage) != ctx.model.final_stage && !bases[stage] {
            continue;
        }
        let cleans =
            script.any("apt-get", &["dist-clean"]) || removes(script, "/var/lib/apt/lists");
        let cached = scratch_mount(ins, "/var/lib/apt/lists")
            || (scratch_mount(ins, "/var/lib/apt") && scratch_mount(ins, "/var/cache/apt"));
        if script.any("apt-get", &["update"]) && !cleans && !cached {
            r.at(ins.span, "Delete the apt-get lists after installing something: `&& rm -rf /var/lib/apt/lists/*`");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM debian:trixie\nRUN apt-get update && apt-get install -y curl=8.14.1-2\n",
            "DL3009",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Delete the apt-get lists after installing something: `&& rm -rf /var/lib/apt/lists/*`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM debian:trixie\nRUN apt-get update && apt-get install -y curl=8.14.1-2 && rm -rf /var/lib/apt/lists/*\n", "DL3009").is_empty());
    }
}
