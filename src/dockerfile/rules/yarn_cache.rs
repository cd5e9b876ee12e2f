//! DL3060: `yarn install` without `yarn cache clean`.

use super::run_steps::{runs_calling, scratch_mount};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3060",
    aliases: &[],
    severity: Severity::Info,
    title: "`yarn cache clean` missing after `yarn install`",
    explanation: "yarn keeps every package it downloads in its global cache, and the layer keeps the cache too. End the same RUN with `&& yarn cache clean`, or put a cache mount over the cache directory (`/usr/local/share/.cache/yarn` as root in the node images; hadolint does not accept the mount).",
    lesson: None,
    runtime: false,
    check,
};

/// Where yarn 1 keeps its cache as root (node images) or as a user.
const CACHES: &[&str] = &["/usr/local/share/.cache/yarn", "/root/.cache/yarn"];

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, _, ins, run) in runs_calling(ctx, &["yarn"]) {
        let script = &run.script;
        if script.any("yarn", &["install"])
            && !script.any("yarn", &["cache"])
            && !CACHES.iter().any(|c| scratch_mount(ins, c))
        {
            r.at(
                ins.span,
                "Clean the yarn cache in the same RUN: `yarn install && yarn cache clean`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_on_the_run() {
        let d = findings("FROM node:24\nRUN cd app && yarn install\n", "DL3060");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
    }

    #[test]
    fn silent_when_cleaned_or_cached_elsewhere() {
        for ok in [
            "yarn install --frozen-lockfile && yarn cache clean",
            "--mount=type=cache,target=/usr/local/share/.cache/yarn yarn install",
            "yarn add left-pad@1",
            "yarn",
        ] {
            let src = format!("FROM node:24\nRUN {ok}\n");
            assert!(findings(&src, "DL3060").is_empty(), "{ok}");
        }
    }
}
