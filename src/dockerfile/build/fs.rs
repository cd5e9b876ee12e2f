//! A stage's filesystem as far as the build model knows it: each known path with where it came
//! from and, for build output, what made it (its provenance). Places a step wrote to without
//! the model being able to list what it wrote are kept as *open* regions: anything may exist
//! there, so a "missing path" conclusion below one is never drawn.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dockerfile::images::Libc;

/// Where a path in a stage came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Origin {
    /// The base image has it (the image table says so).
    Base,
    /// COPY/ADD from the build context (line of the COPY).
    Context { line: u32 },
    /// COPY --from an earlier stage: that stage, the path there, the COPY line.
    Stage {
        stage: usize,
        path: String,
        line: u32,
    },
    /// COPY --from an image that is not a stage of this file.
    Image { image: String, line: u32 },
    /// A RUN step made it (or WORKDIR created it).
    Run { line: u32 },
}

impl Origin {
    /// The line of the instruction that put the path here (`None` for the base image).
    pub fn line(&self) -> Option<u32> {
        match self {
            Origin::Base => None,
            Origin::Context { line }
            | Origin::Stage { line, .. }
            | Origin::Image { line, .. }
            | Origin::Run { line } => Some(*line),
        }
    }
}

/// How a binary finds its C library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "linkage", rename_all = "snake_case")]
pub enum Linkage {
    /// Needs no C library at run time.
    Static,
    /// Loads `libc` at start; `version` = the builder's libc version (the oldest it accepts).
    Dynamic { libc: Libc, version: Option<String> },
}

/// What toolchain produced a binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Toolchain {
    Go,
    Rust,
    C,
}

/// What a build step produced, with the facts that decide where it can run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ArtifactKind {
    /// A compiled program. `linkage` is `None` when it cannot be told; `certain` is false when
    /// the linkage is only the likely one (cgo on by default links only if a package needs C).
    Binary {
        toolchain: Toolchain,
        linkage: Option<Linkage>,
        certain: bool,
        /// Why the model believes the linkage, in words ("CGO_ENABLED=0").
        why: String,
    },
    /// `node_modules` installed by npm/yarn/pnpm: native addons follow libc and Node's ABI.
    NodeModules {
        libc: Option<Libc>,
        node: Option<String>,
    },
    /// A virtual environment: its `bin/python` links to `interpreter`.
    Venv {
        interpreter: Option<String>,
        python: Option<String>,
        libc: Option<Libc>,
    },
    /// Packages installed by pip outside a venv (`--target`, `--prefix`, `--user`, system).
    SitePackages {
        python: Option<String>,
        libc: Option<Libc>,
    },
    /// A JAR (or classes) compiled by a JDK of major `jdk`, for class files of Java `release`
    /// when the build says so on its command line (`-Dmaven.compiler.release=21`); otherwise
    /// the JDK's own (the pom or build.gradle may still set one the model cannot read).
    Jar {
        jdk: Option<String>,
        release: Option<String>,
    },
}

/// An artifact and what made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Artifact {
    #[serde(flatten)]
    pub kind: ArtifactKind,
    /// The stage where it was made.
    pub stage: usize,
    /// The RUN line that made it.
    pub line: u32,
    /// The builder's base image as written (`node:24-alpine`), if known.
    pub image: Option<String>,
    /// The line of the builder stage's FROM.
    pub from_line: u32,
}

/// One known path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub origin: Origin,
    /// `Some(true)` a directory, `Some(false)` a file, `None` either.
    pub dir: Option<bool>,
    pub artifact: Option<Artifact>,
}

/// A region a step wrote to without the model knowing what it wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Open {
    /// The directory written below; `None` = anywhere.
    pub under: Option<String>,
    pub origin: Origin,
    /// Why the model cannot list it ("`make install`", "the build context").
    pub why: String,
    /// What anything found there would be (cargo's `target/release`: Rust binaries).
    pub artifact: Option<Artifact>,
}

impl Open {
    fn covers(&self, path: &str) -> bool {
        self.under.as_deref().is_none_or(|u| within(path, u))
    }
}

/// Whether `path` is `dir` or below it.
pub(crate) fn within(path: &str, dir: &str) -> bool {
    let dir = dir.trim_end_matches('/');
    dir.is_empty()
        || path == dir
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// How sure the model is that something is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Probably absent (the image is known but its full file list is not).
    Likely,
    /// Known absent.
    Known,
}

/// What the model knows about one path.
#[derive(Debug, Clone, PartialEq)]
pub enum Presence<'a> {
    Found(&'a Entry),
    /// Something wrote below it without the model knowing what.
    Maybe(&'a Open),
    Absent(Certainty),
    Unknown,
}

/// What the stage's base image is known to hold (the facts the image table gives).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BaseFacts {
    /// The image is known to the table.
    pub known: bool,
    /// The image's whole file list is known: scratch, which is empty.
    pub complete: bool,
    /// Its packages are known, not every file (distroless, Chainguard static): a program not in
    /// `programs` is likely absent from a bin directory, and nothing is outside the
    /// [`PACKAGE_DIRS`] (no `/app`, `/out`, nothing in `/home/nonroot`) unless a listed program
    /// is (`/nodejs/bin/node`). Its other files (`/etc/passwd`, `/usr/lib/…`, certificates,
    /// time zones) are there or not: the table does not list them.
    pub programs_complete: bool,
    /// With `programs_complete`: its bin directories hold programs the table does not list.
    pub other_programs: bool,
    /// Paths of the well-known programs it has (`None` = not recorded).
    pub programs: Option<Vec<String>>,
    /// Well-known programs whose presence the table does not settle.
    pub programs_unknown: Vec<String>,
    /// Its POSIX shell: `Some(None)` = none, `None` = unknown.
    pub shell: Option<Option<String>>,
}

/// Where packages install programs: in an image whose programs are known, one not listed is
/// absent, or only likely absent where the table says the image has others
/// (`other_programs`: distroless python3's libc-bin brings `getent` and `ldd`).
const BIN_DIRS: &[&str] = &["/bin", "/sbin", "/usr/bin", "/usr/sbin"];

/// Where packages put files, and what is mounted at run time: in an image whose programs are
/// known (distroless), a path elsewhere — `/app`, `/home/nonroot`, `/tmp`, `/usr/local` — is
/// known absent until the build puts something there.
const PACKAGE_DIRS: &[&str] = &[
    "bin", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "sys", "usr", "var",
];

/// The directories of Debian's base-files (and Wolfi's baselayout) that hold nothing of a
/// package: they are there, empty, in an image whose packages are known.
const BASE_DIRS: &[&str] = &[
    "/boot",
    "/home",
    "/home/nonroot",
    "/media",
    "/mnt",
    "/opt",
    "/root",
    "/run",
    "/srv",
    "/tmp",
    "/usr/local",
];

/// PATH's directories outside the packages' reach: empty in an image whose packages are known.
const LOCAL_BIN_DIRS: &[&str] = &["/usr/local/bin", "/usr/local/sbin"];

/// A path in an image whose packages are known but not every file ([`BaseFacts::programs_complete`]),
/// when the table lists no program there: `dir` is its parent, `top` its first component.
fn packaged_lookup<'a>(b: &BaseFacts, path: &str, dir: &str, top: &str) -> Presence<'a> {
    let packaged = PACKAGE_DIRS.contains(&top);
    // A runtime's own tree outside the packages' directories (`/nodejs/…`).
    let own_tree = !packaged
        && b.programs
            .iter()
            .flatten()
            .any(|p| p.trim_start_matches('/').split('/').next() == Some(top));
    let base_dir = BASE_DIRS.contains(&path) || dir == "/usr/local";
    if top.is_empty() || base_dir || own_tree {
        // The root, an empty directory every such image has, or a tree the table does not list.
        Presence::Unknown
    } else if path.starts_with("/usr/local/") || !packaged {
        Presence::Absent(Certainty::Known)
    } else if BIN_DIRS.contains(&dir) {
        Presence::Absent(if b.other_programs {
            Certainty::Likely
        } else {
            Certainty::Known
        })
    } else {
        Presence::Unknown
    }
}

/// Top-level directories every image may have; a path below them is never "likely absent".
const SYSTEM_DIRS: &[&str] = &[
    "bin",
    "boot",
    "dev",
    "etc",
    "home",
    "lib",
    "lib32",
    "lib64",
    "libx32",
    "media",
    "mnt",
    "opt",
    "proc",
    "root",
    "run",
    "sbin",
    "srv",
    "sys",
    "tmp",
    "usr",
    "var",
    "go",
    "busybox",
    "nodejs",
    "workspace",
    "builds",
    "cache",
    "data",
    "config",
];

/// The filesystem of a stage.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Fs {
    pub entries: BTreeMap<String, Entry>,
    pub open: Vec<Open>,
    pub base: BaseFacts,
}

impl Fs {
    pub fn new(base: BaseFacts) -> Self {
        Fs {
            base,
            ..Fs::default()
        }
    }

    /// Records `path` (absolute, normalised) and, where they are not known yet, the
    /// directories above it (they exist once it does).
    pub fn add(&mut self, path: String, entry: Entry) {
        let mut dir = path.as_str();
        while let Some((parent, _)) = dir.rsplit_once('/') {
            if parent.is_empty() || self.entries.contains_key(parent) {
                break;
            }
            self.entries.insert(
                parent.to_string(),
                Entry {
                    origin: entry.origin.clone(),
                    dir: Some(true),
                    artifact: None,
                },
            );
            dir = parent;
        }
        self.entries.insert(path, entry);
    }

    pub fn open(&mut self, open: Open) {
        // A step that may have written anywhere hides every earlier open region (lookups take
        // the latest that covers a path); keeping them made a chain of such stages quadratic.
        if open.under.is_none() {
            self.open.clear();
        }
        // The same region opened twice by one kind of step says nothing new.
        if !self
            .open
            .iter()
            .any(|o| o.under == open.under && o.why == open.why)
        {
            self.open.push(open);
        }
    }

    /// Removes `path` and everything below it (`rm -rf`).
    pub fn remove(&mut self, path: &str) {
        self.entries.retain(|p, _| !within(p, path));
        self.open
            .retain(|o| o.under.as_deref().is_none_or(|u| !within(u, path)));
    }

    /// What is known about `path`.
    pub fn lookup(&self, path: &str) -> Presence<'_> {
        if let Some(e) = self.entries.get(path) {
            return Presence::Found(e);
        }
        if path == "/" {
            return Presence::Unknown;
        }
        // The latest write wins: a later open region is the more telling one.
        if let Some(o) = self.open.iter().rev().find(|o| o.covers(path)) {
            return Presence::Maybe(o);
        }
        // Below a directory whose contents are not listed (a venv, node_modules, a copied
        // directory): anything may be there.
        let mut dir = path;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            if parent.is_empty() {
                break;
            }
            if let Some(e) = self.entries.get(parent)
                && (e.artifact.is_some() || e.dir.is_none())
            {
                return Presence::Unknown;
            }
            dir = parent;
        }
        self.base_lookup(path)
    }

    fn base_lookup(&self, path: &str) -> Presence<'_> {
        let b = &self.base;
        if !b.known {
            return Presence::Unknown;
        }
        if path == "/bin/sh" {
            match &b.shell {
                Some(Some(sh)) if sh == "/bin/sh" => return Presence::Unknown,
                Some(_) => return Presence::Absent(Certainty::Known),
                None => {}
            }
        }
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        if let Some(programs) = &b.programs {
            if programs.iter().any(|p| p == path) {
                return Presence::Unknown;
            }
            if b.programs_unknown.iter().any(|p| p == name) {
                return Presence::Unknown;
            }
            // The table says where each well-known program is: in another directory of PATH
            // it is not. Elsewhere (`/usr/lib/jvm/…/bin/java` behind `/usr/bin/java`) it may be.
            let on_path = BIN_DIRS.contains(&dir) || LOCAL_BIN_DIRS.contains(&dir);
            if on_path && crate::dockerfile::images::WELL_KNOWN_PROGRAMS.contains(&name) {
                return Presence::Absent(Certainty::Known);
            }
        }
        if b.complete {
            return Presence::Absent(Certainty::Known);
        }
        let top = path.trim_start_matches('/').split('/').next().unwrap_or("");
        if b.programs_complete {
            return packaged_lookup(b, path, dir, top);
        }
        if top.is_empty() || SYSTEM_DIRS.contains(&top) {
            Presence::Unknown
        } else {
            Presence::Absent(Certainty::Likely)
        }
    }

    /// Entries at or below `dir`, with their path relative to `dir` ("" for `dir` itself).
    pub fn below<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = (&'a str, &'a Entry)> + 'a {
        let d = dir.trim_end_matches('/');
        self.entries
            .range(d.to_string()..)
            .take_while(move |(p, _)| p.starts_with(d))
            .filter(move |(p, _)| within(p, d))
            .map(move |(p, e)| (p[d.len()..].trim_start_matches('/'), e))
    }

    /// Open regions that reach below `dir`: (their part below `dir`, the region).
    pub(crate) fn open_below<'a>(
        &'a self,
        dir: &'a str,
    ) -> impl Iterator<Item = (Option<&'a str>, &'a Open)> + 'a {
        self.open
            .iter()
            .filter_map(move |o| match o.under.as_deref() {
                None => Some((None, o)),
                Some(u) if within(dir, u) => Some((Some(""), o)),
                Some(u) if within(u, dir) => Some((
                    Some(u[dir.trim_end_matches('/').len()..].trim_start_matches('/')),
                    o,
                )),
                Some(_) => None,
            })
    }
}

/// Joins `path` to `cwd` and normalises `.`, `..` and repeated slashes.
pub(crate) fn resolve(cwd: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        let cwd = cwd.trim_end_matches('/');
        let mut j = String::with_capacity(cwd.len() + 1 + path.len());
        j.push_str(cwd);
        j.push('/');
        j.push_str(path);
        j
    };
    // Most paths are already normal: keep them as they are (this runs for every path). An
    // absolute path is normal unless a segment is empty, `.` or `..` (`/app/.npmrc` is).
    let dots = if joined.starts_with('/') {
        joined.contains("/./")
            || joined.contains("/../")
            || joined.ends_with("/.")
            || joined.ends_with("/..")
    } else {
        joined.contains("/.")
    };
    if !joined.contains("//") && !dots && (joined.len() == 1 || !joined.ends_with('/')) {
        return joined;
    }
    // One pass, one allocation: each segment is pushed as `/seg`, `..` cuts the last one.
    let mut out = String::with_capacity(joined.len() + 1);
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => out.truncate(out.rfind('/').unwrap_or(0)),
            p => {
                out.push('/');
                out.push_str(p);
            }
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry {
            origin: Origin::Run { line: 1 },
            dir: Some(false),
            artifact: None,
        }
    }

    #[test]
    fn resolve_normalises() {
        assert_eq!(resolve("/app", "./bin/x"), "/app/bin/x");
        assert_eq!(resolve("/app/", "../x"), "/x");
        assert_eq!(resolve("/", "x//y/"), "/x/y");
        assert_eq!(resolve("/a", "/b"), "/b");
        assert_eq!(resolve("/app", ".npmrc"), "/app/.npmrc");
        assert_eq!(resolve("/app", "x/.."), "/app");
        assert_eq!(resolve("/app", "../../.."), "/");
        assert_eq!(resolve("/app/", "."), "/app");
        assert_eq!(resolve("", "a/.b"), "/a/.b");
    }

    #[test]
    fn lookup_finds_entries_open_regions_and_base_facts() {
        let mut fs = Fs::new(BaseFacts {
            known: true,
            ..BaseFacts::default()
        });
        fs.add("/app/x".into(), entry());
        fs.open(Open {
            under: Some("/src".into()),
            origin: Origin::Context { line: 2 },
            why: "the build context".into(),
            artifact: None,
        });
        assert!(matches!(fs.lookup("/app/x"), Presence::Found(_)));
        assert!(matches!(fs.lookup("/src/a/b"), Presence::Maybe(_)));
        assert_eq!(fs.lookup("/app/y"), Presence::Absent(Certainty::Likely));
        assert_eq!(fs.lookup("/usr/bin/y"), Presence::Unknown);
        fs.remove("/app");
        assert_eq!(fs.lookup("/app/x"), Presence::Absent(Certainty::Likely));
        let scratch = Fs::new(BaseFacts {
            known: true,
            complete: true,
            ..BaseFacts::default()
        });
        assert_eq!(
            scratch.lookup("/bin/sh"),
            Presence::Absent(Certainty::Known)
        );
    }

    #[test]
    fn an_image_whose_programs_are_known_still_has_files_the_table_does_not_list() {
        let distroless = Fs::new(BaseFacts {
            known: true,
            programs_complete: true,
            programs: Some(vec!["/nodejs/bin/node".into()]),
            shell: Some(None),
            ..BaseFacts::default()
        });
        let known = Presence::Absent(Certainty::Known);
        assert_eq!(distroless.lookup("/nodejs/bin/node"), Presence::Unknown);
        assert_eq!(distroless.lookup("/bin/sh"), known);
        assert_eq!(distroless.lookup("/usr/bin/curl"), known);
        assert_eq!(distroless.lookup("/app/server"), known);
        assert_eq!(distroless.lookup("/out/hello"), known);
        assert_eq!(distroless.lookup("/usr/local/bin/server"), known);
        assert_eq!(distroless.lookup("/home/nonroot/app.py"), known);
        assert_eq!(distroless.lookup("/usr/bin/server"), known);
        // The empty directories themselves are there (`COPY --from=distroless /tmp /tmp`).
        for dir in ["/tmp", "/home/nonroot", "/usr/local/bin", "/root"] {
            assert_eq!(distroless.lookup(dir), Presence::Unknown, "{dir}");
        }
        assert_eq!(distroless.lookup("/tmp/x"), known);
        let python = Fs::new(BaseFacts {
            other_programs: true,
            ..distroless.base.clone()
        });
        assert_eq!(
            python.lookup("/usr/bin/server"),
            Presence::Absent(Certainty::Likely)
        );
        for there in [
            "/etc/passwd",
            "/etc/ssl/certs/ca-certificates.crt",
            "/usr/share/zoneinfo",
            "/lib/x86_64-linux-gnu/libc.so.6",
            "/usr/lib/jvm/temurin-21-jre-amd64/bin/java",
            "/nodejs/lib/node_modules",
        ] {
            assert_eq!(distroless.lookup(there), Presence::Unknown, "{there}");
        }
    }

    #[test]
    fn below_lists_a_directory() {
        let mut fs = Fs::default();
        fs.add("/app".into(), entry());
        fs.add("/app/a".into(), entry());
        fs.add("/apple".into(), entry());
        let got: Vec<&str> = fs.below("/app").map(|(p, _)| p).collect();
        assert_eq!(got, ["", "a"]);
    }
}
