//! DL3002: The final stage switches to root.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::images::is_root_user;
use crate::dockerfile::model::stage::unquote;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3002",
    aliases: &[],
    severity: Severity::Warning,
    title: "The final stage switches to root",
    explanation: "The last USER of the final stage is root, so the container runs as root. Switch back to an unprivileged user by number (`USER 65532:65532`, or `USER 1000:1000` for the node images' `node` user) after the steps that need root. Unlike hadolint, only the final stage counts: root in a builder stage that does not ship runs nothing in the container. A USER set in the stage this one builds FROM is in effect, and is reported where it was written.",
    lesson: Some("distroless-go/what-to-fix"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let Some(st) = ctx.model.final_stage() else {
        return;
    };
    // The USER in effect at the end, set here or in the stage this one builds FROM (the model
    // carries it over), reported where it was written.
    if let Some(i) = st.user_instruction
        && st
            .user
            .as_deref()
            .is_some_and(|u| is_root_user(&unquote(u)))
    {
        r.at(
            ctx.ins(i).span,
            "Last USER should not be root: the container will run as root",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nUSER app\nUSER root\n", "DL3002");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (3, 1));
        assert_eq!(
            d[0].message,
            "Last USER should not be root: the container will run as root"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nUSER root\nRUN id\nUSER 1000\n", "DL3002").is_empty());
    }
}
