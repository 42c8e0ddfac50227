//! BERT token classifiers in the Hugging Face format (`config.json`, a
//! WordPiece vocabulary, safetensors or PyTorch weights) as akhbar entity
//! taggers: [`BertTagger`] implements [`akhbar_core::entities::Tagger`], so
//! `extract()` and the pipeline run it like the shipped perceptron.
//!
//! Inference is akhbar's own BERT encoder ([`encoder`]) on the CPU in `f32`,
//! its matrix products by the `gemm` crate; candle reads the weights. Sentences are the model's
//! sequences (as the checkpoints were fine-tuned); a sentence longer than the
//! model's position limit is cut into overlapping windows whose predictions
//! are merged deterministically (see [`windows`]). Word tags come from each
//! word's first subword, then go through akhbar's BIO repair.

pub mod config;
pub mod encoder;
pub mod label_map;
pub mod tagger;
pub mod weights;
pub mod windows;
pub mod wordpiece;

pub use label_map::LabelMap;
pub use tagger::{BertOptions, BertTagger};
