//! DL3019: Use `apk add --no-cache`.

use super::run_steps::{runs_with, scratch_mount};
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3019",
    aliases: &[],
    severity: Severity::Info,
    title: "Use `apk add --no-cache`",
    explanation: "`apk add --no-cache` fetches the index, installs and leaves no cache behind, instead of `apk update` plus removing /var/cache/apk.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let caches = |c: &Command<'_>| c.is("apk", &["add"]) && !c.has_flag(&["--no-cache"]);
    for ins in runs_with(ctx, &["apk"], caches) {
        if !scratch_mount(ins, "/var/cache/apk") {
            r.at(ins.span, "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nRUN apk add curl=8.14.1-r0\n", "DL3019");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM alpine:3.22\nRUN apk add --no-cache curl=8.14.1-r0\n",
                "DL3019"
            )
            .is_empty()
        );
    }
}
