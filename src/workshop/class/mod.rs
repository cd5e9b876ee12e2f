//! `dockerlings class DIR`: the class folder that learners' `watch --report-to` sessions write
//! into, read as a live table. Reading the folder ([`scan`]: limits, links, hidden files), the
//! table itself ([`snapshot`]: who is stuck on what, counts per exercise), its encodings for
//! scripts ([`output`]) and the optional `git pull` ([`git`]). Terminal-free; the screen is in
//! [`crate::tui::class`]. Nothing here writes into the folder.

pub(crate) mod git;
pub mod output;
pub mod scan;
pub(crate) mod snapshot;

pub use git::PullError;
pub use snapshot::Snapshot;
