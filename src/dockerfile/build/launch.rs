//! What a container or a RUN step executes: the argv from the image's and the Dockerfile's
//! ENTRYPOINT and CMD, and where its program is found (through PATH and WORKDIR).

use serde::Serialize;

use super::fs::{Certainty, Fs, Origin, Presence, resolve};
use crate::dockerfile::ast::{Args, Dockerfile, Instruction, Keyword};
use crate::dockerfile::model::{Base, Model};
use crate::dockerfile::shell;

/// Where a program or file was looked for and what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Resolved {
    /// Present (or possibly present): the path and how it got there, if the model knows.
    Found {
        path: String,
        origin: Option<Origin>,
    },
    /// Not there: the paths tried.
    Absent {
        certainty: Certainty,
        tried: Vec<String>,
    },
    /// The model cannot tell.
    Unknown,
}

impl Resolved {
    pub fn absent(&self) -> Option<Certainty> {
        match self {
            Resolved::Absent { certainty, .. } => Some(*certainty),
            _ => None,
        }
    }
}

/// Looks `path` up.
pub(crate) fn find_path(fs: &Fs, path: &str) -> Resolved {
    match fs.lookup(path) {
        Presence::Found(e) => Resolved::Found {
            path: path.to_string(),
            origin: Some(e.origin.clone()),
        },
        Presence::Maybe(_) | Presence::Unknown => Resolved::Unknown,
        Presence::Absent(certainty) => Resolved::Absent {
            certainty,
            tried: vec![path.to_string()],
        },
    }
}

/// Finds the program `word` as exec does: a word with a `/` against `cwd`, else through `path`.
pub(crate) fn find_program(fs: &Fs, word: &str, cwd: &str, path: &[String]) -> Resolved {
    find_program_in(fs, word, cwd, path.iter().map(String::as_str))
}

/// [`find_program`] over PATH's directories as given (a RUN reads them off its PATH value).
pub(crate) fn find_program_in<'p>(
    fs: &Fs,
    word: &str,
    cwd: &str,
    path: impl IntoIterator<Item = &'p str>,
) -> Resolved {
    if word.is_empty() || word.contains('$') {
        return Resolved::Unknown;
    }
    if word.contains('/') {
        return find_path(fs, &resolve(cwd, word));
    }
    let mut tried = Vec::new();
    let mut worst = Certainty::Known;
    for dir in path {
        if !dir.starts_with('/') {
            return Resolved::Unknown;
        }
        let dir = dir.trim_end_matches('/');
        let mut p = String::with_capacity(dir.len() + 1 + word.len());
        p.push_str(dir);
        p.push('/');
        p.push_str(word);
        match fs.lookup(&p) {
            Presence::Absent(certainty) => {
                worst = worst.min(certainty);
                tried.push(p);
            }
            Presence::Found(e) => {
                return Resolved::Found {
                    path: p,
                    origin: Some(e.origin.clone()),
                };
            }
            Presence::Maybe(_) | Presence::Unknown => return Resolved::Unknown,
        }
    }
    if tried.is_empty() {
        return Resolved::Unknown;
    }
    Resolved::Absent {
        certainty: worst,
        tried,
    }
}

/// Which instruction gave a part of the argv.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub(crate) enum Part {
    /// The base image's config.
    Image,
    /// The instruction at this index.
    Instruction { index: usize, line: u32 },
}

/// What `docker run` executes for a stage's image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Launch {
    pub argv: Vec<String>,
    /// Where argv[0] came from.
    pub(crate) program_from: Part,
    /// The CMD part (`None` when there is none).
    pub(crate) cmd_from: Option<Part>,
    /// argv was made from a shell form (`/bin/sh -c …`).
    pub(crate) shell_form: bool,
    /// The working directory the process starts in.
    pub workdir: String,
}

/// An instruction's command as argv: exec form as written, shell form as `/bin/sh -c text`.
pub(crate) fn argv_of(args: &Args) -> Option<(Vec<String>, bool)> {
    match args {
        Args::Exec { elements, .. } => {
            Some((elements.iter().map(|w| w.text.clone()).collect(), false))
        }
        Args::Text(w) => Some((vec!["/bin/sh".into(), "-c".into(), w.text.clone()], true)),
        _ => None,
    }
}

/// The instructions of a stage and its FROM ancestors, oldest first, as (index, instruction).
pub(crate) fn chain<'a>(
    df: &'a Dockerfile,
    model: &Model,
    stage: usize,
) -> Vec<(usize, &'a Instruction)> {
    let mut stages = vec![stage];
    let mut cur = stage;
    while let Base::Stage { index } = model.stages[cur].base {
        // A stage can only build on an earlier one; the check keeps a malformed model finite
        // without searching the list (a long chain made that quadratic).
        if index >= cur {
            break;
        }
        stages.push(index);
        cur = index;
    }
    let mut out = Vec::new();
    for &s in stages.iter().rev() {
        for i in model.stages[s].body() {
            out.push((i, &df.instructions[i]));
        }
    }
    out
}

/// What the image of `stage` runs; `None` when it cannot be told (an unknown image's
/// ENTRYPOINT and CMD).
pub(crate) fn launch(df: &Dockerfile, model: &Model, stage: usize) -> Option<Launch> {
    let st = &model.stages[stage];
    let info = st.image_info.as_ref();
    let scratch = st.base_image.as_ref().is_some_and(|i| i.is_scratch());
    let known = info.is_some() || scratch;
    // A known image whose entrypoint the table leaves unset has none.
    let mut ep: Option<(Vec<String>, Part, bool)> = info
        .and_then(|i| i.entrypoint.clone())
        .filter(|e| !e.is_empty())
        .map(|e| (e, Part::Image, false));
    let mut ep_known = known;
    let mut cmd: Option<(Vec<String>, Part, bool)> = info
        .and_then(|i| i.cmd.clone())
        .filter(|c| !c.is_empty())
        .map(|c| (c, Part::Image, false));
    for (index, ins) in chain(df, model, stage) {
        let part = Part::Instruction {
            index,
            line: ins.start_line,
        };
        match ins.keyword {
            Keyword::Entrypoint => {
                ep = argv_of(&ins.args)
                    .map(|(a, s)| (a, part, s))
                    .filter(|(a, _, _)| !a.is_empty());
                ep_known = true;
                cmd = None;
            }
            Keyword::Cmd => {
                cmd = argv_of(&ins.args)
                    .map(|(a, s)| (a, part, s))
                    .filter(|(a, _, _)| !a.is_empty());
            }
            _ => {}
        }
    }
    if !ep_known {
        return None;
    }
    let workdir = st
        .workdir
        .clone()
        .or_else(|| info.and_then(|i| i.workdir.clone()))
        .unwrap_or_else(|| "/".into());
    let (argv, program_from, cmd_from, shell_form) = match (ep, cmd) {
        (Some((e, p, true)), _) => (e, p, None, true),
        (Some((mut e, p, false)), Some((c, cp, _))) => {
            e.extend(c);
            (e, p, Some(cp), false)
        }
        (Some((e, p, s)), None) => (e, p, None, s),
        (None, Some((c, p, s))) => (c, p, Some(p), s),
        (None, None) => return None,
    };
    Some(Launch {
        argv,
        program_from,
        cmd_from,
        shell_form,
        workdir,
    })
}

/// The program a shell script starts first (`node server.js` → `node`), wrappers skipped.
pub(crate) fn first_program(script: &str) -> Option<Vec<String>> {
    first_program_of(&shell::parse(script))
}

/// The same, of a script already split.
pub(crate) fn first_program_of(s: &shell::Script<'_>) -> Option<Vec<String>> {
    first_program_word(s)?;
    let c = s.commands.first()?;
    Some(c.without_wrappers().iter().map(|w| w.to_string()).collect())
}

/// Only the program of [`first_program_of`], borrowed from the script.
pub(crate) fn first_program_word<'s>(s: &'s shell::Script<'_>) -> Option<&'s str> {
    let first: &str = s.commands.first()?.without_wrappers().first()?;
    // Shell keywords and builtins: not programs to look for.
    if matches!(
        first,
        "if" | "for"
            | "while"
            | "case"
            | "cd"
            | "set"
            | "export"
            | "."
            | "source"
            | "echo"
            | "test"
            | "["
            | "true"
            | "false"
            | "exec"
            | "trap"
            | "until"
            | "printf"
            | "read"
            | "eval"
            | "ulimit"
            | "umask"
            | "command"
            | "type"
            | "unset"
            | "local"
            | "return"
            | "exit"
            | "wait"
            | "shift"
            | "alias"
            | "let"
            | "declare"
            | "[["
            | "{"
            | "("
            | "pwd"
            | "kill"
            | "getopts"
            | "hash"
            | "times"
            | "builtin"
            | "function"
            | "select"
            | ":"
    ) {
        return None;
    }
    Some(first)
}

/// The script or JAR an interpreter argv runs (`node server.js`, `python -u app.py`,
/// `java -jar app.jar`), if there is one to look for.
pub(crate) fn interpreted_file(argv: &[String]) -> Option<&str> {
    let program = argv.first()?.rsplit('/').next()?;
    let args = &argv[1..];
    let family = program.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    match family {
        "node" | "nodejs" | "bun" | "deno" if program != "deno" => {
            if args.iter().any(|a| {
                matches!(
                    a.as_str(),
                    "-e" | "--eval"
                        | "-p"
                        | "--print"
                        | "-"
                        | "-r"
                        | "--require"
                        | "--import"
                        | "--loader"
                )
            }) {
                return None;
            }
            args.iter()
                .map(String::as_str)
                .find(|a| !a.starts_with('-'))
        }
        "python" => {
            if args.iter().any(|a| matches!(a.as_str(), "-m" | "-c" | "-")) {
                return None;
            }
            args.iter()
                .map(String::as_str)
                .find(|a| !a.starts_with('-'))
        }
        "java" => {
            let i = args.iter().position(|a| a == "-jar")?;
            args.get(i + 1).map(String::as_str)
        }
        _ => None,
    }
    .filter(|f| !f.contains('$') && !f.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::parse;

    fn launch_of(src: &str) -> Option<Launch> {
        let p = parse(src);
        let m = Model::build(&p.dockerfile, None);
        launch(&p.dockerfile, &m, m.stages.len() - 1)
    }

    #[test]
    fn entrypoint_and_cmd_combine_as_docker_does() {
        let l = launch_of("FROM scratch\nENTRYPOINT [\"/app\"]\nCMD [\"-v\"]\n").unwrap();
        assert_eq!(l.argv, ["/app", "-v"]);
        let l = launch_of("FROM scratch\nCMD [\"-v\"]\nENTRYPOINT [\"/app\"]\n").unwrap();
        assert_eq!(l.argv, ["/app"], "ENTRYPOINT resets an earlier CMD");
        let l = launch_of("FROM alpine:3.22\nENTRYPOINT /app --x\nCMD [\"ignored\"]\n").unwrap();
        assert_eq!(l.argv, ["/bin/sh", "-c", "/app --x"]);
        assert!(launch_of("FROM example.com/unknown:1\nCMD [\"x\"]\n").is_none());
    }

    #[test]
    fn interpreter_files() {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            interpreted_file(&v(&["node", "server.js"])),
            Some("server.js")
        );
        assert_eq!(
            interpreted_file(&v(&["python3", "-u", "app.py"])),
            Some("app.py")
        );
        assert_eq!(interpreted_file(&v(&["python3", "-m", "app"])), None);
        assert_eq!(
            interpreted_file(&v(&["java", "-Xmx1g", "-jar", "/app.jar"])),
            Some("/app.jar")
        );
        assert_eq!(first_program("exec node a.js").unwrap()[0], "node");
    }
}
