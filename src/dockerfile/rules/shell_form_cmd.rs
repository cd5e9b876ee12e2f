//! DK202: shell-form CMD, ENTRYPOINT or HEALTHCHECK in an image that has no /bin/sh (by the
//! build model: a shell copied in counts).

use super::args::healthcheck_shell;
use super::chain::base_name;
use super::json_args::exec_form_fix;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword, Word};
use crate::dockerfile::build::{Certainty, Presence};
use crate::dockerfile::model::{Base, Stage};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK202",
    aliases: &[],
    severity: Severity::Error,
    title: "Shell-form CMD, ENTRYPOINT or HEALTHCHECK where there is no shell",
    explanation: "Shell form needs /bin/sh at run time; on scratch and distroless the container fails to start (`exec: \"/bin/sh\": … no such file or directory`). Use the exec form, `CMD [\"/app\"]`. Watch for text that looks like JSON but is not (single quotes, a trailing comment): BuildKit silently treats it as shell form. (A shell copied into the image, e.g. busybox's, counts.)",
    lesson: Some("distroless-images/debugging-without-a-shell"),
    runtime: true,
    check,
};

/// Stages whose base is known to lack /bin/sh, with the shell it has, if any.
fn shell_less<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = (&'a Stage, Option<String>)> + 'a {
    ctx.model.stages.iter().filter_map(|st| {
        let info = st.image_info.as_ref()?;
        (info.has_bin_sh() == Some(false)).then(|| (st, info.shell.clone().flatten()))
    })
}

/// Whether a SHELL instruction is in effect at the start of the stage (from a parent stage).
fn inherited_shell(ctx: &Ctx<'_>, st: &Stage) -> bool {
    matches!(st.base, Base::Stage { index } if ctx.model.stages[index].shell_set)
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (st, _) in shell_less(ctx) {
        // A shell the stage copied in (`COPY --from=busybox /bin/sh`) or made counts, as for
        // DK201: only a /bin/sh the model knows is absent from the image fails the start.
        if ctx
            .build()
            .stage(st.index)
            .is_some_and(|sm| sm.fs.lookup("/bin/sh") != Presence::Absent(Certainty::Known))
        {
            continue;
        }
        let mut shell_set = inherited_shell(ctx, st);
        for (_, ins) in ctx.stage_body(st) {
            if ins.keyword == Keyword::Shell {
                shell_set = true;
            }
            let word: Option<&Word> = match (&ins.keyword, &ins.args) {
                (Keyword::Cmd | Keyword::Entrypoint, Args::Text(w)) => Some(w),
                (Keyword::Healthcheck, _) => healthcheck_shell(ins),
                _ => None,
            };
            let Some(w) = word else { continue };
            if shell_set {
                continue;
            }
            let looks_json = w.text.trim_start().starts_with('[');
            let msg = format!(
                "{} in shell form runs `/bin/sh -c …`, but {} has no /bin/sh: the container cannot start{}",
                ins.keyword,
                base_name(st),
                if looks_json {
                    " (this looks like JSON but is not valid JSON — use double quotes and no trailing comment — so BuildKit took it as shell form)"
                } else {
                    ". Use the exec form"
                }
            );
            match exec_form_fix(ctx, st, ins, w).filter(|_| ins.keyword != Keyword::Healthcheck) {
                Some((line, fixed)) => r.fix(ins.span, msg, line, fixed),
                None => r.at(ins.span, msg),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::{findings, only_finding};
    use crate::dockerfile::Fix;

    #[test]
    fn shell_form_cmd_on_distroless_is_an_error_with_the_exec_form_as_fix() {
        let d = only_finding(
            "FROM gcr.io/distroless/static-debian12\nCOPY app /app\nCMD /app --port 8080\n",
            "DK202",
            (3, 1, 21),
            "CMD in shell form runs `/bin/sh -c …`, but gcr.io/distroless/static-debian12 has no /bin/sh: the container cannot start. Use the exec form",
        );
        assert_eq!(
            d.fix,
            Some(Fix {
                line: 3,
                replacement: "CMD [\"/app\", \"--port\", \"8080\"]".into(),
                safe: false,
            })
        );
    }

    #[test]
    fn dk202_counts_a_shell_the_stage_copied_in() {
        let cmd = "CMD ./app --port 8080\n";
        let bare = format!("FROM gcr.io/distroless/static-debian12\nCOPY app /app\n{cmd}");
        assert!(!findings(&bare, "DK202").is_empty());
        let copied = format!(
            "FROM gcr.io/distroless/static-debian12\nCOPY --from=busybox:1.37-musl /bin/sh /bin/sh\nCOPY app /app\n{cmd}"
        );
        assert!(findings(&copied, "DK202").is_empty(), "{copied}");
        // A shell the parent stage received counts in the stage built on it.
        let parent = format!(
            "FROM gcr.io/distroless/static-debian12 AS base\nCOPY --from=busybox:1.37-musl /bin/busybox /bin/sh\nFROM base\nCOPY app /app\n{cmd}"
        );
        assert!(findings(&parent, "DK202").is_empty(), "{parent}");
    }
}
