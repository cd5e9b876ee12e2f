//! The learner's state on disk: what was answered, how, with how many hints, and for how long.
//! Schema-versioned JSON, written atomically, never silently lost (see [`store`]).
//! Also the results a learner hands in ([`results`], built by [`export`]) and a class's
//! merged table ([`class`]).

pub mod class;
pub(crate) mod csv_cell;
pub mod export;
pub mod live;
pub mod location;
mod lock;
pub mod model;
mod moved;
pub mod results;
pub mod store;

pub use class::Class;
pub use location::default_progress_path;
pub use model::{LessonProgress, Progress, QuestionProgress, SCHEMA_VERSION};
pub use results::{Encoding, Results};
pub use store::{Notice, Store, StoreError};
