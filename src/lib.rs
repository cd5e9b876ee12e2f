//! dockerlings: a terminal course on multi-stage Docker builds and distroless images.
//!
//! The engine lives here so the binary, the tests and the benches share one code path.
//! Layers, bottom up (each knows nothing of the ones above it; tests/layering.rs checks):
//! - [`safe_fs`]: the one policy for files read (regular, size-limited) and written (atomic,
//!   never through a link), under everything that touches the disk; [`yaml`]: the one door to
//!   YAML; [`escape`]: how outside text is shown on a terminal.
//! - [`dockerfile`]: the validator: BuildKit-conformant parser, stage model, rules.
//! - [`course`]: lesson packs on disk or bundled, Markdown → [`course::doc::Doc`], layout to width.
//! - [`highlight`]: syntect highlighting with our own Dockerfile grammar (no terminal library).
//! - [`quiz`]: questions and verdicts; [`progress`]: the learner's saved state (storage only);
//!   [`results`]: what is made from both (score, exported results, a class's table).
//! - [`report`]: `check` output formats; [`inspect`]: what a Dockerfile ships;
//!   [`config`]: `.dockerlings.yaml` (ignores, fail level, theme); [`workshop`]: a class's files.
//! - [`tui`]: screens over all of the above; [`plain`]: the same course line by line
//!   (`--plain`); [`cli`]: argument parsing and dispatch.

pub mod cli;
pub mod config;
pub mod course;
pub mod dockerfile;
pub mod escape;
pub mod highlight;
pub mod inspect;
pub(crate) mod plain;
pub mod progress;
pub mod quiz;
mod report;
pub mod results;
mod safe_fs;
pub mod tui;
pub mod workshop;
pub mod yaml;

/// Parsing and linting allocate many small strings and free them soon after; mimalloc does that
/// about 1.4x faster than glibc's malloc over the whole `check` (docs/benchmarks-check.md,
/// "Third pass"). Here rather than in main.rs so the benches and tests run on what users run.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
