//! One article through every enabled stage.

use super::config::PipelineConfig;
use crate::text::{tokenize, TokenKind, TokenizeOptions};

/// A span found in an article: an entity, a date or a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Character offsets into the article's original text.
    pub start: usize,
    pub end: usize,
    /// The original surface text.
    pub text: String,
    /// PERS, LOC, ORG, MISC, DATE, TIME, NUMBER, ...
    pub label: String,
    /// The normalized form or resolved value, as text.
    pub value: Option<String>,
}

/// What the pipeline found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Length of the original text in characters.
    pub n_chars: usize,
    /// All tokens, and the word tokens among them (when the token stage is on).
    pub n_tokens: Option<usize>,
    pub n_words: Option<usize>,
    /// The normalized text (when the normalize stage is on).
    pub normalized: Option<String>,
    /// Mentions, by table name, in text order.
    pub mentions: Vec<(&'static str, Vec<Mention>)>,
}

/// Run every enabled stage of `config` on one article.
pub fn process_document(text: &str, config: &PipelineConfig) -> Document {
    let mut doc = Document {
        n_chars: text.chars().count(),
        ..Document::default()
    };
    if config.tokens {
        let tokens = tokenize(text, TokenizeOptions::default());
        let words = tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Latin))
            .count();
        doc.n_tokens = Some(tokens.len());
        doc.n_words = Some(words);
    }
    if let Some(normalizer) = &config.normalizer {
        doc.normalized = Some(normalizer.normalize(text));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{NormalizeOptions, Normalizer};

    #[test]
    fn stages_are_switches() {
        let text = "قالت وكالة «واس» إنّ 3 أشخاص أصيبوا.";
        let bare = process_document(text, &PipelineConfig::default());
        assert_eq!(bare.n_chars, 36);
        assert_eq!(bare.n_tokens, None);
        assert_eq!(bare.normalized, None);

        let config = PipelineConfig {
            normalizer: Some(Normalizer::new(NormalizeOptions::preset("search").unwrap())),
            tokens: true,
        };
        let doc = process_document(text, &config);
        // قالت وكالة « واس » إن 3 أشخاص أصيبوا . -> 10 tokens, 6 of them words.
        assert_eq!(doc.n_tokens, Some(10));
        assert_eq!(doc.n_words, Some(6));
        assert_eq!(
            doc.normalized.as_deref(),
            Some("قالت وكاله \"واس\" ان 3 اشخاص اصيبوا.")
        );
    }
}
