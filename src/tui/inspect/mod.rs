//! The inspect view's parts: its own view model ([`view`]), the stage graph's geometry
//! ([`layout`]) and drawing ([`graph`]), the size chart ([`sizes`]), the attack-surface table
//! ([`surface`]), the whole view as one scrollable page ([`page`]), and the engine's report
//! mapped onto the view ([`from_report`]).

pub mod from_report;
pub mod graph;
pub mod layout;
pub mod page;
pub mod sizes;
pub mod surface;
pub mod view;

pub use view::InspectView;
