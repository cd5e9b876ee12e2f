//! Multi-stage mistakes no other linter knows about: what ships in the final stage (SDKs,
//! compilers, root), Go's cgo default, Node's node_modules, and cache-busting COPY order.

use super::build::from_image_span;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword};
use crate::dockerfile::images::{ImageInfo, Kind};
use crate::dockerfile::model::stage::unquote;
use crate::dockerfile::model::{Base, Stage};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DK204",
        aliases: &[],
        severity: Severity::Warning,
        title: "The final stage is built on an SDK image",
        explanation: "The image that ships is built on a full toolchain image (golang, node, python, maven, a JDK…): hundreds of MB of compilers and package managers nobody needs at run time, and a large attack surface. Build in a stage on the SDK image and copy the result into a runtime image (slim, distroless, scratch).",
        lesson: Some("why-multi-stage/keep-only-what-runs"),
        runtime: false,
        check: final_on_sdk,
    },
    RuleInfo {
        id: "DK206",
        aliases: &[],
        severity: Severity::Warning,
        title: "The final stage runs as root",
        explanation: "No USER is set and the base image runs as root, so the container does too: a compromised app owns the container. Add a numeric USER: `USER 65532:65532`, or the image's own unprivileged user by number (`USER 1000:1000` is `node` on the node images) — a number needs no /etc/passwd entry and Kubernetes' runAsNonRoot can check it (a name trips DL3066) — or use a distroless `:nonroot` tag. (Silent when the base image is unknown.)",
        lesson: Some("distroless-go/what-to-fix"),
        runtime: false,
        check: final_runs_as_root,
    },
    RuleInfo {
        id: "DK208",
        aliases: &[],
        severity: Severity::Info,
        title: "`COPY . .` before installing dependencies",
        explanation: "Copying the whole source before `npm ci`/`pip install -r`/`go mod download` means any source change invalidates the install layer, so every build reinstalls everything. Copy the manifests first (`COPY package*.json ./`), install, then `COPY . .`.",
        lesson: Some("node-multi-stage/a-corrected-version"),
        runtime: false,
        check: copy_all_before_install,
    },
];

/// The stages that stage `index` builds on (FROM chain), itself first.
pub(super) fn chain(ctx: &Ctx<'_>, index: usize) -> Vec<usize> {
    let mut out = vec![index];
    let mut cur = index;
    while let Base::Stage { index: parent } = ctx.model.stages[cur].base {
        // A FROM chain only points backwards; checking that (not searching `out`) keeps a
        // long chain linear.
        if parent >= cur {
            break;
        }
        out.push(parent);
        cur = parent;
    }
    out
}

/// Every instruction of a stage and its FROM ancestors, oldest first.
pub(super) fn chain_instructions<'a>(ctx: &Ctx<'a>, index: usize) -> Vec<&'a Instruction> {
    let mut out = Vec::new();
    for &i in chain(ctx, index).iter().rev() {
        out.extend(ctx.stage_body(&ctx.model.stages[i]).map(|(_, ins)| ins));
    }
    out
}

fn image_name(st: &Stage) -> String {
    st.base_image
        .as_ref()
        .map_or_else(|| "the base image".into(), |i| i.original.clone())
}

fn final_on_sdk(ctx: &Ctx<'_>, r: &mut Report) {
    let Some(st) = ctx.model.final_stage() else {
        return;
    };
    if let Some(info) = &st.image_info
        && info.kind == Kind::Sdk
    {
        r.at(
            from_image_span(ctx, st.from),
            format!(
                "the final stage ships {} ({}), a build image with compilers and package managers: build in a stage and copy the result into a runtime image (slim, distroless or scratch)",
                image_name(st),
                info.id
            ),
        );
    }
}

fn final_runs_as_root(ctx: &Ctx<'_>, r: &mut Report) {
    let Some(st) = ctx.model.final_stage() else {
        return;
    };
    if st.user_instruction.is_some() || st.runs_as_root() != Some(true) {
        return; // an explicit USER root is DL3002's
    }
    let info = st.image_info.as_ref();
    // Numeric advice: a name needs an /etc/passwd entry and trips DL3066.
    let advice = match (info, info.and_then(own_user)) {
        (Some(i), _) if i.id.starts_with("distroless") => {
            "use the `:nonroot` tag or add `USER 65532:65532`".to_string()
        }
        (_, Some((name, uid))) => format!(
            "add `USER {uid}:{uid}` (the image's `{name}` user, by number: no /etc/passwd lookup needed)"
        ),
        _ => "add `USER 65532:65532` (a numeric id needs no /etc/passwd entry)".to_string(),
    };
    r.at(
        from_image_span(ctx, st.from),
        format!(
            "the final stage runs as root: {} defaults to root and no USER is set; {advice}",
            image_name(st)
        ),
    );
}

/// The unprivileged account an image ships for its users (node's `node`, ubuntu's `ubuntu`):
/// the first one the table lists with a regular uid (system accounts are below 1000, 65534 is
/// nobody). Its group is the same number in those images (IMAGE-FACTS §1.2).
fn own_user(info: &ImageInfo) -> Option<(&str, u32)> {
    let users = info.users.as_ref()?;
    let ids = info.user_ids.as_ref()?;
    users
        .iter()
        .zip(ids)
        .find(|&(_, &uid)| (1000..65534).contains(&uid))
        .map(|(name, &uid)| (name.as_str(), uid))
}

fn installs_node_deps(c: &Command) -> bool {
    c.is("npm", &["ci", "install", "i"])
        || c.is("yarn", &["install"])
        || c.is("pnpm", &["install", "i"])
        || (c.is("yarn", &[]) && c.words.len() == 1)
}

/// Source words of COPY/ADD (all but the destination), quotes removed.
pub(super) fn copy_sources(ins: &Instruction) -> Vec<String> {
    let words: Vec<&str> = match &ins.args {
        Args::Words(w) => w.iter().map(|w| w.text.as_str()).collect(),
        Args::Exec { elements, .. } => elements.iter().map(|w| w.text.as_str()).collect(),
        _ => return Vec::new(),
    };
    words
        .split_last()
        .map(|(_, s)| s.iter().map(|w| unquote(w)).collect())
        .unwrap_or_default()
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

fn copy_all_before_install(ctx: &Ctx<'_>, r: &mut Report) {
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
    use crate::dockerfile::lint::{LintOptions, lint};

    fn findings(text: &str) -> Vec<(&'static str, String)> {
        let found = lint(text, &LintOptions::default()).diagnostics;
        found.into_iter().map(|d| (d.rule, d.message)).collect()
    }

    #[test]
    fn dk206_advises_a_numeric_user_that_trips_nothing() {
        for (image, want) in [
            ("node:24-slim", "USER 1000:1000"),
            ("ubuntu:24.04", "USER 1000:1000"),
            ("gcr.io/distroless/static-debian13", "USER 65532:65532"),
            ("alpine:3.22", "USER 65532:65532"),
            ("node:18-alpine", "USER 65532:65532"),
        ] {
            let text = format!("FROM {image}\nCOPY app /app\n");
            let found = findings(&text);
            let advice = found.iter().find(|(rule, _)| *rule == "DK206");
            assert!(
                advice.is_some_and(|(_, m)| m.contains(&format!("`{want}`"))),
                "{image}: {found:?}"
            );
            // Following the advice silences DK206 and raises nothing new (no DL3066).
            let fixed = findings(&format!("{text}{want}\n"));
            assert!(
                fixed
                    .iter()
                    .all(|(rule, _)| found.iter().any(|(r, _)| r == rule) && *rule != "DK206"),
                "{image}: {fixed:?}"
            );
        }
    }

    #[test]
    fn dk208_counts_add_of_the_context_like_copy() {
        let fires = |text: &str| findings(text).iter().any(|(rule, _)| *rule == "DK208");
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
