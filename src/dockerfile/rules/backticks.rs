//! DK406: legacy backtick command substitution.

use super::sh_scripts::scripts;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::sh::{Command, Kind, Part};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK406",
    aliases: &["SC2006"],
    severity: Severity::Style,
    title: "Backticks for command substitution",
    explanation: "`` `cmd` `` is the legacy form of `$(cmd)`: backslashes inside it are read twice and it cannot nest without escaping. `$(cmd)` reads the same in every POSIX shell.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sc in scripts(ctx, |t| t.contains('`')) {
        let mut spans = Vec::new();
        sc.list.visit(&mut |c: &Command| {
            let Kind::Simple(s) = &c.kind else { return };
            let words = s.assigns.iter().map(|a| &a.value).chain(&s.words);
            for w in words {
                backticks(&w.parts, &mut spans);
            }
        });
        for span in spans {
            let written = &sc.text()[span.clone()];
            r.at(
                sc.span(span),
                format!("{written}: use $(…) instead of backticks"),
            );
        }
    }
}

fn backticks(parts: &[Part], out: &mut Vec<std::ops::Range<usize>>) {
    for p in parts {
        match p {
            Part::CmdSub {
                backtick: true,
                span,
                ..
            } => out.push(span.clone()),
            Part::Double(inner, _) => backticks(inner, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn backticks_are_reported_once_each() {
        let d = findings(
            "FROM alpine:3.22\nRUN V=`uname -m` && echo \"`date`\" $(id)\n",
            "DK406",
        );
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].message, "`uname -m`: use $(…) instead of backticks");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 7));
        assert_eq!((d[1].location.line, d[1].location.column), (2, 27));
    }
}
