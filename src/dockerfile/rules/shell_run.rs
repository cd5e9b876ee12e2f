//! DK201: a shell-form RUN in a stage that has no /bin/sh when the RUN starts (by the build
//! model: a shell copied in counts).

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;
use crate::dockerfile::build::Certainty;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK201",
    aliases: &[],
    severity: Severity::Error,
    title: "Shell-form RUN in a stage whose base image has no shell",
    explanation: "A shell-form `RUN cmd` runs `/bin/sh -c cmd`, and scratch and distroless images have no /bin/sh (even distroless `:debug` only has /busybox/sh): the build fails with `exec: \"/bin/sh\": stat /bin/sh: no such file or directory`. Do the work in a build stage and COPY the result; on a `:debug` image use `RUN [\"/busybox/sh\", \"-c\", \"…\"]`. (A shell copied into the stage before the RUN counts.)",
    lesson: Some("distroless-images/debugging-without-a-shell"),
    runtime: true,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for sm in &ctx.build().stages {
        let st = &ctx.model.stages[sm.index];
        let image = st
            .base_image
            .as_ref()
            .map_or_else(|| "the base image".into(), |i| i.original.clone());
        let other_shell = st
            .image_info
            .as_ref()
            .and_then(|i| i.shell.clone())
            .flatten();
        for run in &sm.runs {
            if run.shell.as_ref().and_then(|s| s.absent()) != Some(Certainty::Known) {
                continue;
            }
            let ins = ctx.ins(run.instruction);
            let mut msg = format!(
                "RUN in shell form needs /bin/sh, but {image} has no shell: exec: \"/bin/sh\": stat /bin/sh: no such file or directory"
            );
            match (&other_shell, &ins.args) {
                (Some(sh), Args::Text(w))
                    if ins.heredocs.is_empty() && ins.start_line == ins.end_line =>
                {
                    msg.push_str(&format!(". This image has {sh}: use the exec form"));
                    let json = serde_json::to_string(&[sh.as_str(), "-c", w.text.as_str()])
                        .unwrap_or_default();
                    let kw = &ins.keyword_text.text;
                    r.fix(
                        ins.span,
                        msg,
                        ins.start_line as usize,
                        format!("{kw} {}", json.replace("\",\"", "\", \"")),
                    );
                }
                _ => {
                    msg.push_str(". Do this in a build stage and COPY the result");
                    r.at(ins.span, msg);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn run_on_distroless_debug_gets_the_busybox_fix() {
        let d = findings(
            "FROM gcr.io/distroless/static-debian13:debug\nRUN mkdir /data\n",
            "DK201",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 2);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(
            fix.replacement,
            "RUN [\"/busybox/sh\", \"-c\", \"mkdir /data\"]"
        );
    }

    #[test]
    fn a_shell_copied_in_first_makes_run_work() {
        let src =
            "FROM busybox:1.37 AS sh\nFROM scratch\nCOPY --from=sh /bin/ /bin/\nRUN mkdir /data\n";
        assert!(findings(src, "DK201").is_empty());
        let src = "FROM busybox:1.37 AS sh\nFROM gcr.io/distroless/static-debian13\nCOPY --from=sh /bin/sh /bin/sh\nRUN mkdir /data\n";
        assert!(findings(src, "DK201").is_empty());
        let src = "FROM scratch\nRUN mkdir /data\nCOPY --from=busybox:1.37 /bin/sh /bin/sh\n";
        assert_eq!(
            findings(src, "DK201").len(),
            1,
            "the shell comes after the RUN"
        );
    }
}
