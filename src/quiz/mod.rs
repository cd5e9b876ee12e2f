//! Questions and Dockerfile exercises: the quiz file format, answer checking, requirements
//! judged on the validator's model, hints and scores. Knows nothing of the terminal.

pub mod check;
pub mod context;
pub mod diff;
pub mod eol;
pub mod facts;
pub mod format;
mod glob;
pub mod grade;
pub mod hints;
pub mod judge;
pub mod model;
pub mod pack;
pub mod verdict;
pub mod verify;

pub use check::{Answer, is_correct, normalise};
pub use format::parse_quiz;
pub use model::{
    ContextFile, Exercise, Hint, HintTrigger, Question, QuestionKind, Quiz, Requirement,
    WrongAnswer,
};
pub use pack::QuizBook;
pub use verdict::{Check, Verdict};
