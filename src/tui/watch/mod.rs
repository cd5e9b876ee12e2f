//! `dockerlings watch`: the exercise list of a workshop folder, re-checked on every save made
//! in the learner's own editor. State ([`state`]), the one update function ([`update`]), the
//! key table ([`keys`]) and the run loop ([`run`]); drawing is in
//! [`crate::tui::screens::watch`], the engine (files, watcher, verdicts) in
//! [`crate::workshop`].

pub(crate) mod keys;
pub(crate) mod run;
pub mod state;
pub mod update;

pub use run::run;
pub use state::WatchState;
pub use update::{WatchMsg, update};
