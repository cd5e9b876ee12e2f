//! Distroless and scratch: no shell, language images with an ENTRYPOINT, no /etc/passwd, and
//! the table's deprecated or floating image names.

use super::build::from_image_span;
use super::instructions::{exec_form_fix, healthcheck_shell};
use super::multistage::chain_instructions;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword, Word};
use crate::dockerfile::build::{Certainty, Presence};
use crate::dockerfile::images::{self, Status};
use crate::dockerfile::model::stage::unquote;
use crate::dockerfile::model::{Base, Stage};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DK202",
        aliases: &[],
        severity: Severity::Error,
        title: "Shell-form CMD, ENTRYPOINT or HEALTHCHECK where there is no shell",
        explanation: "Shell form needs /bin/sh at run time; on scratch and distroless the container fails to start (`exec: \"/bin/sh\": … no such file or directory`). Use the exec form, `CMD [\"/app\"]`. Watch for text that looks like JSON but is not (single quotes, a trailing comment): BuildKit silently treats it as shell form. (A shell copied into the image, e.g. busybox's, counts.)",
        lesson: Some("distroless-images/debugging-without-a-shell"),
        runtime: true,
        check: shell_form_without_shell,
    },
    RuleInfo {
        id: "DK209",
        aliases: &[],
        severity: Severity::Warning,
        title: "Deprecated or end-of-life base image",
        explanation: "The image name or version is no longer maintained (e.g. `gcr.io/distroless/nodejs`, unpublished since 2023; `nodejs18`, deprecated with Node 18's end of life; `golang:1.20`): it gets no security fixes. Move to a supported name and version.",
        lesson: Some("distroless-images/names-and-tags-today"),
        runtime: false,
        check: deprecated_image,
    },
    RuleInfo {
        id: "DK210",
        aliases: &[],
        severity: Severity::Info,
        title: "Distroless name without a Debian version",
        explanation: "`gcr.io/distroless/base` (no `-debianNN`) follows the project's default distribution: it meant Debian 12 until January 2026 and Debian 13 since, and will move again — and with it glibc and Python versions. Name it explicitly: `gcr.io/distroless/base-debian13`.",
        lesson: Some("distroless-images/names-and-tags-today"),
        runtime: false,
        check: floating_image,
    },
    RuleInfo {
        id: "DK211",
        aliases: &[],
        severity: Severity::Error,
        title: "CMD repeats the language image's ENTRYPOINT",
        explanation: "Distroless language images already have an ENTRYPOINT (`/nodejs/bin/node`, `/usr/bin/python3.13`, `/usr/bin/java -jar`), and CMD is appended to it: `CMD [\"node\", \"server.js\"]` runs `node node server.js` → `Cannot find module '/node'`. Give CMD only the arguments: `CMD [\"server.js\"]`.",
        lesson: Some("node-on-distroless/what-to-fix"),
        runtime: true,
        check: cmd_repeats_entrypoint,
    },
    RuleInfo {
        id: "DK213",
        aliases: &[],
        severity: Severity::Error,
        title: "User name on an image without /etc/passwd",
        explanation: "scratch has no /etc/passwd, so `USER app` or `COPY --chown=app` cannot be resolved and the build or the start fails (`unable to find user app`). Use numeric ids: `USER 65532:65532`, `--chown=65532:65532`.",
        lesson: Some("distroless-go/or-scratch"),
        runtime: true,
        check: user_name_on_scratch,
    },
];

/// Stages whose base is known to lack /bin/sh, with the shell it has, if any.
fn shell_less<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = (&'a Stage, Option<String>)> + 'a {
    ctx.model.stages.iter().filter_map(|st| {
        let info = st.image_info.as_ref()?;
        (info.has_bin_sh() == Some(false)).then(|| (st, info.shell.clone().flatten()))
    })
}

/// Whether a SHELL instruction is in effect at the start of the stage (from a parent stage).
fn inherited_shell(ctx: &Ctx<'_>, st: &Stage) -> bool {
    matches!(st.base, Base::Stage { index } if ctx.model.stages[index].shell_set)
}

fn image_of(st: &Stage) -> String {
    st.base_image
        .as_ref()
        .map_or_else(|| "the base image".into(), |i| i.original.clone())
}

fn shell_form_without_shell(ctx: &Ctx<'_>, r: &mut Report) {
    for (st, _) in shell_less(ctx) {
        // A shell the stage copied in (`COPY --from=busybox /bin/sh`) or made counts, as for
        // DK201: only a /bin/sh the model knows is absent from the image fails the start.
        if ctx
            .build()
            .stage(st.index)
            .is_some_and(|sm| sm.fs.lookup("/bin/sh") != Presence::Absent(Certainty::Known))
        {
            continue;
        }
        let mut shell_set = inherited_shell(ctx, st);
        for (_, ins) in ctx.stage_body(st) {
            if ins.keyword == Keyword::Shell {
                shell_set = true;
            }
            let word: Option<&Word> = match (&ins.keyword, &ins.args) {
                (Keyword::Cmd | Keyword::Entrypoint, Args::Text(w)) => Some(w),
                (Keyword::Healthcheck, _) => healthcheck_shell(ins),
                _ => None,
            };
            let Some(w) = word else { continue };
            if shell_set {
                continue;
            }
            let looks_json = w.text.trim_start().starts_with('[');
            let msg = format!(
                "{} in shell form runs `/bin/sh -c …`, but {} has no /bin/sh: the container cannot start{}",
                ins.keyword,
                image_of(st),
                if looks_json {
                    " (this looks like JSON but is not valid JSON — use double quotes and no trailing comment — so BuildKit took it as shell form)"
                } else {
                    ". Use the exec form"
                }
            );
            match exec_form_fix(ctx, st, ins, w).filter(|_| ins.keyword != Keyword::Healthcheck) {
                Some((line, fixed)) => r.fix(ins.span, msg, line, fixed),
                None => r.at(ins.span, msg),
            }
        }
    }
}

fn advisories(ctx: &Ctx<'_>, r: &mut Report, want: &[Status]) {
    for st in &ctx.model.stages {
        let Base::Image { image, .. } = &st.base else {
            continue;
        };
        let Some(adv) = images::table().advisory(image) else {
            continue;
        };
        if !want.contains(&adv.status) {
            continue;
        }
        let instead = adv
            .replacement
            .as_deref()
            .map(|s| format!("; use {s}"))
            .unwrap_or_default();
        r.at(
            from_image_span(ctx, st.from),
            format!("{}: {}{instead}", image.original, adv.note),
        );
    }
}

fn deprecated_image(ctx: &Ctx<'_>, r: &mut Report) {
    advisories(ctx, r, &[Status::Deprecated, Status::Eol]);
}

fn floating_image(ctx: &Ctx<'_>, r: &mut Report) {
    advisories(ctx, r, &[Status::Floating]);
}

/// Whether an ENTRYPOINT is set in the stage or its ancestors (which replaces the image's).
fn own_entrypoint(ctx: &Ctx<'_>, st: &Stage) -> bool {
    chain_instructions(ctx, st.index)
        .iter()
        .any(|i| i.keyword == Keyword::Entrypoint)
}

/// `python3.13` → `python`; `node` → `node`; `java` → `java`.
fn program_family(path: &str) -> String {
    let base = path.rsplit('/').next().unwrap_or(path);
    base.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
        .to_string()
}

fn exec_elements(ins: &Instruction) -> Option<&[Word]> {
    match &ins.args {
        Args::Exec { elements, .. } => Some(elements),
        _ => None,
    }
}

/// How many leading words of a CMD repeat the ENTRYPOINT the stage gets from its image
/// (`node` before `/nodejs/bin/node`, `java -jar` before `/usr/bin/java -jar`): CMD is appended
/// to it, so they would run twice. 0 when they do not, or the stage sets its own ENTRYPOINT.
pub(super) fn repeats_image_entrypoint(ctx: &Ctx<'_>, st: &Stage, words: &[&str]) -> usize {
    let Some(ep) = st.image_info.as_ref().and_then(|i| i.entrypoint.as_ref()) else {
        return 0;
    };
    let (Some(program), Some(first)) = (ep.first(), words.first()) else {
        return 0;
    };
    // The same program, not a prefix: maven's ENTRYPOINT `mvn-entrypoint.sh` runs `exec "$@"`,
    // so `CMD ["mvn", …]` is right there.
    let fam = program_family(first);
    if fam.is_empty() || fam != program_family(program) || own_entrypoint(ctx, st) {
        return 0;
    }
    // The program, and any entrypoint arguments repeated after it (`-jar`).
    let mut n = 1;
    for arg in &ep[1..] {
        if words.get(n) == Some(&arg.as_str()) {
            n += 1;
        }
    }
    n
}

fn cmd_repeats_entrypoint(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let Some(ep) = st.image_info.as_ref().and_then(|i| i.entrypoint.clone()) else {
            continue;
        };
        for (_, ins) in ctx.stage_body(st) {
            if ins.keyword != Keyword::Cmd {
                continue;
            }
            let Some(els) = exec_elements(ins) else {
                continue;
            };
            let words: Vec<&str> = els.iter().map(|w| w.text.as_str()).collect();
            let n = repeats_image_entrypoint(ctx, st, &words);
            if n == 0 {
                continue;
            }
            let rest = &els[n..];
            let rest_json =
                serde_json::to_string(&rest.iter().map(|w| w.text.as_str()).collect::<Vec<_>>())
                    .unwrap_or_default()
                    .replace("\",\"", "\", \"");
            let msg = format!(
                "{} already has ENTRYPOINT [\"{}\"]: this CMD runs `{} {}`. Give only the arguments: CMD {rest_json}",
                image_of(st),
                ep.join("\", \""),
                ep.join(" "),
                els.iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            if ins.start_line == ins.end_line {
                r.fix(
                    ins.span,
                    msg,
                    ins.start_line as usize,
                    format!("{} {rest_json}", ins.keyword_text.text),
                );
            } else {
                r.at(ins.span, msg);
            }
        }
    }
}

fn user_name_on_scratch(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if st.image_info.as_ref().map(|i| i.id.as_str()) != Some("scratch") {
            continue;
        }
        // A passwd file copied in makes names resolvable.
        let mut passwd = false;
        for (_, ins) in ctx.stage_body(st) {
            let name = match ins.keyword {
                Keyword::Copy | Keyword::Add => {
                    if super::multistage::copy_sources(ins)
                        .iter()
                        .any(|s| s.contains("passwd"))
                    {
                        passwd = true;
                    }
                    ins.flag("chown").and_then(|f| f.value.clone())
                }
                Keyword::User => Some(unquote(&ins.args_text.text)),
                _ => None,
            };
            let Some(name) = name else { continue };
            let user = name.split(':').next().unwrap_or("");
            let numeric = user.chars().all(|c| c.is_ascii_digit());
            // BuildKit maps `root` to 0 without reading /etc/passwd (its parseUID).
            if !passwd && !user.is_empty() && !numeric && user != "root" && !user.starts_with('$') {
                r.at(
                    ins.span,
                    format!("scratch has no /etc/passwd, so the user name `{user}` cannot be resolved: use a numeric id such as 65532:65532"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::dockerfile::lint::{LintOptions, lint};

    fn fired(text: &str, rule: &str) -> bool {
        let found = lint(text, &LintOptions::default()).diagnostics;
        found.iter().any(|d| d.rule == rule)
    }

    #[test]
    fn dk202_counts_a_shell_the_stage_copied_in() {
        let cmd = "CMD ./app --port 8080\n";
        let bare = format!("FROM gcr.io/distroless/static-debian12\nCOPY app /app\n{cmd}");
        assert!(fired(&bare, "DK202"));
        let copied = format!(
            "FROM gcr.io/distroless/static-debian12\nCOPY --from=busybox:1.37-musl /bin/sh /bin/sh\nCOPY app /app\n{cmd}"
        );
        assert!(!fired(&copied, "DK202"), "{copied}");
        // A shell the parent stage received counts in the stage built on it.
        let parent = format!(
            "FROM gcr.io/distroless/static-debian12 AS base\nCOPY --from=busybox:1.37-musl /bin/busybox /bin/sh\nFROM base\nCOPY app /app\n{cmd}"
        );
        assert!(!fired(&parent, "DK202"), "{parent}");
    }

    #[test]
    fn dk211_compares_whole_program_names() {
        let on = |image: &str, cmd: &str| {
            fired(&format!("FROM {image}\nWORKDIR /app\nCMD {cmd}\n"), "DK211")
        };
        assert!(on(
            "gcr.io/distroless/nodejs24-debian13",
            r#"["node", "server.js"]"#
        ));
        assert!(on(
            "gcr.io/distroless/python3-debian13",
            r#"["python3", "app.py"]"#
        ));
        assert!(on(
            "gcr.io/distroless/java21-debian13",
            r#"["java", "-jar", "app.jar"]"#
        ));
        // Entry-point scripts that `exec "$@"` are not the program itself.
        assert!(!on("maven:3.9-eclipse-temurin-21", r#"["mvn", "package"]"#));
        assert!(!on("node:24-slim", r#"["node", "server.js"]"#));
        assert!(!on(
            "eclipse-temurin:21-jre",
            r#"["java", "-jar", "app.jar"]"#
        ));
    }
}
