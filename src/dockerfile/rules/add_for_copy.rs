//! DL3020: Use COPY instead of ADD for local files.

use super::args::is_archive;
use super::text::replace_in_line;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3020",
    aliases: &[],
    severity: Severity::Warning,
    title: "Use COPY instead of ADD for local files",
    explanation: "ADD also fetches URLs and unpacks archives, so `ADD app.js /app/` hides intent and may surprise. For plain files and folders use COPY; keep ADD for remote sources and archives you mean to extract.",
    lesson: None,
    runtime: false,
    check,
};

/// `want` in the case `written` uses.
fn keyword_like(want: &str, written: &str) -> String {
    if written.chars().any(|c| c.is_ascii_lowercase()) {
        want.to_ascii_lowercase()
    } else {
        want.to_string()
    }
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        if ins.keyword != Keyword::Add || !ins.heredocs.is_empty() {
            continue;
        }
        let words: Vec<&str> = match &ins.args {
            Args::Words(w) => w.iter().map(|w| w.text.as_str()).collect(),
            Args::Exec { elements, .. } => elements.iter().map(|w| w.text.as_str()).collect(),
            _ => continue,
        };
        let Some((_, sources)) = words.split_last() else {
            continue;
        };
        let special = sources
            .iter()
            .any(|s| s.contains("://") || s.starts_with("git@") || is_archive(s));
        if special || sources.is_empty() {
            continue;
        }
        let msg = "Use COPY instead of ADD for files and folders";
        match replace_in_line(
            ctx,
            ins.keyword_text.span,
            &keyword_like("COPY", &ins.keyword_text.text),
        ) {
            Some((line, fixed)) => r.fix(ins.keyword_text.span, msg, line, fixed),
            None => r.at(ins.keyword_text.span, msg),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nADD app.js /app/\n", "DL3020");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Use COPY instead of ADD for files and folders"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM alpine:3.22\nADD https://example.com/a.tgz /tmp/\nADD rootfs.tar.gz /\n",
                "DL3020"
            )
            .is_empty()
        );
    }
}
