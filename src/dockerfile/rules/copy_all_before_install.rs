//! DK208: `COPY . .` before the dependency install, so every source change re-runs it.

use super::chain::copy_sources;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Instruction, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK208",
    aliases: &[],
    severity: Severity::Info,
    title: "`COPY . .` before installing dependencies",
    explanation: "Copying the whole source before `npm ci`/`pip install -r`/`go mod download` means any source change invalidates the install layer, so every build reinstalls everything. Copy the manifests first (`COPY package*.json ./`), install, then `COPY . .`.",
    lesson: Some("node-multi-stage/a-corrected-version"),
    runtime: false,
    check,
};

fn installs_node_deps(c: &Command) -> bool {
    c.is("npm", &["ci", "install", "i"])
        || c.is("yarn", &["install"])
        || c.is("pnpm", &["install", "i"])
        || (c.is("yarn", &[]) && c.words.len() == 1)
}

fn installs_deps(c: &Command) -> bool {
    installs_node_deps(c)
        || ((c.is("pip", &["install"]) || c.is("pip3", &["install"]))
            && c.has_short_or_long('r', &["--requirement"]))
        || c.is("poetry", &["install"])
        || c.is("bundle", &["install"])
        || c.is("composer", &["install"])
        || c.is("go", &["mod"]) && c.words.iter().any(|w| w == "download")
        || c.is("cargo", &["fetch"])
        || c.is("mvn", &[]) && c.words.iter().any(|w| w.starts_with("dependency:"))
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let mut copy_all: Option<&Instruction> = None;
        for (_, ins) in ctx.stage_body(st) {
            match ins.keyword {
                // `ADD . dir` copies the context like COPY (DL3020's fix turns one into the other).
                Keyword::Copy | Keyword::Add
                    if ins.flag("from").is_none()
                        && copy_all.is_none()
                        && copy_sources(ins).iter().any(|s| s == "." || s == "./") =>
                {
                    copy_all = Some(ins);
                }
                // Only a RUN after the copy can be reordered: the others need not be read.
                Keyword::Run if copy_all.is_some() => {
                    let script = &ctx.script(ins).script;
                    if let (Some(c), Some(install)) =
                        (copy_all, script.commands.iter().find(|c| installs_deps(c)))
                    {
                        let msg = format!(
                            "`{}` comes before `{}` (line {}): every source change re-runs the install. Copy the dependency manifests first, install, then copy the rest",
                            if c.keyword == Keyword::Add {
                                "ADD ."
                            } else {
                                "COPY . ."
                            },
                            install
                                .without_wrappers()
                                .iter()
                                .take(2)
                                .cloned()
                                .collect::<Vec<_>>()
                                .join(" "),
                            ins.start_line
                        );
                        r.at(c.span, msg);
                        break;
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::{findings, only_finding};

    #[test]
    fn copy_all_before_npm_ci_is_noted_at_the_copy() {
        let d = only_finding(
            "FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
            "DK208",
            (3, 1, 9),
            "`COPY . .` comes before `npm ci` (line 4): every source change re-runs the install. Copy the dependency manifests first, install, then copy the rest",
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn dk208_counts_add_of_the_context_like_copy() {
        let fires = |text: &str| !findings(text, "DK208").is_empty();
        assert!(fires(
            "FROM node:24-slim\nWORKDIR /app\nADD . /app\nRUN npm ci\n"
        ));
        assert!(fires(
            "FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"
        ));
        assert!(!fires(
            "FROM node:24-slim\nWORKDIR /app\nADD package.json .\nRUN npm ci\nADD . .\n"
        ));
    }
}
