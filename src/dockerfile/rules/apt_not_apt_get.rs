//! DL3027: Use apt-get, not apt.

use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3027",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use apt-get, not apt",
    explanation: "`apt` is meant for people at a terminal and warns that its interface is unstable in scripts; use `apt-get` or `apt-cache`.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["apt"],
        |c| c.is("apt", &[]),
        "Do not use apt as it is meant to be an end-user tool: use apt-get or apt-cache",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM debian:trixie\nRUN apt install -y curl=1\n", "DL3027");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Do not use apt as it is meant to be an end-user tool: use apt-get or apt-cache"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM debian:trixie\nRUN apt-get install -y curl=1\n",
                "DL3027"
            )
            .is_empty()
        );
    }
}
