//! apt-get, apk, dnf: packages installed and removed (with apk's `--virtual` groups), and the
//! system directories they write to.

use super::{Step, option_value};
use crate::dockerfile::shell::Command;

/// A package installed in a stage.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Package {
    pub name: String,
    /// The RUN line that installed it.
    pub line: u32,
    /// The `apk add --virtual NAME` group it was installed under.
    pub group: Option<String>,
    /// `apt-mark auto` marked it: `--auto-remove` takes it away.
    pub auto: bool,
}

/// Where package managers write.
const SYSTEM: &[&str] = &[
    "/usr", "/bin", "/sbin", "/lib", "/lib64", "/etc", "/opt", "/var",
];

/// Packages that bring a C compiler.
const C_COMPILERS: &[&str] = &[
    "gcc",
    "g++",
    "clang",
    "build-essential",
    "build-base",
    "musl-dev",
    "gcc-c++",
];

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    let program = words[0].rsplit('/').next().unwrap_or(&words[0]);
    // Option values (`-t bookworm-backports`, `--virtual .deps`) are neither subcommand nor
    // package: the shared option table says which options take one.
    let mut positionals = crate::dockerfile::options::positionals(program, words);
    let sub = positionals.next().unwrap_or("");
    if program == "apt-mark" {
        // `apt-mark auto '.*'` (then `apt-mark manual $saved`): the official images' way to
        // have `apt-get purge --auto-remove` take the build dependencies away again.
        if sub == "auto" {
            for p in step.packages.iter_mut() {
                p.auto = true;
            }
        }
        return true;
    }
    let install = match program {
        "apt-get" | "apt" => matches!(
            sub,
            "install" | "reinstall" | "upgrade" | "dist-upgrade" | "full-upgrade"
        ),
        "apk" => matches!(sub, "add" | "upgrade"),
        "dnf" | "yum" | "microdnf" => {
            matches!(sub, "install" | "upgrade" | "update" | "groupinstall")
        }
        "dpkg" => words.iter().any(|w| w == "-i" || w == "--install"),
        "rpm" => words
            .iter()
            .any(|w| w.starts_with("-i") || w.starts_with("-U")),
        _ => false,
    };
    let remove = match program {
        "apt-get" | "apt" => matches!(sub, "remove" | "purge" | "autoremove"),
        "apk" => sub == "del",
        "dnf" | "yum" | "microdnf" => matches!(sub, "remove" | "erase" | "autoremove"),
        _ => false,
    };
    let names: Vec<&str> = positionals
        .map(|w| w.split(['=', '>', '<']).next().unwrap_or(w))
        .collect();
    if install {
        let group = (program == "apk")
            .then(|| option_value(words, &["--virtual", "-t"]))
            .flatten();
        for &n in names.iter().filter(|&&n| Some(n) != group) {
            step.packages.push(super::Package {
                name: n.to_string(),
                line: step.line,
                group: group.map(str::to_string),
                auto: false,
            });
            if C_COMPILERS.contains(&n) {
                step.tools.has_cc = Some(true);
            }
        }
        let why = format!("`{program} {sub}`");
        for dir in SYSTEM {
            step.open(Some(dir.to_string()), why.clone(), None);
        }
        // Packages may add system users (www-data, nginx…).
        *step.users = None;
    } else if remove {
        if sub == "autoremove"
            || words
                .iter()
                .any(|w| w == "--auto-remove" || w == "--autoremove")
        {
            step.packages.retain(|p| !p.auto);
        }
        for &n in &names {
            step.packages
                .retain(|p| p.name != n && p.group.as_deref() != Some(n));
        }
    }
    true
}
