//! DK310 (BuildKit's MultipleInstructionsDisallowed): a CMD, ENTRYPOINT or HEALTHCHECK that a
//! later one in the same stage overrides, reported where BuildKit reports it: on the one that
//! is ignored. (DL4003, DL4004 and DL3012 report the later one, as hadolint does.)

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Instruction, Keyword};
use crate::dockerfile::check_config::CheckConfig;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK310",
    aliases: &["MultipleInstructionsDisallowed"],
    severity: Severity::Warning,
    title: "CMD, ENTRYPOINT or HEALTHCHECK overridden later in its stage",
    explanation: "Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage take effect: an earlier one is dead code, usually left over from an edit. Delete it (a stage built FROM another stage may override its parent's freely).",
    lesson: None,
    runtime: false,
    check,
};

const KINDS: [Keyword; 3] = [Keyword::Entrypoint, Keyword::Cmd, Keyword::Healthcheck];

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let mut last: [Option<&Instruction>; 3] = [None; 3];
        for (_, ins) in ctx.stage_body(st) {
            let Some(k) = KINDS.iter().position(|k| *k == ins.keyword) else {
                continue;
            };
            if let Some(earlier) = last[k].replace(ins)
                && !skipped_by(ins)
            {
                r.at(
                    earlier.span,
                    format!(
                        "Multiple {} instructions should not be used in the same stage because only the last one will be used: line {} overrides this one",
                        ins.keyword, ins.start_line
                    ),
                );
            }
        }
    }
}

/// BuildKit checks the pair while dispatching the later instruction, so a `# check=skip=…`
/// comment above that one silences it (the file's directive is applied by the linter).
fn skipped_by(later: &Instruction) -> bool {
    CheckConfig::from_comments(&later.comments).is_some_and(|c| !c.runs(RULE.aliases[0], false))
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    fn lines(src: &str) -> Vec<usize> {
        findings(src, "DK310")
            .iter()
            .map(|d| d.location.line)
            .collect()
    }

    #[test]
    fn the_overridden_one_is_reported() {
        // BuildKit's test shape: each earlier one of a pair.
        let src = "\nFROM scratch\nENTRYPOINT [\"/myapp\"]\nENTRYPOINT [\"/myotherapp\"]\nCMD [\"/myapp\"]\nCMD [\"/myotherapp\"]\nHEALTHCHECK CMD [\"/myapp\"]\nHEALTHCHECK CMD [\"/myotherapp\"]\n";
        assert_eq!(lines(src), [3, 5, 7]);
        let d = findings(src, "DK310");
        assert_eq!(
            d[1].message,
            "Multiple CMD instructions should not be used in the same stage because only the last one will be used: line 6 overrides this one"
        );
    }

    #[test]
    fn other_instructions_between_and_stages_apart() {
        let src = "FROM scratch\nENTRYPOINT [\"/a\"]\nCMD [\"/a\"]\nCOPY <<EOF /a.txt\nhi\nEOF\nENTRYPOINT [\"/b\"]\nCMD [\"/b\"]\n";
        assert_eq!(lines(src), [2, 3]);
        let src = "FROM scratch AS a\nCMD [\"/a\"]\nFROM a AS b\nCMD [\"/b\"]\n";
        assert!(lines(src).is_empty());
    }

    #[test]
    fn a_comment_above_the_later_one_skips_it() {
        let src = "FROM scratch\nCMD [\"/a\"]\n# check=skip=MultipleInstructionsDisallowed\nCMD [\"/b\"]\n";
        assert!(lines(src).is_empty());
    }
}
