//! Learning subword skip-gram embeddings from unlabeled text, as fastText does
//! (Bojanowski et al. 2017): a word's vector is the mean of a vector of its
//! own and vectors of its character 3- to 5-grams (hashed into buckets), and
//! is trained with negative sampling to predict the words around it. Words
//! never seen in training get a vector from their n-grams alone.
//!
//! Training runs on one thread with a seeded generator, so the same text and
//! options give the same vectors, bit for bit. Deviation from fastText: the
//! gradient of a word's n-gram vectors is summed over its whole context
//! window and applied once (fastText applies it after each context word).

use std::collections::HashMap;
use std::path::Path;

use super::features::token_info;
use super::rng::SplitMix;
use crate::error::{Error, Result};
use crate::text::tokenize::tokenize_chars;
use crate::text::TokenizeOptions;

/// Settings of [`learn_embeddings`].
#[derive(Debug, Clone)]
pub struct EmbeddingOptions {
    /// Vector length.
    pub dim: usize,
    /// Largest distance of a context word (each window is drawn in 1..=window).
    pub window: usize,
    /// Negative samples per context word.
    pub negative: usize,
    /// Passes over the text.
    pub epochs: usize,
    /// Words seen fewer times are left out of training.
    pub min_count: u64,
    /// Shortest and longest character n-gram (of `<word>`).
    pub min_n: usize,
    pub max_n: usize,
    /// Number of hashed n-gram vectors.
    pub buckets: usize,
    /// Initial learning rate (decays linearly to 0).
    pub lr: f32,
    /// Frequent-word subsampling threshold (word2vec's `t`).
    pub subsample: f64,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for EmbeddingOptions {
    fn default() -> Self {
        Self {
            dim: 100,
            window: 5,
            negative: 5,
            epochs: 5,
            min_count: 5,
            min_n: 3,
            max_n: 5,
            buckets: 200_000,
            lr: 0.05,
            subsample: 1e-4,
            seed: 1,
        }
    }
}

/// Token id sequences of a text and its vocabulary (key forms, see
/// [`token_info`]), built line by line without keeping the strings.
#[derive(Debug, Default)]
pub struct Corpus {
    words: Vec<String>,
    counts: Vec<u64>,
    ids: HashMap<String, u32>,
    /// Raw token -> id, so each spelling is analysed once.
    raw: HashMap<String, u32>,
    seqs: Vec<Vec<u32>>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one sequence of raw tokens.
    pub fn add_tokens<'a>(&mut self, tokens: impl IntoIterator<Item = &'a str>) {
        let mut seq = Vec::new();
        for t in tokens {
            let id = match self.raw.get(t) {
                Some(&id) => id,
                None => {
                    let w = token_info(t).w;
                    let next = self.words.len() as u32;
                    let id = *self.ids.entry(w.clone()).or_insert(next);
                    if id == next {
                        self.words.push(w);
                        self.counts.push(0);
                    }
                    self.raw.insert(t.to_string(), id);
                    id
                }
            };
            self.counts[id as usize] += 1;
            seq.push(id);
        }
        if !seq.is_empty() {
            self.seqs.push(seq);
        }
    }

    /// Add plain text: one sequence per non-empty line (a paragraph).
    pub fn add_text(&mut self, text: &str) {
        for line in text.lines() {
            let cs: Vec<char> = line.chars().collect();
            let spans = tokenize_chars(&cs, TokenizeOptions::default());
            let tokens: Vec<String> = spans
                .iter()
                .map(|t| cs[t.start..t.end].iter().collect())
                .collect();
            self.add_tokens(tokens.iter().map(String::as_str));
        }
    }

    /// [`Corpus::add_text`] of a UTF-8 file.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        self.add_text(&text);
        Ok(())
    }

    /// Number of tokens.
    pub fn n_tokens(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// Learned vectors: one row per vocabulary word, then `buckets` n-gram rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Embeddings {
    pub dim: usize,
    pub min_n: usize,
    pub max_n: usize,
    pub buckets: usize,
    /// Vocabulary, most frequent first (ties by spelling).
    pub words: Vec<String>,
    pub counts: Vec<u64>,
    index: HashMap<String, u32>,
    /// `(words + buckets) × dim`.
    rows: Vec<f32>,
}

/// FNV-1a, 32 bits (the n-gram bucket hash, as fastText's).
fn fnv32(bs: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bs {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// Bucket numbers of the character n-grams of `<word>`.
pub fn ngram_buckets(word: &str, min_n: usize, max_n: usize, buckets: usize) -> Vec<u32> {
    let marked: Vec<char> = std::iter::once('<')
        .chain(word.chars())
        .chain(std::iter::once('>'))
        .collect();
    let mut out = Vec::new();
    let mut buf = String::new();
    for n in min_n..=max_n {
        for w in marked.windows(n) {
            buf.clear();
            buf.extend(w);
            out.push(fnv32(buf.as_bytes()) % buckets as u32);
        }
    }
    out
}

impl Embeddings {
    /// Rows of a word: its own (if known), then its n-grams'.
    fn word_rows(&self, word: &str) -> Vec<usize> {
        let n = self.words.len();
        let mut rows: Vec<usize> = self
            .index
            .get(word)
            .map(|&i| i as usize)
            .into_iter()
            .collect();
        rows.extend(
            ngram_buckets(word, self.min_n, self.max_n, self.buckets)
                .into_iter()
                .map(|b| n + b as usize),
        );
        rows
    }

    /// The vector of a word in key form (`token_info(raw).w`): the mean of
    /// its own row and its n-gram rows, or of the n-gram rows alone for a
    /// word outside the vocabulary.
    pub fn vector(&self, word: &str) -> Vec<f32> {
        let rows = self.word_rows(word);
        let mut v = vec![0f32; self.dim];
        for &r in &rows {
            for (a, b) in v
                .iter_mut()
                .zip(&self.rows[r * self.dim..(r + 1) * self.dim])
            {
                *a += b;
            }
        }
        if !rows.is_empty() {
            let s = 1.0 / rows.len() as f32;
            v.iter_mut().for_each(|x| *x *= s);
        }
        v
    }

    /// Write the vectors of the `limit` most frequent words in word2vec text
    /// format (a `count dim` line, then `word x1 ... xdim`, 5 decimals).
    pub fn write_word2vec(&self, path: &Path, limit: usize) -> Result<()> {
        let n = limit.min(self.words.len());
        let mut out = String::with_capacity(n * (self.dim * 9 + 16));
        out.push_str(&format!("{n} {}\n", self.dim));
        for w in &self.words[..n] {
            out.push_str(w);
            for x in self.vector(w) {
                out.push_str(&format!(" {x:.5}"));
            }
            out.push('\n');
        }
        write_file(path, out.as_bytes())
    }

    /// Write the n-gram rows as little-endian f32 (`buckets × dim`), the
    /// part that gives unseen words their vectors.
    pub fn write_ngram_rows(&self, path: &Path) -> Result<()> {
        let start = self.words.len() * self.dim;
        let mut bytes = Vec::with_capacity((self.rows.len() - start) * 4);
        for x in &self.rows[start..] {
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        write_file(path, &bytes)
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// Dot product in eight fixed lanes (so it vectorizes, and its rounding is
/// the same on every machine).
#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

#[inline]
fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (u, v) in y.iter_mut().zip(x) {
        *u += a * v;
    }
}

fn sigmoid(x: f32) -> f32 {
    if x > 8.0 {
        1.0
    } else if x < -8.0 {
        0.0
    } else {
        1.0 / (1.0 + (-x).exp())
    }
}

/// Learn embeddings of the words of `corpus` seen at least `min_count` times.
pub fn learn_embeddings(corpus: &Corpus, opts: &EmbeddingOptions) -> Embeddings {
    let dim = opts.dim.max(1);
    let buckets = opts.buckets.max(1);
    // Vocabulary in frequency order.
    let mut order: Vec<u32> = (0..corpus.words.len() as u32)
        .filter(|&w| corpus.counts[w as usize] >= opts.min_count.max(1))
        .collect();
    order.sort_by(|&a, &b| {
        corpus.counts[b as usize]
            .cmp(&corpus.counts[a as usize])
            .then_with(|| corpus.words[a as usize].cmp(&corpus.words[b as usize]))
    });
    let mut vocab_of = vec![u32::MAX; corpus.words.len()];
    for (i, &w) in order.iter().enumerate() {
        vocab_of[w as usize] = i as u32;
    }
    let words: Vec<String> = order
        .iter()
        .map(|&w| corpus.words[w as usize].clone())
        .collect();
    let counts: Vec<u64> = order.iter().map(|&w| corpus.counts[w as usize]).collect();
    let n = words.len();
    let index: HashMap<String, u32> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.clone(), i as u32))
        .collect();
    let mut rng = SplitMix(opts.seed);
    let mut emb = Embeddings {
        dim,
        min_n: opts.min_n,
        max_n: opts.max_n,
        buckets,
        words,
        counts,
        index,
        rows: (0..(n + buckets) * dim)
            .map(|_| (rng.unit() * 2.0 - 1.0) / dim as f32)
            .collect(),
    };
    if n == 0 {
        return emb;
    }
    let subwords: Vec<Vec<usize>> = emb.words.iter().map(|w| emb.word_rows(w)).collect();
    let total: u64 = emb.counts.iter().sum();
    // Keep probability of each word (subsampling of frequent words).
    let keep: Vec<f32> = emb
        .counts
        .iter()
        .map(|&c| {
            let f = c as f64 / total as f64;
            let t = opts.subsample;
            if t <= 0.0 {
                1.0
            } else {
                (((f / t).sqrt() + 1.0) * t / f).min(1.0) as f32
            }
        })
        .collect();
    // Negative sampling table: unigram counts to the power 0.75.
    let table_size = 2_000_000usize;
    let z: f64 = emb.counts.iter().map(|&c| (c as f64).powf(0.75)).sum();
    let mut table = Vec::with_capacity(table_size);
    for (i, &c) in emb.counts.iter().enumerate() {
        let k = ((c as f64).powf(0.75) / z * table_size as f64).ceil() as usize;
        table.extend(std::iter::repeat_n(i as u32, k));
    }
    let mut output = vec![0f32; n * dim];
    let mut hidden = vec![0f32; dim];
    let mut grad = vec![0f32; dim];
    let mut sent: Vec<u32> = Vec::new();
    let planned = (total * opts.epochs as u64).max(1) as f64;
    let mut seen = 0u64;
    for _ in 0..opts.epochs {
        for seq in &corpus.seqs {
            sent.clear();
            for &w in seq {
                let v = vocab_of[w as usize];
                if v == u32::MAX {
                    continue;
                }
                seen += 1;
                if rng.unit() < keep[v as usize] {
                    sent.push(v);
                }
            }
            let lr = opts.lr * (1.0 - seen as f64 / planned).max(1e-4) as f32;
            for (i, &w) in sent.iter().enumerate() {
                let rows = &subwords[w as usize];
                hidden.fill(0.0);
                for &r in rows {
                    axpy(&mut hidden, 1.0, &emb.rows[r * dim..(r + 1) * dim]);
                }
                let s = 1.0 / rows.len() as f32;
                hidden.iter_mut().for_each(|x| *x *= s);
                grad.fill(0.0);
                let b = 1 + rng.below(opts.window.max(1));
                let lo = i.saturating_sub(b);
                let hi = (i + b).min(sent.len() - 1);
                for (j, &c) in sent.iter().enumerate().take(hi + 1).skip(lo) {
                    if j == i {
                        continue;
                    }
                    for k in 0..=opts.negative {
                        let (target, label) = if k == 0 {
                            (c, 1.0)
                        } else {
                            let t = table[rng.below(table.len())];
                            if t == c {
                                continue;
                            }
                            (t, 0.0)
                        };
                        let out = &mut output[target as usize * dim..(target as usize + 1) * dim];
                        let g = lr * (label - sigmoid(dot(&hidden, out)));
                        axpy(&mut grad, g, out);
                        axpy(out, g, &hidden);
                    }
                }
                for &r in rows {
                    axpy(&mut emb.rows[r * dim..(r + 1) * dim], 1.0, &grad);
                }
            }
        }
    }
    emb
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cosine(a: &[f32], b: &[f32]) -> f32 {
        dot(a, b) / (dot(a, a).sqrt() * dot(b, b).sqrt())
    }

    /// Cities and names in their own contexts, many times over.
    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        let cities = ["دمشق", "بغداد", "القاهرة", "عمان"];
        let names = ["محمد", "احمد", "علي", "خالد"];
        for round in 0..60 {
            let city = cities[round % 4];
            let name = names[(round / 4) % 4];
            c.add_text(&format!(
                "وصل الوفد الى {city} امس قادما من {}\nقال السيد {name} ان الاجتماع كان مثمرا\n",
                cities[(round + 1) % 4]
            ));
        }
        c
    }

    #[test]
    fn words_in_the_same_contexts_get_close_vectors() {
        let opts = EmbeddingOptions {
            dim: 16,
            epochs: 20,
            min_count: 1,
            buckets: 1000,
            subsample: 0.0,
            ..Default::default()
        };
        let e = learn_embeddings(&corpus(), &opts);
        assert_eq!(e.words.len(), 20);
        let v = |w: &str| e.vector(&token_info(w).w);
        assert!(cosine(&v("دمشق"), &v("بغداد")) > cosine(&v("دمشق"), &v("احمد")));
        assert!(cosine(&v("علي"), &v("خالد")) > cosine(&v("علي"), &v("القاهره")));
        // An unseen word gets a vector from its n-grams: a clitic form is
        // close to its stem.
        assert!(cosine(&v("ودمشق"), &v("دمشق")) > cosine(&v("ودمشق"), &v("خالد")));
        // The same seed gives the same vectors.
        assert_eq!(learn_embeddings(&corpus(), &opts), e);
    }

    #[test]
    fn ngrams_of_a_short_word() {
        // <ab> : 3-grams <ab, ab> ; 4-gram <ab>
        assert_eq!(ngram_buckets("ab", 3, 5, 1 << 30).len(), 3);
        assert_eq!(ngram_buckets("", 3, 5, 10).len(), 0);
    }
}
