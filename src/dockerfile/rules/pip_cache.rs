//! DL3042: Use `pip install --no-cache-dir`.

use super::pip_pin::pip_install;
use super::run_steps::{runs, scratch_mount};
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3042",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use `pip install --no-cache-dir`",
    explanation: "pip keeps downloaded wheels in ~/.cache/pip, which then ships in the layer. Add `--no-cache-dir` (or set PIP_NO_CACHE_DIR=1, or use a cache mount). Any value of PIP_NO_CACHE_DIR turns the cache off (pip reads even `0` as off), so it is not flagged where hadolint flags `=0`; a tmpfs mount over the cache counts like a cache mount (hadolint accepts only `type=cache`); pip called by its path is read too.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (stage, _, ins, run) in runs(ctx) {
        // Any value of PIP_NO_CACHE_DIR turns the cache off (pip reads even `0` as "off").
        if ctx.model.stages[stage]
            .env_value("PIP_NO_CACHE_DIR")
            .is_some()
            || scratch_mount(ins, "/root/.cache/pip")
        {
            continue;
        }
        let caches = |c: &Command<'_>| {
            pip_install(c)
                && !c.has_flag(&["--no-cache-dir"])
                && !c.env.iter().any(|(k, _)| k == "PIP_NO_CACHE_DIR")
        };
        if run.script.commands.iter().any(caches) {
            r.at(
                ins.span,
                "Avoid use of cache directory with pip: use `pip install --no-cache-dir <package>`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM python:3.13\nRUN pip install -r requirements.txt\n",
            "DL3042",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Avoid use of cache directory with pip: use `pip install --no-cache-dir <package>`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM python:3.13\nRUN pip install --no-cache-dir -r requirements.txt\n",
                "DL3042"
            )
            .is_empty()
        );
    }
}
