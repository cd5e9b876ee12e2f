//! DL3029 (BuildKit's FromPlatformFlagConstDisallowed; hadolint's DL3029, one rule for both): `FROM --platform=linux/amd64` pins a
//! stage to one platform.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;
use crate::dockerfile::model::expand::has_variable;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3029",
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
        let Some(pf) = platform(&p.text) else {
            continue;
        };
        let name = st.name.as_deref().unwrap_or("");
        if name.contains(&pf.os) || pf.arch.as_deref().is_some_and(|a| name.contains(a)) {
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

/// A platform as containerd's `platforms.Parse` normalises it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Platform {
    pub os: String,
    pub arch: Option<String>,
    pub variant: Option<String>,
}

impl Platform {
    /// Whether `self` (as written in FROM) names the table's `os/arch[/variant]` `listed`:
    /// a missing variant matches any, and `arm` means `arm/v7` as in containerd.
    pub(super) fn is(&self, listed: &str) -> bool {
        let Some(other) = platform(listed) else {
            return false;
        };
        let variant = |p: &Platform| match (p.arch.as_deref(), p.variant.as_deref()) {
            (Some("arm"), None) => Some("v7".to_string()),
            (Some("arm64"), Some("v8")) => None,
            _ => p.variant.clone(),
        };
        self.os == other.os
            && self.arch == other.arch
            && match (variant(self), variant(&other)) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// `os[/arch[/variant]]` normalised as containerd's `platforms.Parse` does; `None` when it
/// would not parse (BuildKit then says nothing here, and fails later).
pub(super) fn platform(text: &str) -> Option<Platform> {
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
        return Some(if KNOWN_OS.contains(&parts[0].as_str()) {
            Platform {
                os: os(&parts[0]),
                arch: None,
                variant: None,
            }
        } else {
            // An architecture alone means linux (buildkitd's OS).
            Platform {
                os: "linux".into(),
                arch: Some(arch(&parts[0])),
                variant: None,
            }
        });
    }
    Some(Platform {
        os: os(&parts[0]),
        arch: Some(arch(&parts[1])),
        variant: parts.get(2).cloned(),
    })
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
        let d = findings("FROM --platform=linux/amd64 alpine:3.22\n", "DL3029");
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
                "DL3029"
            )
            .is_empty()
        );
        assert!(
            findings(
                "FROM --platform=linux/arm64 alpine:3.22 AS linux-builder\n",
                "DL3029"
            )
            .is_empty()
        );
        assert!(findings("FROM --platform=$BUILDPLATFORM alpine:3.22\n", "DL3029").is_empty());
        assert!(findings("FROM --platform=not/a/valid/one alpine:3.22\n", "DL3029").is_empty());
    }

    #[test]
    fn normalises_like_containerd() {
        let p = platform("linux/x86_64").unwrap();
        assert_eq!((p.os.as_str(), p.arch.as_deref()), ("linux", Some("amd64")));
        let p = platform("aarch64").unwrap();
        assert_eq!((p.os.as_str(), p.arch.as_deref()), ("linux", Some("arm64")));
        assert_eq!(platform("windows").unwrap().arch, None);
        assert_eq!(platform("linux/a b"), None);
    }

    #[test]
    fn matching_the_tables_platforms() {
        let arm = platform("linux/arm").unwrap();
        assert!(arm.is("linux/arm/v7"));
        assert!(!arm.is("linux/arm/v6"));
        assert!(platform("linux/arm64/v8").unwrap().is("linux/arm64"));
        assert!(platform("linux/amd64").unwrap().is("linux/amd64"));
        assert!(!platform("linux/386").unwrap().is("linux/amd64"));
    }
}
