//! DL3062: Pin versions in go install.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3062",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in go install",
    explanation: "`go install example.com/tool` without `@version` depends on the module's go.mod context; write `go install example.com/tool@v1.2.3`. `@latest` is no pin. In `go run PKG args…` only PKG is a package.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["go"],
        unpinned,
        "Pin versions in go: `go install <package>@<version>`",
    );
}

fn unpinned(c: &Command<'_>) -> bool {
    if !c.is("go", &["install", "get", "run"]) {
        return false;
    }
    // `go run PKG args…`: what follows the package is the program's own arguments.
    let packages = if c.is("go", &["run"]) { 1 } else { usize::MAX };
    // `@latest` names no version: it is whatever is newest at build time.
    c.operands().take(packages).any(|p| {
        (!p.contains(['@', '$']) || p.ends_with("@latest"))
            && !p.starts_with('.')
            && !p.ends_with(".go")
    })
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM golang:1.26\nRUN go install github.com/x/tool\n",
            "DL3062",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Pin versions in go: `go install <package>@<version>`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM golang:1.26\nRUN go install github.com/x/tool@v1.2.3\n",
                "DL3062"
            )
            .is_empty()
        );
    }
}
