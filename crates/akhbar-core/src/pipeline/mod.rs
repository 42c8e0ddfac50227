//! The corpus pipeline: every enabled stage runs on one article in one pass,
//! articles run in parallel, and results come out as column-wise tables.
//!
//! Stages are independent switches in [`PipelineConfig`]; each adds columns to
//! the article table or rows to a mention table. Rows are keyed by the
//! article's position in the batch, so the caller maps them to its own ids.

mod columns;
mod config;
mod document;
mod run;

pub use columns::{ArticleColumns, MentionColumns, Tables};
pub use config::PipelineConfig;
pub use document::{process_document, Document, Mention};
pub use run::run;
