//! DL3029: FROM --platform with a fixed value.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;
use crate::dockerfile::model::expand::has_variable;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3029",
    aliases: &[],
    severity: Severity::Warning,
    title: "FROM --platform with a fixed platform",
    explanation: "`FROM --platform=linux/amd64` builds that stage for amd64 whatever `docker build --platform` asks, under emulation on other machines, and a multi-platform build gets the same binary for every platform. Use `--platform=$BUILDPLATFORM` for a stage that cross-compiles, or leave the flag out. A variable (`--platform=$PLATFORM`) is a deliberate choice left to the build and is not flagged (hadolint flags every variable but $BUILDPLATFORM and $TARGETPLATFORM).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        if let Args::From(f) = &ctx.ins(st.from).args
            && let Some(p) = &f.platform
            && !has_variable(&p.text)
        {
            r.at(
                p.span,
                format!("Do not use --platform with a fixed value ({}): the stage ignores the platform the build asks for", p.text),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_on_the_flag_value() {
        let d = findings("FROM --platform=linux/amd64 debian:12\n", "DL3029");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (1, 17));
    }

    #[test]
    fn silent_for_variables_and_no_flag() {
        for ok in [
            "FROM --platform=$BUILDPLATFORM golang:1.25\n",
            "FROM --platform=${TARGETPLATFORM} debian:12\n",
            "ARG P=linux/arm64\nFROM --platform=$P debian:12\n",
            "FROM debian:12\n",
        ] {
            assert!(findings(ok, "DL3029").is_empty(), "{ok}");
        }
    }
}
