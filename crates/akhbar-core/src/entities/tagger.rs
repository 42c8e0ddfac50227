//! The [`Tagger`] abstraction: anything that gives BIO tags to the tokens of
//! sentences. [`extract`](super::extract::extract) and the pipeline take a
//! `&dyn Tagger`, so a second kind of model (a neural or transformer tagger)
//! plugs in without touching its callers.

use super::gazetteer::Gazetteer;
use super::labels::Labels;
use super::model::Model;
use super::viterbi::marginals;

/// The tags a tagger gives one sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TaggedSentence {
    /// One tag per token, in the tag layout of the tagger's [`Labels`]
    /// (`0` = `O`, then `B-X`, `I-X` per type). A tagger returns sequences
    /// that obey the BIO constraints (see [`super::labels::repair`]).
    pub tags: Vec<usize>,
    /// The tagger's confidence in each token's tag, in `[0, 1]`.
    pub confidence: Vec<f32>,
}

impl TaggedSentence {
    /// `O` for each of `len` tokens with confidence 0: what a tagger whose
    /// inference failed returns, so that the document still gets its row.
    pub fn untagged(len: usize) -> Self {
        Self {
            tags: vec![super::labels::O; len],
            confidence: vec![0.0; len],
        }
    }

    /// [`TaggedSentence::untagged`] for every sentence of a document: the
    /// fallback of a tagger whose inference failed.
    pub fn untagged_document(sentences: &[Vec<&str>]) -> Vec<Self> {
        sentences.iter().map(|s| Self::untagged(s.len())).collect()
    }
}

/// A sequence tagger over the sentences of one document.
///
/// Sentences come from one document in reading order, so a tagger may use
/// document context (the perceptron's second stage does; a transformer may
/// window over the whole document). Implementations are shared read-only by
/// all threads.
pub trait Tagger: Send + Sync + std::fmt::Debug {
    /// The entity types and the tag layout of the tags it returns.
    fn labels(&self) -> &Labels;

    /// Tag each sentence (tokens as they appear in the text); one
    /// [`TaggedSentence`] per sentence, with one tag per token.
    fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<TaggedSentence>;

    /// The names the tagger knows as lists, if it has any:
    /// [`extract`](super::extract::extract) grows a name the tagger read
    /// only the tail of to a listed phrase (`known_phrases.rs`).
    fn gazetteer(&self) -> Option<&Gazetteer> {
        None
    }
}

impl Tagger for Model {
    fn labels(&self) -> &Labels {
        Model::labels(self)
    }

    fn gazetteer(&self) -> Option<&Gazetteer> {
        Some(Model::gazetteer(self))
    }

    fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<TaggedSentence> {
        let infos: Vec<_> = sentences.iter().map(|s| self.analyse(s)).collect();
        let bio_tags = self.labels.n_tags();
        let n_types = self.labels.types().len();
        self.tag_document(&infos)
            .into_iter()
            .map(|(tags, em)| {
                // Marginals only where there is an entity to score; a token's
                // confidence is the probability of its BIO tag.
                let confidence = if tags.iter().any(|&t| t != 0) {
                    let last = self.final_stage();
                    let probs = marginals(
                        &em,
                        last.n_tags(),
                        &last.transitions,
                        last.temperature(),
                        last.scheme(),
                    );
                    let probs = last.scheme().bio_marginals(&probs, n_types);
                    tags.iter()
                        .enumerate()
                        .map(|(k, &t)| probs[k * bio_tags + t])
                        .collect()
                } else {
                    vec![1.0; tags.len()]
                };
                TaggedSentence { tags, confidence }
            })
            .collect()
    }
}
