//! DL3041: Pin versions in dnf install.

use super::rpm_tools::DNF;
use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3041",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in dnf install",
    explanation: "`dnf install jq` installs whatever is newest when the image is built. Name the version (`jq-1.7.1`) when reproducibility matters. microdnf is read too; local `.rpm` files and paths name their version already (hadolint flags them).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        DNF.programs,
        |c| DNF.unpinned(c),
        "Specify version with `dnf install -y <package>-<version>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM fedora:42\nRUN dnf install -y jq && dnf clean all\n",
            "DL3041",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Specify version with `dnf install -y <package>-<version>`"
        );
    }

    #[test]
    fn silent_when_every_package_names_a_version() {
        for ok in [
            "dnf install -y jq-1.7.1",
            "dnf install -y ./local.rpm",
            "dnf install -y --setopt tsflags=nodocs jq-1.7",
        ] {
            assert!(
                findings(&format!("FROM fedora:42\nRUN {ok}\n"), "DL3041").is_empty(),
                "{ok}"
            );
        }
    }
}
