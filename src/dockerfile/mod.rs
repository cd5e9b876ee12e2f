//! The Dockerfile validator: parser, stage model, rules. Knows nothing of the course or the terminal.
//!
//! - [`ast`], [`parser`]: a BuildKit-conformant parser producing a typed syntax tree with spans.
//! - [`model`], [`images`]: image references, stages, the stage graph, base-image classification.
//! - [`build`]: what each stage's filesystem holds when the build ends, and where each path came
//!   from (the build model the "would it run" rules stand on).
//! - [`shell`]: the RUN script splitter the model and the rules share; [`options`]: which
//!   package-manager options take a value.
//! - [`rules`], [`lint`]: the rule registry and the entry point `lint::lint`.

pub mod ast;
pub mod build;
pub mod check_config;
pub(crate) mod diagnostic;
pub(crate) mod dockerignore;
pub mod fix;
pub mod images;
pub mod lint;
pub mod model;
pub(crate) mod options;
pub mod parser;
pub mod rules;
pub mod sh;
pub(crate) mod shell;

pub(crate) use ast::ParseError;
pub use ast::{Dockerfile, Instruction, Keyword, ParseResult};
pub(crate) use diagnostic::Location;
pub use diagnostic::{Diagnostic, Fix, Severity};
pub use parser::{parse, parse_bytes};
