//! What a Dockerfile builds and ships, without a Docker engine: the stages and their graph, the
//! stage that ships and the ones that stay behind, an estimated final size next to the
//! single-stage alternative, and each stage's attack surface.
//!
//! Everything is computed from the validator's model ([`crate::dockerfile::model::Model`]) and
//! the table of known images ([`crate::dockerfile::images`]). What the table does not know is
//! reported as unknown, never guessed. A file with errors still gets a report for what was
//! understood, with the errors in [`Report::errors`].
//!
//! ```
//! let report = dockerlings::inspect::inspect("FROM golang:1.26 AS build\nRUN go build -o /app .\n\
//!     FROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\n");
//! assert_eq!(report.final_stage, Some(1));
//! assert_eq!(report.not_shipped, vec![0]);
//! assert!(report.sizes.final_image.uncompressed.at_least);
//! ```
//!
//! The types serialise to the JSON of `dockerlings inspect --format json` (see
//! [`SCHEMA_VERSION`]); [`text::render`] writes the text form.

mod build;
mod runs;
mod shown;
mod size;
mod surface;
pub mod text;

pub(crate) use runs::{OpenReport, PathReport, RunReport};

use serde::Serialize;

use crate::dockerfile::Diagnostic;
use crate::dockerfile::images::{Advisory, Kind};
use crate::dockerfile::lint::{self, LintOptions, LintResult};
use crate::dockerfile::model::EdgeKind;

/// Version of the JSON layout. Bumped when a field is removed or changes meaning (adding a
/// field does not bump it).
pub const SCHEMA_VERSION: u32 = 1;

/// Inspects one Dockerfile's text (the last stage is the one that ships).
pub fn inspect(source: &str) -> Report {
    inspect_with(source, &LintOptions::default())
}

/// Inspects with lint options; `options.target` picks the stage that ships (`--target`).
pub(crate) fn inspect_with(source: &str, options: &LintOptions) -> Report {
    Report::from_lint(&lint::lint(source, options))
}

/// Only the size estimates of a lint run (cheaper than the whole report; exercises use it).
pub fn sizes(result: &LintResult) -> Sizes {
    size::sizes(&result.parse.dockerfile, &result.model)
}

/// The whole picture of one Dockerfile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Every stage, in file order (`stages[i].index == i`).
    pub stages: Vec<StageReport>,
    /// FROM-stage, `COPY --from` and `RUN --mount=…,from=` dependencies, in file order.
    pub edges: Vec<EdgeReport>,
    /// Index of the stage `docker build` produces (the last one, or `--target`); `None` when
    /// there is no stage (an empty file) or the target names no stage.
    pub final_stage: Option<usize>,
    /// Indices of the stages whose layers do not end up in the final image (role `builder` or
    /// `unused`), ascending.
    pub not_shipped: Vec<usize>,
    /// The estimated final size next to the single-stage alternative.
    pub sizes: Sizes,
    /// Findings that would stop `docker build` (parse errors and other error-severity rules),
    /// sorted by position. The rest of the report covers what could still be understood.
    pub errors: Vec<Diagnostic>,
    /// What the final image runs and whether it would start, with the reasons.
    pub run: RunReport,
}

impl Report {
    /// Builds the report from a lint run (the TUI reuses the lint it already has).
    pub(crate) fn from_lint(result: &LintResult) -> Report {
        build::report(result)
    }

    /// How paths and origins name stage `i`: `stage deps`, `stage 1`.
    pub(crate) fn stage_label(&self, i: usize) -> String {
        self.stages
            .get(i)
            .map_or_else(|| format!("stage {i}"), |s| format!("stage {}", s.label))
    }

    /// The final stage's entry, if there is one.
    pub fn final_stage(&self) -> Option<&StageReport> {
        self.final_stage.map(|i| &self.stages[i])
    }
}

/// One build stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageReport {
    /// 0-based position (what `COPY --from=0` refers to).
    pub index: usize,
    /// The name after `AS`, lower-cased as BuildKit does.
    pub name: Option<String>,
    /// How to show the stage: its name, or `stage N`.
    pub label: String,
    /// 1-based line of its FROM.
    pub line: usize,
    /// What the FROM line says and what it resolves to.
    pub base: BaseReport,
    /// The image at the root of the stage's FROM chain and what the table knows of it; `None`
    /// when the chain ends in a base that could not be resolved.
    pub image: Option<ImageFacts>,
    /// Whether the stage ships, and if not why it is there.
    pub role: Role,
    /// `role` is `final` or `base`: the stage's layers are part of the final image.
    pub ships: bool,
    /// What an attacker who gets into a container of this stage finds.
    pub surface: Surface,
    /// The paths that matter when the stage ends (copied in, or made by a build step the
    /// model read), with where each came from; at most 40.
    pub paths: Vec<PathReport>,
    /// How many more such paths there are.
    pub more_paths: usize,
    /// Places a step wrote to that the model cannot list (anything may be there).
    pub unknown_writes: Vec<OpenReport>,
}

/// How a stage takes part in the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The stage `docker build` produces: the image that ships.
    Final,
    /// The final stage is built on it (`FROM <this stage>`, directly or through others), so its
    /// layers ship too.
    Base,
    /// The final stage needs it (it copies or mounts from it, directly or through others), but
    /// only the copied files ship: the stage itself stays behind.
    Builder,
    /// Nothing the final stage needs: BuildKit does not build it.
    Unused,
}

impl Role {
    /// Whether the stage's layers are in the final image.
    pub fn ships(self) -> bool {
        matches!(self, Role::Final | Role::Base)
    }

    /// The lower-case name used in JSON and text.
    pub fn name(self) -> &'static str {
        match self {
            Role::Final => "final",
            Role::Base => "base",
            Role::Builder => "builder",
            Role::Unused => "unused",
        }
    }
}

/// A stage's FROM, as written and as resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BaseReport {
    /// The FROM word as written (`node:18`, `${BASE}`, `build`); empty when FROM has none.
    pub written: String,
    /// After `${VAR}` expansion with the global ARG defaults (`node:18-alpine`); `None` when it
    /// could not be resolved.
    pub resolved: Option<String>,
    /// `image`, `stage` or `unresolved`.
    pub kind: BaseKind,
    /// For `FROM <earlier stage>`: that stage's index.
    pub stage: Option<usize>,
    /// For `unresolved`: why (`$BASE has no default value`…).
    pub reason: Option<String>,
}

/// What a FROM line builds on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseKind {
    Image,
    Stage,
    Unresolved,
}

/// An image and what the table of known images says about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageFacts {
    /// Normalised reference: `docker.io/library/node:18`, `gcr.io/distroless/base:latest`.
    pub reference: String,
    /// Short form as people write it: `node:18`, `gcr.io/distroless/base:latest`.
    pub display: String,
    /// The table entry's id (`node-alpine`); `None` when the image is not in the table.
    pub table_id: Option<String>,
    /// The image is not in the table: nothing below is known.
    pub unknown: bool,
    /// `sdk`, `runtime`, `os` or `minimal`; `None` when unknown.
    pub kind: Option<Kind>,
    /// Download size (compressed layers, linux/amd64).
    pub compressed: SizeRange,
    /// Size on disk (`docker images` SIZE).
    pub uncompressed: SizeRange,
    /// A deprecation or end-of-life note on the name or version, if any.
    pub advisory: Option<Advisory>,
}

/// A size in bytes as a range where sources disagree, with where the figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SizeRange {
    /// `None` when unknown.
    pub min_bytes: Option<u64>,
    /// `None` when unknown.
    pub max_bytes: Option<u64>,
    /// No figure is known.
    pub unknown: bool,
    /// Where the figure comes from (`docker-library/repo-info node:22-alpine`).
    pub source: Option<String>,
    /// When it was measured or published (`2026-09-23`).
    pub date: Option<String>,
    /// The figure is the research notes' estimate, not a measurement.
    pub estimate: bool,
}

/// One dependency of a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EdgeReport {
    /// `from` (`FROM <stage>`), `copy_from` or `mount_from`.
    pub kind: EdgeKind,
    /// What the files or layers come from.
    pub from: EdgeSource,
    /// The stage that uses them.
    pub to_stage: usize,
    /// The reference as written (`builder`, `0`, `nginx:1.27`).
    pub written: String,
    /// 1-based line of the instruction.
    pub line: usize,
    /// For `copy_from`: the source paths as written; for `mount_from`: the mount's `source`
    /// (`/` when not given); empty for `from`.
    pub sources: Vec<String>,
    /// For `copy_from`: the destination as written; for `mount_from`: the mount's `target`.
    pub dest: Option<String>,
    /// The files end up in the final image (`copy_from` into a stage that ships).
    pub ships: bool,
}

/// Where an edge starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EdgeSource {
    /// An earlier stage.
    Stage { index: usize },
    /// An image (or a named build context); `unknown` when the table does not know it.
    Image { reference: String, unknown: bool },
    /// A reference the build rejects (a later stage, itself, a bad index, `$VAR`…).
    Invalid { reason: String },
}

/// The final image's estimated size and the single-stage alternative's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sizes {
    /// The image the Dockerfile ships.
    pub final_image: Estimate,
    /// Everything built on the first needed stage's base image instead.
    pub single_stage: Estimate,
}

/// A size estimate: a known base plus what is known of what is added on top.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Estimate {
    /// The stage the estimate is for (`single_stage`: the stage whose base it starts from).
    pub stage: Option<usize>,
    /// The base image it starts from, short form (`node:18`); `None` when unresolved.
    pub base_image: Option<String>,
    /// Size on disk.
    pub uncompressed: Figure,
    /// Download size.
    pub compressed: Figure,
    /// Instructions that add files of unknown size (`RUN npm install` at line 6…): when there
    /// are any, the figures are lower bounds.
    pub unknown_parts: Vec<Part>,
    /// Sources of the figures used, `source (date)`.
    pub sources: Vec<String>,
}

/// An instruction whose contribution to the size is not known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// 1-based line.
    pub line: usize,
    /// The stage it belongs to.
    pub stage: usize,
    /// The instruction, shortened (`RUN npm install`).
    pub what: String,
}

/// One size figure of an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// Lower end; `None` when unknown.
    pub min_bytes: Option<u64>,
    /// Upper end; `None` when unknown or open (`at_least`).
    pub max_bytes: Option<u64>,
    /// Something of unknown size is added: read "at least `min_bytes`".
    pub at_least: bool,
    /// No figure: the base image's size is not known.
    pub unknown: bool,
}

impl Figure {
    /// The unknown figure.
    pub const UNKNOWN: Figure = Figure {
        min_bytes: None,
        max_bytes: None,
        at_least: false,
        unknown: true,
    };
}

/// Attack-surface facts about a stage's image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Surface {
    /// A POSIX shell (`/bin/sh`, `/busybox/sh`).
    pub shell: Fact,
    /// A package manager (`apt`, `apk`).
    pub package_manager: Fact,
    /// The user the stage runs as at its end.
    pub user: UserFact,
    /// The C library (`glibc`, `musl`).
    pub libc: Fact,
}

/// Something an image has, does not have, or that is not known. JSON:
/// `{"status": "present", "value": "/bin/sh"}`, `{"status": "absent", "value": null}`,
/// `{"status": "unknown", "value": null}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Fact {
    Present(String),
    Absent,
    Unknown,
}

impl Fact {
    /// `present`, `absent` or `unknown`.
    pub fn status(&self) -> &'static str {
        match self {
            Fact::Present(_) => "present",
            Fact::Absent => "absent",
            Fact::Unknown => "unknown",
        }
    }

    /// The value when present.
    pub fn value(&self) -> Option<&str> {
        match self {
            Fact::Present(v) => Some(v),
            _ => None,
        }
    }

    /// For tables: the value, `none` or `unknown`.
    pub fn describe(&self) -> &str {
        match self {
            Fact::Present(v) => v,
            Fact::Absent => "none",
            Fact::Unknown => "unknown",
        }
    }
}

impl Serialize for Fact {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Fact", 2)?;
        st.serialize_field("status", self.status())?;
        st.serialize_field("value", &self.value())?;
        st.end()
    }
}

/// Who a stage runs as, and where that comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserFact {
    /// The user (`root`, `65532`, `nonroot:nonroot`); `None` when unknown.
    pub name: Option<String>,
    /// The user is not known (an unknown image's default, or a digest-pinned variant).
    pub unknown: bool,
    /// Whether it is root; `None` when unknown.
    pub root: Option<bool>,
    /// `image_default`, `user_instruction` or `unknown`.
    pub set_by: UserSource,
    /// The USER instruction's line when `set_by` is `user_instruction`.
    pub line: Option<usize>,
}

/// Where a stage's user comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UserSource {
    /// The base image's default user.
    ImageDefault,
    /// A USER instruction (in the stage or one it is built on).
    UserInstruction,
    /// Not known.
    Unknown,
}
