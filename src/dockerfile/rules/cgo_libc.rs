//! DK203: a Go binary built with cgo on (the default where gcc is installed) copied into a musl
//! or libc-less image, followed through the build model from its `go build` to the COPY.

use super::chain::{copied_artifacts, image_line, libc_name, made, runtime_libc};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::build::fs::Toolchain;
use crate::dockerfile::build::{ArtifactKind, Linkage};
use crate::dockerfile::images::Libc;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK203",
    aliases: &[],
    severity: Severity::Warning,
    title: "Go binary built with cgo on, copied into a musl or libc-less image",
    explanation: "On Debian-based `golang` images cgo is on by default (gcc is installed), so any program using `net` or `os/user` — every HTTP server — is linked against glibc. Alpine has musl and scratch/distroless static have no libc at all, so the binary fails with `exec ./app: no such file or directory`. Build with `CGO_ENABLED=0 go build …` (or use a glibc runtime such as distroless base/cc).",
    lesson: Some("go-multi-stage/the-cgo-trap"),
    runtime: true,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (sm, _, a, line) in copied_artifacts(ctx) {
        let ArtifactKind::Binary {
            toolchain: Toolchain::Go,
            linkage: Some(Linkage::Dynamic {
                libc: Libc::Glibc, ..
            }),
            certain: false,
            ..
        } = &a.kind
        else {
            continue;
        };
        let Some((have @ (Libc::Musl | Libc::None), _)) = runtime_libc(sm) else {
            continue;
        };
        let Some((_, copy)) = ctx.ins_at_line(line) else {
            continue;
        };
        let builder = &ctx.model.stages[a.stage];
        let msg = format!(
            "the Go binary from stage {} (built at line {}) has cgo on, the default on {}: it needs glibc, but {} has {} → `exec …: no such file or directory`. Build with `CGO_ENABLED=0 go build`",
            builder.label(),
            a.line,
            made(a),
            image_line(ctx, sm),
            libc_name(have),
        );
        // At the `--from`, where the binary's stage is named (as before the model).
        let span = copy
            .flag("from")
            .map_or(copy.span, |f| f.value_span.unwrap_or(f.span));
        match build_fix(ctx, a.line) {
            Some((l, text)) => r.fix(span, msg, l, text),
            None => r.at(span, msg),
        }
    }
}

/// `RUN go build …` → `RUN CGO_ENABLED=0 go build …` when the line has exactly one `go build`.
fn build_fix(ctx: &Ctx<'_>, line: u32) -> Option<(usize, String)> {
    let (_, ins) = ctx.ins_at_line(line)?;
    if ins.start_line != ins.end_line {
        return None;
    }
    let text = ctx.line_text(line as usize)?;
    (text.matches("go build").count() == 1).then(|| {
        (
            line as usize,
            text.replacen("go build", "CGO_ENABLED=0 go build", 1),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn cgo_default_binary_onto_static_distroless_warns_with_a_fix() {
        let d = findings(
            "FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\n",
            "DK203",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].location.line, 4);
        assert_eq!(
            d[0].message,
            "the Go binary from stage build (built at line 2) has cgo on, the default on golang:1.26, line 1: it needs glibc, but gcr.io/distroless/static-debian13 (line 3) has no C library → `exec …: no such file or directory`. Build with `CGO_ENABLED=0 go build`"
        );
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(
            (fix.line, fix.replacement.as_str()),
            (2, "RUN CGO_ENABLED=0 go build -o /app .")
        );
    }

    #[test]
    fn static_builds_and_other_files_are_silent() {
        // CGO_ENABLED=0, an alpine builder (no gcc), and CA certificates copied from a builder.
        for src in [
            "FROM golang:1.26 AS build\nENV CGO_ENABLED=0\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n",
            "FROM golang:1.26-alpine AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n",
            "FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n",
        ] {
            assert!(findings(src, "DK203").is_empty(), "{src}");
        }
    }
}
