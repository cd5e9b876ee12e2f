//! DK213: a user name (USER, COPY --chown) on scratch, which has no /etc/passwd to resolve it.

use super::chain::built_stages;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;
use crate::dockerfile::build::{Certainty, Presence};
use crate::dockerfile::model::stage::unquote;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK213",
    aliases: &[],
    severity: Severity::Error,
    title: "User name on an image without /etc/passwd",
    explanation: "scratch has no /etc/passwd, so `USER app` or `COPY --chown=app` cannot be resolved and the build or the start fails (`unable to find user app`). Use numeric ids: `USER 65532:65532`, `--chown=65532:65532`.",
    lesson: Some("distroless-go/or-scratch"),
    runtime: true,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sm in built_stages(ctx) {
        let st = &ctx.model.stages[sm.index];
        if st.image_info.as_ref().map(|i| i.id.as_str()) != Some("scratch") {
            continue;
        }
        // What the stage ends with: a passwd file copied in, or possibly written by a step the
        // model cannot read (`echo … > /out/etc/passwd` in the stage copied from), resolves
        // names; only a known absence is an error.
        let severity = match sm.fs.lookup("/etc/passwd") {
            Presence::Absent(Certainty::Known) => Severity::Error,
            Presence::Absent(Certainty::Likely) => Severity::Warning,
            _ => continue,
        };
        for (_, ins) in ctx.stage_body(st) {
            let name = match ins.keyword {
                Keyword::Copy | Keyword::Add => ins.flag("chown").and_then(|f| f.value.clone()),
                Keyword::User => Some(unquote(&ins.args_text.text)),
                _ => None,
            };
            let Some(name) = name else { continue };
            let user = name.split(':').next().unwrap_or("");
            let numeric = user.chars().all(|c| c.is_ascii_digit());
            // BuildKit maps `root` to 0 without reading /etc/passwd (its parseUID).
            if !user.is_empty() && !numeric && user != "root" && !user.starts_with('$') {
                r.at_severity(
                    severity,
                    ins.span,
                    format!(
                        "scratch {} /etc/passwd, so the user name `{user}` cannot be resolved: use a numeric id such as 65532:65532",
                        if severity == Severity::Error { "has no" } else { "most likely has no" }
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::{findings, only_finding};

    #[test]
    fn user_and_chown_names_on_scratch_are_errors() {
        let d = only_finding(
            "FROM scratch\nCOPY app /app\nUSER app\n",
            "DK213",
            (3, 1, 9),
            "scratch has no /etc/passwd, so the user name `app` cannot be resolved: use a numeric id such as 65532:65532",
        );
        assert!(d.fix.is_none());
        let d = findings(
            "FROM scratch\nCOPY --chown=app:app app /app\nUSER 65532\n",
            "DK213",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.end_column), (2, 30));
    }

    #[test]
    fn numeric_ids_root_and_a_copied_passwd_are_fine() {
        for src in [
            "FROM scratch\nUSER 65532:65532\n",
            "FROM scratch\nUSER root\n",
            "FROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\nUSER app\n",
            // Written by a step the model cannot read, in the stage whose /out is copied.
            "FROM alpine:3.22 AS build\nRUN mkdir -p /out/etc && echo 'app:x:10001:10001::/:' > /out/etc/passwd\nFROM scratch\nCOPY --from=build /out/ /\nUSER app\n",
            // A passwd file from the context, under another name.
            "FROM scratch\nCOPY users.txt /etc/passwd\nUSER app\n",
        ] {
            assert!(findings(src, "DK213").is_empty(), "{src}");
        }
    }
}
