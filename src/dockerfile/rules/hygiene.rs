//! Generic checks on FROM lines and RUN habits: tags, ARGs in FROM, `cd`, pipes, `sudo`,
//! consecutive RUNs.

use std::borrow::Cow;

use super::{Ctx, Report, RuleInfo, RunScript};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword};
use crate::dockerfile::model::expand::has_variable;
use crate::dockerfile::model::meta_args::{expand_bare, expand_from_word};
use crate::dockerfile::model::{Base, ImageRef, PREDEFINED_ARGS, Unresolved};

use super::build::from_image_span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DL3006",
        aliases: &[],
        severity: Severity::Warning,
        title: "Base image without a tag",
        explanation: "`FROM alpine` means `alpine:latest`, which changes under you: the next build may get a different OS version. Pin a tag (`alpine:3.22`), or a digest for full reproducibility (`@sha256:…`; for distroless, whose tags name variants, the digest is the way to pin).",
        lesson: Some("go-multi-stage/do-you-even-need-alpine"),
        check: untagged,
    },
    RuleInfo {
        id: "DL3007",
        aliases: &[],
        severity: Severity::Warning,
        title: "Base image tagged `latest`",
        explanation: "`:latest` is whatever was pushed last: builds stop being reproducible and upgrades happen silently. Pin a version tag or a digest (Chainguard's free tier only has `latest`: pin it by digest).",
        lesson: Some("go-multi-stage/do-you-even-need-alpine"),
        check: latest,
    },
    RuleInfo {
        id: "DK307",
        aliases: &["UndefinedArgInFrom"],
        severity: Severity::Warning,
        title: "FROM uses an ARG that is not declared before the first FROM",
        explanation: "Only ARGs declared before the first FROM (global ARGs) and BuildKit's predefined platform ARGs can be used in FROM. An undeclared one expands to an empty string. Add `ARG NAME=default` at the top.",
        lesson: None,
        check: undefined_arg_in_from,
    },
    RuleInfo {
        id: "DK308",
        aliases: &["InvalidDefaultArgInFrom"],
        severity: Severity::Warning,
        title: "FROM depends on an ARG without a default",
        explanation: "With `ARG TAG` (no value) and `FROM busybox:${TAG}`, a build without `--build-arg TAG=…` uses an empty tag and fails — also when TAG is read through another ARG's default (`ARG IMAGE=busybox:${TAG}`). Give the ARG a default (`ARG TAG=1.37`) or use `${TAG:-1.37}`. As BuildKit's check: silent when the empty value still makes a valid name (`FROM alpine${VARIANT}`) or the name depends on the build platform (`$TARGETOS`).",
        lesson: None,
        check: arg_without_default,
    },
    RuleInfo {
        id: "DL3065",
        aliases: &["RedundantTargetPlatform"],
        severity: Severity::Info,
        title: "`--platform=$TARGETPLATFORM` is the default",
        explanation: "A stage is built for the target platform unless told otherwise, so `FROM --platform=$TARGETPLATFORM` changes nothing. Drop the flag (keep `--platform=$BUILDPLATFORM` on cross-compiling build stages).",
        lesson: None,
        check: redundant_target_platform,
    },
    RuleInfo {
        id: "DL3003",
        aliases: &[],
        severity: Severity::Warning,
        title: "Use WORKDIR instead of `cd`",
        explanation: "`cd` in a RUN only lasts for that RUN, so the next instruction silently runs elsewhere. Use `WORKDIR /path` to switch directories.",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        check: cd_in_run,
    },
    RuleInfo {
        id: "DL4006",
        aliases: &[],
        severity: Severity::Warning,
        title: "Pipe in RUN without `pipefail`",
        explanation: "`/bin/sh -c` only reports the exit status of the last command of a pipe, so `curl … | tar x` succeeds even when the download fails. Put `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` (or ash's `-o pipefail`) before the RUN, in every stage that pipes — but never copy a bash SHELL into a distroless or scratch stage.",
        lesson: None,
        check: pipefail,
    },
    RuleInfo {
        id: "DL3004",
        aliases: &[],
        severity: Severity::Warning,
        title: "Do not use sudo",
        explanation: "Builds already run as root unless you switched USER; sudo is usually absent and its tty/password behaviour is unpredictable. Switch with `USER root` … `USER app` instead.",
        lesson: None,
        check: sudo,
    },
    RuleInfo {
        id: "DL3059",
        aliases: &[],
        severity: Severity::Info,
        title: "Consecutive RUN instructions",
        explanation: "Each RUN makes a layer; consecutive RUNs with the same options can often be one `RUN a && b`, which is smaller and lets cleanup happen in the same layer.",
        lesson: None,
        check: consecutive_run,
    },
];

fn tagged_images(ctx: &Ctx<'_>, r: &mut Report, latest: bool) {
    for st in &ctx.model.stages {
        let Base::Image { image, .. } = &st.base else {
            continue;
        };
        let written = match &ctx.ins(st.from).args {
            Args::From(f) => f.image.as_ref().map(|w| w.text.as_str()).unwrap_or(""),
            _ => "",
        };
        if image.is_scratch() || image.digest.is_some() || has_variable(written) {
            continue;
        }
        let span = from_image_span(ctx, st.from);
        match (&image.tag, latest) {
            (None, false) => r.at(
                span,
                format!("Always tag the version of an image explicitly: `{written}` means `{written}:latest`"),
            ),
            (Some(t), true) if t == "latest" => r.at(
                span,
                format!("Using latest is prone to errors if the image will ever update: pin a version of `{}`", image.short_name()),
            ),
            _ => {}
        }
    }
}

fn untagged(ctx: &Ctx<'_>, r: &mut Report) {
    tagged_images(ctx, r, false);
}

fn latest(ctx: &Ctx<'_>, r: &mut Report) {
    tagged_images(ctx, r, true);
}

/// Each FROM's words that may hold variables: the image and --platform.
fn from_words<'a>(
    ctx: &Ctx<'a>,
) -> impl Iterator<Item = (usize, &'a crate::dockerfile::ast::Word)> {
    ctx.model.stages.iter().flat_map(move |st| {
        let ins = ctx.ins(st.from);
        let (image, platform) = match &ins.args {
            Args::From(f) => (f.image.as_ref(), f.platform.as_ref()),
            _ => (None, None),
        };
        image
            .into_iter()
            .chain(platform)
            .map(move |w| (st.index, w))
    })
}

fn undefined_arg_in_from(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, w) in from_words(ctx) {
        if !has_variable(&w.text) {
            continue;
        }
        let Ok(e) = expand_from_word(&w.text, &ctx.model.global_args, ctx.df().escape) else {
            continue;
        };
        for name in e.used.iter().filter(|n| !ctx.model.global_declared(n)) {
            let known: Vec<&str> = ctx
                .model
                .global_args
                .iter()
                .map(|a| a.name.as_str())
                .chain(PREDEFINED_ARGS.iter().copied())
                .collect();
            let hint = super::suggest(name, &known)
                .map(|s| format!(" (did you mean {s}?)"))
                .unwrap_or_default();
            r.at(
                w.span,
                format!("FROM argument '{name}' is not declared{hint}: add `ARG {name}=…` before the first FROM"),
            );
        }
    }
}

fn arg_without_default(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let Base::Unresolved {
            why: Unresolved::UnsetVariable,
            written,
            ..
        } = &st.base
        {
            // As BuildKit's check: the FROM word with no --build-arg given, ARGs without a
            // default empty; silent when it depends on the build platform ($TARGETOS), and
            // when the result is a valid name (`FROM alpine${VARIANT}`, a stage name).
            let Some((value, unset)) =
                expand_bare(written, &ctx.model.global_args, ctx.df().escape)
            else {
                continue;
            };
            let Some(name) = unset.first() else { continue };
            if !value.is_empty() && ImageRef::parse(&value).is_ok() {
                continue;
            }
            r.at(
                from_image_span(ctx, st.from),
                format!("Default value for ARG {name} results in an empty or invalid base image name: give it a default (`ARG {name}=…`)"),
            );
        }
    }
}

fn redundant_target_platform(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let ins = ctx.ins(st.from);
        if let Args::From(f) = &ins.args
            && let Some(p) = &f.platform
            && matches!(p.text.as_str(), "$TARGETPLATFORM" | "${TARGETPLATFORM}")
        {
            r.at(p.span, "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior");
        }
    }
}

/// RUN instructions in stages (and the preamble is not a stage) with their parsed script.
pub(super) fn runs<'c, 'a>(
    ctx: &'c Ctx<'a>,
) -> impl Iterator<Item = (usize, usize, &'c Instruction, Cow<'c, RunScript<'a>>)> + 'c {
    ctx.model.stages.iter().flat_map(move |st| {
        ctx.stage_body(st)
            .filter(|(_, i)| i.keyword == Keyword::Run)
            .map(move |(idx, i)| (st.index, idx, i, ctx.script(i)))
    })
}

fn cd_in_run(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, _, ins, run) in runs(ctx) {
        if run
            .script
            .commands
            .iter()
            .any(|c| c.program() == Some("cd"))
        {
            r.at(
                ins.span,
                "Use WORKDIR to switch to a directory: `cd` only lasts for this RUN",
            );
        }
    }
}

fn pipefail(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let mut safe = false;
        for (_, ins) in ctx.stage_body(st) {
            match (&ins.keyword, &ins.args) {
                (Keyword::Shell, Args::Exec { elements, .. }) => {
                    let words: Vec<&str> = elements.iter().map(|w| w.text.as_str()).collect();
                    safe = words.windows(2).any(|w| {
                        w[0].starts_with('-') && w[0].ends_with('o') && w[1] == "pipefail"
                    }) || words.iter().any(|w| {
                        w.contains("pwsh") || w.contains("powershell") || w.contains("cmd")
                    });
                }
                (Keyword::Run, Args::Text(_)) if !safe => {
                    let run = ctx.script(ins);
                    let (text, script) = (&run.text, &run.script);
                    let sets_it = text.contains("-o pipefail")
                        || text.contains("-eo pipefail")
                        || text.contains("-euo pipefail");
                    if script.has_pipe && !sets_it {
                        r.at(ins.span, "Set the SHELL option -o pipefail before RUN with a pipe in it: otherwise only the last command's failure stops the build");
                    }
                }
                _ => {}
            }
        }
    }
}

fn sudo(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, _, ins, run) in runs(ctx) {
        if run
            .script
            .commands
            .iter()
            .any(|c| c.words.first().is_some_and(|w| w == "sudo"))
        {
            r.at(
                ins.span,
                "Do not use sudo: builds run as root unless USER says otherwise",
            );
        }
    }
}

/// Consecutive RUNs with the same flags, when neither chains more than two commands (longer
/// chains are deliberate splits, as hadolint judges); comments do not separate them.
fn consecutive_run(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        // (flags, command count) of the previous RUN, while only RUNs follow each other.
        let mut prev: Option<(Vec<&str>, usize)> = None;
        for (_, ins) in ctx.stage_body(st) {
            if ins.keyword != Keyword::Run {
                prev = None;
                continue;
            }
            let count = ctx.script(ins).script.commands.len();
            match &prev {
                Some((flags, n)) if *flags == flags_text(ins) && *n <= 2 && count <= 2 => {
                    r.at(ins.span, "Multiple consecutive RUN instructions: consider consolidating them into one");
                }
                _ => prev = Some((flags_text(ins), count)),
            }
        }
    }
}

fn flags_text(ins: &Instruction) -> Vec<&str> {
    ins.flags.iter().map(|f| f.raw.as_str()).collect()
}
