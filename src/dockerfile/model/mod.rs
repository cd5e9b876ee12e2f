//! The meaning of a parsed Dockerfile: image references, stages, their dependency graph and
//! what each stage's base image provides.

pub mod image_ref;

pub use image_ref::{ImageRef, RefError};
