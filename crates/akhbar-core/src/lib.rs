//! akhbar-core: Arabic news text processing in pure Rust (no Python).
//!
//! - [`text`]: character classes, normalization with offset maps, tokenization.
//! - [`batch`]: order-preserving parallel batches.
//! - [`entities`]: the named-entity tagger (training, model files, scoring).

pub mod batch;
pub mod entities;
pub mod error;
pub mod text;

pub use error::{Error, Result};
