//! DL3065: `--platform=$TARGETPLATFORM` is the default.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3065",
    aliases: &["RedundantTargetPlatform"],
    severity: Severity::Info,
    title: "`--platform=$TARGETPLATFORM` is the default",
    explanation: "A stage is built for the target platform unless told otherwise, so `FROM --platform=$TARGETPLATFORM` changes nothing. Drop the flag (keep `--platform=$BUILDPLATFORM` on cross-compiling build stages).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let ins = ctx.ins(st.from);
        if let Args::From(f) = &ins.args
            && let Some(p) = &f.platform
            && matches!(p.text.as_str(), "$TARGETPLATFORM" | "${TARGETPLATFORM}")
        {
            r.at(p.span, "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM --platform=$TARGETPLATFORM alpine:3.22\n", "DL3065");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (1, 17));
        assert_eq!(
            d[0].message,
            "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM --platform=$BUILDPLATFORM alpine:3.22\n", "DL3065").is_empty());
    }
}
