//! DK402: a command substitution left unquoted in a command's arguments.

use super::sh_scripts::{declares, scripts};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::sh::Part;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK402",
    aliases: &["SC2046"],
    severity: Severity::Info,
    title: "Unquoted command substitution in a RUN command's arguments",
    explanation: "The shell splits the output of an unquoted `$(cmd)` on spaces and newlines and expands globs in it: `cd $(dirname $f)` breaks on a path with a space, and `*` in the output matches files. Quote it, `\"$(cmd)\"`; when the split is wanted (a list of packages), read it into a loop or `xargs` instead. Not reported: `export A=$(cmd)` (not split; see DK403), `[[ … ]]`, `for x in $(cmd)`.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sc in scripts(ctx) {
        sc.list.each_simple(&mut |at| {
            let words = &at.command.words;
            let declaration = declares(&sc, words);
            for w in words {
                if declaration && w.text(sc.text()).contains('=') {
                    continue;
                }
                for p in &w.parts {
                    if let Part::CmdSub { span, .. } = p {
                        let written = &sc.text()[span.clone()];
                        r.at(
                            sc.span(span.clone()),
                            format!("{} is unquoted: the shell splits its output on spaces and newlines and expands globs in it; quote it", shorten(written)),
                        );
                    }
                }
            }
        });
    }
}

/// A substitution short enough for a message.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn unquoted_substitution_in_an_argument() {
        let d = findings("FROM alpine:3.22\nRUN cd $(dirname /a/b) && ls\n", "DK402");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "$(dirname /a/b) is unquoted: the shell splits its output on spaces and newlines and expands globs in it; quote it"
        );
        assert_eq!((d[0].location.line, d[0].location.column), (2, 8));
        assert_eq!(d[0].location.end_column, 23);
    }

    #[test]
    fn backticks_and_nested_substitutions() {
        let d = findings(
            "FROM alpine:3.22\nRUN kill `cat /run/pid` $(echo \"$(id -u)\")\n",
            "DK402",
        );
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn quoted_declared_and_loop_substitutions_are_fine() {
        for run in [
            "RUN cd \"$(dirname /a/b)\"",
            "RUN export V=$(cat /v)",
            "RUN V=$(cat /v) && echo \"$V\"",
            "RUN for p in $(cat /list); do echo \"$p\"; done",
            "RUN [[ -n $(ls) ]]",
        ] {
            let d = findings(&format!("FROM alpine:3.22\n{run}\n"), "DK402");
            assert!(d.is_empty(), "{run}: {d:?}");
        }
    }

    #[test]
    fn long_substitution_is_shortened() {
        assert_eq!(super::shorten("$(a)"), "$(a)");
        assert_eq!(
            super::shorten(&"x".repeat(50)),
            format!("{}…", "x".repeat(40))
        );
    }
}
