//! DK405: `==` in `[ … ]` or `test` under /bin/sh.

use super::sh_scripts::scripts;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK405",
    aliases: &["SC3014"],
    severity: Severity::Warning,
    title: "`==` in `[ ]` in a RUN that /bin/sh runs",
    explanation: "POSIX `test` compares strings with `=`. Debian's and Ubuntu's /bin/sh is dash, whose `[` rejects `==` (`[: unexpected operator`, status 2): the test is never true, so an `if` silently takes its else branch and `[ … ] && step` skips the step. Use `=`. BusyBox's (Alpine's) `[` and bash's accept `==`. A warning when the image table knows /bin/sh is dash, information when the image is unknown, silent on Alpine.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sc in scripts(ctx, |t| t.contains("==")) {
        let Some(severity) = sc.bashism_severity() else {
            continue;
        };
        sc.list.each_simple(&mut |at| {
            let words = &at.command.words;
            let test = words
                .first()
                .and_then(|w| sc.literal(w))
                .is_some_and(|p| p == "[" || p == "test");
            let Some(eq) = words
                .iter()
                .skip(1)
                .find(|w| sc.literal(w).as_deref() == Some("=="))
            else {
                return;
            };
            if test {
                let what = if severity == Severity::Warning {
                    "this image's /bin/sh is dash, whose [ rejects it"
                } else {
                    "if /bin/sh is dash (Debian, Ubuntu), its [ rejects it"
                };
                r.at_severity(
                    severity,
                    sc.span(eq.span.clone()),
                    format!("== in [ ] under /bin/sh: {what} and the test is never true; use ="),
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
    fn double_equals_under_dash_warns() {
        let d = findings(
            "FROM ubuntu:24.04\nARG A\nRUN if [ \"$A\" == yes ]; then echo y; fi\n",
            "DK405",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(
            d[0].message,
            "== in [ ] under /bin/sh: this image's /bin/sh is dash, whose [ rejects it and the test is never true; use ="
        );
        assert_eq!((d[0].location.line, d[0].location.column), (3, 15));
    }

    #[test]
    fn single_equals_bash_alpine_and_double_brackets_are_fine() {
        for src in [
            "FROM debian:13\nRUN [ \"$A\" = yes ] && echo y\n",
            "FROM alpine:3.22\nRUN [ \"$A\" == yes ] && echo y\n",
            "FROM debian:13\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [ \"$A\" == yes ] && echo y\n",
            "FROM debian:13\nRUN echo == && test -n x\n",
        ] {
            assert!(findings(src, "DK405").is_empty(), "{src}");
        }
        let d = findings("FROM example.com/x\nRUN test a == b || true\n", "DK405");
        assert_eq!(d[0].severity, Severity::Info);
    }
}
