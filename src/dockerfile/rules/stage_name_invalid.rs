//! DK104: a stage name BuildKit refuses.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK104",
    aliases: &[],
    severity: Severity::Error,
    title: "Invalid stage name",
    explanation: "A stage name must start with a letter and contain only letters, digits, `-`, `_` and `.` (BuildKit: `invalid name for build stage: \"1st\", name can't start with a number or contain symbols`).",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

/// BuildKit's stage-name rule, applied to the lower-cased name.
fn valid_stage_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
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

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use super::valid_stage_name;

    #[test]
    fn names() {
        assert!(valid_stage_name("first.stage_1-a"));
        assert!(!valid_stage_name("1st"));
        assert!(!valid_stage_name("a/b"));
        assert!(!valid_stage_name(""));
    }

    #[test]
    fn points_at_the_name() {
        let d = findings("FROM alpine:3.22 AS 1st\n", "DK104");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].location.line, d[0].location.column), (1, 21));
    }
}
