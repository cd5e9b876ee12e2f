//! What is made from saved progress for someone to read: a lesson's [`Score`], the results a
//! learner hands in ([`schema`], built by [`export`], with the [`live`] state `watch` adds) and
//! a class's merged table ([`class`]). Apart from storage ([`crate::progress`]) so that quiz
//! and progress need not know each other.

pub(crate) mod class;
pub(crate) mod csv_cell;
pub mod export;
mod file_error;
pub mod live;
pub mod schema;
pub(crate) mod score;
pub(crate) mod status;

pub use class::Class;
pub(crate) use file_error::ResultsFileError;
pub use schema::{Encoding, Results};
pub use score::Score;
pub use status::LessonStatus;
