//! `dockerlings class DIR`: the instructor's live table of a class folder. State
//! ([`state`]), the one update function ([`update`]), the key table ([`keys`]) and the run
//! loop ([`run`]: terminal input, the folder watcher with its polling fallback, the optional
//! `git pull` timer); drawing is in [`crate::tui::screens::class`], the table itself in
//! [`crate::workshop::class`].

pub(crate) mod keys;
pub mod run;
pub(crate) mod state;
pub mod update;

pub use run::run;
pub use state::ClassState;
pub use update::{ClassMsg, update};
