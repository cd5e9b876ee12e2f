//! Generic checks on single instructions: exec form, deprecated MAINTAINER, WORKDIR, ADD,
//! COPY destinations, ENV/ARG format and secrets, USER, EXPOSE ranges, repeated CMD/ENTRYPOINT.

use super::text::replace_in_line;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Healthcheck, Instruction, Keyword, Word};
use crate::dockerfile::images::is_root_user;
use crate::dockerfile::model::expand::expand;
use crate::dockerfile::model::stage::unquote;
use crate::dockerfile::model::{Base, Stage};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "DL3025",
        aliases: &["JSONArgsRecommended"],
        severity: Severity::Warning,
        title: "Use the JSON (exec) form for CMD and ENTRYPOINT",
        explanation: "The shell form `CMD node server.js` runs as `/bin/sh -c \"node server.js\"`: the shell is PID 1, so the app never receives SIGTERM and `docker stop` waits 10 s before killing it; and it needs a shell in the image, which distroless and scratch do not have. Write `CMD [\"node\", \"server.js\"]`. (Silent when the stage sets SHELL on purpose.) Silent when the stage sets SHELL on purpose (BuildKit's JSONArgsRecommended), where hadolint still flags.",
        lesson: Some("distroless-images/debugging-without-a-shell"),
        runtime: false,
        check: json_args,
    },
    RuleInfo {
        id: "DL4000",
        aliases: &["MaintainerDeprecated"],
        severity: Severity::Warning,
        title: "MAINTAINER is deprecated",
        explanation: "MAINTAINER still parses but is deprecated. Use a label: `LABEL org.opencontainers.image.authors=\"name <mail>\"`.",
        lesson: None,
        runtime: false,
        check: maintainer,
    },
    RuleInfo {
        id: "DL3000",
        aliases: &["WorkdirRelativePath"],
        severity: Severity::Warning,
        title: "WORKDIR should be an absolute path",
        explanation: "A relative WORKDIR is resolved against the previous one, which depends on the base image (`/` for most, `/go` for golang, `/home/nonroot` on distroless :nonroot). Write an absolute path such as `WORKDIR /app`.",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        runtime: false,
        check: relative_workdir,
    },
    RuleInfo {
        id: "DL3020",
        aliases: &[],
        severity: Severity::Warning,
        title: "Use COPY instead of ADD for local files",
        explanation: "ADD also fetches URLs and unpacks archives, so `ADD app.js /app/` hides intent and may surprise. For plain files and folders use COPY; keep ADD for remote sources and archives you mean to extract.",
        lesson: None,
        runtime: false,
        check: add_instead_of_copy,
    },
    RuleInfo {
        id: "DL3021",
        aliases: &[],
        severity: Severity::Error,
        title: "COPY with several sources needs a destination ending in /",
        explanation: "When COPY or ADD has more than one source, the destination must be a directory written with a trailing slash (`COPY a b /app/`), otherwise the build fails.",
        lesson: None,
        runtime: false,
        check: multi_source_dest,
    },
    RuleInfo {
        id: "DL3045",
        aliases: &[],
        severity: Severity::Warning,
        title: "COPY to a relative destination without WORKDIR",
        explanation: "A relative destination (`COPY app .`) lands in the base image's working directory, which you did not choose (often `/`). Set `WORKDIR /app` first, or copy to an absolute path.",
        lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
        runtime: false,
        check: copy_relative_without_workdir,
    },
    RuleInfo {
        id: "DL3011",
        aliases: &[],
        severity: Severity::Error,
        title: "EXPOSE port out of range",
        explanation: "Ports are numbers from 0 to 65535.",
        lesson: None,
        runtime: false,
        check: expose_range,
    },
    RuleInfo {
        id: "DL4003",
        aliases: &[],
        severity: Severity::Warning,
        title: "Several CMD in one stage: only the last one counts",
        explanation: "Only the last CMD of a stage takes effect; the others are dead code and usually a mistake. Keep one.",
        lesson: None,
        runtime: false,
        check: multiple_cmd,
    },
    RuleInfo {
        id: "DL4004",
        aliases: &[],
        severity: Severity::Warning,
        title: "Several ENTRYPOINT in one stage: only the last one counts",
        explanation: "Only the last ENTRYPOINT of a stage takes effect. Keep one.",
        lesson: None,
        runtime: false,
        check: multiple_entrypoint,
    },
    RuleInfo {
        id: "DL3012",
        aliases: &[],
        severity: Severity::Warning,
        title: "Several HEALTHCHECK in one stage: only the last one counts",
        explanation: "Only the last HEALTHCHECK of a stage takes effect. Keep one.",
        lesson: None,
        runtime: false,
        check: multiple_healthcheck,
    },
    RuleInfo {
        id: "DL3064",
        aliases: &["SecretsUsedInArgOrEnv"],
        severity: Severity::Warning,
        title: "Possible secret in ARG or ENV",
        explanation: "ARG and ENV values are stored in the image's history and metadata: anyone who pulls the image can read them. Pass secrets with `RUN --mount=type=secret,id=…` (and `docker build --secret`) instead. Follows BuildKit's SecretsUsedInArgOrEnv name heuristic (its alias), not hadolint's list.",
        lesson: None,
        runtime: false,
        check: secrets,
    },
    RuleInfo {
        id: "DL3002",
        aliases: &[],
        severity: Severity::Warning,
        title: "The final stage switches to root",
        explanation: "The last USER of the final stage is root, so the container runs as root. Switch back to an unprivileged user by number (`USER 65532:65532`, or `USER 1000:1000` for the node images' `node` user) after the steps that need root. Unlike hadolint, only the final stage counts: root in a builder stage that does not ship runs nothing in the container. A USER set in the stage this one builds FROM is in effect, and is reported where it was written.",
        lesson: Some("distroless-go/what-to-fix"),
        runtime: false,
        check: last_user_root,
    },
    RuleInfo {
        id: "DL3066",
        aliases: &[],
        severity: Severity::Info,
        title: "USER by name rather than numeric id",
        explanation: "Kubernetes' `runAsNonRoot` can only verify a numeric user; a name also needs `/etc/passwd` in the image (scratch has none). Prefer `USER 65532:65532` (distroless's nonroot) or the uid of the user you created. Variables are expanded from the stage's ARGs (a bare `ARG X` re-declaring a global one takes its default) and ENVs: `USER ${APP_UID}` with `ARG APP_UID=1000` is numeric. An ARG without default is set by `--build-arg`, unknown here, so it is not judged (hadolint never flags a declared ARG); a variable set nowhere in the file is judged as written, as hadolint does.",
        lesson: Some("distroless-go/what-to-fix"),
        runtime: false,
        check: non_numeric_user,
    },
    RuleInfo {
        id: "DL3067",
        aliases: &[],
        severity: Severity::Warning,
        title: "COPY --from copies a whole filesystem",
        explanation: "`COPY --from=build / /` brings the builder's entire filesystem — compilers, caches, package managers — into this stage, undoing the point of a multi-stage build. Copy only the artifacts.",
        lesson: Some("why-multi-stage/keep-only-what-runs"),
        runtime: false,
        check: copy_whole_fs,
    },
];

/// Instructions of `keyword` in stage bodies, with the stage.
fn in_stages<'a>(
    ctx: &'a Ctx<'_>,
    keyword: Keyword,
) -> impl Iterator<Item = (&'a Stage, &'a Instruction)> + 'a {
    ctx.model.stages.iter().flat_map(move |st| {
        ctx.stage_body(st)
            .filter(move |(_, i)| i.keyword == keyword)
            .map(move |(_, i)| (st, i))
    })
}

/// Characters that make a shell-form command mean more than its words.
fn needs_shell(text: &str) -> bool {
    text.contains([
        '$', '|', '&', ';', '<', '>', '*', '?', '`', '\\', '"', '\'', '(', ')', '~', '#', '{', '[',
    ])
}

fn json_args(ctx: &Ctx<'_>, r: &mut Report) {
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
        words.drain(..super::distroless::repeats_image_entrypoint(ctx, st, &words));
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

fn maintainer(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        if ins.keyword == Keyword::Maintainer {
            let who = ins.args_text.text.trim().replace('"', "\\\"");
            let msg = "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors";
            if ins.start_line == ins.end_line {
                r.fix(
                    ins.span,
                    msg,
                    ins.start_line as usize,
                    format!("LABEL org.opencontainers.image.authors=\"{who}\""),
                );
            } else {
                r.at(ins.span, msg);
            }
        }
    }
}

fn relative_workdir(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        if ins.keyword != Keyword::Workdir {
            continue;
        }
        let dir = unquote(&ins.args_text.text);
        let windows = dir.len() > 1 && dir.as_bytes()[1] == b':';
        if !dir.is_empty() && !dir.starts_with(['/', '$']) && !windows {
            r.at(
                ins.args_text.span,
                format!(
                    "Use absolute WORKDIR: `{dir}` is relative to whatever the previous WORKDIR was"
                ),
            );
        }
    }
}

const ARCHIVES: &[&str] = &[
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".gz",
    ".bz2", ".xz", ".zst", ".zip", ".lz", ".lzma", ".tlz", ".z",
];

fn add_instead_of_copy(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        if ins.keyword != Keyword::Add || !ins.heredocs.is_empty() {
            continue;
        }
        let words: Vec<&str> = match &ins.args {
            Args::Words(w) => w.iter().map(|w| w.text.as_str()).collect(),
            Args::Exec { elements, .. } => elements.iter().map(|w| w.text.as_str()).collect(),
            _ => continue,
        };
        let Some((_, sources)) = words.split_last() else {
            continue;
        };
        let special = sources.iter().any(|s| {
            let s = s.to_ascii_lowercase();
            s.contains("://") || s.starts_with("git@") || ARCHIVES.iter().any(|a| s.ends_with(a))
        });
        if special || sources.is_empty() {
            continue;
        }
        let msg = "Use COPY instead of ADD for files and folders";
        match replace_in_line(
            ctx,
            ins.keyword_text.span,
            &keyword_like("COPY", &ins.keyword_text.text),
        ) {
            Some((line, fixed)) => r.fix(ins.keyword_text.span, msg, line, fixed),
            None => r.at(ins.keyword_text.span, msg),
        }
    }
}

/// `want` in the case `written` uses.
fn keyword_like(want: &str, written: &str) -> String {
    if written.chars().any(|c| c.is_ascii_lowercase()) {
        want.to_ascii_lowercase()
    } else {
        want.to_string()
    }
}

/// The source and destination paths of COPY/ADD, quotes removed (a path rule reads `"baz/"`
/// as `baz/`, as the build does), each with the span of the word it came from.
fn copy_words(ins: &Instruction) -> Option<Vec<Word>> {
    let words: Vec<&Word> = match &ins.args {
        Args::Words(w) => w.iter().collect(),
        Args::Exec { elements, .. } => elements.iter().collect(),
        _ => return None,
    };
    Some(
        words
            .into_iter()
            .map(|w| Word {
                text: unquote(&w.text),
                span: w.span,
            })
            .collect(),
    )
}

fn multi_source_dest(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        if !matches!(ins.keyword, Keyword::Copy | Keyword::Add) {
            continue;
        }
        let Some(words) = copy_words(ins) else {
            continue;
        };
        let sources = words.len().saturating_sub(1);
        if let Some(dest) = words.last()
            && words.len() >= 2
            && sources > 1
            && !dest.text.ends_with('/')
            && !dest.text.contains('$')
        {
            r.at(
                dest.span,
                format!(
                    "{} with more than one source needs a destination ending in '/': `{}/`",
                    ins.keyword, dest.text
                ),
            );
        }
    }
}

fn copy_relative_without_workdir(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let mut workdir = st_parent_workdir(ctx, st);
        for (_, ins) in ctx.stage_body(st) {
            match ins.keyword {
                Keyword::Workdir => workdir = true,
                Keyword::Copy if !workdir => {
                    let Some(words) = copy_words(ins) else {
                        continue;
                    };
                    if words.len() < 2 {
                        continue;
                    }
                    let dest = &words[words.len() - 1].text;
                    let windows = dest.len() > 1 && dest.as_bytes()[1] == b':';
                    if !dest.starts_with(['/', '$']) && !windows {
                        r.at(
                            words[words.len() - 1].span,
                            format!("`{dest}` is relative, and no WORKDIR is set: set WORKDIR or use an absolute path"),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// Whether the stage this one builds on (FROM <stage>) set a WORKDIR.
fn st_parent_workdir(ctx: &Ctx<'_>, st: &Stage) -> bool {
    match st.base {
        Base::Stage { index } => ctx.model.stages[index].workdir.is_some(),
        _ => false,
    }
}

fn expose_range(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        let (Keyword::Expose, Args::Words(words)) = (ins.keyword, &ins.args) else {
            continue;
        };
        for w in words {
            let port = w.text.split('/').next().unwrap_or("");
            let port = port.rsplit(':').next().unwrap_or(port);
            for part in port.split('-') {
                if part.chars().all(|c| c.is_ascii_digit())
                    && !part.is_empty()
                    && part.parse::<u32>().map_or(true, |p| p > 65535)
                {
                    r.at(
                        w.span,
                        format!("Valid UNIX ports range from 0 to 65535: {}", w.text),
                    );
                }
            }
        }
    }
}

fn multiple(ctx: &Ctx<'_>, r: &mut Report, keyword: Keyword) {
    for st in &ctx.model.stages {
        let found: Vec<&Instruction> = ctx
            .stage_body(st)
            .map(|(_, i)| i)
            .filter(|i| i.keyword == keyword)
            .collect();
        if let Some((first, later)) = found.split_first() {
            for ins in later {
                r.at(
                    ins.span,
                    format!(
                        "Multiple {keyword} instructions in stage {}: this one overrides line {}; only the last takes effect",
                        st.label(),
                        first.start_line
                    ),
                );
            }
        }
    }
}

fn multiple_cmd(ctx: &Ctx<'_>, r: &mut Report) {
    multiple(ctx, r, Keyword::Cmd);
}

fn multiple_entrypoint(ctx: &Ctx<'_>, r: &mut Report) {
    multiple(ctx, r, Keyword::Entrypoint);
}

fn multiple_healthcheck(ctx: &Ctx<'_>, r: &mut Report) {
    multiple(ctx, r, Keyword::Healthcheck);
}

/// BuildKit's secret-name heuristic: a name token is a secret word, and none is an exclusion.
fn looks_secret(name: &str) -> bool {
    const SECRET: &[&str] = &[
        "apikey",
        "auth",
        "credential",
        "credentials",
        "key",
        "password",
        "pword",
        "passwd",
        "secret",
        "token",
    ];
    const ALLOW: &[&str] = &["public", "file", "version"];
    // Tokens compared case-insensitively in place: this runs on every ARG and ENV name.
    let tokens = || {
        name.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|t| !t.is_empty())
    };
    let is_in = |t: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(t));
    tokens().any(|t| is_in(t, SECRET)) && !tokens().any(|t| is_in(t, ALLOW))
}

fn secrets(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        let names: Vec<&Word> = match &ins.args {
            Args::Arg(decls) => decls.iter().map(|d| &d.name).collect(),
            Args::KeyValues { pairs, .. } if ins.keyword == Keyword::Env => {
                pairs.iter().map(|kv| &kv.key).collect()
            }
            _ => continue,
        };
        for n in names {
            if looks_secret(&n.text) {
                r.at(
                    n.span,
                    format!(
                        "Do not use ARG or ENV instructions for sensitive data ({} \"{}\"): use RUN --mount=type=secret",
                        ins.keyword, n.text
                    ),
                );
            }
        }
    }
}

fn last_user_root(ctx: &Ctx<'_>, r: &mut Report) {
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

fn non_numeric_user(ctx: &Ctx<'_>, r: &mut Report) {
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

fn copy_whole_fs(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, ins) in in_stages(ctx, Keyword::Copy) {
        if ins.flag("from").is_none() {
            continue;
        }
        let Some(words) = copy_words(ins) else {
            continue;
        };
        let root = |w: &Word| w.text == "/";
        if let Some((dest, sources)) = words.split_last()
            && root(dest)
            && sources.iter().any(root)
        {
            r.at(
                ins.span,
                "Do not copy an entire filesystem from another stage: copy only the artifacts you need",
            );
        }
    }
}

/// Healthcheck command in shell form, for the distroless rules.
pub(super) fn healthcheck_shell(ins: &Instruction) -> Option<&Word> {
    match &ins.args {
        Args::Healthcheck(Healthcheck::Cmd { command, .. }) => match command.as_ref() {
            Args::Text(w) => Some(w),
            _ => None,
        },
        _ => None,
    }
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
