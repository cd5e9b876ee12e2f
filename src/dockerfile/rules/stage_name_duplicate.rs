//! DL3024 (BuildKit's DuplicateStageName): two stages with one name.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3024",
    aliases: &["DuplicateStageName"],
    severity: Severity::Error,
    title: "Duplicate stage name",
    explanation: "Two stages share a name (names are compared case-insensitively), so `--from=name`, `FROM name` and `--target name` are ambiguous. Give every stage its own name.",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
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

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn second_use_in_any_case() {
        let d = findings(
            "FROM alpine:3.22 AS build\nFROM alpine:3.22 AS Build\n",
            "DL3024",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 2);
        assert_eq!(
            d[0].message,
            "Duplicate stage name \"build\", stage names should be unique"
        );
    }
}
