//! DL3001: a command that means nothing in a build step.

use super::run_steps::runs_calling;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3001",
    aliases: &[],
    severity: Severity::Info,
    title: "Command that makes no sense in a build step",
    explanation: "A RUN runs once, without a terminal, init system or privileges, and its processes end with it: `service nginx start` starts nothing the container keeps, `vim` and `top` wait for a user, `ssh` and `mount` need what a build does not give, and `ps`, `free`, `kill`, `ifconfig` and `shutdown` look at or act on a machine that is gone when the step ends. Start services from CMD or ENTRYPOINT. The program is matched by name, also after a path or `sudo` (hadolint matches the bare name only).",
    lesson: None,
    runtime: false,
    check,
};

/// The programs hadolint's rule names.
const POINTLESS: &[&str] = &[
    "ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig",
];

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, _, ins, run) in runs_calling(ctx, POINTLESS) {
        let found = run
            .script
            .commands
            .iter()
            .find_map(|c| POINTLESS.iter().find(|p| c.is(p, &[])));
        if let Some(program) = found {
            r.at(
                ins.span,
                format!("`{program}` makes no sense in a RUN: the step has no terminal or init system, and its processes end with it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_naming_the_first_program() {
        let d = findings(
            "FROM debian:12\nRUN service nginx start && ps aux\n",
            "DL3001",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert!(
            d[0].message.starts_with("`service` makes"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn silent_for_other_programs_and_arguments() {
        for ok in [
            "ssh-keygen -A",
            "echo ps",
            "apt-get install -y vim=2:9.1",
            "topgrade",
        ] {
            let src = format!("FROM debian:12\nRUN {ok}\n");
            assert!(findings(&src, "DL3001").is_empty(), "{ok}");
        }
    }
}
