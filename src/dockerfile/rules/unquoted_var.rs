//! DK401: a parameter expansion left unquoted in a command's arguments.

use super::sh_scripts::{ShScript, declares, scripts};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::sh::Part;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK401",
    aliases: &["SC2086"],
    severity: Severity::Info,
    title: "Unquoted variable in a RUN command's arguments",
    explanation: "The shell splits an unquoted `$VAR` on spaces and expands `*`, `?` and `[` in its value, so `rm -rf $DIR/cache` with a space in DIR removes two other paths, and an empty value drops the argument altogether. Write `\"$VAR\"`. Not reported: `$?`, `$#`, `$$`, `${#VAR}` and `$((…))` (numbers), `export A=$B` (not split), `[[ … ]]`, `for x in $LIST` (splitting wanted), and a variable whose ENV value in the stage is known and has no space or glob character. One finding per variable per RUN, at its first unquoted use.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sc in scripts(ctx) {
        // (name, span of the first use, count) per variable.
        let mut seen: Vec<(&str, std::ops::Range<usize>, usize)> = Vec::new();
        for at in sc.list.simple_commands() {
            let words = &at.command.words;
            let declaration = declares(&sc, words);
            for w in words {
                if declaration && w.literal(sc.text()).is_none() && w.text(sc.text()).contains('=')
                {
                    continue;
                }
                for p in &w.parts {
                    let Part::Param {
                        name,
                        length: false,
                        span,
                    } = p
                    else {
                        continue;
                    };
                    let name = &sc.text()[name.clone()];
                    if matches!(name, "?" | "#" | "$" | "!" | "-") || safe_env(&sc, name) {
                        continue;
                    }
                    match seen.iter_mut().find(|(n, ..)| *n == name) {
                        Some(s) => s.2 += 1,
                        None => seen.push((name, span.clone(), 1)),
                    }
                }
            }
        }
        for (name, span, count) in seen {
            let written = &sc.text()[span.clone()];
            let more = match count {
                1 => String::new(),
                n => format!(
                    " (and {} more time{} in this RUN)",
                    n - 1,
                    if n == 2 { "" } else { "s" }
                ),
            };
            r.at(
                sc.span(span),
                format!("{written} is unquoted{more}: the shell splits its value on spaces and expands globs in it; write \"{written}\" (value of {name})"),
            );
        }
    }
}

/// A variable whose ENV value in the stage is known and cannot split or glob.
fn safe_env(sc: &ShScript<'_, '_>, name: &str) -> bool {
    sc.stage.env_value(name).is_some_and(|v| {
        !v.is_empty() && !v.contains(|c: char| c.is_whitespace() || "*?[".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn unquoted_variable_in_an_argument() {
        let d = findings(
            "FROM alpine:3.22\nARG DIR\nRUN rm -rf $DIR/cache && ls $DIR\n",
            "DK401",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "$DIR is unquoted (and 1 more time in this RUN): the shell splits its value on spaces and expands globs in it; write \"$DIR\" (value of DIR)"
        );
        assert_eq!((d[0].location.line, d[0].location.column), (3, 12));
        assert_eq!(d[0].location.end_column, 16);
    }

    #[test]
    fn span_follows_continuation_lines_and_heredocs() {
        let d = findings(
            "FROM alpine:3.22\nRUN echo a \\\n  # note\n    && cp ${SRC} /x\n",
            "DK401",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (4, 11));
        let d = findings(
            "FROM alpine:3.22\nRUN <<EOF\nset -e\ncp $SRC /x\nEOF\n",
            "DK401",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (4, 4));
    }

    #[test]
    fn quoted_numeric_declared_and_tested_expansions_are_fine() {
        for run in [
            "RUN rm -rf \"$DIR\"",
            "RUN echo $? $# ${#DIR} $((1 + 2))",
            "RUN export PATH=$HOME/bin:$PATH",
            "RUN [[ -d $DIR ]] && echo ok",
            "RUN for f in $FILES; do echo \"$f\"; done",
            "RUN A=$B",
            "RUN [\"rm\", \"$DIR\"]",
        ] {
            let d = findings(&format!("FROM alpine:3.22\n{run}\n"), "DK401");
            assert!(d.is_empty(), "{run}: {d:?}");
        }
    }

    #[test]
    fn known_safe_env_value_is_not_reported() {
        let src = "FROM golang:1.26\nENV GOPATH=/go\nRUN cd $GOPATH/src && ls $OTHER\n";
        let d = findings(src, "DK401");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.starts_with("$OTHER"));
    }

    #[test]
    fn heredoc_read_by_a_named_program_is_data() {
        let src = "FROM python:3.13\nRUN python3 <<EOF\nprint($X)\nEOF\n";
        assert!(findings(src, "DK401").is_empty());
    }

    #[test]
    fn unreadable_script_is_silent() {
        let src = "FROM alpine:3.22\nRUN diff <(ls $A) <(ls $B)\n";
        assert!(findings(src, "DK401").is_empty());
    }
}
