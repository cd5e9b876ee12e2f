//! DK404: `echo -e` under /bin/sh.

use super::sh_scripts::scripts;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK404",
    aliases: &["SC3037"],
    severity: Severity::Warning,
    title: "`echo -e` in a RUN that /bin/sh runs",
    explanation: "POSIX leaves echo's options undefined. Debian's and Ubuntu's /bin/sh is dash, whose echo has no `-e`: `echo -e 'a\\tb' > file` writes `-e a<tab>b` (dash expands the escapes anyway). BusyBox's (Alpine's) and bash's echo accept it. Use `printf 'a\\tb\\n'`, or a bash SHELL. A warning when the image table knows /bin/sh is dash, information when the image is unknown, silent on Alpine. `echo -n` works in dash and is not reported.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sc in scripts(ctx, |t| t.contains("echo")) {
        let Some(severity) = sc.bashism_severity() else {
            continue;
        };
        sc.list.each_simple(&mut |at| {
            let [echo, opt, ..] = at.command.words.as_slice() else {
                return;
            };
            let Some(flags) = sc.literal(opt) else {
                return;
            };
            let is_e = flags.len() > 1
                && flags.starts_with('-')
                && flags[1..].chars().all(|c| "neE".contains(c))
                && flags.contains(['e', 'E']);
            if sc.literal(echo).as_deref() == Some("echo") && is_e {
                let what = if severity == Severity::Warning {
                    "this image's /bin/sh is dash, whose echo prints"
                } else {
                    "if /bin/sh is dash (Debian, Ubuntu), its echo prints"
                };
                r.at_severity(
                    severity,
                    sc.span(opt.span.clone()),
                    format!("echo {flags} under /bin/sh: {what} \"{flags}\" as text; use printf"),
                );
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use crate::dockerfile::Severity;

    #[test]
    fn echo_e_under_dash_warns() {
        let d = findings("FROM debian:13\nRUN echo -e 'a\\tb' > /etc/x\n", "DK404");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(
            d[0].message,
            "echo -e under /bin/sh: this image's /bin/sh is dash, whose echo prints \"-e\" as text; use printf"
        );
        assert_eq!((d[0].location.line, d[0].location.column), (2, 10));
    }

    #[test]
    fn unknown_image_is_information_alpine_and_bash_are_silent() {
        let d = findings("FROM example.com/base:1\nRUN echo -ne x\n", "DK404");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Info);
        assert!(findings("FROM alpine:3.22\nRUN echo -e x\n", "DK404").is_empty());
        let bash = "FROM debian:13\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo -e x\n";
        assert!(findings(bash, "DK404").is_empty());
        assert!(
            findings(
                "FROM debian:13\nRUN bash -c 'echo -e x' && echo -n y\n",
                "DK404"
            )
            .is_empty()
        );
    }
}
