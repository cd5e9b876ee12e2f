//! DL3059: Consecutive RUN instructions.

use super::run_steps::non_posix;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3059",
    aliases: &[],
    severity: Severity::Info,
    title: "Consecutive RUN instructions",
    explanation: "Each RUN makes a layer; consecutive RUNs with the same options can often be one `RUN a && b`, which is smaller and lets cleanup happen in the same layer. As hadolint: a RUN that already runs more than one command (`a && b`, `a; b`, `a | b`) is a deliberate split and is never flagged. Under a PowerShell or cmd SHELL (or `# hadolint shell=powershell`) each RUN counts as one command, where hadolint counts its sh misreading of PowerShell.",
    lesson: None,
    runtime: false,
    check,
};

fn flags_text(ins: &Instruction) -> Vec<&str> {
    ins.flags.iter().map(|f| f.raw.as_str()).collect()
}

/// Consecutive RUNs with the same flags, when each runs a single command: a RUN that already
/// chains commands (`a && b`, `a; b`, `a | b`) is a deliberate split, as hadolint judges.
/// Comments do not separate them.
fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let pragma_posix = !ctx.pragma_shell().is_some_and(non_posix);
    for st in &ctx.model.stages {
        // (flags, command count) of the previous RUN, while only RUNs follow each other.
        let mut prev: Option<(Vec<&str>, usize)> = None;
        let mut posix = pragma_posix;
        for (_, ins) in ctx.stage_body(st) {
            if let (Keyword::Shell, Args::Exec { elements, .. }) = (&ins.keyword, &ins.args) {
                posix = !elements.iter().any(|w| non_posix(&w.text));
            }
            if ins.keyword != Keyword::Run {
                prev = None;
                continue;
            }
            // Under PowerShell or cmd the sh splitter's count means nothing: one RUN, one step.
            let count = if posix {
                ctx.script(ins).script.commands.len()
            } else {
                1
            };
            match &prev {
                Some((flags, n)) if *flags == flags_text(ins) && *n <= 1 && count <= 1 => {
                    r.at(ins.span, "Multiple consecutive RUN instructions: consider consolidating them into one");
                }
                _ => prev = Some((flags_text(ins), count)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nRUN echo a\nRUN echo b\n", "DL3059");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (3, 1));
        assert_eq!(
            d[0].message,
            "Multiple consecutive RUN instructions: consider consolidating them into one"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nRUN echo a\nCOPY x /x\nRUN --mount=type=cache,target=/root/.cache echo b\n", "DL3059").is_empty());
    }
}
