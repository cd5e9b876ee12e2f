//! DL3040: `dnf clean all` missing after dnf install.

use super::rpm_tools::DNF;
use super::run_steps::runs_calling;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3040",
    aliases: &[],
    severity: Severity::Warning,
    title: "`dnf clean all` missing after dnf install",
    explanation: "dnf (and microdnf) keep downloaded packages and metadata in /var/cache/dnf, and the layer keeps them too. End the same RUN with `&& dnf clean all` (or `rm -rf /var/cache/dnf`), or put a cache mount over /var/cache/dnf (hadolint does not accept the mount).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, _, ins, run) in runs_calling(ctx, DNF.programs) {
        if DNF.leaves_cache(ins, &run.script) {
            r.at(
                ins.span,
                "Clean the dnf cache in the same RUN: `dnf install -y <package> && dnf clean all`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings("FROM fedora:42\nRUN microdnf install -y jq-1.7\n", "DL3040");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Clean the dnf cache in the same RUN: `dnf install -y <package> && dnf clean all`"
        );
    }

    #[test]
    fn silent_when_the_cache_is_cleared() {
        for ok in [
            "dnf install -y jq-1.7 && dnf clean all",
            "microdnf install -y jq-1.7 && microdnf clean all",
            "dnf install -y jq-1.7 && rm -rf /var/cache/dnf",
            "--mount=type=cache,target=/var/cache/dnf dnf install -y jq-1.7",
        ] {
            assert!(
                findings(&format!("FROM fedora:42\nRUN {ok}\n"), "DL3040").is_empty(),
                "{ok}"
            );
        }
    }
}
