//! DK403: `export A=$(cmd)` hides the failure of `cmd`.

use super::sh_scripts::{ShScript, declares, has_subst, scripts};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::sh::{Part, Word};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK403",
    aliases: &["SC2155"],
    severity: Severity::Warning,
    title: "`export`/`local` of a command substitution hides its failure",
    explanation: "`export V=$(curl -f …)` exits with export's status, always 0, so neither `&&` nor `set -e` stops the build when the command fails: the RUN goes on with an empty V. Assign first, then export: `V=$(curl -f …) && export V` (a plain assignment keeps the command's status).",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sc in scripts(ctx, |t| has_subst(t) && t.contains('=')) {
        sc.list.each_simple(&mut |at| {
            let words = &at.command.words;
            if !declares(&sc, words) {
                return;
            }
            let program = sc.literal(&words[0]).unwrap_or_default();
            for w in &words[1..] {
                if let Some(name) = masked(&sc, w) {
                    r.at(
                        sc.span(w.span.clone()),
                        format!("{program} {name}=$(…) exits with {program}'s status, not the command's: if the command fails, the RUN goes on with {name} empty; assign first, then {program} {name}"),
                    );
                }
            }
        });
    }
}

/// The name a declaration word assigns, when its value has a command substitution.
fn masked<'t>(sc: &'t ShScript<'_, '_>, w: &Word) -> Option<&'t str> {
    let text = w.text(sc.text());
    let (name, _) = text.split_once('=')?;
    let name = name.strip_suffix('+').unwrap_or(name);
    let is_name = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !name.as_bytes()[0].is_ascii_digit();
    let subst = w.parts.iter().any(|p| match p {
        Part::CmdSub { .. } => true,
        Part::Double(inner, _) => inner.iter().any(|q| matches!(q, Part::CmdSub { .. })),
        _ => false,
    });
    (is_name && subst).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn export_of_a_substitution_masks_its_status() {
        let d = findings(
            "FROM alpine:3.22\nRUN export V=\"$(cat /v)\" && echo \"$V\"\n",
            "DK403",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "export V=$(…) exits with export's status, not the command's: if the command fails, the RUN goes on with V empty; assign first, then export V"
        );
        assert_eq!((d[0].location.line, d[0].location.column), (2, 12));
        assert_eq!(d[0].location.end_column, 25);
    }

    #[test]
    fn readonly_and_local_too_but_not_plain_assignments() {
        let d = findings(
            "FROM debian:13\nSHELL [\"/bin/bash\", \"-c\"]\nRUN f() { local x=$(id -u); }; readonly Y=`date`\n",
            "DK403",
        );
        assert_eq!(d.len(), 2, "{d:?}");
        for run in [
            "RUN V=$(cat /v) && export V",
            "RUN export V=/x",
            "RUN export \"$(echo A=b)\"",
        ] {
            let d = findings(&format!("FROM alpine:3.22\n{run}\n"), "DK403");
            assert!(d.is_empty(), "{run}: {d:?}");
        }
    }
}
