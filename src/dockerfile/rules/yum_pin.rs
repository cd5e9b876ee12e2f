//! DL3033: Pin versions in yum install.

use super::rpm_tools::YUM;
use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3033",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in yum install",
    explanation: "`yum install httpd` installs whatever is newest when the image is built. Name the version (`httpd-2.4.6`) when reproducibility matters. Local `.rpm` files and paths name their version already (hadolint flags them).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        YUM.programs,
        |c| YUM.unpinned(c),
        "Specify version with `yum install -y <package>-<version>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM centos:7\nRUN yum install -y httpd python3-pip && yum clean all\n",
            "DL3033",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Specify version with `yum install -y <package>-<version>`"
        );
    }

    #[test]
    fn silent_when_every_package_names_a_version() {
        for ok in [
            "yum install -y httpd-2.4.6 python3-pip-9.0",
            "yum install -y /tmp/x.rpm",
            "yum --enablerepo epel install -y jq-1.6",
        ] {
            assert!(
                findings(&format!("FROM centos:7\nRUN {ok}\n"), "DL3033").is_empty(),
                "{ok}"
            );
        }
    }
}
