//! DL3035: Do not use `zypper dist-upgrade`.

use super::run_steps::report_runs;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3035",
    aliases: &[],
    severity: Severity::Warning,
    title: "Do not use `zypper dist-upgrade`",
    explanation: "`zypper dist-upgrade` (`dup`) moves every package to whatever the repositories hold today, possibly a newer distribution release: the image stops matching its base tag and each build can differ. Pick a newer base image instead, or update only the packages you need.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["zypper"],
        |c| c.is("zypper", &["dist-upgrade", "dup"]),
        "Do not use `zypper dist-upgrade`: use a newer base image instead",
    );
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM opensuse/leap:15.6\nRUN zypper -n dup && zypper -n dist-upgrade\n",
            "DL3035",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Do not use `zypper dist-upgrade`: use a newer base image instead"
        );
    }

    #[test]
    fn silent_when_it_only_updates_named_packages() {
        for ok in ["zypper -n update openssl", "zypper -n in dup-tool=1"] {
            let src = format!("FROM opensuse/leap:15.6\nRUN {ok}\n");
            assert!(findings(&src, "DL3035").is_empty(), "{ok}");
        }
    }
}
