//! Named entities: a linear-chain tagger (averaged structured perceptron,
//! Viterbi decoding under BIO or BILOU constraints) over hashed features, with
//! gazetteers, word clusters, a versioned model file, a CoNLL reader,
//! conlleval-style scoring and per-article mention grouping.
//!
//! The text side (normalization, tokenization, clitics) is `crate::text`.

pub mod clean_span;
pub mod cluster_learn;
pub mod clusters;
pub mod conll;
pub mod coordinated;
pub mod corpus_tags;
pub mod doc;
pub mod embedding_classes;
pub mod embeddings_learn;
pub mod entity;
pub mod eval;
pub mod exchange_clusters;
pub mod extract;
pub mod features;
pub mod format;
pub mod gazetteer;
pub mod group;
pub mod hash;
pub mod holy_places;
pub mod honorifics;
pub mod known_phrases;
pub mod label_vote;
pub mod labels;
pub mod model;
pub mod name_spans;
pub mod named_after;
pub mod place_heads;
pub mod prayer_formulas;
pub mod purpose_bodies;
pub mod rng;
pub mod royal_title;
pub mod scheme;
pub mod tagger;
#[cfg(test)]
mod test_types;
pub mod to_me;
pub mod train;
pub mod viterbi;
pub mod weights;

pub use conll::{read_conll, Sentence};
pub use entity::Entity;
pub use eval::{evaluate_tags, Counts, EvalCounts};
pub use gazetteer::Gazetteer;
pub use labels::Labels;
pub use model::Model;
pub use scheme::Scheme;
pub use tagger::{TaggedSentence, Tagger};
pub use train::TrainOptions;
