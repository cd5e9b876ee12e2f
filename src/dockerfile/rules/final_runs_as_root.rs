//! DK206: the final stage runs as root (no USER, and the base image's default is root).

use super::chain::base_name;
use super::text::from_image_span;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::images::ImageInfo;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK206",
    aliases: &[],
    severity: Severity::Warning,
    title: "The final stage runs as root",
    explanation: "No USER is set and the base image runs as root, so the container does too: a compromised app owns the container. Add a numeric USER: `USER 65532:65532`, or the image's own unprivileged user by number (`USER 1000:1000` is `node` on the node images) — a number needs no /etc/passwd entry and Kubernetes' runAsNonRoot can check it (a name trips DL3066) — or use a distroless `:nonroot` tag. (Silent when the base image is unknown.)",
    lesson: Some("distroless-go/what-to-fix"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let Some(st) = ctx.model.final_stage() else {
        return;
    };
    if st.user_instruction.is_some() || st.runs_as_root() != Some(true) {
        return; // an explicit USER root is DL3002's
    }
    let info = st.image_info.as_ref();
    // Numeric advice: a name needs an /etc/passwd entry and trips DL3066.
    let advice = match (info, info.and_then(own_user)) {
        (Some(i), _) if i.id.starts_with("distroless") => {
            "use the `:nonroot` tag or add `USER 65532:65532`".to_string()
        }
        (_, Some((name, uid))) => format!(
            "add `USER {uid}:{uid}` (the image's `{name}` user, by number: no /etc/passwd lookup needed)"
        ),
        _ => "add `USER 65532:65532` (a numeric id needs no /etc/passwd entry)".to_string(),
    };
    r.at(
        from_image_span(ctx, st.from),
        format!(
            "the final stage runs as root: {} defaults to root and no USER is set; {advice}",
            base_name(st)
        ),
    );
}

/// The unprivileged account an image ships for its users (node's `node`, ubuntu's `ubuntu`):
/// the first one the table lists with a regular uid (system accounts are below 1000, 65534 is
/// nobody). Its group is the same number in those images (IMAGE-FACTS §1.2).
fn own_user(info: &ImageInfo) -> Option<(&str, u32)> {
    let users = info.users.as_ref()?;
    let ids = info.user_ids.as_ref()?;
    users
        .iter()
        .zip(ids)
        .find(|&(_, &uid)| (1000..65534).contains(&uid))
        .map(|(name, &uid)| (name.as_str(), uid))
}

#[cfg(test)]
mod tests {
    use super::super::chain::only_finding;

    use crate::dockerfile::lint::{LintOptions, lint};

    #[test]
    fn root_default_warns_at_the_image_with_the_numeric_user() {
        let d = only_finding(
            "FROM node:24-slim\nCOPY app /app\n",
            "DK206",
            (1, 6, 18),
            "the final stage runs as root: node:24-slim defaults to root and no USER is set; add `USER 1000:1000` (the image's `node` user, by number: no /etc/passwd lookup needed)",
        );
        assert!(d.fix.is_none());
    }

    fn all_findings(text: &str) -> Vec<(&'static str, String)> {
        let found = lint(text, &LintOptions::default()).diagnostics;
        found.into_iter().map(|d| (d.rule, d.message)).collect()
    }

    #[test]
    fn dk206_advises_a_numeric_user_that_trips_nothing() {
        for (image, want) in [
            ("node:24-slim", "USER 1000:1000"),
            ("ubuntu:24.04", "USER 1000:1000"),
            ("gcr.io/distroless/static-debian13", "USER 65532:65532"),
            ("alpine:3.22", "USER 65532:65532"),
            ("node:18-alpine", "USER 65532:65532"),
        ] {
            let text = format!("FROM {image}\nCOPY app /app\n");
            let found = all_findings(&text);
            let advice = found.iter().find(|(rule, _)| *rule == "DK206");
            assert!(
                advice.is_some_and(|(_, m)| m.contains(&format!("`{want}`"))),
                "{image}: {found:?}"
            );
            // Following the advice silences DK206 and raises nothing new (no DL3066).
            let fixed = all_findings(&format!("{text}{want}\n"));
            assert!(
                fixed
                    .iter()
                    .all(|(rule, _)| found.iter().any(|(r, _)| r == rule) && *rule != "DK206"),
                "{image}: {fixed:?}"
            );
        }
    }
}
