//! DK401: a parameter expansion left unquoted in a path or a test operand.

use std::ops::Range;

use super::sh_scripts::{ShScript, scripts, split_never_meant};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::model::PREDEFINED_ARGS;
use crate::dockerfile::sh::{Command, Kind, Part, Word};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK401",
    aliases: &["SC2086"],
    severity: Severity::Info,
    title: "Unquoted variable in a path or test operand of a RUN command",
    explanation: "The shell splits an unquoted `$VAR` on spaces, expands `*`, `?` and `[` in its value, and drops it when empty: `wget https://e.org/$FILE` with a space in FILE fetches two URLs, and `[ $A = yes ]` with A empty is a syntax error. Write `\"$VAR\"`. Reported where a split is never what was meant: a variable inside a longer word (a path or URL: `$DIR/cache`, `app-$V.tgz`), or an operand of `cd`, `[` or `test`. A whole-word `$VAR` elsewhere is left alone, since `apk add $BUILD_DEPS` and `go build $FLAGS` split on purpose (ShellCheck's SC2086 reports those too). Not reported either: a variable whose value is known to be one word without glob characters (its ENV or ARG value before the RUN, BuildKit's platform ARGs such as `$TARGETARCH`, or what the script itself assigns it from such words, `$?` or `$((…))`); `$?`, `$#`, `$$`, `${#VAR}`; `export A=$B`; `[[ … ]]`. One finding per variable per RUN, at its first unquoted use.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sc in scripts(ctx, |t| t.contains('$')) {
        // (name, the word it was first found in, span of that use, count) per variable.
        let mut seen: Vec<(&str, &str, Range<usize>, usize)> = Vec::new();
        // Names already judged safe, so each is judged once per script.
        let mut safe_names: Vec<&str> = Vec::new();
        sc.list.each_simple(&mut |at| {
            for w in split_never_meant(&sc, &at.command.words) {
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
                    if let Some(s) = seen.iter_mut().find(|(n, ..)| *n == name) {
                        s.3 += 1;
                        continue;
                    }
                    if safe_names.contains(&name) || one_word(&sc, name, 0) {
                        safe_names.push(name);
                        continue;
                    }
                    seen.push((name, w.text(sc.text()), span.clone(), 1));
                }
            }
        });
        for (name, word, span, count) in seen {
            let written = &sc.text()[span.clone()];
            let more = match count {
                1 => String::new(),
                n => format!(
                    " (and {} more time{} in this RUN)",
                    n - 1,
                    if n == 2 { "" } else { "s" }
                ),
            };
            let place = if word == written {
                String::new()
            } else {
                format!(" in {word}")
            };
            r.at(
                sc.span(span),
                format!("{written} is unquoted{place}{more}: a space in {name} splits the word, a glob character expands, an empty value removes it; write \"{written}\""),
            );
        }
    }
}

/// Text that neither splits nor globs.
fn plain(v: &str) -> bool {
    !v.contains(|c: char| c.is_whitespace() || "*?[".contains(c))
}

/// Whether `name` is known to expand to one word without glob characters: a special
/// parameter that is a number, one of BuildKit's platform ARGs (`linux/arm64/v8`: never a
/// space), a known ENV/ARG value, or a variable the script only ever assigns from such words.
/// `depth` bounds the chase through assignments.
fn one_word(sc: &ShScript<'_, '_>, name: &str, depth: usize) -> bool {
    if matches!(name, "?" | "#" | "$" | "!" | "-") || PREDEFINED_ARGS.contains(&name) {
        return true;
    }
    if let Some(v) = sc.known_value(name) {
        let v = v.trim();
        // Several words in a Dockerfile value are a list meant to be split.
        return !v.is_empty() && !v.contains(['*', '?', '[']);
    }
    depth < 3 && assigned_one_word(sc, name, depth)
}

/// A variable the script sets, and only ever to words that are one plain word
/// (`V=1.2 && curl …/$V`, `T="app-${V}.tgz"`, `for a in x y`, `rc=$?`).
fn assigned_one_word(sc: &ShScript<'_, '_>, name: &str, depth: usize) -> bool {
    let text = sc.text();
    let word_ok = |w: &Word| {
        if w.parts.is_empty() {
            let v = w.text(text);
            return !v.is_empty() && plain(v);
        }
        w.parts.iter().all(|p| part_one_word(sc, p, name, depth))
    };
    let mut set = false;
    let mut all_ok = true;
    sc.list.visit(&mut |c: &Command| match &c.kind {
        Kind::Simple(s) => {
            for a in s.assigns.iter().filter(|a| &text[a.name.clone()] == name) {
                set = true;
                all_ok &= word_ok(&a.value);
            }
            // `export V=…`, `read V`: a command sets it; only a declaration's word is known.
            for w in s.words.iter().skip(1) {
                let written = w.text(text);
                if written == name {
                    all_ok = false;
                } else if written
                    .strip_prefix(name)
                    .is_some_and(|r| r.starts_with('='))
                {
                    set = true;
                    all_ok &= w.literal(text).is_some_and(|v| plain(&v[name.len() + 1..]));
                }
            }
        }
        Kind::For { name: n, words, .. } if &text[n.clone()] == name => {
            set = true;
            all_ok &= words.as_ref().is_some_and(|ws| ws.iter().all(word_ok));
        }
        _ => {}
    });
    set && all_ok
}

fn part_one_word(sc: &ShScript<'_, '_>, p: &Part, assigned: &str, depth: usize) -> bool {
    let text = sc.text();
    match p {
        Part::Lit(r) | Part::Single(r) | Part::Escaped(r) => plain(&text[r.clone()]),
        Part::Double(inner, _) => inner.iter().all(|q| part_one_word(sc, q, assigned, depth)),
        Part::Arith(_) | Part::Param { length: true, .. } => true,
        Part::Param { name, .. } => {
            let n = &text[name.clone()];
            n != assigned && one_word(sc, n, depth + 1)
        }
        Part::CmdSub { .. } => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    fn on(run: &str) -> Vec<String> {
        findings(&format!("FROM alpine:3.22\n{run}\n"), "DK401")
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn unquoted_variable_in_a_path() {
        let d = findings(
            "FROM alpine:3.22\nARG DIR\nRUN rm -rf $DIR/cache && ls $DIR/x\n",
            "DK401",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "$DIR is unquoted in $DIR/cache (and 1 more time in this RUN): a space in DIR splits the word, a glob character expands, an empty value removes it; write \"$DIR\""
        );
        assert_eq!((d[0].location.line, d[0].location.column), (3, 12));
        assert_eq!(d[0].location.end_column, 16);
    }

    #[test]
    fn operands_of_cd_and_test() {
        assert_eq!(on("RUN cd $D").len(), 1);
        assert_eq!(
            on("RUN [ $A = yes ] || true"),
            [
                "$A is unquoted: a space in A splits the word, a glob character expands, an empty value removes it; write \"$A\""
            ]
        );
        assert_eq!(on("RUN test -n $A").len(), 1);
    }

    #[test]
    fn span_follows_continuation_lines_and_heredocs() {
        let d = findings(
            "FROM alpine:3.22\nRUN echo a \\\n  # note\n    && cp ${SRC}/a /x\n",
            "DK401",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (4, 11));
        let d = findings(
            "FROM alpine:3.22\nRUN <<EOF\nset -e\ncp /a/$SRC /x\nEOF\n",
            "DK401",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (4, 7));
    }

    #[test]
    fn lists_split_on_purpose_are_left_alone() {
        for run in [
            "RUN apk add $BUILD_DEPS",
            "RUN go build $FLAGS ./...",
            "RUN apt-mark manual $savedAptMark",
        ] {
            assert!(on(run).is_empty(), "{run}");
        }
    }

    #[test]
    fn quoted_numeric_declared_and_tested_expansions_are_fine() {
        for run in [
            "RUN rm -rf \"$DIR/x\"",
            "RUN echo $?/x $#/x ${#DIR}/x $((1 + 2))/x",
            "RUN export PATH=$HOME/bin:$PATH",
            "RUN [[ -d $DIR/x ]] && echo ok",
            "RUN for f in $FILES/x; do echo \"$f\"; done",
            "RUN A=$B/x",
            "RUN [\"rm\", \"$DIR/x\"]",
        ] {
            assert!(on(run).is_empty(), "{run}");
        }
    }

    #[test]
    fn known_env_and_arg_values_are_not_reported() {
        let src = "FROM golang:1.26\nENV GOPATH=/go\nARG DEPS=\"gcc make\"\nARG V=1.2\nARG G=*.c\nRUN cd $GOPATH/src && ls x$DEPS x$V x$G x$OTHER\n";
        let d = findings(src, "DK401");
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].message.starts_with("$G"));
        assert!(d[1].message.starts_with("$OTHER"));
        let global = "ARG V=1.2\nFROM alpine:3.22\nARG V\nARG W\nRUN cd /$V && cd /$W\n";
        let d = findings(global, "DK401");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.starts_with("$W"));
        // An ENV set after the RUN is not in its environment.
        let later = "FROM golang:1.26\nRUN cd $X\nENV X=/go\n";
        assert_eq!(findings(later, "DK401").len(), 1);
    }

    #[test]
    fn values_the_script_builds_from_known_words_are_not_reported() {
        for run in [
            "ARG TARGETARCH\nRUN curl -o /x https://e.org/$TARGETARCH/app",
            "RUN V=1.2.3 && curl -o /x https://e.org/$V/app",
            "ARG V=1\nRUN T=\"app-${V}.tgz\" && wget https://e.org/$T",
            "RUN for a in x y; do mkdir /o/$a; done",
            "RUN rc=$?; [ $rc -eq 0 ]",
        ] {
            assert!(on(run).is_empty(), "{run}: {:?}", on(run));
        }
        for run in [
            "RUN V='a b' && cd /$V",
            "RUN V=1 && read V && cd /$V",
            "RUN for a in $L; do cd /$a; done",
            "RUN V=$(cat /v) && cd /$V",
            "RUN V=$V/x && cd /$V",
        ] {
            assert_eq!(on(run).len(), 1, "{run}");
        }
    }

    #[test]
    fn heredoc_read_by_a_named_program_is_data() {
        let src = "FROM python:3.13\nRUN python3 <<EOF\nprint($X/a)\nEOF\n";
        assert!(findings(src, "DK401").is_empty());
    }

    #[test]
    fn unreadable_script_is_silent() {
        assert!(on("RUN diff <(ls /$A) <(ls /$B)").is_empty());
    }
}
