//! DK100: BuildKit's parser rejects the file.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK100",
    aliases: &[],
    severity: Severity::Error,
    title: "BuildKit's parser rejects the file",
    explanation: "The Dockerfile cannot be parsed at all (an empty file: `the Dockerfile cannot be empty`; a comment-only one: `file with no instructions`; an exec-form array with a non-string, ENV without a value, an unterminated heredoc…). `docker build` stops before doing anything. The message is BuildKit's own.",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    // BuildKit stops at the first error; the later ones are usually consequences.
    if let Some(e) = ctx.parse.errors.first() {
        // BuildKit's frontend refuses a zero-byte file before its parser runs, in other
        // words; a comment-only file reaches the parser ("file with no instructions").
        let message = if ctx.source.is_empty() {
            "the Dockerfile cannot be empty".to_string()
        } else {
            e.message.clone()
        };
        r.at(e.span, message);
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn empty_and_comment_only_files_in_buildkit_words() {
        let d = findings("", "DK100");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "the Dockerfile cannot be empty");
        let d = findings("# only a comment\n", "DK100");
        assert_eq!(d[0].message, "file with no instructions");
        assert!(findings("FROM alpine:3.22\n", "DK100").is_empty());
    }
}
