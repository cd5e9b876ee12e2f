//! DK213: a user name (USER, COPY --chown) on scratch, which has no /etc/passwd to resolve it.

use super::chain::copy_sources;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;
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
    for st in &ctx.model.stages {
        if st.image_info.as_ref().map(|i| i.id.as_str()) != Some("scratch") {
            continue;
        }
        // A passwd file copied in makes names resolvable.
        let mut passwd = false;
        for (_, ins) in ctx.stage_body(st) {
            let name = match ins.keyword {
                Keyword::Copy | Keyword::Add => {
                    if copy_sources(ins).iter().any(|s| s.contains("passwd")) {
                        passwd = true;
                    }
                    ins.flag("chown").and_then(|f| f.value.clone())
                }
                Keyword::User => Some(unquote(&ins.args_text.text)),
                _ => None,
            };
            let Some(name) = name else { continue };
            let user = name.split(':').next().unwrap_or("");
            let numeric = user.chars().all(|c| c.is_ascii_digit());
            // BuildKit maps `root` to 0 without reading /etc/passwd (its parseUID).
            if !passwd && !user.is_empty() && !numeric && user != "root" && !user.starts_with('$') {
                r.at(
                    ins.span,
                    format!("scratch has no /etc/passwd, so the user name `{user}` cannot be resolved: use a numeric id such as 65532:65532"),
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
        ] {
            assert!(findings(src, "DK213").is_empty(), "{src}");
        }
    }
}
