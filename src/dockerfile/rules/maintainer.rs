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
