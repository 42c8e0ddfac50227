//! [`NeuralTagger`]: the trained network as an akhbar [`Tagger`], and its
//! model folder (`config.json`, `weights.safetensors`, `gazetteer.tsv`,
//! `clusters.tsv`).
//!
//! Per document, sentences are sorted by length and run in padded batches
//! of at most [`BATCH_TOKENS`] padded tokens; each token's soft-max scores
//! are decoded under the BIO constraints by akhbar's Viterbi, and a token's
//! confidence is the probability of its tag. A sentence's scores do not
//! depend on the other sentences of its batch (padding is masked), and
//! batches depend only on the document, so results do not depend on the
//! thread count.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use akhbar_core::batch::on_current_worker;
use akhbar_core::entities::clusters::Clusters;
use akhbar_core::entities::labels::Labels;
use akhbar_core::entities::viterbi::viterbi;
use akhbar_core::entities::{Gazetteer, Model, Scheme, TaggedSentence, Tagger};
use akhbar_core::{Error, Result};
use candle_core::{DType, Device, Tensor, D};
use serde_json::{json, Value};

use crate::inputs::{InputSpace, Inputs};
use crate::network::{Batch, Network, NetworkConfig};
use crate::vectors::Vectors;

/// Padded tokens per forward pass at inference.
pub const BATCH_TOKENS: usize = 2048;

/// The stacked perceptron's file in a model folder, when there is one.
const STACKED: &str = "perceptron.akbm";

/// The model folder format this build reads and writes.
const FORMAT: &str = "akhbar-neural 1";

/// A trained contextual tagger.
#[derive(Debug, Clone)]
pub struct NeuralTagger {
    network: Network,
    space: InputSpace,
    labels: Labels,
}

pub(crate) fn model_error(dir: &Path, reason: impl std::fmt::Display) -> Error {
    Error::ModelFile {
        path: dir.display().to_string(),
        reason: reason.to_string(),
    }
}

pub(crate) fn io_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// Read a gazetteer file: `label<TAB>phrase` lines, `#` comments.
pub fn read_gazetteer(path: &Path) -> Result<Gazetteer> {
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, e))?;
    let mut g = Gazetteer::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (label, phrase) = line
            .split_once('\t')
            .ok_or_else(|| io_error(path, format!("line {}: no tab", i + 1)))?;
        g.add(label, phrase)?;
    }
    Ok(g)
}

fn write_gazetteer(g: &Gazetteer, path: &Path) -> Result<()> {
    let mut text = String::new();
    for (label, phrase) in g.entries() {
        let _ = writeln!(text, "{label}\t{phrase}");
    }
    std::fs::write(path, text).map_err(|e| io_error(path, e))
}

impl NeuralTagger {
    /// A tagger from its parts.
    pub fn new(network: Network, space: InputSpace, labels: Labels) -> Result<Self> {
        let vector_dim = space.vectors.as_ref().map_or(0, |v| v.dim);
        if network.config.n_tags != labels.n_tags()
            || space.buckets != network.config.buckets
            || network.config.vector_dim != vector_dim
            || network.config.stack_dim != space.stack_dim()
            || space.stack.as_ref().is_some_and(|m| m.labels() != &labels)
        {
            return Err(Error::InvalidOption(
                "the network's sizes do not fit its labels and inputs".into(),
            ));
        }
        Ok(Self {
            network,
            space,
            labels,
        })
    }

    /// The network.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// What turns tokens into ids.
    pub fn space(&self) -> &InputSpace {
        &self.space
    }

    /// Write the model folder (created if missing).
    pub fn save(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        let config = json!({
            "format": FORMAT,
            "types": self.labels.types(),
            "network": self.network.config.to_json(),
        });
        let path = dir.join("config.json");
        std::fs::write(&path, format!("{config:#}\n")).map_err(|e| io_error(&path, e))?;
        let tensors: HashMap<String, Tensor> = self.network.named().into_iter().collect();
        let path = dir.join("weights.safetensors");
        candle_core::safetensors::save(&tensors, &path).map_err(|e| io_error(&path, e))?;
        if let Some(v) = &self.space.vectors {
            let words = v.words().join("\n") + "\n";
            let path = dir.join("vectors.txt");
            std::fs::write(&path, words).map_err(|e| io_error(&path, e))?;
            let path = dir.join("vectors.safetensors");
            Tensor::from_slice(&v.data, (v.words().len(), v.dim), &Device::Cpu)
                .and_then(|t| t.to_dtype(DType::F16))
                .and_then(|t| {
                    candle_core::safetensors::save(&HashMap::from([("vectors", t)]), &path)
                })
                .map_err(|e| io_error(&path, e))?;
        }
        if let Some(m) = &self.space.stack {
            m.save(&dir.join(STACKED))?;
        }
        write_gazetteer(&self.space.gazetteer, &dir.join("gazetteer.tsv"))?;
        self.space.clusters.write(&dir.join("clusters.tsv"))
    }

    /// Load a model folder written by [`NeuralTagger::save`].
    pub fn load(dir: &Path) -> Result<Self> {
        let path = dir.join("config.json");
        let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
        let config: Value = serde_json::from_str(&text).map_err(|e| model_error(dir, e))?;
        if config.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(model_error(dir, format!("not an {FORMAT:?} model")));
        }
        let types: Vec<String> = config
            .get("types")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(String::from))
                    .collect()
            })
            .ok_or_else(|| model_error(dir, "config.json: no \"types\""))?;
        let net_config = NetworkConfig::from_json(config.get("network").unwrap_or(&Value::Null))
            .map_err(|e| model_error(dir, e))?;
        let path = dir.join("weights.safetensors");
        let tensors =
            candle_core::safetensors::load(&path, &Device::Cpu).map_err(|e| model_error(dir, e))?;
        let network = Network::new(net_config, |n| tensors.get(n).cloned())
            .map_err(|e| model_error(dir, e))?;
        let vectors = if network.config.vector_dim > 0 {
            let path = dir.join("vectors.txt");
            let words = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
            let words: Vec<String> = words.lines().map(String::from).collect();
            let path = dir.join("vectors.safetensors");
            let data = candle_core::safetensors::load(&path, &Device::Cpu)
                .map_err(|e| model_error(dir, e))?
                .get("vectors")
                .ok_or_else(|| model_error(dir, "no tensor \"vectors\""))?
                .to_dtype(DType::F32)
                .and_then(|t| t.flatten_all()?.to_vec1::<f32>())
                .map_err(|e| model_error(dir, e))?;
            let v = Vectors::new(words, data, network.config.vector_dim)
                .map_err(|e| model_error(dir, e))?;
            Some(Arc::new(v))
        } else {
            None
        };
        let space = InputSpace {
            gazetteer: read_gazetteer(&dir.join("gazetteer.tsv"))?,
            clusters: Clusters::read(&dir.join("clusters.tsv"))?,
            buckets: network.config.buckets,
            vectors,
            stack: if network.config.stack_dim > 0 {
                Some(Arc::new(Model::load(&dir.join(STACKED))?))
            } else {
                None
            },
        };
        Self::new(network, space, Labels::new(types)).map_err(|e| model_error(dir, e))
    }

    /// Per-token log-probabilities of each tag, `tokens × n_tags`, for each
    /// sentence of a document.
    pub fn log_probs(&self, sentences: &[Vec<&str>]) -> candle_core::Result<Vec<Vec<f32>>> {
        let inputs: Vec<Inputs> = self.space.document(sentences);
        let mut order: Vec<usize> = (0..inputs.len()).collect();
        order.sort_by_key(|&i| inputs[i].len);
        let n_tags = self.network.config.n_tags;
        let mut out = vec![Vec::new(); inputs.len()];
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len() && (end + 1 - start) * inputs[order[end]].len <= BATCH_TOKENS {
                end += 1;
            }
            let part: Vec<&Inputs> = order[start..end].iter().map(|&i| &inputs[i]).collect();
            let batch = Batch::new(&part, |_, _, _| true)?;
            let scores = self.network.scores(&batch, self.space.vectors.as_deref())?;
            let lp = candle_nn::ops::log_softmax(&scores, D::Minus1)?;
            let lp: Vec<Vec<Vec<f32>>> = lp.to_vec3()?;
            for (&i, rows) in order[start..end].iter().zip(lp) {
                out[i] = rows
                    .into_iter()
                    .take(inputs[i].len)
                    .flatten()
                    .collect::<Vec<f32>>();
                debug_assert_eq!(out[i].len(), inputs[i].len * n_tags);
            }
            start = end;
        }
        Ok(out)
    }

    /// [`NeuralTagger::log_probs`] on the calling rayon worker (or one
    /// thread of its own), or the reason inference failed.
    pub fn log_probs_here(
        &self,
        sentences: &[Vec<&str>],
    ) -> std::result::Result<Vec<Vec<f32>>, String> {
        on_current_worker(|| self.log_probs(sentences)).map_err(|e| e.to_string())
    }

    /// Tags of a document's sentences, or the reason inference failed.
    pub fn try_tag_sentences(
        &self,
        sentences: &[Vec<&str>],
    ) -> std::result::Result<Vec<TaggedSentence>, String> {
        let lp = on_current_worker(|| self.log_probs(sentences)).map_err(|e| e.to_string())?;
        let n_tags = self.labels.n_tags();
        let transitions = vec![0.0; (n_tags + 1) * n_tags];
        Ok(lp
            .iter()
            .map(|em| {
                let tags = viterbi(em, n_tags, &transitions, Scheme::Bio);
                let confidence = tags
                    .iter()
                    .enumerate()
                    .map(|(k, &t)| em[k * n_tags + t].exp())
                    .collect();
                TaggedSentence { tags, confidence }
            })
            .collect())
    }
}

impl Tagger for NeuralTagger {
    fn labels(&self) -> &Labels {
        &self.labels
    }

    /// Tags per [`NeuralTagger::try_tag_sentences`]; should inference fail
    /// (out of memory), the document gets `O` tags with confidence 0.
    fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<TaggedSentence> {
        self.try_tag_sentences(sentences)
            .unwrap_or_else(|_| TaggedSentence::untagged_document(sentences))
    }
}
