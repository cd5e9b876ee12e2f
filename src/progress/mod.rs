//! The learner's state on disk: what was answered, how, with how many hints, and for how long.
//! Schema-versioned JSON, written atomically, never silently lost (see [`store`]).
//! What is made from it for others (score, exported results, a class's table) is in
//! [`crate::results`].

pub(crate) mod location;
mod lock;
pub(crate) mod model;
pub mod moved;
pub(crate) mod review;
pub(crate) mod store;

pub(crate) use location::default_progress_path;
pub use model::{Help, Position, Progress, QuestionProgress, Review, SCHEMA_VERSION};
pub use review::Clock;
pub use store::{Notice, Store, StoreError};
