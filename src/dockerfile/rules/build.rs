//! DK1xx and friends: what would stop `docker build` (BuildKit's parse and dispatch errors).

use super::{Ctx, Report, RuleInfo, suggest};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Healthcheck, Instruction, Keyword, Span};
use crate::dockerfile::model::{Base, EdgeKind, EdgeTarget, Unresolved};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DK100",
        aliases: &[],
        severity: Severity::Error,
        title: "BuildKit's parser rejects the file",
        explanation: "The Dockerfile cannot be parsed at all (an empty file: `the Dockerfile cannot be empty`; a comment-only one: `file with no instructions`; an exec-form array with a non-string, ENV without a value, an unterminated heredoc…). `docker build` stops before doing anything. The message is BuildKit's own.",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        check: parse_errors,
    },
    RuleInfo {
        id: "DK101",
        aliases: &[],
        severity: Severity::Error,
        title: "Unknown instruction",
        explanation: "The first word of an instruction must be one of the 18 Dockerfile instructions (FROM, RUN, COPY…), in any case. Anything else is a parse error: `unknown instruction: FORM (did you mean FROM?)`.",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        check: unknown_instruction,
    },
    RuleInfo {
        id: "DK102",
        aliases: &[],
        severity: Severity::Error,
        title: "No FROM: the Dockerfile has no stage to build",
        explanation: "Every build starts from a base image with FROM. Without one BuildKit stops with `dockerfile contains no stages to build`.",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        check: no_from,
    },
    RuleInfo {
        id: "DL3061",
        aliases: &[],
        severity: Severity::Error,
        title: "Instruction before the first FROM",
        explanation: "Only parser directives, comments and ARG may come before the first FROM (a global ARG is usable in FROM lines). Anything else fails with `no build stage in current context`.",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        check: before_from,
    },
    RuleInfo {
        id: "DK103",
        aliases: &[],
        severity: Severity::Error,
        title: "FROM needs an image and optionally `AS name`",
        explanation: "FROM takes `[--platform=…] image[:tag|@digest] [AS name]`: one word, or three with AS in the middle. Otherwise BuildKit fails with `FROM requires either one or three arguments`.",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        check: from_arguments,
    },
    RuleInfo {
        id: "DK104",
        aliases: &[],
        severity: Severity::Error,
        title: "Invalid stage name",
        explanation: "A stage name must start with a letter and contain only letters, digits, `-`, `_` and `.` (BuildKit: `invalid name for build stage: \"1st\", name can't start with a number or contain symbols`).",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: invalid_stage_name,
    },
    RuleInfo {
        id: "DK105",
        aliases: &[],
        severity: Severity::Error,
        title: "Reference to a later stage or a missing stage index",
        explanation: "A stage can only use stages defined before it. `COPY --from=x` naming a later stage fails with `cannot copy from stage \"x\", it needs to be defined before current stage`; `--from=9` with fewer stages fails with `invalid stage index 9`. (`FROM gcc AS gcc` is fine: BuildKit resolves the base before it registers the stage's name, so that is the image gcc.)",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: bad_stage_reference,
    },
    RuleInfo {
        id: "DL3022",
        aliases: &[],
        severity: Severity::Warning,
        title: "COPY --from names no stage",
        explanation: "When the value of `--from` is neither an earlier stage's name nor an index, BuildKit treats it as an image and tries to pull it: a typo like `--from=buider` becomes `pull access denied … docker.io/library/buider:latest`. Name the stage with `FROM … AS name` or fix the spelling. (A named build context passed with `--build-context` is the exception.)",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: from_names_no_stage,
    },
    RuleInfo {
        id: "DL3023",
        aliases: &[],
        severity: Severity::Error,
        title: "COPY --from refers to its own stage",
        explanation: "A stage cannot copy from itself: BuildKit reports `circular dependency detected on stage`. Copy from the stage that produced the file.",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: copy_from_self,
    },
    RuleInfo {
        id: "DL3024",
        aliases: &["DuplicateStageName"],
        severity: Severity::Error,
        title: "Duplicate stage name",
        explanation: "Two stages share a name (names are compared case-insensitively), so `--from=name`, `FROM name` and `--target name` are ambiguous. Give every stage its own name.",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: duplicate_stage_name,
    },
    RuleInfo {
        id: "DL3063",
        aliases: &["ReservedStageName"],
        severity: Severity::Error,
        title: "Stage named `scratch` or `context`",
        explanation: "`scratch` (the empty image) and `context` (the build context) are reserved words; a stage with such a name conflicts with them. Choose another name.",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: reserved_stage_name,
    },
    RuleInfo {
        id: "DK106",
        aliases: &[],
        severity: Severity::Error,
        title: "Unknown, duplicate or malformed instruction flag",
        explanation: "Each instruction accepts only its own flags (COPY: --from, --chown, --chmod, --link, --parents, --exclude; RUN: --mount, --network, --security…), each once unless repeatable, string flags need `=value` and boolean flags take true/false. BuildKit stops with `unknown flag: --chwon (did you mean chown?)`, `duplicate flag specified` or `missing a value on flag: --from`.",
        lesson: None,
        check: bad_flags,
    },
    RuleInfo {
        id: "DK107",
        aliases: &[],
        severity: Severity::Error,
        title: "Variable in --from",
        explanation: "BuildKit does not expand variables in `COPY --from` or `RUN --mount=from=`: `variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround`. Write `ARG SRC=…` before the first FROM, `FROM ${SRC} AS src`, then `COPY --from=src`.",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: variable_from,
    },
    RuleInfo {
        id: "DK108",
        aliases: &[],
        severity: Severity::Error,
        title: "The --target stage does not exist",
        explanation: "`docker build --target NAME` needs a stage named NAME (case-insensitive): `target stage \"NAME\" could not be found`.",
        lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
        check: missing_target,
    },
    RuleInfo {
        id: "DK109",
        aliases: &[],
        severity: Severity::Error,
        title: "Instruction arguments BuildKit rejects",
        explanation: "Some instructions have fixed shapes: COPY/ADD need a source and a destination, SHELL must be a JSON array, WORKDIR/USER/STOPSIGNAL take one argument, HEALTHCHECK is `NONE` or `[options] CMD command`, ONBUILD cannot wrap ONBUILD, FROM or MAINTAINER, ARG names cannot be blank. The build stops at such a line.",
        lesson: None,
        check: bad_arguments,
    },
    RuleInfo {
        id: "DK110",
        aliases: &[],
        severity: Severity::Error,
        title: "Invalid base image reference",
        explanation: "The image in FROM (after ARG substitution) is not a valid reference: repository names must be lower case, tags may contain letters, digits, `_`, `.` and `-`, and the name cannot be empty (`base name (…) should not be blank`).",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        check: invalid_base,
    },
];

fn parse_errors(ctx: &Ctx<'_>, r: &mut Report) {
    // BuildKit stops at the first error; the later ones are usually consequences.
    if let Some(e) = ctx.parse.errors.first() {
        // BuildKit's frontend refuses a zero-byte file before its parser runs, in other
        // words; a comment-only file reaches the parser ("file with no instructions").
        let message = if ctx.source.is_empty() {
            "the Dockerfile cannot be empty".to_string()
        } else {
            e.message.clone()
        };
        r.at(e.span, message);
    }
}

fn unknown_instruction(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in all_instructions(ctx) {
        if ins.keyword != Keyword::Unknown {
            continue;
        }
        let word = &ins.keyword_text.text;
        let names: Vec<&str> = Keyword::ALL.iter().map(|k| k.as_str()).collect();
        let upper = word.to_ascii_uppercase();
        match suggest(word, &names) {
            Some(s) => {
                let line = ins.keyword_text.span.start.line as usize;
                let fix = ctx.line_text(line).map(|text| {
                    let want = if word == &upper {
                        s.to_string()
                    } else {
                        s.to_ascii_lowercase()
                    };
                    text.replacen(word.as_str(), &want, 1)
                });
                let msg = format!("unknown instruction: {upper} (did you mean {s}?)");
                match fix {
                    Some(f) => r.fix(ins.keyword_text.span, msg, line, f),
                    None => r.at(ins.keyword_text.span, msg),
                }
            }
            None => r.at(
                ins.keyword_text.span,
                format!("unknown instruction: {upper}"),
            ),
        }
    }
}

/// Top-level instructions plus ONBUILD triggers.
fn all_instructions<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = &'a Instruction> {
    ctx.df().instructions.iter().flat_map(|i| {
        let trigger = match &i.args {
            Args::Onbuild(Some(t)) => Some(t.as_ref()),
            _ => None,
        };
        std::iter::once(i).chain(trigger)
    })
}

fn no_from(ctx: &Ctx<'_>, r: &mut Report) {
    if ctx.model.stages.is_empty()
        && let Some(first) = ctx.df().instructions.first()
    {
        r.at(
            first.span,
            "dockerfile contains no stages to build: add a FROM line",
        );
    }
}

fn before_from(ctx: &Ctx<'_>, r: &mut Report) {
    for &i in &ctx.model.preamble {
        let ins = ctx.ins(i);
        if !matches!(ins.keyword, Keyword::Arg | Keyword::Unknown) {
            r.at(
                ins.keyword_text.span,
                format!(
                    "{} before the first FROM: only ARG may come first (no build stage in current context)",
                    ins.keyword
                ),
            );
        }
    }
}

fn from_arguments(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let ins = ctx.ins(st.from);
        let Args::From(f) = &ins.args else { continue };
        let ok = match f.words.len() {
            1 => true,
            3 => f.words[1].text.eq_ignore_ascii_case("as"),
            _ => false,
        };
        if !ok {
            r.at(
                ins.args_text.span,
                "FROM requires either one or three arguments: `FROM image [AS name]`",
            );
        }
    }
}

/// BuildKit's stage-name rule, applied to the lower-cased name.
pub(super) fn valid_stage_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

fn invalid_stage_name(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let (Some(name), Some(w)) = (&st.name, &st.name_word)
            && !valid_stage_name(name)
        {
            r.at(
                w.span,
                format!(
                    "invalid name for build stage: \"{}\", name can't start with a number or contain symbols",
                    w.text
                ),
            );
        }
    }
}

fn bad_stage_reference(ctx: &Ctx<'_>, r: &mut Report) {
    for e in &ctx.model.edges {
        let current = ctx.model.stages[e.stage].label();
        match &e.target {
            EdgeTarget::Later { index } => r.at(
                e.span,
                format!(
                    "cannot copy from stage \"{}\", it needs to be defined before current stage \"{current}\"",
                    ctx.model.stages[*index].label()
                ),
            ),
            EdgeTarget::BadIndex { .. } => {
                r.at(e.span, format!("invalid stage index {}", e.written))
            }
            _ => {}
        }
    }
}

pub(super) fn from_image_span(ctx: &Ctx<'_>, from: usize) -> Span {
    let ins = ctx.ins(from);
    match &ins.args {
        Args::From(f) => f.image.as_ref().map_or(ins.span, |w| w.span),
        _ => ins.span,
    }
}

fn from_names_no_stage(ctx: &Ctx<'_>, r: &mut Report) {
    let names: Vec<&str> = ctx
        .model
        .stages
        .iter()
        .filter_map(|s| s.name.as_deref())
        .collect();
    for e in &ctx.model.edges {
        if let EdgeTarget::Image { image } = &e.target
            && !e.written.contains([':', '/', '@'])
        {
            let hint = match suggest(&e.written, &names) {
                Some(s) => format!(" (did you mean {s}?)"),
                None => String::new(),
            };
            r.at(
                e.span,
                format!(
                    "\"{}\" is not a stage defined before this one{hint}: BuildKit will try to pull the image {}",
                    e.written,
                    image.canonical()
                ),
            );
        }
    }
}

fn copy_from_self(ctx: &Ctx<'_>, r: &mut Report) {
    for e in &ctx.model.edges {
        if e.target == EdgeTarget::SelfRef && e.kind != EdgeKind::From {
            r.at(
                e.span,
                format!(
                    "--from={} refers to the stage it is in: circular dependency detected on stage: {}",
                    e.written,
                    ctx.model.stages[e.stage].label()
                ),
            );
        }
    }
}

fn duplicate_stage_name(ctx: &Ctx<'_>, r: &mut Report) {
    let mut seen = std::collections::HashSet::new();
    for st in &ctx.model.stages {
        if let (Some(name), Some(w)) = (&st.name, &st.name_word)
            && !seen.insert(name.as_str())
        {
            r.at(
                w.span,
                format!("Duplicate stage name \"{name}\", stage names should be unique"),
            );
        }
    }
}

fn reserved_stage_name(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let (Some(name), Some(w)) = (&st.name, &st.name_word)
            && (name == "scratch" || name == "context")
        {
            r.at(
                w.span,
                format!("\"{name}\" is reserved and should not be used as a stage name"),
            );
        }
    }
}

/// (name, takes a value, repeatable) per instruction.
fn allowed_flags(k: Keyword) -> &'static [(&'static str, FlagKind)] {
    use FlagKind::{Bool, Repeat, Str};
    match k {
        Keyword::From => &[("platform", Str)],
        Keyword::Copy => &[
            ("from", Str),
            ("chown", Str),
            ("chmod", Str),
            ("link", Bool),
            ("parents", Bool),
            ("exclude", Repeat),
        ],
        Keyword::Add => &[
            ("chown", Str),
            ("chmod", Str),
            ("link", Bool),
            ("keep-git-dir", Bool),
            ("checksum", Str),
            ("unpack", Bool),
            ("exclude", Repeat),
        ],
        Keyword::Run => &[
            ("mount", Repeat),
            ("network", Str),
            ("security", Str),
            ("device", Repeat),
        ],
        Keyword::Healthcheck => &[
            ("interval", Str),
            ("timeout", Str),
            ("start-period", Str),
            ("start-interval", Str),
            ("retries", Str),
        ],
        _ => &[],
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FlagKind {
    Str,
    Bool,
    Repeat,
}

fn bad_flags(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in all_instructions(ctx) {
        if matches!(ins.keyword, Keyword::Unknown | Keyword::Onbuild) {
            continue;
        }
        let allowed = allowed_flags(ins.keyword);
        for (n, f) in ins.flags.iter().enumerate() {
            let Some((_, kind)) = allowed.iter().find(|(name, _)| *name == f.name) else {
                let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
                let hint = suggest(&f.name, &names)
                    .map(|s| format!(" (did you mean {s}?)"))
                    .unwrap_or_default();
                r.at(f.span, format!("unknown flag: --{}{hint}", f.name));
                continue;
            };
            if *kind != FlagKind::Repeat && ins.flags[..n].iter().any(|g| g.name == f.name) {
                r.at(f.span, format!("duplicate flag specified: --{}", f.name));
                continue;
            }
            match (kind, f.value.as_deref()) {
                (FlagKind::Bool, Some(v))
                    if !["1", "t", "true", "0", "f", "false"]
                        .contains(&v.to_ascii_lowercase().as_str()) =>
                {
                    r.at(
                        f.span,
                        format!("expecting boolean value for flag --{}, not: {v}", f.name),
                    )
                }
                (FlagKind::Str | FlagKind::Repeat, None) => {
                    r.at(f.span, format!("missing a value on flag: --{}", f.name))
                }
                _ => {}
            }
        }
    }
}

fn variable_from(ctx: &Ctx<'_>, r: &mut Report) {
    for e in &ctx.model.edges {
        if e.target == EdgeTarget::Variable {
            let what = if e.kind == EdgeKind::MountFrom {
                "'from' doesn't support variable expansion, define alias stage instead"
            } else {
                "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround"
            };
            r.at(e.span, what);
        }
    }
}

fn missing_target(ctx: &Ctx<'_>, r: &mut Report) {
    if let Some(t) = &ctx.model.missing_target {
        let span = ctx
            .df()
            .instructions
            .first()
            .map(|i| i.span)
            .unwrap_or_default();
        r.at(span, format!("target stage \"{t}\" could not be found"));
    }
}

fn bad_arguments(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in all_instructions(ctx) {
        if let Some(msg) = argument_problem(ins) {
            r.at(ins.span, msg);
        }
    }
}

fn argument_problem(ins: &Instruction) -> Option<String> {
    let k = ins.keyword;
    let text = ins.args_text.text.trim();
    match (k, &ins.args) {
        (Keyword::Copy | Keyword::Add, args) => {
            let n = match args {
                Args::Words(w) => w.len(),
                Args::Exec { elements, .. } => elements.len(),
                Args::Empty => 0,
                _ => 2,
            } + ins.heredocs.len().min(1);
            (n < 2).then(|| {
                format!(
                    "{k} requires at least two arguments, but only {n} was provided. Destination could not be determined"
                )
            })
        }
        (Keyword::Shell, Args::Exec { .. }) => None,
        (Keyword::Shell, _) => Some("SHELL requires the arguments to be in JSON form".into()),
        (Keyword::Workdir | Keyword::User | Keyword::Stopsignal, _) if text.is_empty() => {
            Some(format!("{k} requires exactly one argument"))
        }
        (Keyword::Workdir | Keyword::Stopsignal, _)
            if text.split_whitespace().count() > 1 && !text.starts_with(['"', '\'']) =>
        {
            Some(format!("{k} requires exactly one argument"))
        }
        (Keyword::Cmd | Keyword::Entrypoint | Keyword::Run, Args::Empty) => {
            (ins.heredocs.is_empty()).then(|| format!("{k} requires at least one argument"))
        }
        (
            Keyword::Expose | Keyword::Volume | Keyword::Label | Keyword::Env | Keyword::Arg,
            Args::Empty,
        ) => Some(format!("{k} requires at least one argument")),
        (Keyword::Arg, Args::Arg(decls)) => decls
            .iter()
            .any(|d| d.name.text.is_empty())
            .then(|| "ARG names can not be blank".to_string()),
        (Keyword::Healthcheck, Args::Healthcheck(h)) => match h {
            Healthcheck::None { extra: Some(_), .. } => {
                Some("HEALTHCHECK NONE takes no arguments".into())
            }
            Healthcheck::Cmd { command, .. } if matches!(**command, Args::Empty) => {
                Some("Missing command after HEALTHCHECK CMD".into())
            }
            Healthcheck::Other { keyword, .. } => Some(format!(
                "Unknown type \"{}\" in HEALTHCHECK (try CMD)",
                keyword.text.to_ascii_uppercase()
            )),
            _ => None,
        },
        (Keyword::Onbuild, Args::Onbuild(None)) => {
            Some("ONBUILD requires at least one argument".into())
        }
        (Keyword::Onbuild, Args::Onbuild(Some(t))) => match t.keyword {
            Keyword::Onbuild => Some("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed".into()),
            Keyword::From | Keyword::Maintainer => {
                Some(format!("{} isn't allowed as an ONBUILD trigger", t.keyword))
            }
            _ => None,
        },
        _ => None,
    }
}

fn invalid_base(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let Base::Unresolved {
            why: Unresolved::InvalidReference | Unresolved::Expansion,
            written,
            reason,
        } = &st.base
        {
            let msg = if reason.contains("empty") {
                format!("base name ({written}) should not be blank")
            } else {
                format!("{reason} (in FROM {written})")
            };
            r.at(from_image_span(ctx, st.from), msg);
        }
    }
}
