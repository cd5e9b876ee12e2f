//! DL3036: `zypper clean` missing after zypper install.

use super::rpm_tools::zypper_leaves_cache;
use super::run_steps::runs_calling;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3036",
    aliases: &[],
    severity: Severity::Warning,
    title: "`zypper clean` missing after zypper install",
    explanation: "zypper keeps repository metadata and packages in /var/cache/zypp, and the layer keeps them too. End the same RUN with `&& zypper clean -a` (or `cc`), or put a cache mount over /var/cache/zypp (hadolint does not accept the mount).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, _, ins, run) in runs_calling(ctx, &["zypper"]) {
        if zypper_leaves_cache(ins, &run.script) {
            r.at(ins.span, "Clean the zypper cache in the same RUN: `zypper install -y <package> && zypper clean`");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM opensuse/leap:15.6\nRUN zypper -n in httpd=2.4\n",
            "DL3036",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Clean the zypper cache in the same RUN: `zypper install -y <package> && zypper clean`"
        );
    }

    #[test]
    fn silent_when_the_cache_is_cleared() {
        for ok in [
            "zypper -n in httpd=2.4 && zypper clean -a",
            "zypper -n in httpd=2.4 && zypper cc",
            "--mount=type=cache,target=/var/cache/zypp zypper -n in httpd=2.4",
            "zypper -n remove vim",
        ] {
            let src = format!("FROM opensuse/leap:15.6\nRUN {ok}\n");
            assert!(findings(&src, "DL3036").is_empty(), "{ok}");
        }
    }
}
