//! DL3025: Use the JSON (exec) form for CMD and ENTRYPOINT.

use super::text::replace_in_line;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword, Word};
use crate::dockerfile::model::{Base, Stage};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3025",
    aliases: &["JSONArgsRecommended"],
    severity: Severity::Warning,
    title: "Use the JSON (exec) form for CMD and ENTRYPOINT",
    explanation: "The shell form `CMD node server.js` runs as `/bin/sh -c \"node server.js\"`: the shell is PID 1, so the app never receives SIGTERM and `docker stop` waits 10 s before killing it; and it needs a shell in the image, which distroless and scratch do not have. Write `CMD [\"node\", \"server.js\"]`. (Silent when the stage sets SHELL on purpose.) Silent when the stage sets SHELL on purpose (BuildKit's JSONArgsRecommended), where hadolint still flags.",
    lesson: Some("distroless-images/debugging-without-a-shell"),
    runtime: false,
    check,
};

/// Characters that make a shell-form command mean more than its words.
fn needs_shell(text: &str) -> bool {
    text.contains([
        '$', '|', '&', ';', '<', '>', '*', '?', '`', '\\', '"', '\'', '(', ')', '~', '#', '{', '[',
    ])
}

/// `CMD a b` → `CMD ["a", "b"]` when the words carry no shell syntax and fit on one line. A
/// CMD loses the words that repeat the image's ENTRYPOINT (distroless `CMD node app.js` →
/// `CMD ["app.js"]`): the exec form appends CMD to it, so keeping them would trip DK211.
pub(super) fn exec_form_fix(
    ctx: &Ctx<'_>,
    st: &Stage,
    ins: &Instruction,
    w: &Word,
) -> Option<(usize, String)> {
    if needs_shell(&w.text) || ins.start_line != ins.end_line {
        return None;
    }
    let mut words: Vec<&str> = w.text.split_whitespace().collect();
    if ins.keyword == Keyword::Cmd {
        words.drain(..super::cmd_repeats_entrypoint::repeats_image_entrypoint(ctx, st, &words));
    }
    // The shell found the program on its PATH; the exec form needs it on the image's PATH.
    // (Only for ENTRYPOINT: a CMD's first word may be an argument to an ENTRYPOINT.)
    let program = words
        .first()
        .filter(|_| ins.keyword == Keyword::Entrypoint)
        .and_then(|p| off_path_program(st, p));
    let words: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, s)| match (&program, i) {
            (Some(abs), 0) => format!("\"{abs}\""),
            _ => format!("\"{s}\""),
        })
        .collect();
    replace_in_line(ctx, w.span, &format!("[{}]", words.join(", ")))
}

/// Where the image has `name` when that is not on its PATH (distroless nodejs's
/// `/nodejs/bin/node`), per the image table; `None` when on PATH, unknown, or ENV sets PATH.
fn off_path_program<'a>(st: &'a Stage, name: &str) -> Option<&'a str> {
    let info = st.image_info.as_ref()?;
    if name.contains('/') || st.env_value("PATH").is_some() {
        return None;
    }
    let path = info.path.as_ref()?;
    let found = info.programs.as_ref()?.iter().find(|p| {
        p.rsplit_once('/')
            .is_some_and(|(dir, file)| file == name && !path.iter().any(|d| d == dir))
    })?;
    Some(found.as_str())
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        // SHELL set on purpose before the instruction: shell form is then intended.
        let mut shell_set = match st.base {
            Base::Stage { index } => ctx.model.stages[index].shell_set,
            _ => false,
        };
        for (_, ins) in ctx.stage_body(st) {
            if ins.keyword == Keyword::Shell {
                shell_set = true;
            }
            if !matches!(ins.keyword, Keyword::Cmd | Keyword::Entrypoint) || shell_set {
                continue;
            }
            let Args::Text(w) = &ins.args else { continue };
            let msg = format!(
                "JSON arguments recommended for {} to prevent unintended behavior related to OS signals",
                ins.keyword
            );
            match exec_form_fix(ctx, st, ins, w) {
                // Safe when it only quotes the words (none dropped or resolved on the image).
                Some((line, fixed)) if is_quoting(ctx, w, &fixed) => {
                    r.safe_fix(ins.span, msg, line, fixed)
                }
                Some((line, fixed)) => r.fix(ins.span, msg, line, fixed),
                None => r.at(ins.span, msg),
            }
        }
    }
}

/// Whether `fixed` is the line with `w`'s words only quoted into a JSON array.
fn is_quoting(ctx: &Ctx<'_>, w: &Word, fixed: &str) -> bool {
    let quoted: Vec<String> = w
        .text
        .split_whitespace()
        .map(|s| format!("\"{s}\""))
        .collect();
    replace_in_line(ctx, w.span, &format!("[{}]", quoted.join(", ")))
        .is_some_and(|(_, plain)| plain == fixed)
}

#[cfg(test)]
mod tests {
    use crate::dockerfile::lint::{LintOptions, lint};

    fn fix_of(text: &str, rule: &str) -> Option<String> {
        let found = lint(text, &LintOptions::default()).diagnostics;
        found
            .into_iter()
            .find(|d| d.rule == rule)?
            .fix
            .map(|f| f.replacement)
    }

    #[test]
    fn exec_form_fix_drops_what_the_image_entrypoint_already_runs() {
        let on = |image: &str, cmd: &str| {
            fix_of(
                &format!("FROM {image}\nWORKDIR /app\nCMD {cmd}\n"),
                "DL3025",
            )
        };
        let node = "gcr.io/distroless/nodejs24-debian13";
        assert_eq!(
            on(node, "node server.js").as_deref(),
            Some(r#"CMD ["server.js"]"#)
        );
        let java = "gcr.io/distroless/java21-debian13";
        assert_eq!(
            on(java, "java -jar app.jar").as_deref(),
            Some(r#"CMD ["app.jar"]"#)
        );
        assert_eq!(
            on("node:24-slim", "node server.js").as_deref(),
            Some(r#"CMD ["node", "server.js"]"#)
        );
        // A program the image has off its PATH gets its path (exec form does no shell lookup).
        let ep = format!("FROM {node}\nWORKDIR /app\nENTRYPOINT node server.js\n");
        assert_eq!(
            fix_of(&ep, "DL3025").as_deref(),
            Some(r#"ENTRYPOINT ["/nodejs/bin/node", "server.js"]"#)
        );
        // An ENTRYPOINT of the stage's own replaces the image's: nothing is dropped.
        let own = format!("FROM {node}\nENTRYPOINT [\"/nodejs/bin/node\"]\nCMD node x.js\n");
        assert_eq!(
            fix_of(&own, "DL3025").as_deref(),
            Some(r#"CMD ["node", "x.js"]"#)
        );
    }
}
