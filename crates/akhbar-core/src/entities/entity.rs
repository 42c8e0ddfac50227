//! An entity mention: a span of the original text with its label, normalized
//! form, confidence and key.

/// An entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Start (character offset into the original text).
    pub start: usize,
    /// End (exclusive, character offset).
    pub end: usize,
    /// The original text of the mention.
    pub text: String,
    /// Entity type: PERS, LOC, ORG, MISC ...
    pub label: String,
    /// Normalized form ("ner" preset); a dropped article alef is restored
    /// (لأمم → الامم). For dates and numbers, the resolved value.
    pub normalized: String,
    /// Confidence in [0, 1]: the mean marginal probability of its tags.
    pub score: f32,
    /// Key shared by the mentions of one entity in the same text.
    pub key: String,
}
