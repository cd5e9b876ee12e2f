//! Lesson packs: the data model, the loader (bundled or on disk), Markdown → [`doc::Doc`],
//! layout of a `Doc` into width-wrapped lines, search over that text, and the plain-text notes
//! import.
//! Knows nothing of the terminal.

pub mod doc;
pub mod hygiene;
pub mod layout;
pub mod loader;
pub(crate) mod markdown;
pub(crate) mod model;
pub(crate) mod mojibake;
pub mod notes;
pub mod search;

pub use loader::PackError;
pub use model::{Course, Lesson, LoadError, Section, SectionKind};
