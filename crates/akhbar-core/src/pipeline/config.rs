//! Which stages a pipeline runs, and with what settings.

use std::sync::Arc;

use crate::entities::Tagger;
use crate::text::Normalizer;

/// The stages of a pipeline run. Cheap to clone and shared read-only by all threads.
#[derive(Debug, Clone, Default)]
pub struct PipelineConfig {
    /// Parse the article structure (title, date, byline, body ...); later
    /// stages then work on the body. Off: the whole input is the body.
    pub parse: bool,
    /// Normalize the body (the `normalized` column) with this normalizer.
    pub normalizer: Option<Normalizer>,
    /// Count tokens and words of the body (`n_tokens`, `n_words`).
    pub tokens: bool,
    /// Tag named entities with this tagger (the `entities` table).
    pub entities: Option<Arc<dyn Tagger>>,
    /// Find dates and times, resolved against the article's own date (`dates`).
    pub dates: bool,
    /// Find numbers, percentages, money and quantities (`numbers`).
    pub numbers: bool,
    /// Testing only: a document whose text equals this panics, to prove that
    /// one failing document costs one error row. `None` (the default) in every
    /// real run: no input text can trigger it unless a caller sets it.
    #[doc(hidden)]
    pub panic_on: Option<String>,
}
