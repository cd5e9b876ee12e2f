//! DL3034: Use `zypper -n` (non-interactive).

use super::rpm_tools::zypper_asks;
use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3034",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use `zypper -n` (non-interactive)",
    explanation: "zypper asks before it installs, removes or upgrades, and a build has no one to answer: the RUN fails. Add `-n` (`--non-interactive`) before the subcommand or `-y` (`--no-confirm`) after it.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["zypper"],
        zypper_asks,
        "Non-interactive switch missing from zypper: `zypper install -y <package>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4 && zypper remove vim && zypper clean\n",
            "DL3034",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Non-interactive switch missing from zypper: `zypper install -y <package>`"
        );
    }

    #[test]
    fn silent_when_it_does_not_ask() {
        for ok in [
            "zypper -n in httpd=2.4",
            "zypper --non-interactive remove vim",
            "zypper install --no-confirm httpd=2.4",
            "zypper refresh",
        ] {
            let src = format!("FROM opensuse/leap:15.6\nRUN {ok}\n");
            assert!(findings(&src, "DL3034").is_empty(), "{ok}");
        }
    }
}
