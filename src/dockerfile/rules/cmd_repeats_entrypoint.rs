//! DK211: a CMD that repeats the ENTRYPOINT of a distroless language image (CMD is appended
//! to it, so the program would run twice).

use super::chain::{base_name, chain_instructions};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword, Word};
use crate::dockerfile::model::Stage;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK211",
    aliases: &[],
    severity: Severity::Error,
    title: "CMD repeats the language image's ENTRYPOINT",
    explanation: "Distroless language images already have an ENTRYPOINT (`/nodejs/bin/node`, `/usr/bin/python3.13`, `/usr/bin/java -jar`), and CMD is appended to it: `CMD [\"node\", \"server.js\"]` runs `node node server.js` → `Cannot find module '/node'`. Give CMD only the arguments: `CMD [\"server.js\"]`.",
    lesson: Some("node-on-distroless/what-to-fix"),
    runtime: true,
    check,
};

/// Whether an ENTRYPOINT is set in the stage or its ancestors (which replaces the image's).
fn own_entrypoint(ctx: &Ctx<'_>, st: &Stage) -> bool {
    chain_instructions(ctx, st.index)
        .iter()
        .any(|i| i.keyword == Keyword::Entrypoint)
}

/// `python3.13` → `python`; `node` → `node`; `java` → `java`.
fn program_family(path: &str) -> String {
    let base = path.rsplit('/').next().unwrap_or(path);
    base.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
        .to_string()
}

fn exec_elements(ins: &Instruction) -> Option<&[Word]> {
    match &ins.args {
        Args::Exec { elements, .. } => Some(elements),
        _ => None,
    }
}

/// How many leading words of a CMD repeat the ENTRYPOINT the stage gets from its image
/// (`node` before `/nodejs/bin/node`, `java -jar` before `/usr/bin/java -jar`): CMD is appended
/// to it, so they would run twice. 0 when they do not, or the stage sets its own ENTRYPOINT.
pub(super) fn repeats_image_entrypoint(ctx: &Ctx<'_>, st: &Stage, words: &[&str]) -> usize {
    let Some(ep) = st.image_info.as_ref().and_then(|i| i.entrypoint.as_ref()) else {
        return 0;
    };
    let (Some(program), Some(first)) = (ep.first(), words.first()) else {
        return 0;
    };
    // The same program, not a prefix: maven's ENTRYPOINT `mvn-entrypoint.sh` runs `exec "$@"`,
    // so `CMD ["mvn", …]` is right there.
    let fam = program_family(first);
    if fam.is_empty() || fam != program_family(program) || own_entrypoint(ctx, st) {
        return 0;
    }
    // The program, and any entrypoint arguments repeated after it (`-jar`).
    let mut n = 1;
    for arg in &ep[1..] {
        if words.get(n) == Some(&arg.as_str()) {
            n += 1;
        }
    }
    n
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let Some(ep) = st.image_info.as_ref().and_then(|i| i.entrypoint.clone()) else {
            continue;
        };
        for (_, ins) in ctx.stage_body(st) {
            if ins.keyword != Keyword::Cmd {
                continue;
            }
            let Some(els) = exec_elements(ins) else {
                continue;
            };
            let words: Vec<&str> = els.iter().map(|w| w.text.as_str()).collect();
            let n = repeats_image_entrypoint(ctx, st, &words);
            if n == 0 {
                continue;
            }
            let rest = &els[n..];
            let rest_json =
                serde_json::to_string(&rest.iter().map(|w| w.text.as_str()).collect::<Vec<_>>())
                    .unwrap_or_default()
                    .replace("\",\"", "\", \"");
            let msg = format!(
                "{} already has ENTRYPOINT [\"{}\"]: this CMD runs `{} {}`. Give only the arguments: CMD {rest_json}",
                base_name(st),
                ep.join("\", \""),
                ep.join(" "),
                els.iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            if ins.start_line == ins.end_line {
                r.fix(
                    ins.span,
                    msg,
                    ins.start_line as usize,
                    format!("{} {rest_json}", ins.keyword_text.text),
                );
            } else {
                r.at(ins.span, msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::{findings, only_finding};
    use crate::dockerfile::Fix;

    fn fired(text: &str, rule: &str) -> bool {
        !findings(text, rule).is_empty()
    }

    #[test]
    fn node_repeated_before_the_distroless_entrypoint_is_fixed_to_the_arguments() {
        let d = only_finding(
            "FROM gcr.io/distroless/nodejs24-debian13\nWORKDIR /app\nCMD [\"node\", \"server.js\"]\n",
            "DK211",
            (3, 1, 26),
            "gcr.io/distroless/nodejs24-debian13 already has ENTRYPOINT [\"/nodejs/bin/node\"]: this CMD runs `/nodejs/bin/node node server.js`. Give only the arguments: CMD [\"server.js\"]",
        );
        assert_eq!(
            d.fix,
            Some(Fix {
                line: 3,
                replacement: "CMD [\"server.js\"]".into(),
                safe: false,
            })
        );
    }

    #[test]
    fn dk211_compares_whole_program_names() {
        let on = |image: &str, cmd: &str| {
            fired(&format!("FROM {image}\nWORKDIR /app\nCMD {cmd}\n"), "DK211")
        };
        assert!(on(
            "gcr.io/distroless/nodejs24-debian13",
            r#"["node", "server.js"]"#
        ));
        assert!(on(
            "gcr.io/distroless/python3-debian13",
            r#"["python3", "app.py"]"#
        ));
        assert!(on(
            "gcr.io/distroless/java21-debian13",
            r#"["java", "-jar", "app.jar"]"#
        ));
        // Entry-point scripts that `exec "$@"` are not the program itself.
        assert!(!on("maven:3.9-eclipse-temurin-21", r#"["mvn", "package"]"#));
        assert!(!on("node:24-slim", r#"["node", "server.js"]"#));
        assert!(!on(
            "eclipse-temurin:21-jre",
            r#"["java", "-jar", "app.jar"]"#
        ));
    }
}
