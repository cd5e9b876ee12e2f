//! The table of well-known base images (`assets/images.yaml`): what each image contains (shell,
//! package manager, libc, default user, entrypoint), whether its name is deprecated, and its size.
//! Rules read it to classify a stage's base; an image that is not in the table is *unknown*, and
//! rules that need the contents stay silent for it. The content facts (distro, programs, users,
//! runtime, end of life) and how an entry's tags select them live in [`facts`].

mod facts;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::dockerfile::model::image_ref::ImageRef;

pub use facts::WELL_KNOWN_PROGRAMS;
pub(crate) use facts::{Language, RuntimeFacts};

/// The bundled table (`assets/images.yaml`) as JSON, converted by build.rs: what start-up
/// reads, because parsing JSON costs a fraction of parsing YAML and every `check` needs it.
pub const IMAGES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/images.json"));

/// What an image is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Compilers and build tools (golang, node full, maven, *-jdk).
    Sdk,
    /// A language runtime without a toolchain (node-slim, *-jre, distroless/nodejs).
    Runtime,
    /// A general-purpose distribution (alpine, debian, ubuntu).
    Os,
    /// Next to nothing (scratch, distroless static/base/cc, busybox).
    Minimal,
}

/// The C library an image provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Libc {
    Glibc,
    Musl,
    None,
}

/// A size range in bytes with where the figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeFigure {
    pub min_bytes: u64,
    pub max_bytes: u64,
    pub source: String,
    pub date: String,
    /// The research notes' estimate rather than a measurement.
    pub estimate: bool,
}

/// Everything the table knows about one image (after tag-family overrides).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageInfo {
    /// Stable id of the table entry, e.g. `node-alpine`, `distroless-static`.
    pub id: String,
    pub kind: Kind,
    /// Path of a POSIX shell (`/bin/sh`, `/busybox/sh`); `Some(None)` = no shell; `None` = unknown.
    pub shell: Option<Option<String>>,
    /// `apt`, `apk`…; `Some(None)` = none; `None` = unknown.
    pub package_manager: Option<Option<String>>,
    pub libc: Option<Libc>,
    /// Default user (`root`, `0`, `65532`); `None` = unknown.
    pub user: Option<String>,
    pub workdir: Option<String>,
    /// The image's ENTRYPOINT; `Some(vec![])` = explicitly empty; `None` = unknown or unset.
    pub entrypoint: Option<Vec<String>>,
    pub compressed: Option<SizeFigure>,
    pub uncompressed: Option<SizeFigure>,
    /// Distribution and release, e.g. "debian 13", "alpine 3.24", "ubuntu 24.04"; distroless
    /// images name the Debian they derive from ("debian 13").
    pub distro: Option<String>,
    /// The libc version ("2.41" glibc, "1.2.6" musl).
    pub(crate) libc_version: Option<String>,
    /// The image's PATH, split on ':'.
    pub path: Option<Vec<String>>,
    /// Absolute paths at which the image has each of the [`WELL_KNOWN_PROGRAMS`]; when `Some`, a
    /// well-known program that is not listed (and not in `programs_unknown`) is known to be
    /// absent. [`ImageInfo::has_program`] reads both.
    pub programs: Option<Vec<String>>,
    /// Well-known programs whose presence the sources do not settle (Debian 13 dropped adduser
    /// from its base, but whether an SDK image's packages pull it back in is not known).
    pub programs_unknown: Vec<String>,
    /// Every package is known (scratch, distroless static/base/cc/nodejs/python3/java): no
    /// other program is in a bin directory and nothing is outside the packages' directories
    /// (`/app`, `/home/nonroot`, `/usr/local`); see the build model's `BaseFacts`.
    pub(crate) contents_complete: bool,
    /// With `contents_complete`: the bin directories also hold programs that are not
    /// well-known, so one the table does not list is only likely absent.
    pub(crate) other_programs: bool,
    /// Users in /etc/passwd (names; their uids in `user_ids` in the same order). The whole file
    /// only when `users_complete`; otherwise the accounts known to exist (node's `node`).
    /// [`ImageInfo::has_user`] reads both.
    pub users: Option<Vec<String>>,
    pub user_ids: Option<Vec<u32>>,
    /// `users` is the whole /etc/passwd: a user it does not list does not exist.
    pub users_complete: bool,
    /// The image's CMD (`Some(vec![])` = explicitly none).
    pub cmd: Option<Vec<String>>,
    /// The language runtime the image ships, if any.
    pub runtime: Option<RuntimeFacts>,
    /// End of life of this image (its version or its distro release), YYYY-MM-DD.
    pub eol: Option<String>,
    /// Where `eol` comes from ("go 1.25: go.dev/doc/devel/release#policy …").
    pub(crate) eol_source: Option<String>,
    /// Where the content facts come from and when (e.g. "IMAGE-FACTS.md §1.1, 2026-12-03").
    pub(crate) facts_source: Option<String>,
    /// The platforms (`os/arch[/variant]`) the image is built for; `None` = unknown.
    pub platforms: Option<Platforms>,
}

/// The platforms an image is published for, with where that comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platforms {
    pub list: Vec<String>,
    pub source: String,
    pub date: String,
}

impl ImageInfo {
    /// Whether `/bin/sh` exists (what shell-form RUN/CMD need). `None` when unknown.
    pub fn has_bin_sh(&self) -> Option<bool> {
        self.shell.as_ref().map(|s| s.as_deref() == Some("/bin/sh"))
    }

    /// Whether the default user is root. `None` when unknown.
    pub fn runs_as_root(&self) -> Option<bool> {
        self.user.as_deref().map(is_root_user)
    }

    /// Whether the image has the well-known program `name` (`node`, `curl`…): `Some(false)` only
    /// when the table knows it is absent. Use this rather than reading `programs` alone, which
    /// does not say what `programs_unknown` leaves open.
    pub fn has_program(&self, name: &str) -> Option<bool> {
        if self.program_path(name).is_some() {
            return Some(true);
        }
        let known = self.programs.is_some()
            && WELL_KNOWN_PROGRAMS.contains(&name)
            && !self.programs_unknown.iter().any(|p| p == name);
        known.then_some(false)
    }

    /// Where the image has program `name`, if the table lists it.
    pub(crate) fn program_path(&self, name: &str) -> Option<&str> {
        self.programs
            .as_ref()?
            .iter()
            .find(|p| p.rsplit('/').next() == Some(name))
            .map(String::as_str)
    }

    /// Whether /etc/passwd has user `name`: `Some(false)` only when the table lists the whole
    /// file (`users_complete`: distroless, scratch, busybox…).
    pub fn has_user(&self, name: &str) -> Option<bool> {
        let users = self.users.as_ref()?;
        if users.iter().any(|u| u == name) {
            Some(true)
        } else {
            self.users_complete.then_some(false)
        }
    }

    /// The uid of user `name` in /etc/passwd, if the table lists it. No rule reads uids yet;
    /// the tests check the table's figures through this.
    #[cfg(test)]
    pub(crate) fn uid_of(&self, name: &str) -> Option<u32> {
        let users = self.users.as_ref()?;
        let ids = self.user_ids.as_ref()?;
        users.iter().position(|u| u == name).map(|i| ids[i])
    }
}

/// `root`, `0`, `root:…`, `0:…` name the root user.
pub(crate) fn is_root_user(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or(user).trim();
    name == "root" || name == "0"
}

/// How current a name or version is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// No longer published or patched.
    Deprecated,
    /// The version's upstream support ended.
    Eol,
    /// An alias whose meaning moves (e.g. an unsuffixed distroless name).
    Floating,
}

/// A note on an image name or version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advisory {
    pub status: Status,
    pub note: String,
    pub replacement: Option<String>,
}

/// The loaded table.
#[derive(Debug)]
pub struct ImageTable {
    entries: Vec<Entry>,
    families: BTreeMap<String, Vec<Override>>,
    advisories: Vec<RawAdvisory>,
    tag_distros: Vec<facts::TagDistro>,
    end_of_life: facts::EndOfLife,
}

#[derive(Debug)]
struct Entry {
    repositories: Vec<String>,
    tags: Vec<String>,
    family: Option<String>,
    /// Content facts by tag; the first matching variant applies, none = contents unknown.
    variants: Vec<facts::Variant>,
    info: ImageInfo,
}

/// A table that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("image table: {0}")]
pub(crate) struct TableError(pub(crate) String);

impl ImageTable {
    /// Reads a table from YAML text (a test's, or the bundled one to compare with build.rs's JSON).
    #[cfg(test)]
    pub(crate) fn from_yaml(text: &str) -> Result<Self, TableError> {
        Self::from_raw(parse_yaml(text)?)
    }

    /// Reads a table from the JSON form build.rs writes ([`IMAGES_JSON`]).
    pub(crate) fn from_json(text: &str) -> Result<Self, TableError> {
        Self::from_raw(serde_json::from_str(text).map_err(|e| TableError(e.to_string()))?)
    }

    fn from_raw(raw: RawTable) -> Result<Self, TableError> {
        let normalise = |name: &String| {
            if name == "scratch" {
                return Ok(name.clone());
            }
            ImageRef::parse(name)
                .map(|r| r.name())
                .map_err(|e| TableError(format!("{name}: {e}")))
        };
        raw.end_of_life.check()?;
        let mut entries = Vec::with_capacity(raw.images.len());
        for img in raw.images {
            if let Some(f) = &img.family
                && !raw.tag_families.contains_key(f)
            {
                return Err(TableError(format!("{}: unknown family {f}", img.id)));
            }
            let variants = img
                .variants
                .into_iter()
                .map(facts::RawVariant::load)
                .collect::<Result<_, _>>()
                .map_err(|e| TableError(format!("{}: {}", img.id, e.0)))?;
            entries.push(Entry {
                variants,
                repositories: img
                    .repositories
                    .iter()
                    .map(normalise)
                    .collect::<Result<_, _>>()?,
                tags: img.tags.unwrap_or_else(|| vec!["*".into()]),
                family: img.family,
                info: ImageInfo {
                    id: img.id,
                    kind: img.kind,
                    shell: img.shell.map(none_word),
                    package_manager: img.package_manager.map(none_word),
                    libc: img.libc,
                    user: img.user,
                    workdir: img.workdir,
                    entrypoint: img.entrypoint,
                    compressed: img.compressed.map(RawSize::into_figure).transpose()?,
                    uncompressed: img.uncompressed.map(RawSize::into_figure).transpose()?,
                    distro: None,
                    libc_version: None,
                    path: None,
                    programs: None,
                    programs_unknown: Vec::new(),
                    contents_complete: false,
                    other_programs: false,
                    users: None,
                    user_ids: None,
                    users_complete: false,
                    cmd: None,
                    runtime: None,
                    eol: None,
                    eol_source: None,
                    facts_source: None,
                    platforms: img.platforms,
                },
            });
        }
        let mut advisories = raw.advisories;
        for a in &mut advisories {
            a.repositories = a
                .repositories
                .iter()
                .map(normalise)
                .collect::<Result<_, _>>()?;
        }
        Ok(ImageTable {
            entries,
            families: raw.tag_families,
            advisories,
            tag_distros: raw.tag_distros,
            end_of_life: raw.end_of_life,
        })
    }

    /// What the table knows about `image`, or `None` (unknown).
    pub fn lookup(&self, image: &ImageRef) -> Option<ImageInfo> {
        let name = lookup_name(image);
        let tag = image.effective_tag();
        let entry = self.entries.iter().find(|e| {
            e.repositories.contains(&name) && e.tags.iter().any(|g| glob(g, tag.unwrap_or("")))
        })?;
        let mut info = entry.info.clone();
        if let Some(v) = entry.variants.iter().find(|v| v.matches(tag)) {
            v.apply(&mut info, tag, &self.tag_distros, &self.end_of_life);
        }
        if let Some(family) = &entry.family {
            for o in &self.families[family] {
                match tag {
                    Some(t) if o.tags.iter().any(|g| glob(g, t)) => o.apply(&mut info),
                    // Pinned by digest only: the variant (root or nonroot…) cannot be told.
                    None => o.forget(&mut info),
                    _ => {}
                }
            }
        }
        Some(info)
    }

    /// The advisory for `image`'s name or version, if any.
    pub fn advisory(&self, image: &ImageRef) -> Option<Advisory> {
        let name = lookup_name(image);
        let tag = image.tag.as_deref();
        self.advisories
            .iter()
            .find(|a| {
                a.repositories.contains(&name)
                    && match (&a.versions, tag) {
                        (None, _) => true,
                        (Some(vs), Some(t)) => vs.iter().any(|v| version_matches(v, t)),
                        (Some(_), None) => false,
                    }
            })
            .map(|a| Advisory {
                status: a.status,
                note: a.note.clone(),
                replacement: a.replacement.clone(),
            })
    }

    /// The day the table's release and end-of-life dates were checked (`end_of_life.as_of`):
    /// the day "end of life" is judged on, so a check gives the same answer every day.
    pub fn as_of(&self) -> Option<&str> {
        self.end_of_life.as_of()
    }

    /// Ids of all entries, in table order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.info.id.as_str())
    }
}

/// The bundled table, read once.
pub fn table() -> &'static ImageTable {
    static TABLE: OnceLock<ImageTable> = OnceLock::new();
    // The bundled file is tested to parse; a broken build would fail every test at once.
    TABLE.get_or_init(|| ImageTable::from_json(IMAGES_JSON).expect("assets/images.yaml is valid"))
}

/// Shorthand: look `image` up in the bundled table.
pub fn lookup(image: &ImageRef) -> Option<ImageInfo> {
    table().lookup(image)
}

fn lookup_name(image: &ImageRef) -> String {
    if image.is_scratch() {
        "scratch".into()
    } else {
        image.name()
    }
}

fn none_word(s: String) -> Option<String> {
    (s != "none").then_some(s)
}

/// `18` matches `18`, `18.20.1`, `18-alpine`; not `180`.
fn version_matches(version: &str, tag: &str) -> bool {
    tag.strip_prefix(version)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '-']))
}

/// Glob with `*` only (any run of characters, also empty).
pub(crate) fn glob(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for p in middle {
        match rest.find(p) {
            Some(i) => rest = &rest[i + p.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

// Through the crate's one YAML door.
#[cfg(test)]
fn parse_yaml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, TableError> {
    crate::yaml::parse(text).map_err(|e| TableError(e.to_string()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    #[serde(default)]
    tag_families: BTreeMap<String, Vec<Override>>,
    #[serde(default)]
    advisories: Vec<RawAdvisory>,
    #[serde(default)]
    tag_distros: Vec<facts::TagDistro>,
    #[serde(default)]
    end_of_life: facts::EndOfLife,
    images: Vec<RawImage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImage {
    id: String,
    repositories: Vec<String>,
    tags: Option<Vec<String>>,
    family: Option<String>,
    kind: Kind,
    shell: Option<String>,
    package_manager: Option<String>,
    libc: Option<Libc>,
    user: Option<String>,
    workdir: Option<String>,
    entrypoint: Option<Vec<String>>,
    compressed: Option<RawSize>,
    uncompressed: Option<RawSize>,
    platforms: Option<Platforms>,
    #[serde(default)]
    variants: Vec<facts::RawVariant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSize {
    mb: [f64; 2],
    source: String,
    date: String,
    #[serde(default)]
    estimate: bool,
}

impl RawSize {
    fn into_figure(self) -> Result<SizeFigure, TableError> {
        let [lo, hi] = self.mb;
        if !(0.0..=100_000.0).contains(&lo) || hi < lo || hi > 100_000.0 {
            return Err(TableError(format!("bad size range {lo}..{hi}")));
        }
        let bytes = |mb: f64| (mb * 1_000_000.0).round() as u64;
        Ok(SizeFigure {
            min_bytes: bytes(lo),
            max_bytes: bytes(hi),
            source: self.source,
            date: self.date,
            estimate: self.estimate,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdvisory {
    repositories: Vec<String>,
    versions: Option<Vec<String>>,
    status: Status,
    note: String,
    replacement: Option<String>,
}

/// Tag-dependent changes within a family (distroless `:nonroot`, `:debug`…).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    tags: Vec<String>,
    kind: Option<Kind>,
    shell: Option<String>,
    package_manager: Option<String>,
    user: Option<String>,
    workdir: Option<String>,
    /// Directories the variant appends to PATH (distroless `:debug` adds /busybox).
    path_append: Option<Vec<String>>,
    /// `false`: the variant adds programs the table does not list (busybox applets), so
    /// which well-known programs it has is unknown.
    programs_known: Option<bool>,
}

impl Override {
    fn apply(&self, info: &mut ImageInfo) {
        if let Some(k) = self.kind {
            info.kind = k;
        }
        if let Some(s) = &self.shell {
            info.shell = Some(none_word(s.clone()));
        }
        if let Some(p) = &self.package_manager {
            info.package_manager = Some(none_word(p.clone()));
        }
        if let Some(u) = &self.user {
            info.user = Some(u.clone());
        }
        if let Some(w) = &self.workdir {
            info.workdir = Some(w.clone());
        }
        if let (Some(extra), Some(path)) = (&self.path_append, &mut info.path) {
            path.extend(extra.iter().cloned());
        }
        if self.programs_known == Some(false) {
            info.programs = None;
            info.contents_complete = false;
        }
    }

    /// Marks as unknown what this override could have changed.
    fn forget(&self, info: &mut ImageInfo) {
        if self.shell.is_some() {
            info.shell = None;
        }
        if self.package_manager.is_some() {
            info.package_manager = None;
        }
        if self.user.is_some() {
            info.user = None;
        }
        if self.workdir.is_some() {
            info.workdir = None;
        }
        if self.path_append.is_some() {
            info.path = None;
        }
        if self.programs_known.is_some() {
            info.programs = None;
            info.contents_complete = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(s: &str) -> Option<ImageInfo> {
        lookup(&ImageRef::parse(s).unwrap())
    }

    fn id(s: &str) -> Option<String> {
        info(s).map(|i| i.id)
    }

    #[test]
    fn bundled_table_parses_and_has_the_required_images() {
        let t = table();
        assert!(t.ids().count() >= 40, "{} entries", t.ids().count());
        for (image, want) in [
            ("node:22", "node"),
            ("node:22-slim", "node-slim"),
            ("node:22-alpine3.20", "node-alpine"),
            ("docker.io/library/node:lts-alpine", "node-alpine"),
            ("golang:1.26", "golang"),
            ("golang:1.26-alpine", "golang-alpine"),
            ("alpine", "alpine"),
            ("alpine:3.20", "alpine"),
            ("debian:bookworm-slim", "debian-slim"),
            ("debian:trixie", "debian"),
            ("ubuntu:24.04", "ubuntu"),
            ("python:3.13", "python"),
            ("python:3.13-slim", "python-slim"),
            ("python:3.13-alpine", "python-alpine"),
            ("eclipse-temurin:21-jdk", "eclipse-temurin-jdk"),
            ("eclipse-temurin:21-jre", "eclipse-temurin-jre"),
            (
                "eclipse-temurin:21-jre-alpine",
                "eclipse-temurin-jre-alpine",
            ),
            ("maven:3.9-eclipse-temurin-21", "maven"),
            ("gradle:8-jdk21", "gradle"),
            ("rust:1.90-slim", "rust-slim"),
            (
                "gcr.io/distroless/static-debian13:nonroot",
                "distroless-static",
            ),
            (
                "gcr.io/distroless/base-nossl-debian12",
                "distroless-base-nossl",
            ),
            ("gcr.io/distroless/cc-debian13:debug", "distroless-cc"),
            ("gcr.io/distroless/nodejs24-debian13", "distroless-nodejs"),
            ("gcr.io/distroless/java21-debian13", "distroless-java"),
            ("gcr.io/distroless/python3-debian13", "distroless-python3"),
            ("gcr.io/distroless/nodejs", "distroless-nodejs"),
            ("cgr.dev/chainguard/static", "chainguard-static"),
            (
                "cgr.dev/chainguard/static:latest-glibc",
                "chainguard-static-glibc",
            ),
            ("cgr.dev/chainguard/node:latest-dev", "chainguard-node"),
            ("cgr.dev/chainguard/python", "chainguard-python"),
            ("scratch", "scratch"),
            ("busybox:1.37-musl", "busybox-musl"),
        ] {
            assert_eq!(id(image).as_deref(), Some(want), "{image}");
        }
    }

    #[test]
    fn unknown_images_are_unknown() {
        assert_eq!(id("mycorp/app:1"), None);
        assert_eq!(id("nginx:1.27"), None);
        assert_eq!(id("quay.io/node:22"), None);
        assert_eq!(id("gcr.io/distroless/nodejs99-debian13"), None);
        assert_eq!(
            info("nginx:1.27"),
            None,
            "no content facts for an unknown image"
        );
    }

    #[test]
    fn distroless_tags_change_user_and_shell() {
        let latest = info("gcr.io/distroless/static-debian13").unwrap();
        assert_eq!(latest.runs_as_root(), Some(true));
        assert_eq!(latest.has_bin_sh(), Some(false));
        assert_eq!(latest.shell, Some(None));
        let nonroot = info("gcr.io/distroless/static-debian13:nonroot").unwrap();
        assert_eq!(nonroot.user.as_deref(), Some("65532"));
        assert_eq!(nonroot.workdir.as_deref(), Some("/home/nonroot"));
        let debug = info("gcr.io/distroless/base-debian13:debug-nonroot").unwrap();
        assert_eq!(debug.shell, Some(Some("/busybox/sh".into())));
        assert_eq!(debug.has_bin_sh(), Some(false), "no /bin/sh even in :debug");
        assert_eq!(debug.runs_as_root(), Some(false));
        let digest = info("gcr.io/distroless/static-debian13@sha256:abcd").unwrap();
        assert_eq!(digest.runs_as_root(), None, "variant unknown from a digest");
        let dev = info("cgr.dev/chainguard/node:latest-dev").unwrap();
        assert_eq!(dev.kind, Kind::Sdk);
        assert_eq!(dev.has_bin_sh(), Some(true));
        assert_eq!(info("cgr.dev/chainguard/node").unwrap().shell, None);
    }

    #[test]
    fn classification_fields() {
        let a = info("alpine:3.20").unwrap();
        assert_eq!((a.kind, a.libc), (Kind::Os, Some(Libc::Musl)));
        assert_eq!(a.package_manager, Some(Some("apk".into())));
        let s = info("scratch").unwrap();
        assert_eq!(s.libc, Some(Libc::None));
        assert_eq!(s.compressed.as_ref().unwrap().max_bytes, 0);
        let n = info("gcr.io/distroless/nodejs22-debian13").unwrap();
        assert_eq!(n.entrypoint, Some(vec!["/nodejs/bin/node".to_string()]));
        let node = info("node:22-alpine").unwrap();
        let c = node.compressed.unwrap();
        assert_eq!(c.min_bytes, 60_700_000);
        assert!(!c.estimate && c.source.contains("repo-info"));
        assert_eq!(info("busybox").unwrap().libc, None);
    }

    #[test]
    fn advisories_by_name_and_version() {
        let adv = |s: &str| {
            table()
                .advisory(&ImageRef::parse(s).unwrap())
                .map(|a| a.status)
        };
        assert_eq!(adv("gcr.io/distroless/nodejs"), Some(Status::Deprecated));
        assert_eq!(adv("gcr.io/distroless/nodejs18"), Some(Status::Deprecated));
        assert_eq!(adv("gcr.io/distroless/java:11"), Some(Status::Deprecated));
        assert_eq!(adv("gcr.io/distroless/python3"), Some(Status::Floating));
        assert_eq!(adv("gcr.io/distroless/base"), Some(Status::Floating));
        assert_eq!(adv("gcr.io/distroless/python3-debian13"), None);
        assert_eq!(adv("node:18"), Some(Status::Eol));
        assert_eq!(adv("node:18.20-alpine"), Some(Status::Eol));
        assert_eq!(adv("node:20-slim"), Some(Status::Eol));
        assert_eq!(adv("node:22"), None);
        assert_eq!(adv("node:180"), None);
        assert_eq!(adv("node"), None);
        assert_eq!(adv("golang:1.20"), Some(Status::Eol));
        assert_eq!(adv("golang:1.2"), None);
        assert_eq!(adv("golang:1.26-alpine"), None);
    }

    #[test]
    fn the_embedded_json_is_the_yaml_table() {
        let from_json = ImageTable::from_json(IMAGES_JSON).unwrap();
        let from_yaml = ImageTable::from_yaml(include_str!("../../assets/images.yaml")).unwrap();
        assert_eq!(format!("{from_json:?}"), format!("{from_yaml:?}"));
        assert!(from_json.entries.len() >= 40);
    }

    #[test]
    fn bad_tables_are_errors_not_panics() {
        assert!(ImageTable::from_yaml("images: [").is_err());
        assert!(
            ImageTable::from_yaml("images:\n - id: x\n   repositories: [x]\n   kind: toy\n")
                .is_err()
        );
        assert!(
            ImageTable::from_yaml("images:\n - id: x\n   repositories: [X]\n   kind: os\n")
                .is_err()
        );
        assert!(
            ImageTable::from_yaml(
                "images:\n - id: x\n   repositories: [x]\n   kind: os\n   family: nope\n"
            )
            .is_err()
        );
        let ok = ImageTable::from_yaml("images:\n - id: x\n   repositories: [x]\n   kind: os\n")
            .unwrap();
        assert_eq!(ok.ids().collect::<Vec<_>>(), ["x"]);
    }

    fn facts(s: &str) -> (Option<String>, Option<String>, Option<RuntimeFacts>) {
        let i = info(s).unwrap();
        (i.distro, i.libc_version, i.runtime)
    }

    fn rt(language: Language, version: Option<&str>, interpreter: &str) -> Option<RuntimeFacts> {
        Some(RuntimeFacts {
            language,
            version: version.map(str::to_string),
            interpreter: Some(interpreter.into()),
        })
    }

    #[test]
    fn node_tags_name_distro_libc_and_major() {
        let node = |v: Option<&str>| rt(Language::Node, v, "/usr/local/bin/node");
        let d = |s: &str| Some(s.to_string());
        for (image, distro, libc, version) in [
            ("node:24-slim", "debian 12", "2.36", Some("24")),
            ("node:24", "debian 12", "2.36", Some("24")),
            ("node:24.19.0-trixie-slim", "debian 13", "2.41", Some("24")),
            ("node:26-slim", "debian 13", "2.41", Some("26")),
            ("node:26-bookworm", "debian 12", "2.36", Some("26")),
            ("node:22-alpine", "alpine 3.24", "1.2.6", Some("22")),
            ("node:22-alpine3.23", "alpine 3.23", "1.2.5", Some("22")),
            ("node:krypton-alpine", "alpine 3.24", "1.2.6", Some("24")),
        ] {
            assert_eq!(facts(image), (d(distro), d(libc), node(version)), "{image}");
        }
        let slim = info("node:24-slim").unwrap();
        assert_eq!(slim.id, "node-slim", "ids are kept");
        assert_eq!(slim.uid_of("node"), Some(1000));
        assert!(!slim.users_complete, "Debian's system users are not listed");
        assert_eq!(slim.cmd, Some(vec!["node".to_string()]));
        assert_eq!(
            slim.entrypoint,
            Some(vec!["docker-entrypoint.sh".to_string()])
        );
        let programs = slim.programs.unwrap();
        assert!(programs.contains(&"/usr/local/bin/node".to_string()));
        assert!(
            !programs.iter().any(|p| p.ends_with("/curl")),
            "slim has no curl"
        );
        assert_eq!(
            slim.eol.as_deref(),
            Some("2028-04-30"),
            "Node 24 ends first"
        );
        // Floating and uncovered tags: the family is known, the contents are not.
        for image in [
            "node:lts-slim",
            "node:latest",
            "node:18-alpine",
            "node:20-bullseye",
        ] {
            let i = info(image).unwrap();
            assert_eq!((i.programs, i.users), (None, None), "{image}");
        }
        assert_eq!(facts("node:20-bullseye").0.as_deref(), Some("debian 11"));
        let lts = facts("node:lts-slim").2.unwrap();
        assert_eq!(
            (lts.language, lts.version, lts.interpreter),
            (Language::Node, None, None)
        );
        assert_eq!(
            facts("node:18-alpine").2.unwrap().version.as_deref(),
            Some("18")
        );
    }

    #[test]
    fn other_official_images() {
        let d = |s: &str| Some(s.to_string());
        let py = rt(Language::Python, Some("3.12"), "/usr/local/bin/python3");
        assert_eq!(facts("python:3.12-slim"), (d("debian 13"), d("2.41"), py));
        assert_eq!(facts("python:3-slim").2.unwrap().version, None, "3 floats");
        assert_eq!(facts("python:3.13-slim-bookworm").0, d("debian 12"));
        let go = rt(Language::Go, Some("1.26"), "/usr/local/go/bin/go");
        assert_eq!(
            facts("golang:1.26"),
            (d("debian 13"), d("2.41"), go.clone())
        );
        assert_eq!(
            facts("golang:1.26.7-alpine3.24"),
            (d("alpine 3.24"), d("1.2.6"), go)
        );
        let g = info("golang:1.26").unwrap();
        assert!(
            g.programs.unwrap().contains(&"/usr/bin/gcc".to_string()),
            "cgo on"
        );
        assert!(g.programs_unknown.contains(&"adduser".to_string()));
        assert!(
            info("golang:1.27-alpine")
                .unwrap()
                .programs
                .unwrap()
                .iter()
                .all(|p| !p.ends_with("/gcc"))
        );
        let jre = info("eclipse-temurin:21-jre").unwrap();
        assert_eq!(jre.id, "eclipse-temurin-jre");
        assert_eq!(
            (jre.distro.as_deref(), jre.libc_version.as_deref()),
            (Some("ubuntu 26.04"), Some("2.43"))
        );
        assert_eq!(
            jre.runtime,
            rt(Language::Java, Some("21"), "/opt/java/openjdk/bin/java")
        );
        assert_eq!(jre.cmd, Some(vec![]));
        assert_eq!(
            info("eclipse-temurin:25-jdk").unwrap().cmd,
            Some(vec!["jshell".to_string()])
        );
        let mvn = info("maven:3.9-eclipse-temurin-21").unwrap();
        assert_eq!(mvn.runtime.unwrap().version.as_deref(), Some("21"));
        assert_eq!(mvn.distro.as_deref(), Some("ubuntu 24.04"));
        assert_eq!(
            info("maven:3.9").unwrap().runtime,
            None,
            "JDK 26 by a floating tag"
        );
        let rust = info("rust:1.98-slim").unwrap();
        assert_eq!(rust.runtime.unwrap().version.as_deref(), Some("1.98"));
        assert_eq!(facts("debian:bookworm-slim").1, d("2.36"));
        let bullseye = info("debian:bullseye-slim").unwrap();
        assert_eq!(bullseye.libc_version.as_deref(), Some("2.31"));
        assert_eq!(
            (bullseye.programs, bullseye.eol.as_deref()),
            (None, Some("2026-08-31"))
        );
        let trixie = info("debian:13").unwrap();
        assert!(
            !trixie
                .programs
                .unwrap()
                .contains(&"/usr/sbin/adduser".to_string())
        );
        assert_eq!(trixie.eol.as_deref(), Some("2030-06-30"));
        let alpine = info("alpine:3.20").unwrap();
        assert_eq!(
            (alpine.libc_version.as_deref(), alpine.users_complete),
            (Some("1.2.5"), true)
        );
        assert_eq!(alpine.uid_of("guest"), Some(405));
        assert_eq!(
            info("alpine:3.21").unwrap().eol.as_deref(),
            Some("2026-11-01")
        );
        assert_eq!(info("ubuntu:24.04").unwrap().uid_of("ubuntu"), Some(1000));
        let scratch = info("scratch").unwrap();
        assert_eq!(
            (scratch.programs, scratch.contents_complete),
            (Some(vec![]), true)
        );
        assert_eq!(
            (scratch.users, scratch.users_complete),
            (Some(vec![]), true)
        );
    }

    #[test]
    fn distroless_contents_are_complete() {
        let n = info("gcr.io/distroless/nodejs24-debian13:nonroot").unwrap();
        assert_eq!(
            n.runtime,
            rt(Language::Node, Some("24"), "/nodejs/bin/node")
        );
        assert_eq!(n.programs, Some(vec!["/nodejs/bin/node".to_string()]));
        assert!(n.contents_complete && n.users_complete);
        assert!(
            !n.path
                .as_ref()
                .unwrap()
                .contains(&"/nodejs/bin".to_string()),
            "not on PATH"
        );
        assert_eq!(n.uid_of("nonroot"), Some(65532));
        assert_eq!(n.uid_of("node"), None);
        assert_eq!(
            (n.distro.as_deref(), n.libc_version.as_deref()),
            (Some("debian 13"), Some("2.41"))
        );
        assert_eq!(n.eol, None, "distroless has its own, unknown, end");
        let p = info("gcr.io/distroless/python3").unwrap();
        assert_eq!(
            p.runtime,
            rt(Language::Python, Some("3.13"), "/usr/bin/python3")
        );
        let j = info("gcr.io/distroless/java21-debian13").unwrap();
        assert_eq!(j.runtime.unwrap().version.as_deref(), Some("21"));
        let s = info("gcr.io/distroless/static-debian12").unwrap();
        assert_eq!(
            (s.libc_version, s.eol.as_deref()),
            (None, Some("2026-09-30"))
        );
        assert_eq!(
            info("gcr.io/distroless/cc-debian12")
                .unwrap()
                .libc_version
                .as_deref(),
            Some("2.36")
        );
        let debug = info("gcr.io/distroless/base-debian13:debug").unwrap();
        assert_eq!((debug.programs, debug.contents_complete), (None, false));
        assert_eq!(
            debug.path.unwrap().last().map(String::as_str),
            Some("/busybox")
        );
        // Debian 12 language images are no longer built but still pulled: the facts of their
        // last build (Python 3.11 there).
        let py12 = info("gcr.io/distroless/python3-debian12:nonroot").unwrap();
        assert_eq!(
            py12.runtime,
            rt(Language::Python, Some("3.11"), "/usr/bin/python3")
        );
        assert_eq!(
            (py12.libc_version.as_deref(), py12.contents_complete),
            (Some("2.36"), true)
        );
        let node12 = info("gcr.io/distroless/nodejs20-debian12").unwrap();
        assert_eq!(node12.runtime.unwrap().version.as_deref(), Some("20"));
        // Names the facts do not describe keep their old classification and nothing more.
        let old = info("gcr.io/distroless/nodejs18-debian12").unwrap();
        assert_eq!(
            (old.id.as_str(), old.programs, old.runtime),
            ("distroless-nodejs", None, None)
        );
        assert_eq!(
            info("gcr.io/distroless/static-debian11").unwrap().distro,
            None
        );
        let cg = info("cgr.dev/chainguard/node").unwrap();
        assert_eq!(cg.uid_of("node"), Some(65532));
        assert_eq!(cg.runtime.unwrap().version, None, ":latest moves");
    }

    #[test]
    fn has_program_tells_present_absent_and_unknown() {
        let dl = info("gcr.io/distroless/nodejs24-debian13").unwrap();
        assert_eq!(dl.has_program("node"), Some(true));
        assert_eq!(dl.program_path("node"), Some("/nodejs/bin/node"));
        assert_eq!(dl.has_program("curl"), Some(false));
        assert_eq!(dl.has_program("sh"), Some(false));
        assert_eq!(dl.has_program("perl"), None, "not a well-known program");
        let go = info("golang:1.26").unwrap();
        assert_eq!(go.has_program("gcc"), Some(true));
        assert_eq!(
            go.has_program("adduser"),
            None,
            "Debian 13 base lacks it; the SDK may not"
        );
        assert_eq!(go.has_program("node"), Some(false));
        assert_eq!(info("node:lts").unwrap().has_program("node"), None);
        assert_eq!(
            info("debian:12").unwrap().has_program("adduser"),
            Some(true)
        );
        assert_eq!(dl.has_user("nonroot"), Some(true));
        assert_eq!(
            dl.has_user("node"),
            Some(false),
            "distroless lists its whole passwd"
        );
        assert_eq!(info("node:24-slim").unwrap().has_user("www-data"), None);
        assert_eq!(info("scratch").unwrap().has_user("root"), Some(false));
    }

    #[test]
    fn every_well_known_program_is_listed_once_at_most() {
        for id in [
            "node:24-slim",
            "golang:1.26",
            "python:3.13",
            "alpine:3.24",
            "debian:12",
        ] {
            let i = info(id).unwrap();
            let programs = i.programs.unwrap();
            let mut names: Vec<&str> = programs
                .iter()
                .map(|p| p.rsplit('/').next().unwrap())
                .collect();
            names.extend(i.programs_unknown.iter().map(String::as_str));
            let before = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), before, "{id}");
        }
    }

    #[test]
    fn end_of_life_dates_carry_their_source_and_the_table_its_date() {
        assert_eq!(table().as_of(), Some("2026-12-03"));
        let go = info("golang:1.25-alpine").unwrap();
        assert_eq!(go.eol.as_deref(), Some("2026-08-19"));
        assert!(go.eol_source.unwrap().starts_with("go 1.25: "));
        assert_eq!(info("golang:1.27").unwrap().eol, None, "supported, undated");
        let rust = info("rust:1.100-slim").unwrap();
        assert_eq!(rust.runtime.unwrap().version.as_deref(), Some("1.100"));
        assert_eq!(rust.eol, None, "the current stable");
        assert_eq!(
            info("rust:1.95-slim").unwrap().eol.as_deref(),
            Some("2026-05-28")
        );
        let dl = info("gcr.io/distroless/base-debian12").unwrap();
        assert!(dl.eol_source.unwrap().contains("SUPPORT_POLICY"));
        let bad = |eol: &str| {
            ImageTable::from_yaml(&format!(
                "end_of_life:\n  as_of: \"2026-12-03\"\n  runtimes:\n    go 1.1: {eol}\nimages: []\n"
            ))
        };
        assert!(bad("{ eol: \"2026-1-1\", source: x }").is_err());
        assert!(
            bad("{ eol: \"2026-01-01\" }").is_err(),
            "a source is required"
        );
        assert!(bad("{ eol: \"2026-01-01\", source: x }").is_ok());
        assert!(ImageTable::from_yaml("end_of_life:\n  as_of: today\nimages: []\n").is_err());
    }

    #[test]
    fn glob_matches() {
        assert!(glob("*", ""));
        assert!(glob("*alpine*", "22-alpine3.20"));
        assert!(glob("*jre*alpine*", "21-jre-alpine"));
        assert!(!glob("*jre*alpine*", "21-jdk-alpine"));
        assert!(glob("debug*", "debug-nonroot"));
        assert!(!glob("debug*", "nodebug"));
        assert!(glob("*-dev", "latest-dev"));
        assert!(!glob("a*a", "a"));
    }
}
