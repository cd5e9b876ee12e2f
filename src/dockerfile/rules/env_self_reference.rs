//! DL3044: an ENV that reads a variable it sets itself.

use std::cell::RefCell;

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword};
use crate::dockerfile::model::expand::expand;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3044",
    aliases: &[],
    severity: Severity::Warning,
    title: "ENV reads a variable set earlier on the same line",
    explanation: "All the values of one ENV are expanded before any is set: in `ENV A=1 B=$A`, B gets A's value from before this line (empty if none), not 1. Set A in an ENV of its own first. Reading a variable's own earlier value (`ENV PATH=/app/bin:$PATH`) is fine. Every form of reference counts, `${A:-x}` too (hadolint sees only `$A` and `${A}`).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        let (Keyword::Env, Args::KeyValues { pairs, .. }) = (ins.keyword, &ins.args) else {
            continue;
        };
        for (i, kv) in pairs.iter().enumerate().skip(1) {
            if !kv.value.text.contains('$') {
                continue;
            }
            let used = RefCell::new(Vec::new());
            let lookup = |name: &str| {
                used.borrow_mut().push(name.to_string());
                None
            };
            if expand(&kv.value.text, ctx.df().escape, &lookup).is_err() {
                continue;
            }
            let used = used.into_inner();
            let earlier = pairs[..i]
                .iter()
                .find(|p| used.contains(&p.key.text) && p.key.text != kv.key.text);
            if let Some(set) = earlier {
                r.at(
                    kv.span,
                    format!("{} reads ${}, which this ENV also sets: it gets the value from before this line", kv.key.text, set.key.text),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_on_the_pair_that_reads() {
        let d = findings("FROM debian:12\nENV A=1 B=${A:-2}\n", "DL3044");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 9));
        assert_eq!(
            d[0].message,
            "B reads $A, which this ENV also sets: it gets the value from before this line"
        );
    }

    #[test]
    fn silent_for_own_value_and_separate_lines() {
        for ok in [
            "ENV PATH=/app/bin:$PATH",
            "ENV A=1\nENV B=$A",
            "ENV A=1 B='$A'",
            "ENV A=1 B=\\$A",
        ] {
            let src = format!("FROM debian:12\n{ok}\n");
            assert!(findings(&src, "DL3044").is_empty(), "{ok}");
        }
    }
}
