//! What a test needs from the machine or from ../shared. Without it the test skips with a
//! printed reason, but fails when CI=true: on CI a skipped test would check nothing in silence.
// Each test crate uses only the helpers it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Whether this run is on CI (`CI=true`, as GitHub Actions and most CI services set it).
pub(crate) fn on_ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

/// Says why the test checks nothing here; with CI=true it fails instead.
#[track_caller]
pub(crate) fn skip(reason: &str) {
    assert!(!on_ci(), "{reason}, and CI=true: on CI this test must run");
    eprintln!("skipped: {reason}");
}

/// `../shared/<rel>` (`$DOCKERLINGS_SHARED/<rel>` for a worktree that lives elsewhere) when it
/// exists; else skips (fails on CI) and gives `None`.
#[track_caller]
pub(crate) fn shared(rel: &str) -> Option<PathBuf> {
    let root = std::env::var_os("DOCKERLINGS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = root.join(rel);
    if path.exists() {
        Some(path)
    } else {
        skip(&format!("{} is absent", path.display()));
        None
    }
}
