//! Evaluates one stage: starts from its base (an image's known facts, or the earlier stage's
//! end state) and applies COPY/ADD, RUN, WORKDIR, ENV and ARG in order.

use std::borrow::Cow;

use serde::Serialize;

use super::effects::{self, Package, Step, expand_vars};
use super::fs::{Artifact, BaseFacts, Certainty, Entry, Fs, Open, Origin, Presence, resolve};
use super::launch::{self, Resolved};
use crate::dockerfile::ast::{Args, Instruction, Keyword, Span};
use crate::dockerfile::images::{ImageInfo, Language, Libc};
use crate::dockerfile::model::stage::{unquote, unquoted};
use crate::dockerfile::model::{Base, EdgeTarget, Model, Stage};
use crate::dockerfile::shell;

/// What the stage has to build with: the facts effects read to give artifacts provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tools {
    /// The base image as written.
    pub image: Option<String>,
    /// The line of the FROM that named it (for a stage built on a stage: the root's FROM).
    pub from_line: u32,
    pub libc: Option<Libc>,
    pub(crate) libc_version: Option<String>,
    /// A C compiler is installed (`None` = unknown).
    pub(crate) has_cc: Option<bool>,
    pub node: Option<String>,
    pub python: Option<String>,
    pub(crate) python_interpreter: Option<String>,
    pub java: Option<String>,
}

impl Tools {
    fn of(info: Option<&ImageInfo>, image: Option<String>, from_line: u32) -> Tools {
        let Some(info) = info else {
            return Tools {
                image,
                from_line,
                ..Tools::default()
            };
        };
        let runtime = |lang: Language| info.runtime.as_ref().filter(|r| r.language == lang);
        let has_cc = match &info.programs {
            Some(p) => Some(p.iter().any(|p| p.ends_with("/gcc") || p.ends_with("/cc"))),
            // Debian-based golang and every rust image ship gcc; golang:alpine does not.
            None => match info.id.as_str() {
                "golang" | "rust" | "rust-slim" => Some(true),
                "golang-alpine" | "scratch" => Some(false),
                _ if info.id.starts_with("distroless") => Some(false),
                _ => None,
            },
        };
        Tools {
            image,
            from_line,
            libc: info.libc,
            libc_version: info.libc_version.clone(),
            has_cc,
            node: runtime(Language::Node).and_then(|r| r.version.clone()),
            python: runtime(Language::Python).and_then(|r| r.version.clone()),
            python_interpreter: runtime(Language::Python).and_then(|r| r.interpreter.clone()),
            java: runtime(Language::Java).and_then(|r| r.version.clone()),
        }
    }
}

/// A COPY --from source the source stage does not have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct CopyMiss {
    /// The COPY instruction.
    pub instruction: usize,
    pub line: u32,
    /// The source as written and as resolved.
    pub source: String,
    pub path: String,
    pub(crate) from_stage: usize,
    pub(crate) certainty: Certainty,
    #[serde(skip)]
    pub span: Span,
}

/// One stage as the build leaves it.
#[derive(Debug, Clone, Serialize)]
pub struct StageModel {
    pub index: usize,
    pub fs: Fs,
    pub tools: Tools,
    /// Users in /etc/passwd (`None` = unknown).
    pub users: Option<Vec<String>>,
    /// Packages installed and not removed.
    pub packages: Vec<Package>,
    /// COPY --from sources missing in their stage (this stage's COPYs).
    pub(crate) copy_misses: Vec<CopyMiss>,
    /// The stage's PATH at its end (ENV PATH, else the image's, else Docker's default).
    pub path: Vec<String>,
    /// Each RUN of this stage and what it executes, as found when it runs.
    pub runs: Vec<RunExec>,
}

/// What a RUN executes, looked up in the filesystem as it is when the RUN starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunExec {
    pub instruction: usize,
    pub line: u32,
    /// `/bin/sh` for a shell-form RUN with no SHELL set (`None`: exec form or SHELL).
    pub shell: Option<Resolved>,
    /// The program it starts first and where it was looked for.
    pub program: Option<(String, Resolved)>,
}

/// Docker's PATH when neither the image nor the Dockerfile sets one.
pub(crate) const DEFAULT_PATH: &str =
    "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Evaluates stage `st` given the earlier stages' results.
pub(crate) fn stage<'s>(
    df: &crate::dockerfile::Dockerfile,
    model: &Model,
    st: &Stage,
    done: &[StageModel],
    script_of: &dyn Fn(usize) -> Option<&'s shell::Script<'s>>,
) -> StageModel {
    let from_line = df.instructions[st.from].start_line;
    let mut out = match st.base {
        Base::Stage { index } if index < done.len() => {
            let mut m = done[index].clone();
            m.index = st.index;
            m.copy_misses.clear();
            m.runs.clear();
            m
        }
        _ => fresh(st, from_line),
    };
    let info = st.image_info.as_ref();
    let mut env: Vec<(String, String)> = match st.base {
        Base::Stage { index } => model.stages[index].env.clone(),
        _ => Vec::new(),
    };
    let path_inherited = !env.iter().any(|(k, _)| k == "PATH");
    if path_inherited {
        env.insert(0, ("PATH".into(), out.path.join(":")));
    }
    let mut workdir = match st.base {
        Base::Stage { index } => model.stages[index].workdir.clone(),
        _ => None,
    }
    .or_else(|| info.and_then(|i| i.workdir.clone()))
    .unwrap_or_else(|| "/".into());
    let mut shell_set = match st.base {
        Base::Stage { index } => model.stages[index].shell_set,
        _ => false,
    };
    for idx in st.body() {
        let ins = &df.instructions[idx];
        match (&ins.keyword, &ins.args) {
            (Keyword::Shell, _) => shell_set = true,
            (Keyword::Workdir, Args::Text(w)) => {
                let dir = unquoted(&w.text);
                match expand_vars(dir, &env) {
                    Some(d) => {
                        workdir = resolve(&workdir, &d);
                        if !matches!(out.fs.lookup(&workdir), Presence::Found(_)) {
                            out.fs.add(
                                workdir.clone(),
                                Entry {
                                    origin: Origin::Run {
                                        line: ins.start_line,
                                    },
                                    dir: Some(true),
                                    artifact: None,
                                },
                            );
                        }
                    }
                    None => workdir = "/".into(),
                }
            }
            (Keyword::Env, Args::KeyValues { pairs, .. }) => {
                for kv in pairs {
                    let v = unquoted(&kv.value.text);
                    let v = expand_vars(v, &env).map_or_else(|| v.to_string(), Cow::into_owned);
                    env.push((kv.key.text.clone(), v));
                }
            }
            (Keyword::Arg, Args::Arg(decls)) => {
                for d in decls {
                    if let Some(v) = &d.default {
                        env.push((d.name.text.clone(), unquote(&v.text)));
                    } else if let Some(g) = model.global_default(&d.name.text) {
                        env.push((d.name.text.clone(), g.to_string()));
                    }
                }
            }
            (Keyword::Copy | Keyword::Add, _) => {
                copy(model, ins, idx, st, &workdir, &env, done, &mut out)
            }
            (Keyword::Run, _) => {
                // The rules split every RUN already: take theirs when there is one.
                let (text, parsed);
                let script = match script_of(idx) {
                    Some(script) => script,
                    None => {
                        text = crate::dockerfile::model::script_text(ins);
                        parsed = shell::parse(&text);
                        &parsed
                    }
                };
                let exec = run_exec(ins, idx, shell_set, &workdir, &env, &out.fs, script);
                out.runs.push(exec);
                run(ins, st.index, &workdir, &mut env, &mut out, script);
            }
            _ => {}
        }
    }
    // Split PATH again only if the stage set it (most keep the one they started with).
    match env.iter().rposition(|(k, _)| k == "PATH") {
        Some(0) if path_inherited => {}
        Some(i) => {
            out.path = env[i]
                .1
                .split(':')
                .filter(|d| !d.is_empty())
                .map(str::to_string)
                .collect();
        }
        None => {}
    }
    out
}

fn fresh(st: &Stage, from_line: u32) -> StageModel {
    let info = st.image_info.as_ref();
    let scratch = st.base_image.as_ref().is_some_and(|i| i.is_scratch());
    let base = match info {
        Some(info) => BaseFacts {
            known: true,
            // scratch is empty by definition.
            complete: scratch,
            programs_complete: info.contents_complete,
            other_programs: info.other_programs,
            programs: if scratch {
                Some(Vec::new())
            } else {
                // The image's own ENTRYPOINT program is there (`/usr/bin/python3.13`), listed
                // among the well-known programs or not.
                info.programs.clone().map(|mut p| {
                    let own = info.entrypoint.iter().flatten().next();
                    p.extend(
                        own.filter(|e| e.starts_with('/') && !p.contains(e))
                            .cloned(),
                    );
                    p
                })
            },
            programs_unknown: info.programs_unknown.clone(),
            shell: if scratch {
                Some(None)
            } else {
                info.shell.clone()
            },
        },
        None if scratch => BaseFacts {
            known: true,
            complete: true,
            programs_complete: true,
            other_programs: false,
            programs: Some(Vec::new()),
            programs_unknown: Vec::new(),
            shell: Some(None),
        },
        None => BaseFacts::default(),
    };
    let image = st.base_image.as_ref().map(|i| i.original.clone());
    let users = if scratch {
        Some(Vec::new())
    } else {
        // Only a whole /etc/passwd says a user is missing.
        info.filter(|i| i.users_complete)
            .and_then(|i| i.users.clone())
    };
    StageModel {
        index: st.index,
        fs: Fs::new(base),
        tools: Tools::of(info, image, from_line),
        users,
        packages: Vec::new(),
        copy_misses: Vec::new(),
        runs: Vec::new(),
        path: info
            .and_then(|i| i.path.clone())
            .unwrap_or_else(|| DEFAULT_PATH.split(':').map(str::to_string).collect()),
    }
}

fn run_exec(
    ins: &Instruction,
    idx: usize,
    shell_set: bool,
    workdir: &str,
    env: &[(String, String)],
    fs: &Fs,
    script: &shell::Script<'_>,
) -> RunExec {
    let path = env
        .iter()
        .rev()
        .find(|(k, _)| k == "PATH")
        .map_or("", |(_, p)| p.as_str());
    let exec = matches!(ins.args, Args::Exec { .. }) && ins.heredocs.is_empty();
    // A mount may bring the shell or the program (`--mount=from=busybox,target=/bin`).
    let mounted = ins.flags.iter().any(|f| f.name == "mount");
    let shell_set = shell_set || mounted;
    let shell = (!exec && !shell_set).then(|| launch::find_path(fs, "/bin/sh"));
    let program = match &ins.args {
        _ if mounted => None,
        Args::Exec { elements, .. } if exec => elements.first().map(|w| w.text.as_str()),
        _ if shell_set => None,
        _ if ins.heredocs.is_empty() => launch::first_program_word(script),
        _ => None,
    };
    let program = program.map(|p| {
        let dirs = path.split(':').filter(|d| !d.is_empty());
        (p.to_string(), launch::find_program_in(fs, p, workdir, dirs))
    });
    RunExec {
        instruction: idx,
        line: ins.start_line,
        shell,
        program,
    }
}

/// Applies one RUN's commands. Its `export`s are pushed to `env` for its own commands and
/// taken off again at its end (a RUN's shell variables die with it).
fn run(
    ins: &Instruction,
    stage: usize,
    workdir: &str,
    env: &mut Vec<(String, String)>,
    out: &mut StageModel,
    script: &shell::Script<'_>,
) {
    let stage_vars = env.len();
    let mut step = Step {
        fs: &mut out.fs,
        tools: &mut out.tools,
        users: &mut out.users,
        packages: &mut out.packages,
        cwd: workdir.to_string(),
        line: ins.start_line,
        stage,
        env,
    };
    for cmd in &script.commands {
        let words = cmd.without_wrappers();
        match words.first().map(|w| &**w) {
            Some("cd") => {
                step.cwd = match words.get(1).map(|d| step.path(d)) {
                    Some(Some(d)) => d,
                    Some(None) => {
                        step.open(None, "`cd` to an unknown directory".into(), None);
                        step.cwd.clone()
                    }
                    None => "/root".into(),
                };
            }
            Some("export") => {
                for w in &words[1..] {
                    if let Some((k, v)) = w.split_once('=') {
                        step.env.push((k.to_string(), v.to_string()));
                    }
                }
            }
            Some("." | "source") => {
                if let Some(v) = words
                    .get(1)
                    .and_then(|a| a.strip_suffix("/bin/activate"))
                    .and_then(|v| step.path(v))
                {
                    step.env.push(("VIRTUAL_ENV".into(), v));
                } else {
                    step.open(None, "`source`".into(), None);
                }
            }
            _ => {
                for (k, v) in &cmd.env {
                    if words.is_empty() {
                        step.env.push((k.to_string(), v.to_string()));
                    }
                }
                if !words.is_empty() {
                    effects::apply(cmd, &mut step);
                }
            }
        }
    }
    step.env.truncate(stage_vars);
}

/// COPY/ADD: the sources' paths (and what they carry) land at the destination, by BuildKit's
/// rules: a relative destination is against WORKDIR; several sources or a trailing `/` make it
/// a directory; a source directory's contents (not the directory) are copied.
#[allow(clippy::too_many_arguments)]
fn copy(
    model: &Model,
    ins: &Instruction,
    idx: usize,
    st: &Stage,
    workdir: &str,
    env: &[(String, String)],
    done: &[StageModel],
    out: &mut StageModel,
) {
    let line = ins.start_line;
    let words: Vec<&crate::dockerfile::ast::Word> = match &ins.args {
        Args::Words(w) => w.iter().collect(),
        Args::Exec { elements, .. } => elements.iter().collect(),
        _ => return,
    };
    let Some((dest_w, sources)) = words.split_last() else {
        return;
    };
    let Some(dest_x) = expand_vars(unquoted(&dest_w.text), env) else {
        out.fs.open(Open {
            under: None,
            origin: Origin::Context { line },
            why: "a destination with an unknown variable".into(),
            artifact: None,
        });
        return;
    };
    let dest = resolve(workdir, &dest_x);
    let into_dir = dest_x.ends_with('/')
        || sources.len() + ins.heredocs.len() > 1
        || matches!(out.fs.lookup(&dest), Presence::Found(e) if e.dir == Some(true));
    let from = ins.flag("from").and_then(|f| f.value.clone());
    let source_stage = from.as_ref().and_then(|_| {
        model
            .edges
            .iter()
            .find(|e| e.instruction == idx)
            .map(|e| e.target.clone())
    });
    let origin_for = |path: &str| match (&from, &source_stage) {
        (None, _) => Origin::Context { line },
        (Some(_), Some(EdgeTarget::Stage { index })) => Origin::Stage {
            stage: *index,
            path: path.to_string(),
            line,
        },
        (Some(f), _) => Origin::Image {
            image: f.clone(),
            line,
        },
    };
    for h in &ins.heredocs {
        let target = if into_dir {
            format!("{}/{}", dest.trim_end_matches('/'), h.name)
        } else {
            dest.clone()
        };
        out.fs.add(
            target,
            Entry {
                origin: Origin::Context { line },
                dir: Some(false),
                artifact: None,
            },
        );
    }
    let target_of = |src: &str| {
        if into_dir {
            let name = src.trim_end_matches('/').rsplit('/').next().unwrap_or(src);
            format!("{}/{}", dest.trim_end_matches('/'), name)
        } else {
            dest.clone()
        }
    };
    // A copied path whose contents are not listed (a file, or what the source may hold).
    let add_copied = |out: &mut StageModel, src: &str, artifact: Option<Artifact>| {
        out.fs.add(
            target_of(src),
            Entry {
                origin: origin_for(src),
                dir: None,
                artifact,
            },
        );
    };
    let open_dest = |out: &mut StageModel, origin: Origin, why: &str, artifact| {
        out.fs.open(Open {
            under: Some(dest.clone()),
            origin,
            why: why.into(),
            artifact,
        });
    };
    for w in sources {
        let raw = unquoted(&w.text);
        let Some(src) = expand_vars(raw, env) else {
            open_dest(
                out,
                origin_for(raw),
                "a source with an unknown variable",
                None,
            );
            continue;
        };
        let src_stage = match &source_stage {
            Some(EdgeTarget::Stage { index }) if *index < done.len() && *index != st.index => {
                Some(&done[*index])
            }
            _ => None,
        };
        let Some(sm) = src_stage else {
            // The build context or an image: its files are unknown here.
            let is_url = src.contains("://") || src.starts_with("git@");
            let archive = ins.keyword == Keyword::Add
                && !is_url
                && [".tar", ".tgz", ".gz", ".bz2", ".xz", ".zst"]
                    .iter()
                    .any(|e| src.contains(e));
            let target = target_of(&src);
            let origin = origin_for(&resolve("/", &src));
            if !archive && !src.contains(['*', '?', '[']) && src != "." && !src.ends_with('/') {
                out.fs.add(
                    target,
                    Entry {
                        origin: origin.clone(),
                        dir: None,
                        artifact: None,
                    },
                );
            }
            if !is_url {
                let why = if from.is_some() {
                    "another image"
                } else {
                    "the build context"
                };
                open_dest(out, origin, why, None);
            }
            continue;
        };
        let path = resolve("/", &src);
        if path == "/" {
            // The whole filesystem of the stage: everything it has, below the destination.
            let all: Vec<(String, Entry)> = sm
                .fs
                .entries
                .iter()
                .map(|(p, e)| (p.clone(), e.clone()))
                .collect();
            for (p, mut e) in all {
                e.origin = origin_for(&p);
                out.fs.add(resolve(&dest, p.trim_start_matches('/')), e);
            }
            for o in sm.fs.open.clone() {
                let under = o.under.as_deref().map_or_else(
                    || dest.clone(),
                    |u| resolve(&dest, u.trim_start_matches('/')),
                );
                out.fs.open(Open {
                    under: Some(under),
                    origin: origin_for("/"),
                    why: o.why,
                    artifact: o.artifact,
                });
            }
            if !sm.fs.base.complete {
                open_dest(out, origin_for("/"), "the source image's files", None);
            }
            continue;
        }
        if src.contains(['*', '?', '[']) {
            // Globs: whatever matches among known paths, plus anything open there.
            let prefix = path[..path.find(['*', '?', '[']).unwrap_or(path.len())]
                .rsplit_once('/')
                .map_or("/", |(d, _)| if d.is_empty() { "/" } else { d })
                .to_string();
            let matched: Vec<(String, Entry)> = sm
                .fs
                .below(&prefix)
                .filter(|(rel, _)| {
                    !rel.is_empty()
                        && glob_match(&path, &format!("{}/{rel}", prefix.trim_end_matches('/')))
                })
                .map(|(rel, e)| (format!("{}/{rel}", prefix.trim_end_matches('/')), e.clone()))
                .collect();
            for (p, mut e) in matched {
                e.origin = origin_for(&p);
                out.fs.add(
                    format!(
                        "{}/{}",
                        dest.trim_end_matches('/'),
                        p.rsplit('/').next().unwrap_or(&p)
                    ),
                    e,
                );
            }
            let artifact = sm
                .fs
                .open_below(&prefix)
                .map(|(_, o)| o.artifact.clone())
                .next()
                .flatten();
            open_dest(out, origin_for(&path), "a glob", artifact);
            continue;
        }
        match sm.fs.lookup(&path) {
            Presence::Found(e) => {
                let is_dir = e.dir == Some(true) || sm.fs.below(&path).nth(1).is_some();
                if is_dir {
                    let listed: Vec<(String, Entry)> = sm
                        .fs
                        .below(&path)
                        .map(|(r, e)| (r.to_string(), e.clone()))
                        .collect();
                    for (rel, mut e) in listed {
                        e.origin = origin_for(&format!("{path}/{rel}"));
                        let p = if rel.is_empty() {
                            dest.clone()
                        } else {
                            format!("{}/{rel}", dest.trim_end_matches('/'))
                        };
                        out.fs.add(p, e);
                    }
                    let opens: Vec<(Option<String>, Open)> = sm
                        .fs
                        .open_below(&path)
                        .map(|(r, o)| (r.map(str::to_string), o.clone()))
                        .collect();
                    for (rel, o) in opens {
                        let under = match rel.as_deref() {
                            None | Some("") => dest.clone(),
                            Some(r) => format!("{}/{r}", dest.trim_end_matches('/')),
                        };
                        out.fs.open(Open {
                            under: Some(under),
                            origin: origin_for(&path),
                            why: o.why,
                            artifact: o.artifact,
                        });
                    }
                    if !sm.fs.base.complete {
                        // The directory may hold files of the source's base image too.
                        open_dest(out, origin_for(&path), "the source image's files", None);
                    }
                } else {
                    let mut e = e.clone();
                    e.origin = origin_for(&path);
                    out.fs.add(target_of(&path), e);
                }
            }
            Presence::Maybe(o) => {
                let artifact = o.artifact.clone();
                add_copied(out, &path, artifact.clone());
                let why = o.why.clone();
                open_dest(out, origin_for(&path), &why, artifact);
            }
            Presence::Unknown => {
                add_copied(out, &path, None);
                open_dest(out, origin_for(&path), "the source image's files", None);
            }
            Presence::Absent(certainty) => {
                let from_stage = match &source_stage {
                    Some(EdgeTarget::Stage { index }) => *index,
                    _ => continue,
                };
                // Judged once, here: later steps see the path as copied.
                add_copied(out, &path, None);
                out.copy_misses.push(CopyMiss {
                    instruction: idx,
                    line,
                    source: raw.to_string(),
                    path: path.clone(),
                    from_stage,
                    certainty,
                    span: w.span,
                });
            }
        }
    }
}

/// `*`, `?` within one path segment (enough for COPY sources).
fn glob_match(pattern: &str, path: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), path.as_bytes());
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < t.len() {
        if i < p.len() && (p[i] == b'?' && t[j] != b'/' || p[i] == t[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == b'*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star.filter(|_| t[mark] != b'/') {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs_stay_in_one_segment() {
        assert!(glob_match("/app/*.jar", "/app/x.jar"));
        assert!(!glob_match("/app/*.jar", "/app/a/x.jar"));
        assert!(glob_match("/out/app-?", "/out/app-1"));
    }
}
