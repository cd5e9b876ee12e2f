//! DL4000: MAINTAINER is deprecated.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL4000",
    aliases: &["MaintainerDeprecated"],
    severity: Severity::Warning,
    title: "MAINTAINER is deprecated",
    explanation: "MAINTAINER still parses but is deprecated. Use a label: `LABEL org.opencontainers.image.authors=\"name <mail>\"`.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        if ins.keyword == Keyword::Maintainer {
            let who = ins.args_text.text.trim().replace('"', "\\\"");
            let msg = "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors";
            if ins.start_line == ins.end_line {
                r.fix(
                    ins.span,
                    msg,
                    ins.start_line as usize,
                    format!("LABEL org.opencontainers.image.authors=\"{who}\""),
                );
            } else {
                r.at(ins.span, msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM alpine:3.22\nMAINTAINER me <me@example.com>\n",
            "DL4000",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM alpine:3.22\nLABEL org.opencontainers.image.authors=\"me\"\n",
                "DL4000"
            )
            .is_empty()
        );
    }
}
