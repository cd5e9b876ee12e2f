//! DK307 (BuildKit's UndefinedArgInFrom): FROM reads an ARG never declared before the first
//! FROM.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Word};
use crate::dockerfile::model::PREDEFINED_ARGS;
use crate::dockerfile::model::expand::has_variable;
use crate::dockerfile::model::meta_args::expand_from_word;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK307",
    aliases: &["UndefinedArgInFrom"],
    severity: Severity::Warning,
    title: "FROM uses an ARG that is not declared before the first FROM",
    explanation: "Only ARGs declared before the first FROM (global ARGs) and BuildKit's predefined platform ARGs can be used in FROM. An undeclared one expands to an empty string. Add `ARG NAME=default` at the top.",
    lesson: None,
    runtime: false,
    check,
};

/// Each FROM's words that may hold variables: the image and --platform.
fn from_words<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = &'a Word> {
    ctx.model.stages.iter().flat_map(move |st| {
        let (image, platform) = match &ctx.ins(st.from).args {
            Args::From(f) => (f.image.as_ref(), f.platform.as_ref()),
            _ => (None, None),
        };
        image.into_iter().chain(platform)
    })
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for w in from_words(ctx) {
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

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn undeclared_with_a_suggestion() {
        let d = findings("ARG VARIANT=-slim\nFROM node:22${VARIANTS}\n", "DK307");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 2);
        assert_eq!(
            d[0].message,
            "FROM argument 'VARIANTS' is not declared (did you mean VARIANT?): add `ARG VARIANTS=…` before the first FROM"
        );
    }

    #[test]
    fn predefined_platform_args_are_declared() {
        assert!(findings("FROM --platform=$BUILDPLATFORM alpine:3.22\n", "DK307").is_empty());
    }
}
