//! What the yum, dnf and zypper rules share: which commands install, whether they answer
//! their own questions, whether the RUN clears the package cache, and what counts as a
//! version.

use super::run_steps::{removes, scratch_mount};
use super::shell::{Command, Script};
use crate::dockerfile::ast::Instruction;

/// A package manager of the rpm family, as the rules read it.
pub(super) struct Rpm {
    /// The program names (dnf's rules read microdnf too).
    pub programs: &'static [&'static str],
    /// Subcommands that install and so ask for confirmation.
    pub installs: &'static [&'static str],
    /// The directory its downloads stay in.
    pub cache: &'static str,
}

pub(super) const YUM: Rpm = Rpm {
    programs: &["yum"],
    installs: &["install", "groupinstall", "localinstall"],
    cache: "/var/cache/yum",
};

pub(super) const DNF: Rpm = Rpm {
    programs: &["dnf", "microdnf"],
    installs: &["install", "groupinstall", "localinstall"],
    cache: "/var/cache/dnf",
};

impl Rpm {
    /// Whether `c` runs one of the programs with one of `subs`.
    pub(super) fn is(&self, c: &Command<'_>, subs: &[&str]) -> bool {
        self.programs.iter().any(|p| c.is(p, subs))
    }

    /// An install without `-y`/`--assumeyes`: it waits for an answer no build gives.
    pub(super) fn asks(&self, c: &Command<'_>) -> bool {
        self.is(c, self.installs) && !c.has_short_or_long('y', &["--assumeyes"])
    }

    /// `install` of a package named without a version (`httpd`, not `httpd-2.4.6`).
    pub(crate) fn unpinned(&self, c: &Command<'_>) -> bool {
        self.is(c, &["install"]) && c.operands().any(|p| !package_file(p) && !dash_version(p))
    }

    /// A RUN that installs and leaves the downloaded packages in its layer: no `clean all`,
    /// no `rm` of the cache, no cache or tmpfs mount over it.
    pub(crate) fn leaves_cache(&self, ins: &Instruction, script: &Script<'_>) -> bool {
        script.commands.iter().any(|c| self.is(c, &["install"]))
            && !script
                .commands
                .iter()
                .any(|c| self.is(c, &["clean"]) && c.operands().any(|w| w == "all"))
            && !removes(script, self.cache)
            && !scratch_mount(ins, self.cache)
    }
}

/// zypper's subcommands (and their short names) that change packages, and so ask first.
const ZYPPER_CHANGES: &[&str] = &[
    "install",
    "in",
    "remove",
    "rm",
    "source-install",
    "si",
    "patch",
    "update",
    "up",
    "dist-upgrade",
    "dup",
];

/// A zypper command that changes packages without `-n` (`--non-interactive`) or `-y`
/// (`--no-confirm`): it waits for an answer no build gives.
pub(super) fn zypper_asks(c: &Command<'_>) -> bool {
    c.is("zypper", ZYPPER_CHANGES)
        && !c.has_short_or_long('n', &["--non-interactive"])
        && !c.has_short_or_long('y', &["--no-confirm"])
}

/// `zypper install` of a package without a version constraint (`httpd=2.4.6`, `httpd>=2.4`).
pub(super) fn zypper_unpinned(c: &Command<'_>) -> bool {
    c.is("zypper", &["install", "in"])
        && c.operands()
            .any(|p| !p.contains(['=', '<', '>']) && !package_file(p))
}

/// A RUN that installs with zypper and keeps /var/cache/zypp in its layer.
pub(super) fn zypper_leaves_cache(ins: &Instruction, script: &Script<'_>) -> bool {
    const CACHE: &str = "/var/cache/zypp";
    script.any("zypper", &["install", "in"])
        && !script.any("zypper", &["clean", "cc"])
        && !removes(script, CACHE)
        && !scratch_mount(ins, CACHE)
}

/// `name-1.2`: a `-` followed by a digit starts the version (names have dashes too:
/// `python3-pip` names no version).
fn dash_version(p: &str) -> bool {
    p.match_indices('-')
        .any(|(i, _)| p[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// A local package file, a path or a variable: its version is not written here.
pub(super) fn package_file(p: &str) -> bool {
    p.contains(['/', '$']) || p.ends_with(".rpm")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_follows_a_dash() {
        assert!(dash_version("httpd-2.4.6"));
        assert!(dash_version("python3-pip-9.0"));
        assert!(!dash_version("python3-pip"));
        assert!(!dash_version("x.1"));
    }
}
