//! Package-manager hygiene in RUN: apt-get, apk, pip, npm, go install (hadolint's DL30xx).

use super::hygiene::runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Instruction;
use crate::dockerfile::model::graph::mount_option;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DL3008",
        aliases: &[],
        severity: Severity::Warning,
        title: "Pin versions in apt-get install",
        explanation: "`apt-get install curl` installs whatever version is current at build time. Pin (`curl=8.14.1-2`) when reproducibility matters.",
        lesson: None,
        check: apt_pin,
    },
    RuleInfo {
        id: "DL3009",
        aliases: &[],
        severity: Severity::Info,
        title: "Delete the apt lists after installing",
        explanation: "`apt-get update` leaves tens of MB in /var/lib/apt/lists. End the same RUN with `&& rm -rf /var/lib/apt/lists/*` (or use a cache mount) so the layer does not keep them.",
        lesson: Some("why-multi-stage/the-single-stage-problem"),
        check: apt_lists,
    },
    RuleInfo {
        id: "DL3014",
        aliases: &[],
        severity: Severity::Warning,
        title: "Use `apt-get install -y`",
        explanation: "Without `-y` apt-get asks for confirmation, and a build has no one to answer: the install aborts.",
        lesson: None,
        check: apt_yes,
    },
    RuleInfo {
        id: "DL3015",
        aliases: &[],
        severity: Severity::Info,
        title: "Use `--no-install-recommends`",
        explanation: "apt-get installs recommended packages too, often doubling the size. Add `--no-install-recommends` and list what you need.",
        lesson: Some("why-multi-stage/the-single-stage-problem"),
        check: apt_recommends,
    },
    RuleInfo {
        id: "DL3027",
        aliases: &[],
        severity: Severity::Warning,
        title: "Use apt-get, not apt",
        explanation: "`apt` is meant for people at a terminal and warns that its interface is unstable in scripts; use `apt-get` or `apt-cache`.",
        lesson: None,
        check: apt_not_apt_get,
    },
    RuleInfo {
        id: "DL3018",
        aliases: &[],
        severity: Severity::Warning,
        title: "Pin versions in apk add",
        explanation: "`apk add curl` installs whatever is current. Pin (`curl=8.14.1-r0`) when reproducibility matters.",
        lesson: None,
        check: apk_pin,
    },
    RuleInfo {
        id: "DL3019",
        aliases: &[],
        severity: Severity::Info,
        title: "Use `apk add --no-cache`",
        explanation: "`apk add --no-cache` fetches the index, installs and leaves no cache behind, instead of `apk update` plus removing /var/cache/apk.",
        lesson: None,
        check: apk_cache,
    },
    RuleInfo {
        id: "DL3042",
        aliases: &[],
        severity: Severity::Warning,
        title: "Use `pip install --no-cache-dir`",
        explanation: "pip keeps downloaded wheels in ~/.cache/pip, which then ships in the layer. Add `--no-cache-dir` (or set PIP_NO_CACHE_DIR=1, or use a cache mount).",
        lesson: None,
        check: pip_cache,
    },
    RuleInfo {
        id: "DL3013",
        aliases: &[],
        severity: Severity::Warning,
        title: "Pin versions in pip install",
        explanation: "`pip install flask` installs the newest release at build time. Pin (`flask==3.1.1`) or install from a locked requirements file.",
        lesson: None,
        check: pip_pin,
    },
    RuleInfo {
        id: "DL3016",
        aliases: &[],
        severity: Severity::Warning,
        title: "Pin versions in npm install",
        explanation: "`npm install -g typescript` installs the newest release. Pin (`typescript@5.9.2`); project dependencies belong in package.json and package-lock.json (`npm ci`).",
        lesson: None,
        check: npm_pin,
    },
    RuleInfo {
        id: "DL3062",
        aliases: &[],
        severity: Severity::Warning,
        title: "Pin versions in go install",
        explanation: "`go install example.com/tool` without `@version` depends on the module's go.mod context; write `go install example.com/tool@v1.2.3`.",
        lesson: None,
        check: go_pin,
    },
];

/// Each package-manager command of interest, with its RUN.
fn commands<'c, 'a>(
    ctx: &'c Ctx<'a>,
    want: impl Fn(&Command) -> bool,
) -> Vec<(&'c Instruction, Command<'a>)> {
    let mut out = Vec::new();
    for (_, _, ins, run) in runs(ctx) {
        out.extend(
            run.script
                .commands
                .iter()
                .filter(|c| want(c))
                .map(|c| (ins, c.clone())),
        );
    }
    out
}

fn apt_install(c: &Command) -> bool {
    c.is("apt-get", &["install"])
}

fn apt_pin(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, c) in commands(ctx, apt_install) {
        if c.operands()
            .any(|p| !p.contains('=') && !p.ends_with(".deb") && !p.contains('$'))
        {
            r.at(
                ins.span,
                "Pin versions in apt-get install: `apt-get install <package>=<version>`",
            );
        }
    }
}

fn cache_mount(ins: &Instruction, target: &str) -> bool {
    ins.flags.iter().any(|f| {
        f.name == "mount"
            && f.value.as_deref().is_some_and(|v| {
                mount_option(v, "type").as_deref() == Some("cache")
                    && mount_option(v, "target")
                        .or_else(|| mount_option(v, "dst"))
                        .or_else(|| mount_option(v, "destination"))
                        .is_some_and(|t| t.starts_with(target))
            })
    })
}

fn apt_lists(ctx: &Ctx<'_>, r: &mut Report) {
    let bases = bases(ctx);
    for (stage, _, ins, run) in runs(ctx) {
        let script = &run.script;
        // Only layers that live on matter: the final stage's and those of stages built upon.
        if Some(stage) != ctx.model.final_stage && !bases[stage] {
            continue;
        }
        let cleans = script.any("apt-get", &["dist-clean"])
            || script.commands.iter().any(|c| {
                c.program() == Some("rm")
                    && c.words.iter().any(|w| w.starts_with("/var/lib/apt/lists"))
            });
        let cached = cache_mount(ins, "/var/lib/apt/lists")
            || (cache_mount(ins, "/var/lib/apt") && cache_mount(ins, "/var/cache/apt"));
        if script.any("apt-get", &["update"]) && !cleans && !cached {
            r.at(ins.span, "Delete the apt-get lists after installing something: `&& rm -rf /var/lib/apt/lists/*`");
        }
    }
}

/// For each stage, whether another stage builds FROM it (so its layers live on in that one).
/// Worked out once: asking per RUN, over all stages, was quadratic in a long chain.
fn bases(ctx: &Ctx<'_>) -> Vec<bool> {
    let mut bases = vec![false; ctx.model.stages.len()];
    for s in &ctx.model.stages {
        if let crate::dockerfile::model::Base::Stage { index } = s.base
            && let Some(b) = bases.get_mut(index)
        {
            *b = true;
        }
    }
    bases
}

fn apt_yes(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, c) in commands(ctx, apt_install) {
        let yes = c.has_short_or_long('y', &["--yes", "--assume-yes"])
            || c.words
                .iter()
                .any(|w| w == "-qq" || w == "-q=2" || w.starts_with("--quiet=2"));
        if !yes {
            r.at(
                ins.span,
                "Use the -y switch to avoid manual input: `apt-get install -y <package>`",
            );
        }
    }
}

fn apt_recommends(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, c) in commands(ctx, apt_install) {
        let ok = c.has_flag(&["--no-install-recommends"])
            || c.words.iter().any(|w| {
                w.contains("Install-Recommends=false") || w.contains("Install-Recommends=0")
            });
        if !ok {
            r.at(
                ins.span,
                "Avoid additional packages by specifying `--no-install-recommends`",
            );
        }
    }
}

fn apt_not_apt_get(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, _) in commands(ctx, |c| c.is("apt", &[])) {
        r.at(
            ins.span,
            "Do not use apt as it is meant to be an end-user tool: use apt-get or apt-cache",
        );
    }
}

/// Packages of `apk add`, skipping option values (`--virtual .deps`, `-t name`, `--repository url`).
fn apk_packages<'c>(c: &'c Command<'_>) -> Vec<&'c str> {
    let words = c.without_wrappers();
    let mut out = Vec::new();
    let mut skip_next = false;
    let mut seen_sub = false;
    for w in words.iter().skip(1) {
        if skip_next {
            skip_next = false;
            continue;
        }
        if w.starts_with('-') {
            skip_next = matches!(
                &**w,
                "--virtual" | "-t" | "--repository" | "-X" | "--root" | "-p"
            );
            continue;
        }
        if !seen_sub {
            seen_sub = true;
            continue;
        }
        out.push(&**w);
    }
    out
}

fn apk_pin(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, c) in commands(ctx, |c| c.is("apk", &["add"])) {
        if apk_packages(&c)
            .iter()
            .any(|p| !p.contains('=') && !p.contains('$') && !p.ends_with(".apk"))
        {
            r.at(
                ins.span,
                "Pin versions in apk add: `apk add <package>=<version>`",
            );
        }
    }
}

fn apk_cache(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, c) in commands(ctx, |c| c.is("apk", &["add"])) {
        if !c.has_flag(&["--no-cache"]) && !cache_mount(ins, "/var/cache/apk") {
            r.at(ins.span, "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages");
        }
    }
}

fn pip_install(c: &Command) -> bool {
    c.is("pip", &["install"]) || c.is("pip3", &["install"]) || {
        // python -m pip install
        let w = c.without_wrappers();
        w.len() > 3
            && w[0]
                .rsplit('/')
                .next()
                .is_some_and(|p| p.starts_with("python"))
            && w[1] == "-m"
            && w[2] == "pip"
            && w[3] == "install"
    }
}

fn pip_cache(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if st.env_value("PIP_NO_CACHE_DIR").is_some() {
            continue;
        }
        for (_, ins) in ctx.stage_body(st) {
            if ins.keyword != crate::dockerfile::ast::Keyword::Run {
                continue;
            }
            let script = &ctx.script(ins).script;
            for c in script.commands.iter().filter(|c| pip_install(c)) {
                let env = c.env.iter().any(|(k, _)| k == "PIP_NO_CACHE_DIR");
                if !c.has_flag(&["--no-cache-dir"]) && !env && !cache_mount(ins, "/root/.cache") {
                    r.at(ins.span, "Avoid use of cache directory with pip: use `pip install --no-cache-dir <package>`");
                }
            }
        }
    }
}

fn pip_pin(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, c) in commands(ctx, pip_install) {
        if c.has_short_or_long('r', &["--requirement", "-e", "--editable"])
            || c.has_flag(&["--constraint", "-c"])
        {
            continue;
        }
        let words = c.without_wrappers();
        let start = words
            .iter()
            .position(|w| w == "install")
            .map_or(words.len(), |i| i + 1);
        let unpinned = words[start..].iter().any(|p| {
            !p.starts_with('-')
                && !p.contains(['=', '<', '>', '~', '@', '/', '$'])
                && !p.ends_with(".whl")
                && !p.ends_with(".tar.gz")
                && p != "."
        });
        if unpinned {
            r.at(
                ins.span,
                "Pin versions in pip: `pip install <package>==<version>`",
            );
        }
    }
}

fn npm_pin(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, c) in commands(ctx, |c| c.is("npm", &["install", "i", "add"])) {
        let unpinned = c.operands().any(|p| {
            let name = p
                .strip_prefix('@')
                .map_or(p, |s| s.split_once('/').map_or(s, |(_, n)| n));
            !name.contains('@')
                && !p.contains(['/', '$', ':'])
                && !p.starts_with('.')
                && !p.ends_with(".tgz")
        });
        if unpinned {
            r.at(
                ins.span,
                "Pin versions in npm: `npm install <package>@<version>`",
            );
        }
    }
}

fn go_pin(ctx: &Ctx<'_>, r: &mut Report) {
    for (ins, c) in commands(ctx, |c| c.is("go", &["install", "get", "run"])) {
        let unpinned = c
            .operands()
            .any(|p| !p.contains(['@', '$']) && !p.starts_with('.') && !p.ends_with(".go"));
        if unpinned {
            r.at(
                ins.span,
                "Pin versions in go: `go install <package>@<version>`",
            );
        }
    }
}
