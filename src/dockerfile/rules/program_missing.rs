//! DK214: the program (or script) that ENTRYPOINT/CMD, HEALTHCHECK or RUN executes is not in
//! the stage, by the build model's account of its filesystem.

use super::chain::{built_stages, stage_image};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Healthcheck, Keyword, Span};
use crate::dockerfile::build::fs::resolve;
use crate::dockerfile::build::launch::{self, Part, find_path, find_program, interpreted_file};
use crate::dockerfile::build::{Certainty, Resolved, StageModel};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK214",
    aliases: &[],
    severity: Severity::Error,
    title: "The program the image or a RUN executes is not there",
    explanation: "ENTRYPOINT/CMD, HEALTHCHECK and RUN execute a program: a name without `/` is looked up on the image's PATH, a relative path against WORKDIR, and an interpreter's script (`node server.js`, `python app.py`, `java -jar app.jar`) against WORKDIR too. When nothing put it there — the binary was copied elsewhere, the tool is not in a distroless image, node lives in /nodejs/bin off the PATH — the container fails at start with `exec: …: no such file or directory` (or `Cannot find module '/server.js'`). An error when the image's contents are known, a warning when the path is only probably absent, nothing when a step the model cannot read may have made it.",
    lesson: Some("distroless-images/debugging-without-a-shell"),
    runtime: true,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    if let Some(fin) = ctx.model.final_stage
        && let Some(sm) = ctx.build().stage(fin)
    {
        start_program(ctx, r, sm);
        healthcheck(ctx, r, sm);
    }
    for sm in built_stages(ctx) {
        for run in &sm.runs {
            let shell_missing = run.shell.as_ref().is_some_and(|s| s.absent().is_some());
            let Some((program, found)) = &run.program else {
                continue;
            };
            if shell_missing {
                continue; // DK201 says it
            }
            if let Some(c) = found.absent() {
                let ins = ctx.ins(run.instruction);
                let msg = format!(
                    "RUN (line {}) runs `{program}`, which the stage does not have{}: the build fails with `{program}: not found`",
                    run.line,
                    where_looked(found, ctx, sm)
                );
                report(r, c, ins.span, msg);
            }
        }
    }
}

fn report(r: &mut Report, c: Certainty, span: Span, msg: String) {
    match c {
        Certainty::Known => r.at(span, msg),
        Certainty::Likely => r.at_severity(Severity::Warning, span, msg),
    }
}

/// ", on PATH (/usr/bin, /bin) of gcr.io/…, line 5" or " (gcr.io/…, line 5)".
fn where_looked(found: &Resolved, ctx: &Ctx<'_>, sm: &StageModel) -> String {
    let image = stage_image(ctx, sm);
    match found {
        Resolved::Absent { tried, .. } if tried.len() > 1 => {
            let dirs: Vec<&str> = tried
                .iter()
                .map(|t| t.rsplit_once('/').map_or("/", |(d, _)| d))
                .collect();
            format!(" on its PATH ({}; {image})", dirs.join(":"))
        }
        _ => format!(" ({image})"),
    }
}

/// Where else the model saw a file of that name: "; it is at /hello (line 7)".
fn elsewhere(sm: &StageModel, name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    sm.fs
        .entries
        .iter()
        // A file of that name: a directory (`/app` for `/usr/bin/app`) is no hint.
        .find(|(p, e)| {
            p.rsplit('/').next() == Some(base) && p.as_str() != name && e.dir != Some(true)
        })
        .map(|(p, e)| match e.origin.line() {
            Some(l) => format!("; there is a {base} at {p} (line {l})"),
            None => format!("; there is a {base} at {p}"),
        })
        .unwrap_or_default()
}

fn start_program(ctx: &Ctx<'_>, r: &mut Report, sm: &StageModel) {
    let Some(l) = launch::launch(ctx.df(), ctx.model, sm.index) else {
        return;
    };
    let span_of = |part: Part| match part {
        Part::Instruction { index, .. } => Some(ctx.ins(index)),
        Part::Image => None,
    };
    let (argv, what) = if l.shell_form {
        // DK202 judges the shell; here the script's first program.
        match launch::first_program(l.argv.get(2).map_or("", |s| s.as_str())) {
            Some(words) => (words, "the shell runs"),
            None => return,
        }
    } else {
        (l.argv.clone(), "runs")
    };
    // The official images' entrypoint scripts (docker-entrypoint.sh…) run their arguments (node's puts `node` in
    // front of a script or an option): judge what it runs.
    let wrapped =
        l.program_from == Part::Image && argv.first().is_some_and(|p| p.ends_with("entrypoint.sh"));
    let (argv, program_from) = if wrapped && argv.len() > 1 {
        let mut rest = argv[1..].to_vec();
        let node = super::chain::runs_node(ctx, sm.index);
        if node
            && (rest[0].starts_with('-')
                || [".js", ".mjs", ".cjs"].iter().any(|e| rest[0].ends_with(e)))
        {
            rest.insert(0, "node".into());
            (rest, Part::Image)
        } else {
            (rest, l.cmd_from.unwrap_or(Part::Image))
        }
    } else {
        (argv, l.program_from)
    };
    let Some(program) = argv.first() else { return };
    // A WebAssembly module is run by the wasm runtime, not exec'd from the filesystem.
    let wasm = program.ends_with(".wasm")
        || ctx.model.stages[sm.index]
            .platform
            .as_deref()
            .is_some_and(|p| p.contains("wasi") || p.contains("wasm"));
    if wasm {
        return;
    }
    let found = find_program(&sm.fs, program, &l.workdir, &sm.path);
    let ins = span_of(program_from);
    // A relative path with no WORKDIR that is only probably missing is DK212's warning.
    let dk212 = program.contains('/')
        && !program.starts_with('/')
        && ctx.model.stages[sm.index].workdir.is_none()
        && found.absent() == Some(Certainty::Likely);
    if let (Some(c), Some(ins), false) = (found.absent(), ins, dk212) {
        let kw = ins.keyword;
        let path = if program.contains('/') {
            resolve(&l.workdir, program)
        } else {
            program.clone()
        };
        let hint = if program.contains('/') {
            elsewhere(sm, &path)
        } else {
            interpreter_hint(ctx, sm, program)
        };
        let msg = format!(
            "{kw} (line {}) {what} `{program}`, but the final stage {} {path}{}{hint}: {}",
            ins.start_line,
            has_no(c),
            where_looked(&found, ctx, sm),
            match c {
                Certainty::Known => "the container cannot start",
                Certainty::Likely => "the container would not start",
            }
        );
        report(r, c, ins.span, msg);
        return;
    }
    let Some(file) = interpreted_file(&argv) else {
        return;
    };
    let path = resolve(&l.workdir, file);
    let Some(c) = find_path(&sm.fs, &path).absent() else {
        return;
    };
    let Some(ins) = l.cmd_from.and_then(span_of).or(ins) else {
        return;
    };
    let wd = if ctx.model.stages[sm.index].workdir.is_none() && !file.starts_with('/') {
        format!(
            " from {}, the working directory (no WORKDIR is set)",
            l.workdir
        )
    } else {
        String::new()
    };
    let msg = format!(
        "{} (line {}) runs {file}{wd}, but the final stage {} {path}{}: the program exits at start",
        ins.keyword,
        ins.start_line,
        has_no(c),
        elsewhere(sm, &path)
    );
    report(r, c, ins.span, msg);
}

/// How sure the message is: a path the table does not list in an image whose programs it knows
/// is only likely absent (a warning).
fn has_no(c: Certainty) -> &'static str {
    match c {
        Certainty::Known => "has no",
        Certainty::Likely => "most likely has no",
    }
}

/// ": node is /nodejs/bin/node here, not on PATH": the image's own interpreter, by name.
fn interpreter_hint(ctx: &Ctx<'_>, sm: &StageModel, program: &str) -> String {
    let info = ctx.model.stages[sm.index].image_info.as_ref();
    let interp = info
        .and_then(|i| i.runtime.as_ref())
        .and_then(|r| r.interpreter.clone())
        .or_else(|| {
            info.and_then(|i| i.entrypoint.clone())
                .and_then(|e| e.first().cloned())
        });
    match interp {
        Some(p) if p.rsplit('/').next().is_some_and(|b| b.starts_with(program)) => {
            format!("; the image has it at {p}, which is not on PATH")
        }
        _ => String::new(),
    }
}

fn healthcheck(ctx: &Ctx<'_>, r: &mut Report, sm: &StageModel) {
    let Some((_, ins)) = launch::chain(ctx.df(), ctx.model, sm.index)
        .into_iter()
        .rev()
        .find(|(_, i)| i.keyword == Keyword::Healthcheck)
    else {
        return;
    };
    let Args::Healthcheck(Healthcheck::Cmd { command, .. }) = &ins.args else {
        return;
    };
    let words = match command.as_ref() {
        Args::Exec { elements, .. } => elements.iter().map(|w| w.text.clone()).collect(),
        Args::Text(w) => match launch::first_program(&w.text) {
            Some(w) => w,
            None => return,
        },
        _ => return,
    };
    let Some(program) = words.first() else { return };
    let workdir = ctx.model.stages[sm.index]
        .workdir
        .clone()
        .unwrap_or_else(|| "/".into());
    let found = find_program(&sm.fs, program, &workdir, &sm.path);
    if let Some(c) = found.absent() {
        let msg = format!(
            "HEALTHCHECK (line {}) runs `{program}`, which the final stage does not have{}{}: every check fails and the container is marked unhealthy",
            ins.start_line,
            where_looked(&found, ctx, sm),
            interpreter_hint(ctx, sm, program)
        );
        report(r, c, ins.span, msg);
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use crate::dockerfile::Severity;

    #[test]
    fn entrypoint_to_a_path_never_copied_is_an_error_with_the_chain() {
        let d = findings(
            "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /hello .\nFROM scratch\nCOPY --from=build /hello /hello\nENTRYPOINT [\"/out/hello\"]\n",
            "DK214",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(d[0].location.line, 5);
        assert_eq!(
            d[0].message,
            "ENTRYPOINT (line 5) runs `/out/hello`, but the final stage has no /out/hello (scratch, line 3); there is a hello at /hello (line 4): the container cannot start"
        );
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn relative_paths_resolve_against_workdir() {
        let ok = "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /hello .\nFROM scratch\nWORKDIR /app\nCOPY --from=build /hello ./\nENTRYPOINT [\"./hello\"]\n";
        assert!(findings(ok, "DK214").is_empty());
    }

    #[test]
    fn node_script_without_workdir_is_looked_for_at_the_root() {
        let d = findings(
            "FROM node:24 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nFROM node:24-slim\nCOPY --from=build /app /app\nCMD [\"node\", \"server.js\"]\n",
            "DK214",
        );
        // node:24-slim is known but not listed in full: a warning, not an error.
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(
            d[0].message
                .contains("runs server.js from /, the working directory (no WORKDIR is set)"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn an_unread_build_step_makes_the_rule_silent() {
        let src = "FROM debian:13-slim AS build\nCOPY . .\nRUN ./build.sh\nFROM debian:13-slim\nCOPY --from=build /out /out\nCOPY . .\nRUN ./configure && make install\nENTRYPOINT [\"/usr/local/bin/app\"]\n";
        assert!(findings(src, "DK214").is_empty());
    }
}
