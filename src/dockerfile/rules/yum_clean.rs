//! DL3032: `yum clean all` missing after yum install.

use super::rpm_tools::YUM;
use super::run_steps::runs_calling;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3032",
    aliases: &[],
    severity: Severity::Warning,
    title: "`yum clean all` missing after yum install",
    explanation: "yum keeps the packages it downloaded in /var/cache/yum, and the layer keeps them too. End the same RUN with `&& yum clean all` (or `rm -rf /var/cache/yum`), or put a cache mount over /var/cache/yum (hadolint does not accept the mount).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, _, ins, run) in runs_calling(ctx, YUM.programs) {
        if YUM.leaves_cache(ins, &run.script) {
            r.at(
                ins.span,
                "Clean the yum cache in the same RUN: `yum install -y <package> && yum clean all`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings("FROM centos:7\nRUN yum install -y httpd-2.4\n", "DL3032");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Clean the yum cache in the same RUN: `yum install -y <package> && yum clean all`"
        );
    }

    #[test]
    fn silent_when_the_cache_is_cleared() {
        for ok in [
            "yum install -y x-1 && yum clean all",
            "yum install -y x-1 && rm -rf /var/cache/yum/*",
            "--mount=type=cache,target=/var/cache/yum yum install -y x-1",
            "yum update -y",
        ] {
            assert!(
                findings(&format!("FROM centos:7\nRUN {ok}\n"), "DL3032").is_empty(),
                "{ok}"
            );
        }
    }
}
