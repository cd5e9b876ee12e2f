//! DL3037: Pin versions in zypper install.

use super::rpm_tools::zypper_unpinned;
use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3037",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in zypper install",
    explanation: "`zypper install httpd` installs whatever is newest when the image is built. Name the version (`httpd=2.4.58`, or a range in quotes: `\"httpd>=2.4\"`) when reproducibility matters; local `.rpm` files and paths name theirs already.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["zypper"],
        zypper_unpinned,
        "Specify version with `zypper install -y <package>=<version>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM opensuse/leap:15.6\nRUN zypper -n in httpd=2.4 vim && zypper clean\n",
            "DL3037",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Specify version with `zypper install -y <package>=<version>`"
        );
    }

    #[test]
    fn silent_when_every_package_names_a_version() {
        for ok in [
            "zypper -n in httpd=2.4 \"vim>=9\"",
            "zypper -n in /tmp/x.rpm",
            "zypper -n remove vim",
        ] {
            let src = format!("FROM opensuse/leap:15.6\nRUN {ok}\n");
            assert!(findings(&src, "DL3037").is_empty(), "{ok}");
        }
    }
}
