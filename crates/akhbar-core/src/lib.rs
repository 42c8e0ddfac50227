//! akhbar-core: Arabic news text processing in pure Rust (no Python).
//!
//! - [`text`]: character classes, normalization with offset maps, tokenization.
//! - [`article`]: article structure (fields, body, boilerplate) of raw text and HTML.
//! - [`batch`]: order-preserving parallel batches.
//! - [`pipeline`]: all stages per article in one pass, column-wise tables.
//! - [`entities`]: the named-entity tagger (training, model files, scoring).
//! - [`calendar`]: Gregorian dates and Hijri conversion.
//! - [`mentions`]: names, dates, times, numbers and amounts of a text in one
//!   scan ([`mentions::dates`], [`mentions::numbers`]).

pub mod article;
pub mod batch;
pub mod calendar;
pub mod entities;
pub mod error;
pub mod mentions;
pub mod pipeline;
pub mod text;

pub use error::{Error, Result};
