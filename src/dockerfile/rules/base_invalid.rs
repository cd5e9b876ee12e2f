//! DK110: the image in FROM is no valid reference.

use super::text::from_image_span;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::model::expand::has_variable;
use crate::dockerfile::model::{Base, Unresolved};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK110",
    aliases: &[],
    severity: Severity::Error,
    title: "Invalid base image reference",
    explanation: "The image in FROM is not a valid reference: repository names must be lower case, tags may contain letters, digits, `_`, `.` and `-`, and the name cannot be empty (`base name (…) should not be blank`). A FROM whose image comes from ARGs is DK308 (BuildKit's InvalidDefaultArgInFrom) instead: a `--build-arg` may still make it valid.",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let Base::Unresolved {
            why: why @ (Unresolved::InvalidReference | Unresolved::Expansion),
            written,
            reason,
        } = &st.base
        {
            // Built from ARGs: an invalid name from the defaults is DK308's (BuildKit's
            // check) to say. A broken substitution stops the build whatever the args.
            if *why == Unresolved::InvalidReference && has_variable(written) {
                continue;
            }
            let msg = if reason.contains("empty") {
                format!("base name ({written}) should not be blank")
            } else {
                format!("{reason} (in FROM {written})")
            };
            r.at(from_image_span(ctx, st.from), msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn upper_case_repository() {
        let d = findings("FROM Alpine:3.22\n", "DK110");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].location.line, d[0].location.column), (1, 6));
        assert!(
            d[0].message.ends_with("(in FROM Alpine:3.22)"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn an_arg_built_name_is_left_to_dk308() {
        assert!(findings("ARG IMG=Alpine\nFROM ${IMG}:3.22\n", "DK110").is_empty());
        assert_eq!(
            findings("ARG IMG=Alpine\nFROM ${IMG}:3.22\n", "DK308").len(),
            1
        );
    }
}
