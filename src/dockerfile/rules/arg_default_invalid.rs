//! DK308 (BuildKit's InvalidDefaultArgInFrom): FROM built from ARGs whose defaults give an
//! empty or invalid image name.

use super::text::from_image_span;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::model::expand::has_variable;
use crate::dockerfile::model::meta_args::expand_bare;
use crate::dockerfile::model::{Base, ImageRef, Unresolved};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK308",
    aliases: &["InvalidDefaultArgInFrom"],
    severity: Severity::Warning,
    title: "FROM depends on an ARG without a valid default",
    explanation: "With `ARG TAG` (no value) and `FROM busybox:${TAG}`, a build without `--build-arg TAG=…` uses an empty tag and fails — also when TAG is read through another ARG's default (`ARG IMAGE=busybox:${TAG}`), or when the default makes an invalid name (`ARG IMG=Alpine`). Give the ARG a valid default (`ARG TAG=1.37`) or use `${TAG:-1.37}`. As BuildKit's check: silent when the empty value still makes a valid name (`FROM alpine${VARIANT}`) or the name depends on the build platform (`$TARGETOS`). A FROM without ARGs naming an invalid image is DK110 (the build stops whatever the arguments).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let Base::Unresolved { why, written, .. } = &st.base else {
            continue;
        };
        let span = from_image_span(ctx, st.from);
        match why {
            Unresolved::UnsetVariable => {
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
                    span,
                    format!("Default value for ARG {name} results in an empty or invalid base image name: give it a default (`ARG {name}=…`)"),
                );
            }
            Unresolved::InvalidReference if has_variable(written) => {
                let value = expand_bare(written, &ctx.model.global_args, ctx.df().escape)
                    .map(|(v, _)| v)
                    .unwrap_or_default();
                r.at(
                    span,
                    format!("Default value for ARG {written} results in an invalid base image name `{value}`: give the ARG a valid default"),
                );
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn empty_tag_from_an_arg_without_default() {
        let d = findings("ARG TAG\nFROM busybox:${TAG}\n", "DK308");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].location.line, d[0].location.column), (2, 6));
        assert!(
            d[0].message
                .starts_with("Default value for ARG TAG results in")
        );
        assert!(findings("ARG TAG=1.37\nFROM busybox:${TAG}\n", "DK308").is_empty());
        assert!(findings("ARG VARIANT\nFROM alpine${VARIANT}\n", "DK308").is_empty());
    }

    #[test]
    fn invalid_default() {
        let d = findings("ARG IMG=Alpine\nFROM ${IMG}:3.22\n", "DK308");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "Default value for ARG ${IMG}:3.22 results in an invalid base image name `Alpine:3.22`: give the ARG a valid default"
        );
    }
}
