//! The corpus pipeline: every enabled stage runs on one article in one pass,
//! articles run in parallel, and results come out as column-wise tables.
//!
//! Stages are independent switches in [`PipelineConfig`]: parsing gives the
//! article fields and the body; tokens, normalization, entities, dates and
//! numbers then work on the body. Mention offsets are into the body, and into
//! the original input where the body piece is a verbatim slice of it. Rows are
//! keyed by the article's position in the batch, so the caller maps them to
//! its own ids.

pub mod arrow;
mod columns;
mod config;
mod document;
mod run;

pub use columns::{
    ArticleColumns, DateColumns, EntityColumns, NumberColumns, PlaceColumns, Tables,
};
pub use config::PipelineConfig;
pub use document::{process_document, DateRow, Document, EntityRow, Fields, NumberRow, Place};
pub use run::run;
