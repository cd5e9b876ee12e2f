//! DL4006: Pipe in RUN without `pipefail`.

use super::run_steps::non_posix;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL4006",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pipe in RUN without `pipefail`",
    explanation: "`/bin/sh -c` only reports the exit status of the last command of a pipe, so `curl … | tar x` succeeds even when the download fails. Put `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` (or ash's `-o pipefail`) before the RUN, in every stage that pipes — but never copy a bash SHELL into a distroless or scratch stage.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let pragma_non_posix = ctx.pragma_shell().is_some_and(non_posix);
    for st in &ctx.model.stages {
        let mut safe = pragma_non_posix;
        for (_, ins) in ctx.stage_body(st) {
            match (&ins.keyword, &ins.args) {
                (Keyword::Shell, Args::Exec { elements, .. }) => {
                    let words: Vec<&str> = elements.iter().map(|w| w.text.as_str()).collect();
                    safe = words.windows(2).any(|w| {
                        w[0].starts_with('-') && w[0].ends_with('o') && w[1] == "pipefail"
                    }) || words.iter().any(|w| non_posix(w));
                }
                (Keyword::Run, Args::Text(_)) if !safe => {
                    let run = ctx.script(ins);
                    let (text, script) = (&run.text, &run.script);
                    let sets_it = text.contains("-o pipefail")
                        || text.contains("-eo pipefail")
                        || text.contains("-euo pipefail");
                    if script.has_pipe && !sets_it {
                        r.at(ins.span, "Set the SHELL option -o pipefail before RUN with a pipe in it: otherwise only the last command's failure stops the build");
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM alpine:3.22\nRUN wget -O - https://x | tar x\n",
            "DL4006",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Set the SHELL option -o pipefail before RUN with a pipe in it: otherwise only the last command's failure stops the build"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN wget -O - https://x | tar x\n", "DL4006").is_empty());
    }
}
