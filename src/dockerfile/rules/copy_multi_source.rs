//! DL3021: COPY with several sources needs a destination ending in /.

use super::args::copy_words;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3021",
    aliases: &[],
    severity: Severity::Error,
    title: "COPY with several sources needs a destination ending in /",
    explanation: "When COPY or ADD has more than one source, the destination must be a directory written with a trailing slash (`COPY a b /app/`), otherwise the build fails.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        if !matches!(ins.keyword, Keyword::Copy | Keyword::Add) {
            continue;
        }
        let Some(words) = copy_words(ins) else {
            continue;
        };
        let sources = words.len().saturating_sub(1);
        if let Some(dest) = words.last()
            && words.len() >= 2
            && sources > 1
            && !dest.text.ends_with('/')
            && !dest.text.contains('$')
        {
            r.at(
                dest.span,
                format!(
                    "{} with more than one source needs a destination ending in '/': `{}/`",
                    ins.keyword, dest.text
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nCOPY a b /app\n", "DL3021");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 10));
        assert_eq!(
            d[0].message,
            "COPY with more than one source needs a destination ending in '/': `/app/`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nCOPY a b /app/\n", "DL3021").is_empty());
    }
}
