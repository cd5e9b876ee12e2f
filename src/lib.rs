//! dockerlings: a terminal course on multi-stage Docker builds and distroless images.
//!
//! The engine lives here so the binary, the tests and the benches share one code path.
//! Layers, bottom up (each knows nothing of the ones above it):
//! - [`course`]: lesson packs on disk or bundled, Markdown → [`course::doc::Doc`], layout to width.
//! - [`dockerfile`]: the validator: BuildKit-conformant parser, stage model, rules.
//! - [`highlight`]: syntect highlighting with our own Dockerfile grammar.
//! - [`quiz`], [`progress`]: answers, verdicts and the learner's saved state.
//! - [`report`]: `check` output formats; [`escape`]: how outside text is shown on a terminal.
//! - [`safe_fs`]: the one policy for files read (regular, size-limited) and written (atomic,
//!   never through a link), under everything that touches the disk.
//! - [`tui`]: screens over all of the above; [`cli`]: argument parsing and dispatch.

pub mod cli;
pub mod course;
pub mod dockerfile;
pub mod escape;
pub mod highlight;
pub mod inspect;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod safe_fs;
pub mod tui;
pub mod workshop;
