//! DL3015: Use `--no-install-recommends`.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3015",
    aliases: &[],
    severity: Severity::Info,
    title: "Use `--no-install-recommends`",
    explanation: "apt-get installs recommended packages too, often doubling the size. Add `--no-install-recommends` and list what you need.",
    lesson: Some("why-multi-stage/the-single-stage-problem"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let recommends = |c: &Command<'_>| {
        c.is("apt-get", &["install"])
            && !c.has_flag(&["--no-install-recommends"])
            && !c.words.iter().any(|w| {
                w.contains("Install-Recommends=false") || w.contains("Install-Recommends=0")
            })
    };
    report_runs(
        ctx,
        r,
        &["apt-get"],
        recommends,
        "Avoid additional packages by specifying `--no-install-recommends`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM debian:trixie\nRUN apt-get install -y curl=1\n",
            "DL3015",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Avoid additional packages by specifying `--no-install-recommends`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM debian:trixie\nRUN apt-get install -y --no-install-recommends curl=1\n",
                "DL3015"
            )
            .is_empty()
        );
    }
}
