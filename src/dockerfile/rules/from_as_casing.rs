//! DK302 (BuildKit's FromAsCasing): `AS` not in the case of `FROM`.

use super::text::{is_lower, is_upper, report_word_fix};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK302",
    aliases: &["FromAsCasing"],
    severity: Severity::Style,
    title: "`AS` not in the same case as `FROM`",
    explanation: "`FROM debian AS build` or `from debian as build`, not a mix: BuildKit warns when the two keywords differ in case.",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let ins = ctx.ins(st.from);
        let Args::From(f) = &ins.args else { continue };
        if f.words.len() != 3 || !f.words[1].text.eq_ignore_ascii_case("as") {
            continue;
        }
        let from = &ins.keyword_text.text;
        let as_word = &f.words[1];
        // A mixed-case `From` is DK301's: BuildKit says nothing about its AS.
        let want = if is_upper(from) {
            "AS"
        } else if is_lower(from) {
            "as"
        } else {
            continue;
        };
        if as_word.text != want {
            let msg = format!(
                "'{}' and '{}' keywords' casing do not match: write `{} … {want}`",
                as_word.text, from, from
            );
            report_word_fix(ctx, r, (as_word, want), msg, true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn as_follows_from() {
        let d = findings("FROM alpine:3.22 as base\n", "DK302");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].location.line, d[0].location.column), (1, 18));
        assert_eq!(
            d[0].message,
            "'as' and 'FROM' keywords' casing do not match: write `FROM … AS`"
        );
        assert_eq!(
            d[0].fix.as_ref().unwrap().replacement,
            "FROM alpine:3.22 AS base"
        );
        assert!(findings("from alpine:3.22 as base\n", "DK302").is_empty());
        assert!(findings("From alpine:3.22 as base\n", "DK302").is_empty());
    }
}
