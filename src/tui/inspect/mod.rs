//! The inspect screen, all of it: its view model ([`view`], mapped from the library's
//! [`crate::inspect::Report`] in [`from_report`] only), its state ([`state`]), the update that
//! opens and scrolls it ([`update`]), which Dockerfile the reader offers ([`pick`]), and the
//! drawing ([`draw`]). The judgement itself (what runs, whether it starts) is the library's.

pub mod draw;
pub mod from_report;
pub mod pick;
pub(crate) mod state;
pub(crate) mod update;
pub(crate) mod view;

pub use draw::draw;
pub(crate) use state::InspectState;
pub use update::open;
pub(crate) use update::{on_action, open_for_file, open_from_reader};
