//! DK205: compilers installed in the final stage and never removed (by the build model's
//! package list: `apk add --virtual .x … && apk del .x` leaves nothing).

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK205",
    aliases: &[],
    severity: Severity::Warning,
    title: "Compilers or build tools in the final stage",
    explanation: "The final stage installs a compiler or build tool (gcc, make, build-essential, a JDK…) and never removes it, so it ships. Do the build in an earlier stage and `COPY --from` only its output (or remove the tools in the same RUN: `apk add --virtual .build-deps … && … && apk del .build-deps`).",
    lesson: Some("why-multi-stage/keep-only-what-runs"),
    runtime: false,
    check,
};

const COMPILER_PACKAGES: &[&str] = &[
    "gcc",
    "g++",
    "clang",
    "make",
    "cmake",
    "build-essential",
    "build-base",
    "musl-dev",
    "libc6-dev",
    "golang",
    "go",
    "rustc",
    "cargo",
    "maven",
    "gradle",
    "default-jdk",
    "nodejs-dev",
    "python3-dev",
    "python-dev",
    "gcc-c++",
    "autoconf",
    "automake",
    "libtool",
];

fn is_build_tool(p: &str) -> bool {
    COMPILER_PACKAGES.contains(&p) || (p.starts_with("openjdk-") && p.ends_with("-jdk"))
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let Some(sm) = ctx.model.final_stage.and_then(|i| ctx.build().stage(i)) else {
        return;
    };
    let mut reported = Vec::new();
    for p in sm.packages.iter().filter(|p| is_build_tool(&p.name)) {
        if reported.contains(&p.line) {
            continue;
        }
        reported.push(p.line);
        let Some((_, ins)) = ctx.ins_at_line(p.line) else {
            continue;
        };
        r.at(
            ins.span,
            format!(
                "the final stage installs {} (line {}) and never removes it: build tools ship with the image. Build in an earlier stage and COPY --from only the output",
                p.name, p.line
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn installed_compiler_ships() {
        let d = findings(
            "FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\n",
            "DK205",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "the final stage installs gcc (line 2) and never removes it: build tools ship with the image. Build in an earlier stage and COPY --from only the output"
        );
    }

    #[test]
    fn removed_in_the_same_run_is_silent() {
        for src in [
            "FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n",
            "FROM debian:13-slim\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\n",
            "FROM debian:13-slim AS build\nRUN apt-get install -y gcc\nFROM debian:13-slim\n",
            "FROM debian:13-slim\nRUN saved=\"$(apt-mark showmanual)\"; apt-get install -y gcc; make; apt-mark auto '.*'; apt-mark manual $saved; apt-get purge -y --auto-remove\n",
        ] {
            assert!(findings(src, "DK205").is_empty(), "{src}");
        }
    }
}
