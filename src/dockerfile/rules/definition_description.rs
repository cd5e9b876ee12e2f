//! DK312 (BuildKit's InvalidDefinitionDescription, experimental): the comment right above an
//! ARG or a named FROM does not start with the name it would describe.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK312",
    aliases: &["InvalidDefinitionDescription"],
    severity: Severity::Style,
    title: "Comment above ARG or FROM is not a `# name description`",
    explanation: "Build tools read the comment directly above an ARG or a named stage as its description when it starts with the name (`# version the release to build` above `ARG version`). Start it with the name, or put an empty `#` line between the comment and the instruction. Experimental in BuildKit, so off unless the file enables it: `# check=experimental=InvalidDefinitionDescription` (or `experimental=all`).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        let Some(last) = ins.comments.last() else {
            continue;
        };
        let keys = keys(ctx, ins);
        if keys.is_empty() {
            continue;
        }
        let first = last.split(' ').next().unwrap_or("");
        if keys.iter().any(|k| k == first) {
            continue;
        }
        let example = if keys.len() > 1 {
            "<arg_key>"
        } else {
            &keys[0]
        };
        r.at(
            ins.keyword_text.span,
            format!(
                "Comment for {} should follow the format: `# {example} <description>`",
                ins.keyword
            ),
        );
    }
}

/// The names a description above `ins` may start with: an ARG's names, a FROM's stage name
/// (lower-cased, as BuildKit keeps it).
fn keys(ctx: &Ctx<'_>, ins: &Instruction) -> Vec<String> {
    match (&ins.keyword, &ins.args) {
        (Keyword::Arg, Args::Arg(decls)) => decls.iter().map(|d| d.name.text.clone()).collect(),
        (Keyword::From, _) => ctx
            .model
            .stages
            .iter()
            .find(|st| std::ptr::eq(ctx.ins(st.from), ins))
            .and_then(|st| st.name.clone())
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    const ON: &str = "# check=experimental=InvalidDefinitionDescription\n";

    #[test]
    fn buildkits_cases() {
        let src = format!(
            "{ON}# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n"
        );
        let d = findings(&src, "DK312");
        let got: Vec<(usize, &str)> = d
            .iter()
            .map(|d| (d.location.line, d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    3,
                    "Comment for ARG should follow the format: `# foo <description>`"
                ),
                (
                    5,
                    "Comment for FROM should follow the format: `# base <description>`"
                ),
                (
                    7,
                    "Comment for ARG should follow the format: `# version <description>`"
                ),
                (
                    9,
                    "Comment for ARG should follow the format: `# <arg_key> <description>`"
                ),
            ]
        );
    }

    #[test]
    fn good_descriptions_and_breaks() {
        let src = format!(
            "{ON}# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n# comment for something other than ARG or FROM\nCOPY Dockerfile .\n"
        );
        assert!(findings(&src, "DK312").is_empty());
    }

    #[test]
    fn off_unless_enabled() {
        assert!(findings("# a note\nARG foo=1\nFROM scratch\n", "DK312").is_empty());
        let all = "# check=experimental=all\n# a note\nARG foo=1\nFROM scratch\n";
        assert_eq!(findings(all, "DK312").len(), 1);
    }
}
