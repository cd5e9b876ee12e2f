//! DK215: a dynamically linked binary copied where its C library is not (another family, no
//! libc at all, or an older glibc than it was built against).

use super::chain::{copied_artifacts, image_line, libc_name, made, runtime_libc, version_newer};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::build::fs::Toolchain;
use crate::dockerfile::build::{ArtifactKind, Linkage};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK215",
    aliases: &[],
    severity: Severity::Error,
    title: "Dynamic binary copied into an image without its C library",
    explanation: "A binary linked dynamically loads its C library at start: glibc builds need glibc (and one at least as new as the builder's: `GLIBC_2.38 not found`), musl builds need musl, and scratch or distroless static have none. The kernel then reports `exec …: no such file or directory` for a file that is plainly there. Build statically (a musl target, `-static`, `CGO_ENABLED=0` for Go) or run on an image with the builder's libc (distroless cc/base of the same Debian). Go binaries with cgo on by default are DK203's.",
    lesson: Some("go-multi-stage/the-cgo-trap"),
    runtime: true,
    check,
};

fn toolchain_name(t: Toolchain) -> &'static str {
    match t {
        Toolchain::Go => "Go",
        Toolchain::Rust => "Rust",
        Toolchain::C => "C",
    }
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (sm, path, a, line) in copied_artifacts(ctx) {
        let ArtifactKind::Binary {
            toolchain,
            linkage: Some(Linkage::Dynamic { libc, version }),
            certain,
            why,
        } = &a.kind
        else {
            continue;
        };
        let Some((have, have_version)) = runtime_libc(sm) else {
            continue;
        };
        let Some((_, ins)) = ctx.ins_at_line(line) else {
            continue;
        };
        let what = format!(
            "line {line} copies a {} binary ({path}) linked against {}{} (built at line {} on {}: {why})",
            toolchain_name(*toolchain),
            libc_name(*libc),
            version
                .as_deref()
                .map(|v| format!(" {v}"))
                .unwrap_or_default(),
            a.line,
            made(a),
        );
        let into = image_line(ctx, sm);
        if have != *libc {
            if *toolchain == Toolchain::Go && !*certain {
                continue; // cgo on by default: DK203
            }
            let msg = format!(
                "{what} into {into}, which has {}: exec fails with `no such file or directory`. Link it statically or run it on a {} image",
                libc_name(have),
                libc_name(*libc)
            );
            if *certain {
                r.at(ins.span, msg);
            } else {
                r.at_severity(Severity::Warning, ins.span, msg);
            }
        } else if let (Some(built), Some(run)) = (version, have_version)
            && version_newer(built, &run)
        {
            r.at_severity(
                Severity::Warning,
                ins.span,
                format!(
                    "{what} into {into}, which has {} {run}: symbols newer than {run} are missing (`GLIBC_{built} not found`). Build on the runtime's release or run on a newer one",
                    libc_name(have)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use crate::dockerfile::Severity;

    #[test]
    fn rust_gnu_binary_on_scratch_is_an_error() {
        let d = findings(
            "FROM rust:1-slim AS build\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nFROM scratch\nCOPY --from=build /src/target/release/app /app\nENTRYPOINT [\"/app\"]\n",
            "DK215",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(d[0].location.line, 6);
        assert_eq!(
            d[0].message,
            "line 6 copies a Rust binary (/app) linked against glibc (built at line 4 on rust:1-slim, line 1: Rust on a glibc builder links glibc dynamically) into scratch (line 5), which has no C library: exec fails with `no such file or directory`. Link it statically or run it on a glibc image"
        );
    }

    #[test]
    fn musl_target_or_glibc_runtime_is_fine() {
        let musl = "FROM rust:1-slim AS build\nRUN cargo build --release --target x86_64-unknown-linux-musl\nFROM scratch\nCOPY --from=build /target/x86_64-unknown-linux-musl/release/app /app\n";
        assert!(findings(musl, "DK215").is_empty());
        let cc = "FROM rust:1-slim AS build\nRUN cargo build --release\nFROM gcr.io/distroless/cc-debian13\nCOPY --from=build /target/release/app /app\n";
        assert!(findings(cc, "DK215").is_empty());
    }
}
