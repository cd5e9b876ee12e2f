//! Generic checks on FROM lines and RUN habits: tags, ARGs in FROM, `cd`, pipes, `sudo`,
//! consecutive RUNs.

use std::borrow::Cow;

use super::{Ctx, Report, RuleInfo, RunScript};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword};
use crate::dockerfile::model::Base;
use crate::dockerfile::model::expand::has_variable;

use super::text::from_image_span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DL3006",
        aliases: &[],
        severity: Severity::Warning,
        title: "Base image without a tag",
        explanation: "`FROM alpine` means `alpine:latest`, which changes under you: the next build may get a different OS version. Pin a tag (`alpine:3.22`), or a digest for full reproducibility (`@sha256:…`; for distroless, whose tags name variants, the digest is the way to pin). `FROM stage-${ARG}` whose default names a stage of this file builds on that stage, not on an image, so it is not flagged (hadolint flags it).",
        lesson: Some("go-multi-stage/do-you-even-need-alpine"),
        runtime: false,
        check: untagged,
    },
    RuleInfo {
        id: "DL3007",
        aliases: &[],
        severity: Severity::Warning,
        title: "Base image tagged `latest`",
        explanation: "`:latest` is whatever was pushed last: builds stop being reproducible and upgrades happen silently. Pin a version tag or a digest (Chainguard's free tier only has `latest`: pin it by digest).",
        lesson: Some("go-multi-stage/do-you-even-need-alpine"),
        runtime: false,
        check: latest,
    },
    RuleInfo {
        id: "DL3065",
        aliases: &["RedundantTargetPlatform"],
        severity: Severity::Info,
        title: "`--platform=$TARGETPLATFORM` is the default",
        explanation: "A stage is built for the target platform unless told otherwise, so `FROM --platform=$TARGETPLATFORM` changes nothing. Drop the flag (keep `--platform=$BUILDPLATFORM` on cross-compiling build stages).",
        lesson: None,
        runtime: false,
        check: redundant_target_platform,
    },
    RuleInfo {
        id: "DL3003",
        aliases: &[],
        severity: Severity::Warning,
        title: "Use WORKDIR instead of `cd`",
        explanation: "`cd` in a RUN only lasts for that RUN, so the next instruction silently runs elsewhere. Use `WORKDIR /path` to switch directories. ONBUILD RUN is read too, where `cd` lasts no longer (hadolint skips ONBUILD for this rule).",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        runtime: false,
        check: cd_in_run,
    },
    RuleInfo {
        id: "DL4006",
        aliases: &[],
        severity: Severity::Warning,
        title: "Pipe in RUN without `pipefail`",
        explanation: "`/bin/sh -c` only reports the exit status of the last command of a pipe, so `curl … | tar x` succeeds even when the download fails. Put `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` (or ash's `-o pipefail`) before the RUN, in every stage that pipes — but never copy a bash SHELL into a distroless or scratch stage.",
        lesson: None,
        runtime: false,
        check: pipefail,
    },
    RuleInfo {
        id: "DL3004",
        aliases: &[],
        severity: Severity::Warning,
        title: "Do not use sudo",
        explanation: "Builds already run as root unless you switched USER; sudo is usually absent and its tty/password behaviour is unpredictable. Switch with `USER root` … `USER app` instead.",
        lesson: None,
        runtime: false,
        check: sudo,
    },
    RuleInfo {
        id: "DL3059",
        aliases: &[],
        severity: Severity::Info,
        title: "Consecutive RUN instructions",
        explanation: "Each RUN makes a layer; consecutive RUNs with the same options can often be one `RUN a && b`, which is smaller and lets cleanup happen in the same layer. As hadolint: a RUN that already runs more than one command (`a && b`, `a; b`, `a | b`) is a deliberate split and is never flagged. Under a PowerShell or cmd SHELL (or `# hadolint shell=powershell`) each RUN counts as one command, where hadolint counts its sh misreading of PowerShell.",
        lesson: None,
        runtime: false,
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
            .filter_map(|(idx, i)| run_of(i).map(|r| (idx, r)))
            .map(move |(idx, i)| (st.index, idx, i, ctx.script(i)))
    })
}

/// The RUN an instruction is: itself, or the trigger of `ONBUILD RUN …` (it runs, with the
/// same hygiene, in every image built FROM this one; its span points into the ONBUILD line).
pub(super) fn run_of(ins: &Instruction) -> Option<&Instruction> {
    match (&ins.keyword, &ins.args) {
        (Keyword::Run, _) => Some(ins),
        (Keyword::Onbuild, Args::Onbuild(Some(t))) if t.keyword == Keyword::Run => Some(t),
        _ => None,
    }
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
    let pragma_non_posix = ctx.pragma_shell().is_some_and(non_posix);
    for st in &ctx.model.stages {
        let mut safe = pragma_non_posix;
        for (_, ins) in ctx.stage_body(st) {
            match (&ins.keyword, &ins.args) {
                (Keyword::Shell, Args::Exec { elements, .. }) => {
                    let words: Vec<&str> = elements.iter().map(|w| w.text.as_str()).collect();
                    safe = words.windows(2).any(|w| {
                        w[0].starts_with('-') && w[0].ends_with('o') && w[1] == "pipefail"
                    }) || words.iter().any(|w| non_posix(w));
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

/// Consecutive RUNs with the same flags, when each runs a single command: a RUN that already
/// chains commands (`a && b`, `a; b`, `a | b`) is a deliberate split, as hadolint judges.
/// Comments do not separate them.
fn consecutive_run(ctx: &Ctx<'_>, r: &mut Report) {
    let pragma_posix = !ctx.pragma_shell().is_some_and(non_posix);
    for st in &ctx.model.stages {
        // (flags, command count) of the previous RUN, while only RUNs follow each other.
        let mut prev: Option<(Vec<&str>, usize)> = None;
        let mut posix = pragma_posix;
        for (_, ins) in ctx.stage_body(st) {
            if let (Keyword::Shell, Args::Exec { elements, .. }) = (&ins.keyword, &ins.args) {
                posix = !elements.iter().any(|w| non_posix(&w.text));
            }
            if ins.keyword != Keyword::Run {
                prev = None;
                continue;
            }
            // Under PowerShell or cmd the sh splitter's count means nothing: one RUN, one step.
            let count = if posix {
                ctx.script(ins).script.commands.len()
            } else {
                1
            };
            match &prev {
                Some((flags, n)) if *flags == flags_text(ins) && *n <= 1 && count <= 1 => {
                    r.at(ins.span, "Multiple consecutive RUN instructions: consider consolidating them into one");
                }
                _ => prev = Some((flags_text(ins), count)),
            }
        }
    }
}

/// Whether a SHELL word names a shell that does not read sh syntax (PowerShell, cmd).
pub(super) fn non_posix(word: &str) -> bool {
    word.contains("pwsh") || word.contains("powershell") || word.contains("cmd")
}

fn flags_text(ins: &Instruction) -> Vec<&str> {
    ins.flags.iter().map(|f| f.raw.as_str()).collect()
}
