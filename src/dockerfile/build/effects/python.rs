//! pip, venv, uv: virtual environments (whose `bin/python` links to the interpreter that made
//! them) and site-packages for one Python minor.

use super::{Step, option_value};
use crate::dockerfile::build::fs::ArtifactKind;
use crate::dockerfile::shell::Command;

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    let program = words[0].rsplit('/').next().unwrap_or(&words[0]).to_string();
    let rest: Vec<&str> = words[1..].iter().map(|w| &**w).collect();
    if program.starts_with("python") {
        return match rest.as_slice() {
            ["-m", "venv", args @ ..] | ["-m", "virtualenv", args @ ..] => {
                venv(step, &words[0], args);
                true
            }
            ["-m", "pip", args @ ..] => {
                pip(cmd, step, &words[0], args);
                true
            }
            ["-m", "compileall", ..] | ["--version"] | ["-V"] | ["-c", ..] => true,
            _ => false,
        };
    }
    match program.as_str() {
        "virtualenv" => {
            venv(step, "python3", &rest);
            true
        }
        "uv" => match rest.as_slice() {
            ["venv", args @ ..] => {
                let args: Vec<&str> = args
                    .iter()
                    .copied()
                    .filter(|a| !a.starts_with('-'))
                    .collect();
                let dir = args.first().copied().unwrap_or(".venv");
                venv(step, "python3", &[dir]);
                true
            }
            ["sync", ..] => {
                venv(step, "python3", &[".venv"]);
                true
            }
            ["pip", args @ ..] => {
                pip(cmd, step, "uv", args);
                true
            }
            _ => false,
        },
        "poetry" => false,
        _ => {
            // pip, pip3, pip3.12, /opt/venv/bin/pip
            pip(cmd, step, &words[0], &rest);
            true
        }
    }
}

/// The interpreter `invoked` names in the builder: a path as written, else the directory of
/// the builder's known interpreter.
fn interpreter(step: &Step<'_>, invoked: &str) -> Option<String> {
    if invoked.starts_with('/') {
        return Some(invoked.to_string());
    }
    let known = step.tools.python_interpreter.as_deref()?;
    let dir = known.rsplit_once('/').map_or("", |(d, _)| d);
    Some(format!("{dir}/{invoked}"))
}

fn venv(step: &mut Step<'_>, invoked: &str, args: &[&str]) {
    let Some(dir) = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .and_then(|d| step.path(d))
    else {
        step.open(None, "`python -m venv`".into(), None);
        return;
    };
    let kind = ArtifactKind::Venv {
        interpreter: interpreter(step, invoked),
        python: step.tools.python.clone(),
        libc: step.tools.libc,
    };
    let artifact = step.made(kind);
    step.add(dir, Some(true), Some(artifact));
}

fn pip(cmd: &Command<'_>, step: &mut Step<'_>, invoked: &str, args: &[&str]) {
    let words = cmd.without_wrappers();
    let sub = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .copied()
        .unwrap_or("");
    if sub != "install" {
        if matches!(sub, "wheel" | "download") {
            let cwd = step.cwd.clone();
            step.open(Some(cwd), format!("`pip {sub}`"), None);
        }
        return;
    }
    let site = |step: &Step<'_>| {
        step.made(ArtifactKind::SitePackages {
            python: step.tools.python.clone(),
            libc: step.tools.libc,
        })
    };
    if let Some(dir) = option_value(words, &["--target", "-t"]).and_then(|t| step.path(t)) {
        let a = site(step);
        step.add(dir, Some(true), Some(a));
        return;
    }
    if let Some(dir) = option_value(words, &["--prefix", "--root"]).and_then(|t| step.path(t)) {
        let a = site(step);
        step.open(Some(dir), "`pip install --prefix`".into(), Some(a));
        return;
    }
    if words.iter().any(|w| w == "--user") {
        let home = step.var(cmd, "HOME").unwrap_or("/root").to_string();
        let a = site(step);
        step.open(
            Some(format!("{home}/.local")),
            "`pip install --user`".into(),
            Some(a),
        );
        return;
    }
    // Into a venv: pip called by its path, or one activated through PATH/VIRTUAL_ENV.
    let venv = invoked
        .strip_suffix(|c: char| c.is_ascii_digit() || c == '.')
        .map(|_| invoked)
        .unwrap_or(invoked)
        .rsplit_once("/bin/")
        .map(|(d, _)| d.to_string())
        .or_else(|| step.var(cmd, "VIRTUAL_ENV").map(str::to_string));
    if let Some(v) = venv.and_then(|v| step.path(&v))
        && matches!(
            step.fs.lookup(&v),
            crate::dockerfile::build::fs::Presence::Found(_)
        )
    {
        return;
    }
    let a = site(step);
    step.open(
        Some("/usr/local/lib".into()),
        "`pip install`".into(),
        Some(a.clone()),
    );
    step.open(Some("/usr/lib".into()), "`pip install`".into(), Some(a));
    step.open(Some("/usr/local/bin".into()), "`pip install`".into(), None);
}
