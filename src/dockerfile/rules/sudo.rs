//! DL3004: Do not use sudo.

use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3004",
    aliases: &[],
    severity: Severity::Warning,
    title: "Do not use sudo",
    explanation: "Builds already run as root unless you switched USER; sudo is usually absent and its tty/password behaviour is unpredictable. Switch with `USER root` … `USER app` instead.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["sudo"],
        |c| c.words.first().is_some_and(|w| w == "sudo"),
        "Do not use sudo: builds run as root unless USER says otherwise",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM debian:trixie\nRUN sudo make install\n", "DL3004");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Do not use sudo: builds run as root unless USER says otherwise"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM debian:trixie\nRUN make install\n", "DL3004").is_empty());
    }
}
