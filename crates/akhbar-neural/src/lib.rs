//! A contextual entity tagger for akhbar, trained and run in Rust with candle.
//!
//! Each token becomes the sum of embeddings of hashed sparse inputs — the
//! same analysis the perceptron reads (folded word, clitic-free stem, affixes,
//! shape, trigger classes, gazetteer marks, word-cluster prefixes)
//! ([`inputs`]); stacked dilated convolutions over the sentence give every
//! token a context of several words on each side ([`network`]); a soft-max
//! per token is decoded under the BIO constraints by akhbar's Viterbi.
//! [`NeuralTagger`] implements [`akhbar_core::entities::Tagger`], so
//! `extract()` and the pipeline run it like the shipped perceptron;
//! [`train::train`] learns one from CoNLL sentences, deterministically for a
//! seed.

pub mod combined;
pub mod inputs;
pub mod network;
pub mod pretrain;
pub mod stack;
pub mod tagger;
pub mod train;
pub mod vectors;

pub use combined::Combined;
pub use network::NetworkConfig;
pub use tagger::NeuralTagger;
pub use train::{train, TrainConfig};
