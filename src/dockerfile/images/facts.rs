//! The content facts of the image table (IMAGE-FACTS.md): distro and libc release, programs,
//! users, CMD, the language runtime and end of life. What a tag says (a Node major, a Debian
//! release in `-bookworm`) is read from it by patterns each entry declares, never guessed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ImageInfo, TableError, glob};

/// Programs whose presence or absence the table records for every image that has `programs`.
pub const WELL_KNOWN_PROGRAMS: &[&str] = &[
    "sh", "bash", "busybox", "curl", "wget", "node", "npm", "python", "python3", "pip", "java",
    "go", "cargo", "rustc", "gcc", "cc", "make", "git", "apt-get", "apk", "dnf", "useradd",
    "adduser",
];

/// A language runtime an image ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Node,
    Python,
    Java,
    Go,
    Rust,
}

impl Language {
    fn word(self) -> &'static str {
        match self {
            Language::Node => "node",
            Language::Python => "python",
            Language::Java => "java",
            Language::Go => "go",
            Language::Rust => "rust",
        }
    }
}

/// The language runtime of one image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuntimeFacts {
    pub language: Language,
    /// Major (Node, Java, Go "1.27") or major.minor (Python "3.13") version; None = unknown.
    pub version: Option<String>,
    /// Absolute path of the interpreter/runtime binary ("/usr/local/bin/node", "/nodejs/bin/node").
    pub interpreter: Option<String>,
}

/// Where in a tag the runtime version is, and how much of the number names it: `N` (the
/// tag's leading major), `N.N` (major.minor), or a word before it (`temurin-N`: the major
/// after `temurin-`, as in maven's `3.9-eclipse-temurin-21`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct VersionPattern {
    prefix: String,
    minor: bool,
}

impl VersionPattern {
    fn parse(word: &str) -> Result<Self, TableError> {
        let (prefix, minor) = if let Some(p) = word.strip_suffix("N.N") {
            (p, true)
        } else if let Some(p) = word.strip_suffix('N') {
            (p, false)
        } else {
            return Err(TableError(format!(
                "version_from_tag: {word} (want N, N.N or a word before them)"
            )));
        };
        if prefix.contains('N') {
            return Err(TableError(format!("version_from_tag: {word}")));
        }
        Ok(Self {
            prefix: prefix.to_string(),
            minor,
        })
    }

    /// The version the tag names at the pattern's place, if it carries one.
    fn read(&self, tag: &str) -> Option<String> {
        let number = |s: &str| {
            let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            (end > 0).then_some(end)
        };
        let tag = if self.prefix.is_empty() {
            tag
        } else {
            let at = tag.find(&self.prefix)?;
            &tag[at + self.prefix.len()..]
        };
        let major = number(tag)?;
        if !self.minor {
            return Some(tag[..major].to_string());
        }
        let rest = tag[major..].strip_prefix('.')?;
        let minor = number(rest)?;
        Some(tag[..major + 1 + minor].to_string())
    }
}

/// `runtime:` of an entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRuntime {
    language: Language,
    /// A fixed version (distroless nodejs22 is Node 22 whatever its tag).
    version: Option<String>,
    /// `N` or `N.N`: the version is the tag's leading number.
    version_from_tag: Option<String>,
    /// Tags (their part before the first `-`) that name a version without a number: Node's
    /// release codenames, which never move (`krypton` is 24).
    #[serde(default)]
    version_aliases: BTreeMap<String, String>,
    interpreter: Option<String>,
}

/// `runtime:` after loading.
#[derive(Debug)]
pub(super) struct RuntimeSpec {
    language: Language,
    version: Option<String>,
    pattern: Option<VersionPattern>,
    aliases: BTreeMap<String, String>,
    interpreter: Option<String>,
}

impl RawRuntime {
    pub(super) fn load(self) -> Result<RuntimeSpec, TableError> {
        if let Some(i) = &self.interpreter
            && !i.starts_with('/')
        {
            return Err(TableError(format!("interpreter {i} is not absolute")));
        }
        Ok(RuntimeSpec {
            language: self.language,
            version: self.version,
            pattern: self
                .version_from_tag
                .as_deref()
                .map(VersionPattern::parse)
                .transpose()?,
            aliases: self.version_aliases,
            interpreter: self.interpreter,
        })
    }
}

impl RuntimeSpec {
    /// The runtime of an image pulled by `tag` (`None` = pinned by digest only).
    pub(super) fn resolve(&self, tag: Option<&str>) -> RuntimeFacts {
        let from_tag = || {
            let tag = tag?;
            let head = tag.split('-').next().unwrap_or(tag);
            if let Some(v) = self.aliases.get(head) {
                return Some(v.clone());
            }
            self.pattern.as_ref()?.read(tag)
        };
        RuntimeFacts {
            language: self.language,
            version: self.version.clone().or_else(from_tag),
            interpreter: self.interpreter.clone(),
        }
    }
}

/// What a variant word in a tag says about the distribution (`-bookworm`, `-alpine3.23`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TagDistro {
    tags: Vec<String>,
    distro: String,
    libc_version: String,
}

/// The first `tag_distros` row whose glob matches `tag`: (distro, libc version).
pub(super) fn distro_of_tag<'a>(rows: &'a [TagDistro], tag: &str) -> Option<(&'a str, &'a str)> {
    rows.iter()
        .find(|r| r.tags.iter().any(|g| glob(g, tag)))
        .map(|r| (r.distro.as_str(), r.libc_version.as_str()))
}

/// Release and end-of-life dates of distribution releases and runtime versions, and the day
/// they were checked (`as_of`): what "end of life" is judged against.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EndOfLife {
    as_of: Option<String>,
    #[allow(dead_code)] // documents the dates in the file; each row names its own source
    source: Option<String>,
    /// "debian 12" → its dates.
    #[serde(default)]
    distros: BTreeMap<String, Lifecycle>,
    /// "node 22", "python 3.13", "go 1.26", "java 21" → its dates.
    #[serde(default)]
    runtimes: BTreeMap<String, Lifecycle>,
}

/// One release's dates and where they come from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lifecycle {
    released: Option<String>,
    /// None: still supported, its end not dated yet.
    eol: Option<String>,
    /// When an undated end comes ("Go 1.29 ships"); documentation only.
    #[allow(dead_code)]
    until: Option<String>,
    source: String,
}

/// An end-of-life date and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Eol {
    pub(super) date: String,
    pub(super) source: String,
}

impl EndOfLife {
    pub(super) fn check(&self) -> Result<(), TableError> {
        let rows = self.distros.iter().chain(&self.runtimes);
        for (name, row) in rows {
            for date in [&row.released, &row.eol].into_iter().flatten() {
                if !is_date(date) {
                    return Err(TableError(format!(
                        "end of life of {name}: {date}: want YYYY-MM-DD"
                    )));
                }
            }
        }
        match &self.as_of {
            Some(d) if !is_date(d) => Err(TableError(format!("as_of {d}: want YYYY-MM-DD"))),
            _ => Ok(()),
        }
    }

    /// The day the dates were checked.
    pub(super) fn as_of(&self) -> Option<&str> {
        self.as_of.as_deref()
    }

    /// The earliest of the distro's and the runtime's end of life. Unknown when either is
    /// unknown (an image whose runtime version is not known has no known end), except that a
    /// variant that names no distro at all ends with its runtime: no later than that, at least.
    pub(super) fn of(&self, distro: Option<&str>, runtime: Option<&RuntimeFacts>) -> Option<Eol> {
        let dated = |row: &Lifecycle, name: &str| {
            Some(Eol {
                date: row.eol.clone()?,
                source: format!("{name}: {}", row.source),
            })
        };
        let distro_eol = match distro {
            Some(d) => Some(dated(self.distros.get(d)?, d)?),
            None => None,
        };
        let Some(rt) = runtime else {
            return distro_eol;
        };
        let key = format!("{} {}", rt.language.word(), rt.version.as_deref()?);
        let runtime_eol = dated(self.runtimes.get(&key)?, &key)?;
        // ISO dates order as strings.
        Some(match distro_eol {
            Some(d) if d.date <= runtime_eol.date => d,
            _ => runtime_eol,
        })
    }
}

/// `YYYY-MM-DD`.
pub(super) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `["root:0", "node:1000"]` → names and uids.
pub(super) fn split_users(users: &[String]) -> Result<(Vec<String>, Vec<u32>), TableError> {
    users
        .iter()
        .map(|u| {
            let (name, uid) = u
                .split_once(':')
                .ok_or_else(|| TableError(format!("user {u}: want name:uid")))?;
            let uid: u32 = uid
                .parse()
                .map_err(|_| TableError(format!("user {u}: uid is not a number")))?;
            Ok((name.to_string(), uid))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|pairs| pairs.into_iter().unzip())
}

/// Every program path is absolute and names a well-known program (so "not listed" means absent).
pub(super) fn check_programs(programs: &[String]) -> Result<(), TableError> {
    for p in programs {
        let name = p.rsplit('/').next().unwrap_or(p);
        if !p.starts_with('/') || !WELL_KNOWN_PROGRAMS.contains(&name) {
            return Err(TableError(format!(
                "program {p}: want an absolute path to a well-known program"
            )));
        }
    }
    Ok(())
}

/// One row of an entry's `variants:` as written: the content facts of the tags it matches.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVariant {
    tags: Option<Vec<String>>,
    distro: Option<String>,
    libc_version: Option<String>,
    /// A distro word in the tag (`-bookworm`, `-alpine3.23`) overrides `distro`.
    #[serde(default)]
    distro_from_tag: bool,
    path: Option<Vec<String>>,
    programs: Option<Vec<String>>,
    #[serde(default)]
    contents_complete: bool,
    /// Its bin directories hold programs beyond the well-known ones in `programs` (libc-bin's
    /// `getent`, `ldd`): one not listed there is only likely absent.
    #[serde(default)]
    other_programs: bool,
    /// `name:uid` each.
    users: Option<Vec<String>>,
    #[serde(default)]
    users_complete: bool,
    cmd: Option<Vec<String>>,
    /// Overrides the entry's `entrypoint` for these tags.
    entrypoint: Option<Vec<String>>,
    /// Well-known programs whose presence the sources do not settle (see `ImageInfo`).
    #[serde(default)]
    programs_unknown: Vec<String>,
    runtime: Option<RawRuntime>,
    /// A date, or `unknown` (the distro's date does not apply: distroless has its own policy).
    eol: Option<String>,
    /// Where a dated `eol` comes from.
    eol_source: Option<String>,
    facts_source: Option<String>,
}

/// A loaded variant.
#[derive(Debug)]
pub(super) struct Variant {
    tags: Vec<String>,
    distro_from_tag: bool,
    runtime: Option<RuntimeSpec>,
    eol: Option<String>,
    eol_source: Option<String>,
    /// The facts that do not depend on the tag, as [`ImageInfo`] fields.
    fixed: Fixed,
}

#[derive(Debug, Clone)]
struct Fixed {
    distro: Option<String>,
    libc_version: Option<String>,
    path: Option<Vec<String>>,
    programs: Option<Vec<String>>,
    contents_complete: bool,
    other_programs: bool,
    users: Option<Vec<String>>,
    user_ids: Option<Vec<u32>>,
    users_complete: bool,
    cmd: Option<Vec<String>>,
    entrypoint: Option<Vec<String>>,
    programs_unknown: Vec<String>,
    facts_source: Option<String>,
}

impl RawVariant {
    pub(super) fn load(self) -> Result<Variant, TableError> {
        if let Some(p) = &self.programs {
            check_programs(p)?;
        }
        for name in &self.programs_unknown {
            if !WELL_KNOWN_PROGRAMS.contains(&name.as_str()) {
                return Err(TableError(format!(
                    "programs_unknown: {name} is not well known"
                )));
            }
        }
        if let Some(d) = &self.eol
            && d != "unknown"
            && !is_date(d)
        {
            return Err(TableError(format!("eol {d}: want YYYY-MM-DD or unknown")));
        }
        if self.eol.as_deref().is_some_and(is_date) && self.eol_source.is_none() {
            return Err(TableError("a dated eol needs its eol_source".into()));
        }
        let (users, user_ids) = match &self.users {
            Some(u) => {
                let (names, ids) = split_users(u)?;
                (Some(names), Some(ids))
            }
            None => (None, None),
        };
        Ok(Variant {
            tags: self.tags.unwrap_or_else(|| vec!["*".into()]),
            distro_from_tag: self.distro_from_tag,
            runtime: self.runtime.map(RawRuntime::load).transpose()?,
            eol: self.eol,
            eol_source: self.eol_source,
            fixed: Fixed {
                distro: self.distro,
                libc_version: self.libc_version,
                path: self.path,
                programs: self.programs,
                contents_complete: self.contents_complete,
                other_programs: self.other_programs,
                users,
                user_ids,
                users_complete: self.users_complete,
                cmd: self.cmd,
                entrypoint: self.entrypoint,
                programs_unknown: self.programs_unknown,
                facts_source: self.facts_source,
            },
        })
    }
}

impl Variant {
    /// Whether this variant describes images pulled by `tag` (`None`: by digest only, which
    /// only a variant for every tag describes).
    pub(super) fn matches(&self, tag: Option<&str>) -> bool {
        self.tags.iter().any(|g| glob(g, tag.unwrap_or("")))
    }

    /// Writes this variant's facts for `tag` into `info`.
    pub(super) fn apply(
        &self,
        info: &mut ImageInfo,
        tag: Option<&str>,
        tag_distros: &[TagDistro],
        eol: &EndOfLife,
    ) {
        let f = self.fixed.clone();
        info.distro = f.distro;
        info.libc_version = f.libc_version;
        if self.distro_from_tag
            && let Some((d, l)) = tag.and_then(|t| distro_of_tag(tag_distros, t))
        {
            info.distro = Some(d.to_string());
            info.libc_version = Some(l.to_string());
        }
        info.path = f.path;
        info.programs = f.programs;
        info.contents_complete = f.contents_complete;
        info.other_programs = f.other_programs;
        info.users = f.users;
        info.user_ids = f.user_ids;
        info.users_complete = f.users_complete;
        info.cmd = f.cmd;
        if f.entrypoint.is_some() {
            info.entrypoint = f.entrypoint;
        }
        info.programs_unknown = f.programs_unknown;
        info.facts_source = f.facts_source;
        info.runtime = self.runtime.as_ref().map(|r| r.resolve(tag));
        let found = match self.eol.as_deref() {
            Some("unknown") => None,
            Some(date) => Some(Eol {
                date: date.to_string(),
                source: self.eol_source.clone().unwrap_or_default(),
            }),
            None => eol.of(info.distro.as_deref(), info.runtime.as_ref()),
        };
        (info.eol, info.eol_source) = found.map(|e| (e.date, e.source)).unzip();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_patterns_read_the_leading_number() {
        let major = VersionPattern::parse("N").unwrap();
        let mm = VersionPattern::parse("N.N").unwrap();
        let temurin = VersionPattern::parse("temurin-N").unwrap();
        assert_eq!(
            temurin.read("3.9-eclipse-temurin-21").as_deref(),
            Some("21")
        );
        assert_eq!(
            temurin.read("3.9-eclipse-temurin-21-noble").as_deref(),
            Some("21")
        );
        assert_eq!(temurin.read("3.9"), None);
        assert_eq!(major.read("24-slim").as_deref(), Some("24"));
        assert_eq!(major.read("21.0.4_7-jre").as_deref(), Some("21"));
        assert_eq!(major.read("lts-alpine"), None);
        assert_eq!(mm.read("3.12-slim").as_deref(), Some("3.12"));
        assert_eq!(mm.read("1.26.7-alpine3.24").as_deref(), Some("1.26"));
        assert_eq!(mm.read("3.15.0rc1").as_deref(), Some("3.15"));
        assert_eq!(mm.read("3-slim"), None, "python:3 floats");
        assert_eq!(mm.read("3.x"), None);
        assert!(VersionPattern::parse("N.N.N").is_err());
        assert!(VersionPattern::parse("major").is_err());
    }

    #[test]
    fn dates_users_and_programs_are_checked() {
        assert!(is_date("2027-04-30"));
        assert!(!is_date("2027-4-30"));
        assert!(!is_date("Jan 2026"));
        let (names, ids) = split_users(&["root:0".into(), "node:1000".into()]).unwrap();
        assert_eq!(
            (names, ids),
            (vec!["root".into(), "node".into()], vec![0, 1000])
        );
        assert!(split_users(&["node".into()]).is_err());
        assert!(split_users(&["node:x".into()]).is_err());
        assert!(check_programs(&["/bin/sh".into()]).is_ok());
        assert!(check_programs(&["sh".into()]).is_err());
        assert!(check_programs(&["/usr/bin/perl".into()]).is_err());
    }
}
