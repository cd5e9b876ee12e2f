//! The terminal UI: a thin layer over the course. State ([`app`]), messages ([`event`]),
//! the one state-changing function ([`update`]), screens that draw state ([`screens`]),
//! the key table ([`keys`]), and the run loop with terminal set-up ([`run`], [`terminal`]).
//! Everything but `run` and `terminal` works without a terminal.

pub mod app;
pub mod class;
pub mod code;
pub(crate) mod confirm;
pub mod event;
pub(crate) mod external_editor;
pub(crate) mod hl_style;
pub(crate) mod input;
pub mod inspect;
pub(crate) mod io_failure;
pub mod keys;
pub(crate) mod mouse;
pub(crate) mod run;
pub mod screens;
pub(crate) mod search;
pub mod terminal;
pub(crate) mod text;
pub mod theme;
pub mod update;
pub mod watch;

pub use app::App;
pub use code::CodeColours;
pub use hl_style::line_to_ratatui;
pub use run::{Exit, run};
