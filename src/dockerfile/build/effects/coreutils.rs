//! rm, mkdir, ln, cp, mv, touch, install, tar, unzip, git clone: paths made, moved and
//! removed.

use super::{Step, operands, option_value};
use crate::dockerfile::shell::Command;

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    let program = words[0].rsplit('/').next().unwrap_or(&words[0]);
    let ops = operands(
        words,
        1,
        &[
            "-m", "-t", "-C", "-d", "-f", "-o", "-g", "--mode", "-b", "--depth", "--branch",
        ],
    );
    let paths: Vec<Option<String>> = ops.iter().map(|o| step.path(o)).collect();
    match program {
        "rm" => {
            for (o, p) in ops.iter().zip(&paths) {
                // Globs and unknown paths remove things the model cannot name: keep them.
                if let Some(p) = p.as_ref().filter(|_| !o.contains(['*', '?', '['])) {
                    step.fs.remove(p);
                }
            }
        }
        "mkdir" => {
            for p in paths.into_iter().flatten() {
                step.add(p, Some(true), None);
            }
        }
        "touch" => {
            for p in paths.into_iter().flatten() {
                step.add(p, Some(false), None);
            }
        }
        "ln" => match paths.as_slice() {
            [Some(target), Some(link)] => {
                let link = match step.fs.lookup(link) {
                    crate::dockerfile::build::fs::Presence::Found(e) if e.dir == Some(true) => {
                        format!("{link}/{}", target.rsplit('/').next().unwrap_or(target))
                    }
                    _ => link.clone(),
                };
                step.add(link, None, None);
            }
            _ => step.open(None, "`ln`".into(), None),
        },
        "cp" | "mv" | "install" => {
            let dest = option_value(words, &["-t", "--target-directory"])
                .and_then(|d| step.path(d))
                .or_else(|| paths.last().cloned().flatten());
            match dest {
                Some(d) if ops.len() >= 2 || program == "install" => copy(step, program, &paths, d),
                _ => step.open(None, format!("`{program}`"), None),
            }
        }
        "tar" | "unzip" => {
            let dir = option_value(words, &["-C", "--directory", "-d"])
                .and_then(|d| step.path(d))
                .unwrap_or_else(|| step.cwd.clone());
            let extracts = program == "unzip"
                || words
                    .iter()
                    .any(|w| w.starts_with('-') && w.contains('x') || w.starts_with('x'));
            if extracts {
                step.open(Some(dir), format!("`{program}`"), None);
            } else {
                let cwd = step.cwd.clone();
                step.open(Some(cwd), format!("`{program}`"), None);
            }
        }
        "git" => {
            let cwd = step.cwd.clone();
            step.open(Some(cwd), "`git`".into(), None);
        }
        _ => return false,
    }
    true
}

/// `cp`/`mv`/`install` of known sources: each lands at `dest/name` (or `dest` for one source
/// that is not copied into a directory); what the model cannot follow opens `dest`.
fn copy(step: &mut Step<'_>, program: &str, paths: &[Option<String>], dest: String) {
    let sources = &paths[..paths.len().saturating_sub(1)];
    let into_dir = sources.len() > 1
        || matches!(step.fs.lookup(&dest), crate::dockerfile::build::fs::Presence::Found(e) if e.dir == Some(true));
    for src in sources {
        let Some(src) = src else {
            step.open(Some(dest.clone()), format!("`{program}`"), None);
            continue;
        };
        let target = if into_dir {
            format!(
                "{}/{}",
                dest.trim_end_matches('/'),
                src.rsplit('/').next().unwrap_or(src)
            )
        } else {
            dest.clone()
        };
        let found = step.fs.entries.get(src).cloned();
        let open = step
            .fs
            .open_below(src)
            .map(|(_, o)| o.artifact.clone())
            .next();
        match (found, open) {
            (Some(e), _) => {
                let moved: Vec<(String, crate::dockerfile::build::fs::Entry)> = step
                    .fs
                    .below(src)
                    .map(|(rel, e)| (rel.to_string(), e.clone()))
                    .collect();
                for (rel, mut e) in moved {
                    e.origin = step.origin();
                    let p = if rel.is_empty() {
                        target.clone()
                    } else {
                        format!("{target}/{rel}")
                    };
                    step.fs.add(p, e);
                }
                if program == "mv" {
                    step.fs.remove(src);
                }
                let _ = e;
            }
            (None, artifact) => {
                step.add(target.clone(), None, artifact.clone().flatten());
                step.open(Some(target), format!("`{program}`"), artifact.flatten());
            }
        }
    }
}
