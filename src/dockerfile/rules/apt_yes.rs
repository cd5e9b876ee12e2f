//! DL3014: Use `apt-get install -y`.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3014",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use `apt-get install -y`",
    explanation: "Without `-y` apt-get asks for confirmation, and a build has no one to answer: the install aborts.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let asks = |c: &Command<'_>| {
        c.is("apt-get", &["install"])
            && !c.has_short_or_long('y', &["--yes", "--assume-yes"])
            && !c
                .words
                .iter()
                .any(|w| w == "-qq" || w == "-q=2" || w.starts_with("--quiet=2"))
    };
    report_runs(
        ctx,
        r,
        &["apt-get"],
        asks,
        "Use the -y switch to avoid manual input: `apt-get install -y <package>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM debian:trixie\nRUN apt-get install curl=1\n", "DL3014");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Use the -y switch to avoid manual input: `apt-get install -y <package>`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM debian:trixie\nRUN apt-get -qy install curl=1\n",
                "DL3014"
            )
            .is_empty()
        );
    }
}
