//! DL3008: Pin versions in apt-get install.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3008",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in apt-get install",
    explanation: "`apt-get install curl` installs whatever version is current at build time. Pin (`curl=8.14.1-2`) when reproducibility matters.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let unpinned = |c: &Command<'_>| {
        c.is("apt-get", &["install"])
            && c.operands()
                .any(|p| !p.contains('=') && !p.ends_with(".deb") && !p.contains('$'))
    };
    report_runs(
        ctx,
        r,
        &["apt-get"],
        unpinned,
        "Pin versions in apt-get install: `apt-get install <package>=<version>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM debian:trixie\nRUN apt-get install -y curl\n",
            "DL3008",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Pin versions in apt-get install: `apt-get install <package>=<version>`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM debian:trixie\nRUN apt-get install -y curl=8.14.1-2\n",
                "DL3008"
            )
            .is_empty()
        );
    }
}
