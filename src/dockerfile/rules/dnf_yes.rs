//! DL3038: Use `dnf install -y`.

use super::rpm_tools::DNF;
use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3038",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use `dnf install -y`",
    explanation: "Without `-y` (`--assumeyes`) dnf (and microdnf) asks before installing, and a build has no one to answer: the install is cancelled and the RUN fails.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        DNF.programs,
        |c| DNF.asks(c),
        "Use the -y switch to avoid manual input: `dnf install -y <package>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM fedora:42\nRUN dnf install jq-1.7 && dnf clean all\n",
            "DL3038",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Use the -y switch to avoid manual input: `dnf install -y <package>`"
        );
    }

    #[test]
    fn silent_when_it_answers_yes() {
        for ok in [
            "dnf install -y jq-1.7",
            "microdnf --assumeyes install jq-1.7",
            "dnf upgrade",
        ] {
            assert!(
                findings(&format!("FROM fedora:42\nRUN {ok}\n"), "DL3038").is_empty(),
                "{ok}"
            );
        }
    }
}
