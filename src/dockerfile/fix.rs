//! Applying the safe fixes ([`crate::dockerfile::Fix::safe`]) to a Dockerfile's text: what
//! `dockerlings check --fix` writes and `--diff` shows.

use crate::dockerfile::Fix;
use crate::dockerfile::lint::{LintOptions, lint};

/// Passes at most: each pass fixes every line once, and a line rarely needs a second fix
/// (`from x as y` is one fix for both keywords).
const MAX_PASSES: usize = 8;

/// `source` with every safe fix applied, re-checking after each pass so that fixes on the same
/// line compose; `None` when there is nothing to fix.
pub fn apply_safe_fixes(source: &str, opts: &LintOptions) -> Option<String> {
    let mut text = source.to_string();
    for _ in 0..MAX_PASSES {
        let mut fixes: Vec<Fix> = lint(&text, opts)
            .diagnostics
            .into_iter()
            .filter_map(|d| d.fix.filter(|f| f.safe))
            .collect();
        // One fix per line per pass: a second one was computed on the line before the first.
        fixes.sort_by_key(|f| f.line);
        fixes.dedup_by_key(|f| f.line);
        if fixes.is_empty() {
            break;
        }
        let next = apply(&text, &fixes);
        if next == text {
            break;
        }
        text = next;
    }
    (text != source).then_some(text)
}

/// `text` with each fix's line replaced, line endings kept. `fixes` are sorted by line.
pub fn apply(text: &str, fixes: &[Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fixes = fixes.iter().peekable();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        match fixes.next_if(|f| f.line == i + 1) {
            Some(fix) => {
                let body = line.trim_end_matches(['\n', '\r']);
                out.push_str(&fix.replacement);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(src: &str) -> Option<String> {
        apply_safe_fixes(src, &LintOptions::default())
    }

    #[test]
    fn casing_env_and_exec_form_in_one_go() {
        let src = "from alpine:3.22 as base\nRUN echo hi\nRUN echo ho\nEnv DEPS curl\r\nCMD node server.js\n";
        assert_eq!(
            fixed(src).as_deref(),
            Some(
                "FROM alpine:3.22 AS base\nRUN echo hi\nRUN echo ho\nENV DEPS=\"curl\"\r\nCMD [\"node\", \"server.js\"]\n"
            )
        );
    }

    #[test]
    fn unsafe_fixes_are_left_alone() {
        // DK101's guess and DK303's rename are offered, not applied.
        assert_eq!(
            fixed("FROM alpine:3.22 AS Build\nFNTRYPOINT [\"/a\"]\n"),
            None
        );
        assert_eq!(fixed("FROM alpine:3.22\n"), None);
    }

    #[test]
    fn ignored_rules_are_not_fixed() {
        let opts = LintOptions {
            ignore: vec!["DK302".into()],
            ..Default::default()
        };
        assert_eq!(apply_safe_fixes("FROM alpine:3.22 as b\n", &opts), None);
    }
}
