//! DL3018: Pin versions in apk add.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3018",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in apk add",
    explanation: "`apk add curl` installs whatever is current. Pin (`curl=8.14.1-r0`) when reproducibility matters. apk's version constraints all count as pins: `pkg=1.2`, `pkg~1.2`, `pkg>=1.2`, `pkg<2` (hadolint accepts only `=` and `~`). Option values (`--virtual .deps`, `--repository URL`) are not packages.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    // `pkg=1.2`, `pkg~1.2` (fuzzy) and `pkg>=1.2` are all version constraints apk honours.
    let unpinned = |c: &Command<'_>| {
        c.is("apk", &["add"])
            && c.operands()
                .any(|p| !p.contains(['=', '~', '<', '>', '$']) && !p.ends_with(".apk"))
    };
    report_runs(
        ctx,
        r,
        &["apk"],
        unpinned,
        "Pin versions in apk add: `apk add <package>=<version>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nRUN apk add --no-cache curl\n", "DL3018");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Pin versions in apk add: `apk add <package>=<version>`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM alpine:3.22\nRUN apk add --no-cache --virtual .deps curl=8.14.1-r0\n",
                "DL3018"
            )
            .is_empty()
        );
    }
}
