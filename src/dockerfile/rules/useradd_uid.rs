//! DL3046: useradd with a high uid and without `-l`.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3046",
    aliases: &[],
    severity: Severity::Warning,
    title: "useradd with a high uid and without `-l`",
    explanation: "useradd records the new user in /var/log/lastlog and faillog, files indexed by uid: a uid such as 123456 makes them sparse files of tens of MB, which an image layer stores in full. Add `-l` (`--no-log-init`), or pick a uid below 100000. A uid given by a variable is not judged (hadolint judges the variable's name); `--uid` is read too (hadolint reads `-u` only).",
    lesson: None,
    runtime: false,
    check,
};

/// uids from here up make the log files large (hadolint's line: more than five digits).
const HIGH: u64 = 100_000;

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["useradd"],
        bloats,
        "useradd with a high uid and without -l (--no-log-init) writes large sparse log files into the layer: `useradd -l -u <uid>`",
    );
}

fn bloats(c: &Command<'_>) -> bool {
    if !c.is("useradd", &[]) || c.has_short_or_long('l', &["--no-log-init"]) {
        return false;
    }
    let words = c.without_wrappers();
    let uid = words.iter().enumerate().find_map(|(i, w)| {
        let value = match &**w {
            "-u" | "--uid" => words.get(i + 1).map(|v| &**v),
            w => w.strip_prefix("--uid=").or_else(|| w.strip_prefix("-u")),
        };
        value.filter(|v| !v.is_empty())
    });
    uid.and_then(|u| u.parse::<u64>().ok())
        .is_some_and(|u| u >= HIGH)
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_on_a_high_uid_without_l() {
        for bad in ["useradd -u 123456 app", "useradd --uid=1234567 app"] {
            let d = findings(&format!("FROM debian:12\nRUN {bad}\n"), "DL3046");
            assert_eq!(d.len(), 1, "{bad}");
            assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        }
    }

    #[test]
    fn silent_with_l_or_a_low_or_unknown_uid() {
        for ok in [
            "useradd -l -u 123456 app",
            "useradd -lu 123456 app",
            "useradd --no-log-init --uid 123456 app",
            "useradd -u 10001 app",
            "useradd -u ${UID} app",
            "useradd app",
        ] {
            let src = format!("FROM debian:12\nRUN {ok}\n");
            assert!(findings(&src, "DL3046").is_empty(), "{ok}");
        }
    }
}
