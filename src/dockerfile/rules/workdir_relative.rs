//! DL3000: WORKDIR should be an absolute path.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;
use crate::dockerfile::model::stage::unquote;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3000",
    aliases: &["WorkdirRelativePath"],
    severity: Severity::Warning,
    title: "WORKDIR should be an absolute path",
    explanation: "A relative WORKDIR is resolved against the previous one, which depends on the base image (`/` for most, `/go` for golang, `/home/nonroot` on distroless :nonroot). Write an absolute path such as `WORKDIR /app`.",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        if ins.keyword != Keyword::Workdir {
            continue;
        }
        let dir = unquote(&ins.args_text.text);
        let windows = dir.len() > 1 && dir.as_bytes()[1] == b':';
        if !dir.is_empty() && !dir.starts_with(['/', '$']) && !windows {
            r.at(
                ins.args_text.span,
                format!(
                    "Use absolute WORKDIR: `{dir}` is relative to whatever the previous WORKDIR was"
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
        let d = findings("FROM alpine:3.22\nWORKDIR app\n", "DL3000");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 9));
        assert_eq!(
            d[0].message,
            "Use absolute WORKDIR: `app` is relative to whatever the previous WORKDIR was"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nWORKDIR /app\n", "DL3000").is_empty());
    }
}
