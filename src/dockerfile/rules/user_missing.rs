//! DK220: USER names a user the stage's /etc/passwd does not have.

use super::chain::{built_stages, image_line};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;
use crate::dockerfile::build::Presence;
use crate::dockerfile::build::fs::Origin;
use crate::dockerfile::model::stage::unquote;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK220",
    aliases: &[],
    severity: Severity::Error,
    title: "USER names a user the image does not have",
    explanation: "A user name is looked up in the image's /etc/passwd when a RUN or the container starts; a name that is not there stops both with `unable to find user app: no matching entries in passwd file` (distroless has only root, nonroot and nobody; node:* images have node). Create the user in that stage, or use a numeric id (`USER 65532:65532`), which needs no entry.",
    lesson: Some("distroless-go/what-to-fix"),
    runtime: true,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sm in built_stages(ctx) {
        let Some(users) = &sm.users else { continue };
        let st = &ctx.model.stages[sm.index];
        if st.base_image.as_ref().is_some_and(|i| i.is_scratch()) {
            continue; // DK213 says it for scratch
        }
        // A passwd file copied in (or written by a step the model cannot read) may have it.
        match sm.fs.lookup("/etc/passwd") {
            Presence::Found(e) if e.origin != Origin::Base => continue,
            Presence::Maybe(_) => continue,
            _ => {}
        }
        for (_, ins) in ctx.stage_body(st) {
            if ins.keyword != Keyword::User {
                continue;
            }
            let value = unquote(&ins.args_text.text);
            let name = value.split(':').next().unwrap_or("");
            if name.is_empty() || name.contains('$') || name.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            if users.iter().any(|u| u == name) {
                continue;
            }
            r.at(
                ins.span,
                format!(
                    "USER {name} (line {}): {} has no user {name} in /etc/passwd{} and no step of the stage adds one: `unable to find user {name}`. Use a numeric id or create the user",
                    ins.start_line,
                    image_line(ctx, sm),
                    if users.is_empty() { String::new() } else { format!(" (it has {})", users.join(", ")) }
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn distroless_has_no_node_user() {
        let d = findings(
            "FROM gcr.io/distroless/nodejs24-debian13\nUSER node\n",
            "DK220",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "USER node (line 2): gcr.io/distroless/nodejs24-debian13 (line 1) has no user node in /etc/passwd (it has root, nobody, nonroot) and no step of the stage adds one: `unable to find user node`. Use a numeric id or create the user"
        );
    }

    #[test]
    fn silent_when_the_image_users_are_unknown_or_the_user_is_created() {
        for src in [
            "FROM debian:13-slim\nUSER app\n",
            "FROM debian:13-slim\nRUN useradd -r app\nUSER app\n",
            "FROM scratch\nUSER 65532\n",
        ] {
            assert!(findings(src, "DK220").is_empty(), "{src}");
        }
    }
}
