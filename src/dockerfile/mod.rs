//! The Dockerfile validator: parser, stage model, rules. Knows nothing of the course or the terminal.

pub mod diagnostic;
pub mod images;
pub mod model;

pub use diagnostic::{Diagnostic, Fix, Location, Severity};
