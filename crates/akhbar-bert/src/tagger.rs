//! [`BertTagger`]: a BERT token classifier as an akhbar [`Tagger`].
//!
//! Per document: every sentence is tokenized into subwords; a sentence over
//! the window size is cut into overlapping windows ([`crate::windows`]);
//! the windows (`[CLS] … [SEP]`) are sorted by length and packed, without
//! padding, into batches of at most `batch_tokens` subwords; each word takes
//! the logits of its first subword from the window where that subword is
//! most central; its tag is the arg-max label mapped to akhbar's types, its
//! confidence that label's softmax probability; then BIO repair.
//!
//! Threads: documents run on akhbar's rayon workers, and a document's
//! batches are spread over the same pool's idle workers (so a long document
//! next to short ones does not leave a thread idle); each batch's forward
//! pass runs on one thread ([`crate::encoder`]). Called from outside any
//! rayon pool (a one-thread batch, which runs on the calling thread),
//! inference runs in a one-thread pool of its own so that it does not spread
//! onto rayon's global pool. Batches depend only on the document and each
//! runs the same way on any thread, so results do not depend on the thread
//! count.

use std::path::{Path, PathBuf};

use akhbar_core::entities::labels::{repair, Labels, O};
use akhbar_core::entities::{TaggedSentence, Tagger};
use akhbar_core::Result;
use rayon::prelude::*;

use crate::config::{model_error, ModelConfig};
use crate::encoder::Encoder;
use crate::label_map::LabelMap;
use crate::weights::read_weights;
use crate::windows;
use crate::wordpiece::{EncodedWords, WordPieceTokenizer};

/// Loading options of a [`BertTagger`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BertOptions {
    /// `(model type, akhbar type or None to drop it)` pairs that override
    /// the default label mapping ([`crate::label_map`]).
    pub label_map: Vec<(String, Option<String>)>,
    /// Subwords per window including `[CLS]` and `[SEP]` (default and
    /// maximum: the model's `max_position_embeddings`).
    pub max_length: Option<usize>,
    /// Subwords shared by consecutive windows of a long sentence (at most
    /// half a window).
    pub stride: usize,
    /// Subwords per forward pass (bounds memory and is the unit of work
    /// spread over threads; a window longer than it runs alone).
    pub batch_tokens: usize,
}

impl Default for BertOptions {
    fn default() -> Self {
        Self {
            label_map: Vec::new(),
            max_length: None,
            stride: 128,
            batch_tokens: 512,
        }
    }
}

/// Word-level logits of one sentence: per word, the model's logits at its
/// first subword (`None` for a word with no subword).
pub type WordLogits = Vec<Option<Vec<f32>>>;

/// A BERT token classifier loaded from a Hugging Face model folder.
pub struct BertTagger {
    encoder: Encoder,
    tokenizer: WordPieceTokenizer,
    label_map: LabelMap,
    model_labels: Vec<String>,
    /// Text subwords per window (`max_length - 2`).
    window: usize,
    options: BertOptions,
    dir: PathBuf,
}

impl std::fmt::Debug for BertTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BertTagger")
            .field("dir", &self.dir)
            .field("model_labels", &self.model_labels)
            .field("window", &self.window)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl BertTagger {
    /// Load the checkpoint in `dir` (`config.json`, `vocab.txt` or
    /// `tokenizer.json`, `model.safetensors` or `pytorch_model.bin`).
    pub fn load(dir: &Path, options: BertOptions) -> Result<Self> {
        let config = ModelConfig::read(dir)?;
        let label_map =
            LabelMap::new(&config.id2label, &options.label_map).map_err(|e| model_error(dir, e))?;
        let limit = config.bert.max_position_embeddings;
        let max_length = options.max_length.unwrap_or(limit);
        if !(3..=limit).contains(&max_length) {
            return Err(model_error(
                dir,
                format!("max_length {max_length} must be between 3 and the model's limit {limit}"),
            ));
        }
        let tokenizer = WordPieceTokenizer::load(dir, config.bert.vocab_size)?;
        let encoder = Encoder::load(&read_weights(dir)?, &config.bert, config.id2label.len())
            .map_err(|e| model_error(dir, format!("the weights do not fit config.json: {e}")))?;
        let tagger = Self {
            encoder,
            tokenizer,
            label_map,
            model_labels: config.id2label,
            window: max_length - 2,
            options,
            dir: dir.to_path_buf(),
        };
        // One pass now, so that a model that cannot run fails here, typed.
        let probe = [tagger.tokenizer.cls, tagger.tokenizer.sep];
        tagger
            .run_batch(&[&probe])
            .map_err(|e| model_error(dir, format!("the model does not run: {e}")))?;
        Ok(tagger)
    }

    /// The folder it was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Its loading options.
    pub fn options(&self) -> &BertOptions {
        &self.options
    }

    /// The checkpoint's own label names, in output order.
    pub fn model_labels(&self) -> &[String] {
        &self.model_labels
    }

    /// The subword strings the model sees for pre-split words.
    pub fn subwords(&self, words: &[&str]) -> std::result::Result<Vec<String>, String> {
        self.tokenizer.subwords(words)
    }

    /// Logits of a batch of id sequences: per sequence, its positions'
    /// logits one after the other (`n_labels` values each).
    fn run_batch(&self, seqs: &[&[u32]]) -> std::result::Result<Vec<Vec<f32>>, String> {
        let logits = self.encoder.forward(seqs)?;
        let n = self.encoder.n_labels();
        let mut rest = &logits[..];
        Ok(seqs
            .iter()
            .map(|s| {
                let (head, tail) = rest.split_at(s.len() * n);
                rest = tail;
                head.to_vec()
            })
            .collect())
    }

    /// Word-level logits of a document's sentences.
    pub fn word_logits(
        &self,
        sentences: &[Vec<&str>],
    ) -> std::result::Result<Vec<WordLogits>, String> {
        akhbar_core::batch::on_current_worker(|| self.word_logits_here(sentences))
    }

    fn word_logits_here(
        &self,
        sentences: &[Vec<&str>],
    ) -> std::result::Result<Vec<WordLogits>, String> {
        let encoded: Vec<EncodedWords> = sentences
            .iter()
            .map(|s| self.tokenizer.encode(s))
            .collect::<std::result::Result<_, _>>()?;
        // Windows of every sentence: (sentence, window range), and the sequences.
        let plans: Vec<_> = encoded
            .iter()
            .map(|e| windows::plan(e.ids.len(), self.window, self.options.stride))
            .collect();
        let mut seqs: Vec<Vec<u32>> = Vec::new();
        let mut first_seq = Vec::with_capacity(encoded.len());
        for (e, plan) in encoded.iter().zip(&plans) {
            first_seq.push(seqs.len());
            for r in plan {
                let mut s = Vec::with_capacity(r.len() + 2);
                s.push(self.tokenizer.cls);
                s.extend_from_slice(&e.ids[r.clone()]);
                s.push(self.tokenizer.sep);
                seqs.push(s);
            }
        }
        // Shortest first, in batches of at most `batch_tokens` subwords
        // (sequences are packed, without padding). Batches are the parallel
        // unit: they run on idle workers of the current pool, each on one
        // thread, and depend only on the document.
        let mut order: Vec<usize> = (0..seqs.len()).collect();
        order.sort_by_key(|&i| seqs[i].len());
        let mut batches: Vec<&[usize]> = Vec::new();
        let mut rest = &order[..];
        while !rest.is_empty() {
            let mut end = 1;
            let mut tokens = seqs[rest[0]].len();
            while end < rest.len() && tokens + seqs[rest[end]].len() <= self.options.batch_tokens {
                tokens += seqs[rest[end]].len();
                end += 1;
            }
            let (batch, tail) = rest.split_at(end);
            batches.push(batch);
            rest = tail;
        }
        let results: Vec<Vec<Vec<f32>>> = batches
            .par_iter()
            .map(|batch| {
                let b: Vec<&[u32]> = batch.iter().map(|&i| &seqs[i][..]).collect();
                self.run_batch(&b)
            })
            .collect::<std::result::Result<_, _>>()?;
        let mut out: Vec<Vec<f32>> = vec![Vec::new(); seqs.len()];
        for (batch, logits) in batches.iter().zip(results) {
            for (&i, l) in batch.iter().zip(logits) {
                out[i] = l;
            }
        }
        let n = self.encoder.n_labels();
        Ok(encoded
            .iter()
            .zip(&plans)
            .zip(first_seq)
            .map(|((e, plan), base)| {
                let owners = windows::owners(plan, e.ids.len());
                e.first
                    .iter()
                    .map(|f| {
                        f.map(|i| {
                            let w = owners[i];
                            let p = i - plan[w].start + 1;
                            out[base + w][p * n..(p + 1) * n].to_vec()
                        })
                    })
                    .collect()
            })
            .collect())
    }

    /// Tags of a document's sentences, or the reason inference failed.
    pub fn try_tag_sentences(
        &self,
        sentences: &[Vec<&str>],
    ) -> std::result::Result<Vec<TaggedSentence>, String> {
        let logits = self.word_logits(sentences)?;
        Ok(logits
            .into_iter()
            .map(|words| {
                let (mut tags, confidence): (Vec<usize>, Vec<f32>) = words
                    .iter()
                    .map(|l| match l {
                        Some(l) => {
                            let (best, p) = best_label(l);
                            (self.label_map.tag(best), p)
                        }
                        None => (O, 1.0),
                    })
                    .unzip();
                repair(&mut tags);
                TaggedSentence { tags, confidence }
            })
            .collect())
    }
}

/// The arg-max label (the first on a tie) and its softmax probability.
pub fn best_label(logits: &[f32]) -> (usize, f32) {
    let mut best = 0;
    for (i, &v) in logits.iter().enumerate() {
        if v > logits[best] {
            best = i;
        }
    }
    let max = logits[best];
    let sum: f32 = logits.iter().map(|&v| (v - max).exp()).sum();
    (best, 1.0 / sum)
}

impl Tagger for BertTagger {
    fn labels(&self) -> &Labels {
        self.label_map.labels()
    }

    /// Tags per [`BertTagger::try_tag_sentences`]. The model ran once when
    /// it was loaded, so inference has no failure left but running out of
    /// memory; should it fail anyway, the document gets `O` tags with
    /// confidence 0.
    fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<TaggedSentence> {
        self.try_tag_sentences(sentences)
            .unwrap_or_else(|_| TaggedSentence::untagged_document(sentences))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_label_is_the_first_maximum_with_its_probability() {
        let (i, p) = best_label(&[0.0, 2.0, 2.0, -1.0]);
        assert_eq!(i, 1);
        let z = 1.0 + 2.0 * 2f32.exp() + (-1f32).exp();
        assert!((p - 2f32.exp() / z).abs() < 1e-6);
        assert_eq!(best_label(&[3.0]), (0, 1.0));
    }
}
