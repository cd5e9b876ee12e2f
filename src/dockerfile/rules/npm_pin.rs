//! DL3016: Pin versions in npm install.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3016",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in npm install",
    explanation: "`npm install -g typescript` installs the newest release. Pin (`typescript@5.9.2`); project dependencies belong in package.json and package-lock.json (`npm ci`).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let unpinned = |c: &Command<'_>| {
        c.is("npm", &["install", "i", "add"])
            && c.operands().any(|p| {
                let name = p
                    .strip_prefix('@')
                    .map_or(p, |s| s.split_once('/').map_or(s, |(_, n)| n));
                !name.contains('@')
                    && !p.contains(['/', '$', ':'])
                    && !p.starts_with('.')
                    && !p.ends_with(".tgz")
            })
    };
    report_runs(
        ctx,
        r,
        &["npm"],
        unpinned,
        "Pin versions in npm: `npm install <package>@<version>`",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM node:24\nRUN npm install -g typescript\n", "DL3016");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Pin versions in npm: `npm install <package>@<version>`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM node:24\nRUN npm install -g typescript@5.9.2 @scope/pkg@1.0.0 && npm install\n", "DL3016").is_empty());
    }
}
