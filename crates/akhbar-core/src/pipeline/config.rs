//! Which stages a pipeline runs, and with what settings.

use crate::text::Normalizer;

/// The stages of a pipeline run. Cheap to clone and shared read-only by all threads.
#[derive(Debug, Clone, Default)]
pub struct PipelineConfig {
    /// Normalize the article text (the `normalized` column) with this normalizer.
    pub normalizer: Option<Normalizer>,
    /// Count tokens and words (the `n_tokens` and `n_words` columns).
    pub tokens: bool,
}
