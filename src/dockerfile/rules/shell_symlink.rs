//! DL4005: replacing /bin/sh with a symlink instead of using SHELL.

use super::run_steps::runs_with;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL4005",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use SHELL to change the default shell",
    explanation: "`RUN ln -sf /bin/bash /bin/sh` swaps the shell every program in the image gets for `sh`, scripts of the base image included, and ships that change. To run the Dockerfile's own RUNs in bash, write `SHELL [\"/bin/bash\", \"-c\"]` instead.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    // An exec-form RUN (`RUN ["/busybox/ln", …]`) runs in an image that has no shell yet: the
    // link gives it one rather than replacing one.
    let shell_form = |ins: &&Instruction| !matches!(ins.args, Args::Exec { .. });
    for ins in runs_with(ctx, &["ln"], links_sh).filter(shell_form) {
        r.at(
            ins.span,
            "Use SHELL to change the default shell: `SHELL [\"/bin/bash\", \"-c\"]` instead of linking /bin/sh",
        );
    }
}

fn links_sh(c: &Command<'_>) -> bool {
    c.is("ln", &[]) && c.without_wrappers().last().is_some_and(|w| w == "/bin/sh")
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_on_the_run() {
        let d = findings(
            "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh && echo ok\n",
            "DL4005",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
    }

    #[test]
    fn silent_for_other_links() {
        for ok in [
            "ln -sf /bin/bash /usr/local/bin/sh",
            "ln -s /bin/sh /bin/mysh",
        ] {
            let src = format!("FROM debian:12\nRUN {ok}\n");
            assert!(findings(&src, "DL4005").is_empty(), "{ok}");
        }
    }
}
