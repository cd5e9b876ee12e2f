//! The Dockerfile validator: a BuildKit-conformant parser producing a typed syntax tree
//! with spans ([`ast`]).

pub mod ast;
pub mod parser;

pub use ast::{Dockerfile, Instruction, Keyword, ParseError, ParseResult};
pub use parser::{parse, parse_bytes};
