//! akhbar-core: Arabic news text processing in pure Rust (no Python).
//!
//! - [`text`]: character classes, normalization with offset maps, tokenization.
//! - [`batch`]: order-preserving parallel batches.

pub mod batch;
pub mod calendar;
pub mod dates;
pub mod error;
pub mod text;

pub use error::{Error, Result};
