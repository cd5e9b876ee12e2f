//! DL4001: both wget and curl in one stage.

use super::run_steps::runs_calling;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL4001",
    aliases: &[],
    severity: Severity::Warning,
    title: "Both wget and curl in one stage",
    explanation: "wget and curl do the same job; a stage that uses both needs both installed, and each adds its libraries to the image. Pick one. Each RUN that uses one after the other was used in the same stage is reported (as hadolint does).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    // (stage, wget used, curl used) so far.
    let mut seen = (usize::MAX, false, false);
    for (stage, _, ins, run) in runs_calling(ctx, &["wget", "curl"]) {
        if seen.0 != stage {
            seen = (stage, false, false);
        }
        let uses = |p: &str| run.script.commands.iter().any(|c| c.is(p, &[]));
        let (wget, curl) = (uses("wget"), uses("curl"));
        if (wget && (seen.2 || curl)) || (curl && seen.1) {
            r.at(
                ins.span,
                "Either use wget or curl but not both: each needs its own install",
            );
        }
        seen.1 |= wget;
        seen.2 |= curl;
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_on_each_run_after_the_other_tool() {
        let src = "FROM debian:12\nRUN wget -q x\nRUN curl -O y\nRUN wget -q z\n";
        let lines: Vec<usize> = findings(src, "DL4001")
            .iter()
            .map(|d| d.location.line)
            .collect();
        assert_eq!(lines, [3, 4]);
        let both = findings("FROM debian:12\nRUN curl -O x && wget -q y\n", "DL4001");
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].location.column, 1);
    }

    #[test]
    fn each_stage_starts_afresh() {
        let src = "FROM debian:12 AS a\nRUN curl -O x\nFROM debian:12\nRUN wget -q y\n";
        assert!(findings(src, "DL4001").is_empty());
    }
}
