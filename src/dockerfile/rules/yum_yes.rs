//! DL3030: Use `yum install -y`.

use super::rpm_tools::YUM;
use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3030",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use `yum install -y`",
    explanation: "Without `-y` (`--assumeyes`) yum asks before installing, and a build has no one to answer: the install is cancelled and the RUN fails. Applies to `install`, `groupinstall` and `localinstall`.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        YUM.programs,
        |c| YUM.asks(c),
        "Use the -y switch to avoid manual input: `yum install -y <package>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM centos:7\nRUN yum install httpd-2.4 && yum install jq-1.6 && yum clean all\n",
            "DL3030",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Use the -y switch to avoid manual input: `yum install -y <package>`"
        );
    }

    #[test]
    fn silent_when_it_answers_yes() {
        for ok in [
            "yum install -y httpd-2.4",
            "yum -q --assumeyes install httpd",
            "yum update",
        ] {
            assert!(
                findings(&format!("FROM centos:7\nRUN {ok}\n"), "DL3030").is_empty(),
                "{ok}"
            );
        }
    }
}
