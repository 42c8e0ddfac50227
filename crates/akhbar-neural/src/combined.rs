//! [`Combined`]: the fast perceptron and the contextual tagger together.
//! Each token's tag probabilities are a weighted mean of the perceptron's
//! marginals (forward-backward over its scores, at its calibrated
//! temperature) and the network's soft-max; the sequence is decoded by
//! akhbar's Viterbi under the BIO constraints (a BILOU perceptron's marginals
//! are summed into BIO ones first).

use std::sync::Arc;

use akhbar_core::entities::labels::Labels;
use akhbar_core::entities::viterbi::viterbi;
use akhbar_core::entities::{Model, Scheme, TaggedSentence, Tagger};
use akhbar_core::{Error, Result};

use crate::stack::perceptron_marginals;
use crate::tagger::NeuralTagger;

/// The two taggers and the perceptron's share of the mean.
#[derive(Debug, Clone)]
pub struct Combined {
    fast: Arc<Model>,
    neural: NeuralTagger,
    fast_weight: f32,
}

impl Combined {
    /// Both taggers must tag the same entity types; `fast_weight` is in
    /// `[0, 1]`.
    pub fn new(fast: Arc<Model>, neural: NeuralTagger, fast_weight: f32) -> Result<Self> {
        if fast.labels() != neural.labels() {
            return Err(Error::InvalidOption(format!(
                "the taggers tag different types: {:?} and {:?}",
                fast.labels().types(),
                neural.labels().types()
            )));
        }
        if !(0.0..=1.0).contains(&fast_weight) {
            return Err(Error::InvalidOption(format!(
                "the perceptron's weight {fast_weight} is not in [0, 1]"
            )));
        }
        Ok(Self {
            fast,
            neural,
            fast_weight,
        })
    }
}

impl Tagger for Combined {
    fn labels(&self) -> &Labels {
        self.neural.labels()
    }

    fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<TaggedSentence> {
        let Ok(neural) = self.neural.log_probs_here(sentences) else {
            return self.fast.tag_sentences(sentences);
        };
        let n_tags = self.labels().n_tags();
        let transitions = vec![0.0; (n_tags + 1) * n_tags];
        let w = self.fast_weight;
        perceptron_marginals(&self.fast, sentences)
            .into_iter()
            .zip(neural)
            .map(|(p, lp)| {
                let mixed: Vec<f32> = p
                    .iter()
                    .zip(&lp)
                    .map(|(a, b)| (w * a + (1.0 - w) * b.exp()).max(1e-12).ln())
                    .collect();
                let tags = viterbi(&mixed, n_tags, &transitions, Scheme::Bio);
                let confidence = tags
                    .iter()
                    .enumerate()
                    .map(|(k, &t)| mixed[k * n_tags + t].exp())
                    .collect();
                TaggedSentence { tags, confidence }
            })
            .collect()
    }
}
