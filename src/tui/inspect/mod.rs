//! The inspect screen, all of it: its view model ([`view`], mapped from the library's
//! [`crate::inspect::Report`] in [`from_report`] only), its state ([`state`]), the update that
//! opens and scrolls it ([`update`]), which Dockerfile the reader offers ([`pick`]), and the
//! drawing ([`draw`]). The judgement itself (what runs, whether it starts) is the library's.

pub mod draw;
pub mod from_report;
pub mod pick;
pub mod state;
pub mod update;
pub mod view;

pub use draw::draw;
pub use state::InspectState;
pub use update::{on_action, open, open_for_file, open_from_reader};
pub use view::InspectView;
