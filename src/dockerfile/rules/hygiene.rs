//! BuildKit's checks on the ARGs a FROM reads (DK307, DK308): left here for the BuildKit-checks
//! work to place; the DL rules that shared this file each have their own now.

use super::build::from_image_span;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;
use crate::dockerfile::model::expand::has_variable;
use crate::dockerfile::model::meta_args::{expand_bare, expand_from_word};
use crate::dockerfile::model::{Base, ImageRef, PREDEFINED_ARGS, Unresolved};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DK307",
        aliases: &["UndefinedArgInFrom"],
        severity: Severity::Warning,
        title: "FROM uses an ARG that is not declared before the first FROM",
        explanation: "Only ARGs declared before the first FROM (global ARGs) and BuildKit's predefined platform ARGs can be used in FROM. An undeclared one expands to an empty string. Add `ARG NAME=default` at the top.",
        lesson: None,
        runtime: false,
        check: undefined_arg_in_from,
    },
    RuleInfo {
        id: "DK308",
        aliases: &["InvalidDefaultArgInFrom"],
        severity: Severity::Warning,
        title: "FROM depends on an ARG without a default",
        explanation: "With `ARG TAG` (no value) and `FROM busybox:${TAG}`, a build without `--build-arg TAG=…` uses an empty tag and fails — also when TAG is read through another ARG's default (`ARG IMAGE=busybox:${TAG}`). Give the ARG a default (`ARG TAG=1.37`) or use `${TAG:-1.37}`. As BuildKit's check: silent when the empty value still makes a valid name (`FROM alpine${VARIANT}`) or the name depends on the build platform (`$TARGETOS`).",
        lesson: None,
        runtime: false,
        check: arg_without_default,
    },
];

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
