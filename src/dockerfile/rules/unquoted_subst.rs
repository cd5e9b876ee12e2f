//! DK402: a command substitution left unquoted in a command's arguments.

use super::sh_scripts::{has_subst, scripts, split_never_meant};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::sh::Part;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK402",
    aliases: &["SC2046"],
    severity: Severity::Info,
    title: "Unquoted command substitution in a path or test operand of a RUN command",
    explanation: "The shell splits the output of an unquoted `$(cmd)` on spaces and newlines and expands globs in it: `cp -R $(go env GOMODCACHE)/x /y` breaks on a path with a space, and `*` in the output matches files. Quote it, `\"$(cmd)\"`. Reported where a split is never what was meant: inside a longer word (a path: `/out/$(dirname $f)`), or an operand of `cd`, `[` or `test`. A whole-word `$(cmd)` elsewhere is left alone, since `apk add $(cat list)` and `$(test … && echo --flag)` split on purpose (ShellCheck's SC2046 reports those too). Not reported either: `export A=$(cmd)` (not split; see DK403), `[[ … ]]`, `for x in $(cmd)`.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sc in scripts(ctx, has_subst) {
        sc.list.each_simple(&mut |at| {
            for w in split_never_meant(&sc, &at.command.words) {
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
            "FROM alpine:3.22\nRUN cp `cat /run/f`.bak /x/$(echo \"$(id -u)\")\n",
            "DK402",
        );
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn whole_word_substitutions_split_on_purpose_are_left_alone() {
        for run in [
            "RUN apk add $(cat /list)",
            "RUN ./configure $(test -n \"$A\" && echo --with-a)",
        ] {
            let d = findings(&format!("FROM alpine:3.22\n{run}\n"), "DK402");
            assert!(d.is_empty(), "{run}: {d:?}");
        }
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
