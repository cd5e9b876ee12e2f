//! What the commands of a RUN step leave in the stage's filesystem, one file per family of
//! commands. A command the model does not read opens the whole filesystem (it may have
//! written anything); commands known to write nothing that matters leave it as it is.

mod cargo;
mod coreutils;
mod fetch;
mod go;
mod java;
mod npm;
mod packages;
mod python;
mod users;

use std::borrow::Cow;

use super::fs::{Artifact, ArtifactKind, Entry, Fs, Open, Origin, resolve};
use super::run::Tools;
use crate::dockerfile::model::expand;
use crate::dockerfile::shell::Command;

pub(crate) use packages::Package;

/// The state a command runs in and may change.
pub(crate) struct Step<'s> {
    pub fs: &'s mut Fs,
    pub tools: &'s mut Tools,
    /// Users in /etc/passwd (`None` = unknown).
    pub users: &'s mut Option<Vec<String>>,
    pub packages: &'s mut Vec<Package>,
    pub cwd: String,
    pub line: u32,
    pub stage: usize,
    /// Variables in effect: ENV and ARG of the stage, then `export`s (later ones win).
    pub env: &'s mut Vec<(String, String)>,
}

impl Step<'_> {
    /// The value of `name`, the command's own assignments first.
    pub(crate) fn var<'a>(&'a self, cmd: &'a Command<'_>, name: &str) -> Option<&'a str> {
        cmd.env
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| &**v)
            .or_else(|| {
                self.env
                    .iter()
                    .rev()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
            })
    }

    /// `word` as an absolute path: variables expanded, resolved against the working
    /// directory. `None` when a variable is unknown or the word is empty.
    pub(crate) fn path(&self, word: &str) -> Option<String> {
        let word = expand_vars(word, self.env)?;
        (!word.is_empty()).then(|| resolve(&self.cwd, &word))
    }

    /// An artifact made here.
    pub(crate) fn made(&self, kind: ArtifactKind) -> Artifact {
        Artifact {
            kind,
            stage: self.stage,
            line: self.line,
            image: self.tools.image.clone(),
            from_line: self.tools.from_line,
        }
    }

    pub(crate) fn origin(&self) -> Origin {
        Origin::Run { line: self.line }
    }

    /// Records a path this step made.
    pub(crate) fn add(&mut self, path: String, dir: Option<bool>, artifact: Option<Artifact>) {
        let origin = self.origin();
        self.fs.add(
            path,
            Entry {
                origin,
                dir,
                artifact,
            },
        );
    }

    /// Records that this step wrote below `under` (`None`: anywhere) without the model
    /// knowing what.
    pub(crate) fn open(&mut self, under: Option<String>, why: String, artifact: Option<Artifact>) {
        let origin = self.origin();
        self.fs.open(Open {
            under,
            origin,
            why,
            artifact,
        });
    }
}

/// `$NAME` and `${NAME}` replaced from `env`; `None` when one is not set (or is an
/// expansion form the model does not evaluate).
pub(crate) fn expand_vars<'w>(word: &'w str, env: &[(String, String)]) -> Option<Cow<'w, str>> {
    if !word.contains('$') {
        return Some(Cow::Borrowed(word));
    }
    let lookup = |name: &str| {
        env.iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    match expand::expand(word, '\\', &lookup) {
        Ok(e) if e.unset.is_empty() => Some(Cow::Owned(e.value)),
        _ => None,
    }
}

/// Commands that change nothing the model tracks.
const HARMLESS: &[&str] = &[
    "echo",
    "printf",
    "true",
    "false",
    "set",
    "unset",
    "cat",
    "ls",
    "test",
    "[",
    "[[",
    "sleep",
    "id",
    "whoami",
    "which",
    "command",
    "type",
    "pwd",
    "chmod",
    "chown",
    "chgrp",
    "grep",
    "sed",
    "awk",
    "head",
    "tail",
    "sort",
    "uniq",
    "wc",
    "cut",
    "tr",
    "find",
    "ldconfig",
    "uname",
    "groupadd",
    "addgroup",
    "umask",
    "exit",
    "fi",
    "done",
    "then",
    "else",
    "}",
    "{",
    "du",
    "df",
    "stat",
    "file",
    "ldd",
    "date",
    "env",
    "xargs",
    "tee",
    "sha256sum",
    "md5sum",
    "gpg",
    "rmdir",
    "strip",
    "upx",
    "update-ca-certificates",
    "locale-gen",
    "dpkg-reconfigure",
    "usermod",
    "passwd",
    "chpasswd",
    "setcap",
    "readlink",
    "realpath",
    "basename",
    "dirname",
    "node",
    "java",
    "rustup",
    "rustc",
    "corepack",
];

/// Applies one command's effects.
pub(crate) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) {
    let words = cmd.without_wrappers();
    let Some(first) = words.first() else { return };
    let program = first.rsplit('/').next().unwrap_or(first);
    let known = match program {
        "go" => go::apply(cmd, step),
        "cargo" => cargo::apply(cmd, step),
        "npm" | "yarn" | "pnpm" | "npx" | "bun" => npm::apply(cmd, step),
        "pip" | "pip3" | "python" | "python3" | "virtualenv" | "uv" | "poetry" => {
            python::apply(cmd, step)
        }
        p if p.starts_with("python3.") || p.starts_with("pip3.") => python::apply(cmd, step),
        "mvn" | "mvnw" | "gradle" | "gradlew" | "javac" | "jar" => java::apply(cmd, step),
        "apt-get" | "apt" | "apt-mark" | "apk" | "dnf" | "yum" | "microdnf" | "dpkg" | "rpm" => {
            packages::apply(cmd, step)
        }
        "rm" | "mkdir" | "ln" | "cp" | "mv" | "touch" | "install" | "tar" | "unzip" | "git" => {
            coreutils::apply(cmd, step)
        }
        "useradd" | "adduser" => users::apply(cmd, step),
        "curl" | "wget" => fetch::apply(cmd, step),
        p if HARMLESS.contains(&p) => true,
        _ => false,
    };
    if !known {
        // "`make install`": the program and its first argument (built by hand: this runs for
        // most commands of most files).
        let mut why = String::with_capacity(32);
        why.push('`');
        for (i, w) in words.iter().take(2).enumerate() {
            if i > 0 {
                why.push(' ');
            }
            why.push_str(w);
        }
        why.push('`');
        step.open(None, why, None);
    }
}

/// The value of option `long`/`short` (`-o x`, `-ox`, `--out x`, `--out=x`) among `words`.
pub(crate) fn option_value<'w>(
    words: &'w [std::borrow::Cow<'w, str>],
    names: &[&str],
) -> Option<&'w str> {
    let mut it = words.iter();
    while let Some(w) = it.next() {
        for n in names {
            if w == n {
                return it.next().map(|v| &**v);
            }
            if let Some(v) = w.strip_prefix(n) {
                if n.starts_with("--") {
                    if let Some(v) = v.strip_prefix('=') {
                        return Some(v);
                    }
                } else if !v.is_empty() && n.len() == 2 {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// Non-option words after the program (and its subcommand if `sub`), skipping the values of
/// the options listed in `takes_value`.
pub(crate) fn operands<'w>(
    words: &'w [std::borrow::Cow<'w, str>],
    skip: usize,
    takes_value: &[&str],
) -> Vec<&'w str> {
    let mut out = Vec::new();
    let mut it = words.iter().skip(skip);
    while let Some(w) = it.next() {
        if w.starts_with('-') && w.len() > 1 {
            if takes_value.contains(&&**w) {
                it.next();
            }
            continue;
        }
        out.push(&**w);
    }
    out
}
