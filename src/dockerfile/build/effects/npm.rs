//! npm, yarn, pnpm: `node_modules` in the working directory (or `--prefix`), built for the
//! builder's libc and Node major.

use super::{Step, option_value};
use crate::dockerfile::build::fs::ArtifactKind;
use crate::dockerfile::shell::Command;

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    let program = words[0].rsplit('/').next().unwrap_or(&words[0]);
    // `npm --loglevel verbose install`: the shared option table skips option values.
    let sub = crate::dockerfile::options::positionals(program, words)
        .next()
        .unwrap_or("");
    let installs = match program {
        "npm" => matches!(sub, "ci" | "install" | "i" | "add" | "clean-install"),
        "yarn" => matches!(sub, "" | "install" | "add"),
        "pnpm" | "bun" => matches!(sub, "install" | "i" | "add"),
        _ => false,
    };
    if installs && (cmd.has_flag(&["-g", "--global"])) {
        step.open(
            Some("/usr/local/lib/node_modules".into()),
            format!("`{program} -g`"),
            None,
        );
        step.open(
            Some("/usr/local/bin".into()),
            format!("`{program} -g`"),
            None,
        );
        return true;
    }
    let cwd = step.cwd.clone();
    if installs {
        let root = option_value(words, &["--prefix"])
            .and_then(|p| step.path(p))
            .unwrap_or(cwd);
        let artifact = step.made(ArtifactKind::NodeModules {
            libc: step.tools.libc,
            node: step.tools.node.clone(),
        });
        step.add(
            format!("{}/node_modules", root.trim_end_matches('/')),
            Some(true),
            Some(artifact),
        );
        return true;
    }
    match sub {
        "prune" | "cache" | "config" | "set" | "version" | "--version" | "-v" | "audit"
        | "outdated" | "ls" | "list" | "whoami" | "login" | "test" | "t" => true,
        _ => {
            // `npm run build`, `npx tsc`: scripts write into the project.
            step.open(Some(cwd), format!("`{program} {sub}`"), None);
            true
        }
    }
}
