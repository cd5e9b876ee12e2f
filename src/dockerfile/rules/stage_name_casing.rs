//! DK303 (BuildKit's StageNameCasing): a stage name with upper-case letters.

use super::text::{is_lower, report_word_fix};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK303",
    aliases: &["StageNameCasing"],
    severity: Severity::Style,
    title: "Stage name is not lower case",
    explanation: "BuildKit lower-cases stage names (lookups are case-insensitive), so `AS BuilderBase` is really `builderbase`. Write it that way.",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let Some(w) = &st.name_word
            && !is_lower(&w.text)
        {
            let want = w.text.to_ascii_lowercase();
            let msg = format!("Stage name '{}' should be lowercase: '{want}'", w.text);
            report_word_fix(ctx, r, (w, &want), msg, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn lower_cases_the_name() {
        let d = findings("FROM alpine:3.22 AS BuilderBase\n", "DK303");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "Stage name 'BuilderBase' should be lowercase: 'builderbase'"
        );
        assert_eq!(
            d[0].fix.as_ref().unwrap().replacement,
            "FROM alpine:3.22 AS builderbase"
        );
    }
}
