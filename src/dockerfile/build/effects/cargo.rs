//! `cargo build` and `cargo install`: Rust binaries, static on musl targets, else linked
//! against the builder's glibc.

use super::{Step, option_value};
use crate::dockerfile::build::fs::{ArtifactKind, Linkage, Toolchain};
use crate::dockerfile::images::Libc;
use crate::dockerfile::shell::Command;

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    let sub = words.get(1).map(|w| &**w).unwrap_or("");
    match sub {
        "build" | "b" => {
            let target = option_value(words, &["--target"]);
            let profile = option_value(words, &["--profile"])
                .map(str::to_string)
                .unwrap_or_else(|| {
                    if cmd.words.iter().any(|w| w == "--release" || w == "-r") {
                        "release".into()
                    } else {
                        "debug".into()
                    }
                });
            let dir = option_value(words, &["--target-dir"])
                .or_else(|| step.var(cmd, "CARGO_TARGET_DIR"))
                .unwrap_or("target")
                .to_string();
            let out = match target {
                Some(t) => format!("{dir}/{t}/{profile}"),
                None => format!("{dir}/{profile}"),
            };
            let artifact = Some(step.made(binary(cmd, step, target)));
            let path = step.path(&out);
            step.open(path, "`cargo build`".into(), artifact);
            true
        }
        "install" => {
            let target = option_value(words, &["--target"]);
            let artifact = Some(step.made(binary(cmd, step, target)));
            let root = option_value(words, &["--root"])
                .map(str::to_string)
                .or_else(|| step.var(cmd, "CARGO_INSTALL_ROOT").map(str::to_string))
                .or_else(|| step.var(cmd, "CARGO_HOME").map(str::to_string))
                .unwrap_or_else(|| "/usr/local/cargo".into());
            let path = step.path(&format!("{root}/bin"));
            step.open(path, "`cargo install`".into(), artifact);
            true
        }
        "fetch" | "check" | "test" | "clippy" | "fmt" | "version" | "--version" | "metadata"
        | "chef" | "new" | "init" | "doc" | "clean" | "vendor" | "generate-lockfile" => {
            // `cargo chef cook` and `cargo new` write into the project only.
            let cwd = step.cwd.clone();
            step.open(Some(cwd), format!("`cargo {sub}`"), None);
            true
        }
        _ => false,
    }
}

fn binary(cmd: &Command<'_>, step: &Step<'_>, target: Option<&str>) -> ArtifactKind {
    let make = |linkage, why: &str| ArtifactKind::Binary {
        toolchain: Toolchain::Rust,
        linkage,
        certain: true,
        why: why.to_string(),
    };
    let flags = step.var(cmd, "RUSTFLAGS").unwrap_or("");
    if flags.contains("crt-static") {
        return make(Some(Linkage::Static), "RUSTFLAGS has +crt-static");
    }
    match target {
        Some(t) if t.contains("musl") => {
            make(Some(Linkage::Static), "a musl target links statically")
        }
        Some(t) if t.contains("gnu") => make(
            Some(Linkage::Dynamic {
                libc: Libc::Glibc,
                version: step.tools.libc_version.clone(),
            }),
            "a -gnu target links glibc dynamically",
        ),
        Some(_) => make(None, "an unusual target"),
        None => match step.tools.libc {
            Some(Libc::Musl) => make(Some(Linkage::Static), "Rust on musl links statically"),
            Some(Libc::Glibc) => make(
                Some(Linkage::Dynamic {
                    libc: Libc::Glibc,
                    version: step.tools.libc_version.clone(),
                }),
                "Rust on a glibc builder links glibc dynamically",
            ),
            _ => make(None, "builder libc unknown"),
        },
    }
}
