//! Questions and Dockerfile exercises: the quiz file format, answer checking, requirements
//! judged on the validator's model, hints and scores. Knows nothing of the terminal.

pub mod check;
pub(crate) mod context;
pub(crate) mod diff;
pub mod eol;
pub(crate) mod facts;
pub(crate) mod format;
mod glob;
pub(crate) mod grade;
pub(crate) mod hints;
pub mod judge;
pub(crate) mod model;
pub(crate) mod pack;
pub(crate) mod verdict;
pub mod verify;

pub(crate) use check::is_correct;
pub use check::{Answer, normalise};
pub use format::parse_quiz;
pub(crate) use model::ContextFile;
pub use model::{Exercise, Hint, Question, QuestionKind, Quiz, Requirement};
pub use pack::QuizBook;
pub use verdict::{Check, Verdict};
