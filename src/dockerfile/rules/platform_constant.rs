//! DK311 (BuildKit's FromPlatformFlagConstDisallowed): `FROM --platform=linux/amd64` pins a
//! stage to one platform.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;
use crate::dockerfile::model::expand::has_variable;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK311",
    aliases: &["FromPlatformFlagConstDisallowed"],
    severity: Severity::Warning,
    title: "FROM --platform with a constant value",
    explanation: "`FROM --platform=linux/amd64` builds that stage for amd64 whatever platform the build targets, so a multi-platform build (or a build on an arm64 machine) silently ships, or runs under emulation, the wrong architecture. Use `$BUILDPLATFORM` for stages that cross-compile, or drop the flag. As BuildKit: silent when the stage's name contains the OS or architecture (`AS build-amd64`), which says the pin is deliberate.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let Args::From(f) = &ctx.ins(st.from).args else {
            continue;
        };
        let Some(p) = &f.platform else { continue };
        if has_variable(&p.text) {
            continue;
        }
        let Some((os, arch)) = platform(&p.text) else {
            continue;
        };
        let name = st.name.as_deref().unwrap_or("");
        if name.contains(&os) || arch.as_deref().is_some_and(|a| name.contains(a)) {
            continue;
        }
        r.at(
            p.span,
            format!(
                "FROM --platform flag should not use constant value \"{}\": use $BUILDPLATFORM or drop it",
                p.text
            ),
        );
    }
}

/// `os[/arch[/variant]]` normalised as containerd's `platforms.Parse` does (the parts BuildKit
/// compares with the stage name); `None` when it would not parse, and BuildKit says nothing.
fn platform(text: &str) -> Option<(String, Option<String>)> {
    let parts: Vec<String> = text.split('/').map(str::to_ascii_lowercase).collect();
    let valid = |p: &String| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(valid) {
        return None;
    }
    let os = |p: &str| {
        if p == "macos" {
            "darwin".to_string()
        } else {
            p.to_string()
        }
    };
    if parts.len() == 1 {
        const KNOWN_OS: [&str; 8] = [
            "linux", "windows", "darwin", "macos", "freebsd", "netbsd", "openbsd", "solaris",
        ];
        return if KNOWN_OS.contains(&parts[0].as_str()) {
            Some((os(&parts[0]), None))
        } else {
            // An architecture alone means linux (buildkitd's OS).
            Some(("linux".into(), Some(arch(&parts[0]))))
        };
    }
    Some((os(&parts[0]), Some(arch(&parts[1]))))
}

fn arch(a: &str) -> String {
    match a {
        "i386" => "386",
        "x86_64" | "x86-64" => "amd64",
        "aarch64" => "arm64",
        "armhf" | "armel" => "arm",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use super::platform;

    #[test]
    fn constant_platform_warns() {
        let d = findings("FROM --platform=linux/amd64 alpine:3.22\n", "DK311");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].location.line, d[0].location.column), (1, 17));
        assert_eq!(
            d[0].message,
            "FROM --platform flag should not use constant value \"linux/amd64\": use $BUILDPLATFORM or drop it"
        );
    }

    #[test]
    fn variables_and_named_stages_are_fine() {
        // BuildKit's shape: the stage name says the platform is meant.
        assert!(
            findings(
                "FROM --platform=linux/amd64 alpine:3.22 AS build_amd64\n",
                "DK311"
            )
            .is_empty()
        );
        assert!(
            findings(
                "FROM --platform=linux/arm64 alpine:3.22 AS linux-builder\n",
                "DK311"
            )
            .is_empty()
        );
        assert!(findings("FROM --platform=$BUILDPLATFORM alpine:3.22\n", "DK311").is_empty());
        assert!(findings("FROM --platform=not/a/valid/one alpine:3.22\n", "DK311").is_empty());
    }

    #[test]
    fn normalises_like_containerd() {
        assert_eq!(
            platform("linux/x86_64"),
            Some(("linux".into(), Some("amd64".into())))
        );
        assert_eq!(
            platform("aarch64"),
            Some(("linux".into(), Some("arm64".into())))
        );
        assert_eq!(platform("windows"), Some(("windows".into(), None)));
        assert_eq!(platform("linux/a b"), None);
    }
}
