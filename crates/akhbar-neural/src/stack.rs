//! Stacking: the fast perceptron's per-token BIO marginals as inputs of the
//! network, so that the network starts from the perceptron's reading of a
//! sentence (its gazetteer, clusters, corpus tag classes and document
//! stage) and learns where to correct it from a wider context.
//!
//! On its own training sentences the perceptron would be right almost
//! everywhere, so the network's training inputs come from a jackknife
//! ([`jackknife_marginals`]): each fold is tagged by a perceptron trained on
//! the other folds, as noisy as on new text.

use akhbar_core::entities::train::{train as train_perceptron, TrainOptions};
use akhbar_core::entities::viterbi::marginals;
use akhbar_core::entities::Labels;
use akhbar_core::entities::{Model, Sentence};
use akhbar_core::{Error, Result};

/// Sentences per document when the perceptron tags CoNLL sentences, as
/// `akhbar evaluate` reads them.
pub const DOCUMENT: usize = 40;

/// Per token, the perceptron's marginal probability of each BIO tag
/// (`tokens × n_tags` per sentence), the sentences read as one document.
pub fn perceptron_marginals(model: &Model, sentences: &[Vec<&str>]) -> Vec<Vec<f32>> {
    let infos: Vec<_> = sentences.iter().map(|s| model.analyse(s)).collect();
    let last = model.final_stage();
    let n_types = model.labels().types().len();
    model
        .tag_document(&infos)
        .into_iter()
        .map(|(_, em)| {
            let p = marginals(
                &em,
                last.n_tags(),
                last.final_transitions(),
                last.temperature(),
                last.scheme(),
            );
            last.scheme().bio_marginals(&p, n_types)
        })
        .collect()
}

/// Marginals of CoNLL sentences read as documents of [`DOCUMENT`] sentences.
pub fn document_marginals(model: &Model, sentences: &[Sentence]) -> Vec<Vec<f32>> {
    sentences
        .chunks(DOCUMENT)
        .flat_map(|doc| {
            let tokens: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.tokens.iter().map(String::as_str).collect())
                .collect();
            perceptron_marginals(model, &tokens)
        })
        .collect()
}

/// Jackknifed marginals of `sentences`: `folds` contiguous folds, each
/// tagged by a perceptron trained with `opts` on the others. Every fold's
/// perceptron must tag the types of `labels` (those of the perceptron the
/// network is stacked on), or the rows would mean other tags. `report` gets
/// a line per fold.
pub fn jackknife_marginals(
    sentences: &[Sentence],
    labels: &Labels,
    opts: &TrainOptions,
    folds: usize,
    report: &mut dyn FnMut(&str),
) -> Result<Vec<Vec<f32>>> {
    let folds = folds.clamp(2, sentences.len().max(2));
    let size = sentences.len().div_ceil(folds);
    let mut out = Vec::with_capacity(sentences.len());
    for (k, held) in sentences.chunks(size).enumerate() {
        let start = k * size;
        let rest: Vec<Sentence> = sentences[..start]
            .iter()
            .chain(&sentences[start + held.len()..])
            .cloned()
            .collect();
        let model = train_perceptron(&rest, &[], None, opts, &mut |_| {})?;
        if model.labels() != labels {
            return Err(Error::TrainingData(format!(
                "jackknife fold {}: the other folds tag {:?}, not {:?}",
                k + 1,
                model.labels().types(),
                labels.types()
            )));
        }
        out.extend(document_marginals(&model, held));
        report(&format!(
            "jackknife fold {}: {} sentences tagged",
            k + 1,
            held.len()
        ));
    }
    Ok(out)
}

/// Write marginals as text: one line per sentence, tokens separated by
/// tabs, each token's probabilities by spaces.
pub fn write_marginals(
    path: &std::path::Path,
    m: &[Vec<f32>],
    n_tags: usize,
) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let mut text = String::new();
    for s in m {
        for (i, tok) in s.chunks(n_tags).enumerate() {
            if i > 0 {
                text.push('\t');
            }
            for (j, p) in tok.iter().enumerate() {
                if j > 0 {
                    text.push(' ');
                }
                let _ = write!(text, "{p:.5}");
            }
        }
        text.push('\n');
    }
    std::fs::write(path, text)
}

/// Read what [`write_marginals`] wrote.
pub fn read_marginals(path: &std::path::Path) -> std::io::Result<Vec<Vec<f32>>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .map(|line| {
            line.split(['\t', ' '])
                .filter(|s| !s.is_empty())
                .map(|p| {
                    p.parse::<f32>()
                        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
                })
                .collect()
        })
        .collect()
}
