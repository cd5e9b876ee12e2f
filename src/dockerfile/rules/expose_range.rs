//! DL3011: EXPOSE port out of range.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3011",
    aliases: &[],
    severity: Severity::Error,
    title: "EXPOSE port out of range",
    explanation: "Ports are numbers from 0 to 65535.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        let (Keyword::Expose, Args::Words(words)) = (ins.keyword, &ins.args) else {
            continue;
        };
        for w in words {
            let port = w.text.split('/').next().unwrap_or("");
            let port = port.rsplit(':').next().unwrap_or(port);
            for part in port.split('-') {
                if part.chars().all(|c| c.is_ascii_digit())
                    && !part.is_empty()
                    && part.parse::<u32>().map_or(true, |p| p > 65535)
                {
                    r.at(
                        w.span,
                        format!("Valid UNIX ports range from 0 to 65535: {}", w.text),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nEXPOSE 80000\n", "DL3011");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 8));
        assert_eq!(
            d[0].message,
            "Valid UNIX ports range from 0 to 65535: 80000"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nEXPOSE 8000\n", "DL3011").is_empty());
    }
}
