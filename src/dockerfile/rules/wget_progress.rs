//! DL3047: wget without a quieter progress display.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3047",
    aliases: &[],
    severity: Severity::Info,
    title: "wget without `--progress` fills the build log",
    explanation: "Without a terminal wget prints a line of dots per few KB it downloads, so a large download floods the build log. Add `--progress=dot:giga`, or quiet it with `-q` or `-nv` (`--no-verbose`), or send its log elsewhere (`-o FILE`).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["wget"],
        verbose_wget,
        "wget without --progress floods the build log: use `wget --progress=dot:giga <url>`, or `-q`/`-nv`",
    );
}

fn verbose_wget(c: &Command<'_>) -> bool {
    c.is("wget", &[])
        && !c.has_short_or_long('q', &["--quiet", "-nv"])
        && !c.has_short_or_long('o', &[])
        && !c.has_short_or_long('a', &[])
        && !c.has_flag(&[
            "--progress",
            "--no-verbose",
            "--output-file",
            "--append-output",
        ])
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_per_run() {
        let d = findings(
            "FROM debian:12\nRUN wget https://x/a && wget https://x/b\n",
            "DL3047",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
    }

    #[test]
    fn silent_when_quiet_or_progress_is_set() {
        for ok in [
            "wget -q https://x",
            "wget -qO- https://x",
            "wget -nv https://x",
            "wget --no-verbose https://x",
            "wget --progress=dot:giga https://x",
            "wget -o /tmp/log https://x",
            "curl -fsSL https://x",
        ] {
            let src = format!("FROM debian:12\nRUN {ok}\n");
            assert!(findings(&src, "DL3047").is_empty(), "{ok}");
        }
        // -O names the output file, not the log.
        let src = "FROM debian:12\nRUN wget -O /tmp/x https://x\n";
        assert_eq!(findings(src, "DL3047").len(), 1);
    }
}
