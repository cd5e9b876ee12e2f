//! `go build -o` and `go install`: a Go binary, static or linked against the builder's libc
//! depending on cgo.

use super::{Step, option_value};
use crate::dockerfile::build::fs::{ArtifactKind, Linkage, Toolchain};
use crate::dockerfile::shell::Command;

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    let sub = words.get(1).map(|w| &**w).unwrap_or("");
    match sub {
        "build" => {
            let artifact = Some(step.made(binary(cmd, step)));
            match option_value(words, &["-o"]).and_then(|o| step.path(o).map(|p| (o, p))) {
                Some((o, p)) if o.ends_with('/') => {
                    step.open(Some(p), "`go build -o DIR/`".into(), artifact)
                }
                Some((_, p)) => step.add(p, Some(false), artifact),
                None => {
                    let cwd = step.cwd.clone();
                    step.open(
                        Some(cwd),
                        "`go build` (named after the package)".into(),
                        artifact,
                    )
                }
            }
            true
        }
        "install" => {
            let artifact = Some(step.made(binary(cmd, step)));
            let bin = step
                .var(cmd, "GOBIN")
                .map(str::to_string)
                .or_else(|| Some(format!("{}/bin", step.var(cmd, "GOPATH").unwrap_or("/go"))));
            step.open(bin, "`go install`".into(), artifact);
            true
        }
        "mod" | "version" | "vet" | "test" | "env" | "list" | "fmt" | "tool" | "work" | "clean" => {
            true
        }
        "generate" | "get" => {
            let cwd = step.cwd.clone();
            step.open(Some(cwd), format!("`go {sub}`"), None);
            true
        }
        _ => false,
    }
}

/// The binary `go build` makes here: static when cgo is off, else linked to the builder's libc.
fn binary(cmd: &Command<'_>, step: &Step<'_>) -> ArtifactKind {
    let rust_like = |linkage, certain, why: &str| ArtifactKind::Binary {
        toolchain: Toolchain::Go,
        linkage,
        certain,
        why: why.to_string(),
    };
    let ldflags = cmd.words.iter().any(|w| w.contains("-static"));
    match step
        .var(cmd, "CGO_ENABLED")
        .map(|v| v.trim_matches(['"', '\'']))
    {
        Some("0") => return rust_like(Some(Linkage::Static), true, "CGO_ENABLED=0"),
        _ if ldflags => return rust_like(Some(Linkage::Static), true, "linked with -static"),
        Some("1") => {}
        _ => match step.tools.has_cc {
            Some(false) => {
                return rust_like(
                    Some(Linkage::Static),
                    true,
                    "no C compiler in the builder, so cgo is off",
                );
            }
            None => return rust_like(None, false, "cgo unknown"),
            Some(true) => {}
        },
    }
    match step.tools.libc {
        Some(libc) => rust_like(
            Some(Linkage::Dynamic {
                libc,
                version: step.tools.libc_version.clone(),
            }),
            false,
            "cgo is on (the default where a C compiler is installed)",
        ),
        None => rust_like(None, false, "cgo on, builder libc unknown"),
    }
}
