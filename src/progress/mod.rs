//! The learner's state on disk: what was answered, how, with how many hints, and for how long.
//! Schema-versioned JSON, written atomically, never silently lost (see [`store`]).
//! What is made from it for others (score, exported results, a class's table) is in
//! [`crate::results`].

pub(crate) mod location;
mod lock;
pub(crate) mod model;
pub mod moved;
pub mod review;
pub mod store;

pub use location::default_progress_path;
pub use model::{
    Help, LessonProgress, Position, Progress, QuestionProgress, Review, SCHEMA_VERSION,
};
pub use review::Clock;
pub use store::{Notice, Store, StoreError};
