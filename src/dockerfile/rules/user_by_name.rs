//! DL3066: USER by name rather than numeric id.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword};
use crate::dockerfile::model::Stage;
use crate::dockerfile::model::expand::expand;
use crate::dockerfile::model::stage::unquote;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3066",
    aliases: &[],
    severity: Severity::Info,
    title: "USER by name rather than numeric id",
    explanation: "Kubernetes' `runAsNonRoot` can only verify a numeric user; a name also needs `/etc/passwd` in the image (scratch has none). Prefer `USER 65532:65532` (distroless's nonroot) or the uid of the user you created. Variables are expanded from the stage's ARGs (a bare `ARG X` re-declaring a global one takes its default) and ENVs: `USER ${APP_UID}` with `ARG APP_UID=1000` is numeric. An ARG without default is set by `--build-arg`, unknown here, so it is not judged (hadolint never flags a declared ARG); a variable set nowhere in the file is judged as written, as hadolint does.",
    lesson: Some("distroless-go/what-to-fix"),
    runtime: false,
    check,
};

/// DL3066 for one USER, its variables expanded from the stage's ARGs. A value the build
/// arguments decide (an ARG without default) is not known, so it is not judged.
fn user_by_name(
    ctx: &Ctx<'_>,
    st: &Stage,
    ins: &Instruction,
    args: &[(&str, Option<String>)],
    r: &mut Report,
) {
    let written = unquote(&ins.args_text.text);
    let lookup = |name: &str| {
        args.iter()
            .rev()
            .find(|(n, _)| *n == name)
            .and_then(|(_, d)| d.clone())
            .or_else(|| st.env_value(name).map(str::to_string))
    };
    let user = match expand(&written, ctx.df().escape, &lookup) {
        Ok(e) if e.unset.iter().any(|u| args.iter().any(|(n, _)| n == u)) => return,
        // A variable the file never sets (the base image's ENV, perhaps): the USER as written
        // is no number, as hadolint judges it.
        Ok(e) if e.unset.is_empty() => e.value,
        _ => written.clone(),
    };
    let name = user.split(':').next().unwrap_or("");
    if !name.is_empty() && !name.chars().all(|c| c.is_ascii_digit()) {
        r.at(
            ins.args_text.span,
            format!("USER {written}: a non-numeric user id may not be resolvable (Kubernetes runAsNonRoot needs a number)"),
        );
    }
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        // ARGs declared in the stage so far: name → default (None: given by --build-arg).
        let mut args: Vec<(&str, Option<String>)> = Vec::new();
        for (_, ins) in ctx.stage_body(st) {
            match (&ins.keyword, &ins.args) {
                (Keyword::Arg, Args::Arg(decls)) => {
                    for d in decls {
                        // A bare re-declaration takes the global default.
                        let default =
                            d.default.as_ref().map(|w| unquote(&w.text)).or_else(|| {
                                ctx.model.global_default(&d.name.text).map(str::to_string)
                            });
                        args.push((&d.name.text, default));
                    }
                }
                (Keyword::User, _) => user_by_name(ctx, st, ins, &args, r),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nUSER app\n", "DL3066");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 6));
        assert_eq!(
            d[0].message,
            "USER app: a non-numeric user id may not be resolvable (Kubernetes runAsNonRoot needs a number)"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nUSER 1000:1000\n", "DL3066").is_empty());
    }
}
