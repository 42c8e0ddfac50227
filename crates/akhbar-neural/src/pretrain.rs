//! Pre-training on unlabeled text: a share of each sentence's tokens is
//! masked (all of a masked token's ids give way to one mask id) and the
//! network predicts each masked word's cluster — a prefix of its word-cluster
//! path, one class for words without a cluster — from the words on either
//! side. What the table and the convolutions learn this way about contexts
//! (that "قال الرئيس _" is followed by a person-name cluster) comes from
//! millions of words where the entity labels cover 125 thousand; an entity
//! tagger's training starts from them ([`crate::TrainConfig::init`]).

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use akhbar_core::{Error, Result};
use candle_core::{Device, Tensor};
use candle_nn::Optimizer;
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

use crate::inputs::InputSpace;
use crate::network::{Batch, Network, NetworkConfig};
use crate::tagger::{io_error, model_error};
use crate::train::{candle_error, epoch_batches, step, trainable, TrainConfig, Trainable, IGNORE};

/// The `format` of an encoder folder's `config.json`.
const FORMAT: &str = "akhbar-neural-encoder-1";

/// Pre-training settings: the network's sizes, optimiser, dropout and seed
/// come from `network` (its `word_dropout` is not used: masking takes its
/// place); `epochs` passes over the sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct PretrainConfig {
    pub network: TrainConfig,
    /// Share of the tokens masked.
    pub mask: f64,
    /// Length of the cluster-path prefix predicted.
    pub cluster_bits: usize,
    /// Write the encoder here after each epoch and every `checkpoint_every`
    /// batches, so a long run that is stopped keeps what it learned.
    pub checkpoint_every: usize,
}

impl Default for PretrainConfig {
    fn default() -> Self {
        Self {
            network: TrainConfig {
                bucket_bits: 18,
                epochs: 1,
                batch: 32,
                dropout: 0.1,
                ..TrainConfig::default()
            },
            mask: 0.15,
            cluster_bits: 10,
            checkpoint_every: 5000,
        }
    }
}

/// A pre-trained network: the table and convolutions an entity tagger
/// starts from, and the output layer that predicts `classes`.
#[derive(Debug, Clone)]
pub struct Encoder {
    pub network: Network,
    /// The predicted classes: cluster-path prefixes, then `""` (no cluster).
    pub classes: Vec<String>,
}

/// The classes a cluster-path prefix of `bits` gives, sorted, with `""` last
/// for words without a cluster.
pub fn cluster_classes(space: &InputSpace, bits: usize) -> Vec<String> {
    let mut classes: Vec<String> = space
        .clusters
        .sorted()
        .into_iter()
        .map(|(_, path)| prefix(path, bits).to_string())
        .collect();
    classes.sort_unstable();
    classes.dedup();
    classes.retain(|c| !c.is_empty());
    classes.push(String::new());
    classes
}

fn prefix(path: &str, bits: usize) -> &str {
    &path[..bits.min(path.len())]
}

/// Learn an encoder from unlabeled sentences (tokens as the tagger sees
/// them). `report` gets a progress line every few hundred batches and after
/// each epoch. Deterministic for a seed.
pub fn pretrain(
    sentences: &[Vec<String>],
    space: &InputSpace,
    config: &PretrainConfig,
    checkpoint: Option<&Path>,
    report: &mut dyn FnMut(&str),
) -> Result<Encoder> {
    let tc = TrainConfig {
        word_dropout: 0.0,
        ..config.network.clone()
    };
    tc.check()?;
    if !(config.mask > 0.0 && config.mask <= 1.0) || config.cluster_bits == 0 {
        return Err(Error::InvalidOption(
            "the mask share must be in (0, 1] and the cluster bits at least 1".into(),
        ));
    }
    let mut space = space.clone();
    space.buckets = 1 << tc.bucket_bits;
    space.stack = None;
    space.vectors = None;
    let classes = cluster_classes(&space, config.cluster_bits);
    if classes.len() < 2 {
        return Err(Error::InvalidOption(
            "pre-training needs word clusters to predict".into(),
        ));
    }
    let class_of: HashMap<&str, u32> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i as u32))
        .collect();
    let none = (classes.len() - 1) as u32;
    let net_config = NetworkConfig {
        buckets: space.buckets,
        embed: tc.embed,
        hidden: tc.hidden,
        dilations: tc.dilations.clone(),
        n_tags: classes.len(),
        vector_dim: 0,
        stack_dim: 0,
    };
    let mut rng = SmallRng::seed_from_u64(tc.seed);
    let params = net_config.init(&mut rng).map_err(candle_error)?;
    let Trainable {
        mut network,
        mut opt,
        mut table_opt,
    } = trainable(net_config, params, &tc)?;
    let mask_id = space.mask_id();
    // Lengths for batching: sentences of one word have no context to read.
    let lens: Vec<usize> = sentences
        .iter()
        .map(|s| if s.len() >= 2 { s.len() } else { 0 })
        .collect();
    let per_epoch = lens.len().div_ceil(tc.batch);
    let total = (per_epoch * tc.epochs).max(1);
    let mut done = 0usize;
    for epoch in 0..tc.epochs {
        let start = Instant::now();
        let (mut loss_sum, mut loss_n) = (0.0f64, 0usize);
        for batch in epoch_batches(&lens, tc.batch, &mut rng) {
            let chunk: Vec<usize> = batch.into_iter().filter(|&i| lens[i] > 0).collect();
            let lr = tc.learning_rate * (1.0 - 0.9 * done as f64 / total as f64);
            opt.set_learning_rate(lr);
            let mut inputs = Vec::with_capacity(chunk.len());
            let mut targets = Vec::with_capacity(chunk.len());
            for &i in &chunk {
                let tokens: Vec<&str> = sentences[i].iter().map(String::as_str).collect();
                let mut x = space.sentence(&tokens);
                let mut y = vec![IGNORE; x.len];
                let mut masked = 0;
                for (t, y) in y.iter_mut().enumerate() {
                    if rng.gen_bool(config.mask) {
                        masked += 1;
                        *y = space
                            .cluster_path(tokens[t])
                            .and_then(|p| class_of.get(prefix(p, config.cluster_bits)).copied())
                            .unwrap_or(none);
                        x.mask(t, mask_id);
                    }
                }
                if masked > 0 {
                    inputs.push(x);
                    targets.push(y);
                }
            }
            done += 1;
            if inputs.is_empty() {
                continue;
            }
            let ids: Vec<usize> = (0..inputs.len()).collect();
            let loss = step(
                &mut network,
                (&mut opt, &mut table_opt, lr),
                (&inputs, &targets, &ids),
                None,
                &tc,
                &mut rng,
            )
            .map_err(candle_error)?;
            loss_sum += f64::from(loss);
            loss_n += 1;
            if done.is_multiple_of(500) {
                report(&format!(
                    "epoch {:>2}  batch {done}/{total}  loss {:.4}  {:.0} s",
                    epoch + 1,
                    loss_sum / loss_n.max(1) as f64,
                    start.elapsed().as_secs_f64()
                ));
            }
            let due = done.is_multiple_of(config.checkpoint_every.max(1));
            if let (Some(dir), true) = (checkpoint, due) {
                encoder(&network, &classes)?.save(dir)?;
            }
        }
        report(&format!(
            "epoch {:>2}  loss {:.4}  {:.0} s",
            epoch + 1,
            loss_sum / loss_n.max(1) as f64,
            start.elapsed().as_secs_f64()
        ));
        if let Some(dir) = checkpoint {
            encoder(&network, &classes)?.save(dir)?;
        }
    }
    encoder(&network, &classes)
}

fn encoder(network: &Network, classes: &[String]) -> Result<Encoder> {
    Ok(Encoder {
        network: crate::train::detached(network)?,
        classes: classes.to_vec(),
    })
}

impl Encoder {
    /// Write the encoder folder (`config.json`, `weights.safetensors`).
    pub fn save(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        let config = json!({
            "format": FORMAT,
            "classes": self.classes,
            "network": self.network.config.to_json(),
        });
        let path = dir.join("config.json");
        std::fs::write(&path, format!("{config:#}\n")).map_err(|e| io_error(&path, e))?;
        let tensors: HashMap<String, Tensor> = self.network.named().into_iter().collect();
        let path = dir.join("weights.safetensors");
        candle_core::safetensors::save(&tensors, &path).map_err(|e| io_error(&path, e))
    }

    /// Load a folder written by [`Encoder::save`].
    pub fn load(dir: &Path) -> Result<Self> {
        let bad = |e: &dyn std::fmt::Display| model_error(dir, e);
        let path = dir.join("config.json");
        let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
        let config: Value = serde_json::from_str(&text).map_err(|e| bad(&e))?;
        if config.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(bad(&format!("not an {FORMAT:?} folder")));
        }
        let classes: Vec<String> = config
            .get("classes")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.as_str().map(String::from))
                    .collect()
            })
            .ok_or_else(|| bad(&"config.json: no \"classes\""))?;
        let net_config = NetworkConfig::from_json(config.get("network").unwrap_or(&Value::Null))
            .map_err(|e| bad(&e))?;
        if net_config.n_tags != classes.len() {
            return Err(bad(
                &"config.json: the classes do not match the output layer",
            ));
        }
        let path = dir.join("weights.safetensors");
        let tensors = candle_core::safetensors::load(&path, &Device::Cpu).map_err(|e| bad(&e))?;
        let network = Network::new(net_config, |n| tensors.get(n).cloned()).map_err(|e| bad(&e))?;
        Ok(Self { network, classes })
    }

    /// The class the encoder predicts for the word at `at` of `tokens`,
    /// that word masked (what it learned the context calls for). `space`
    /// gives the gazetteer and clusters; its table size is the encoder's.
    pub fn predict_masked(&self, space: &InputSpace, tokens: &[&str], at: usize) -> Result<&str> {
        if at >= tokens.len() {
            return Err(Error::InvalidOption(format!(
                "position {at} is past the sentence's {} tokens",
                tokens.len()
            )));
        }
        let mut space = space.clone();
        space.buckets = self.network.config.buckets;
        let mut x = space.sentence(tokens);
        x.mask(at, space.mask_id());
        let batch = Batch::new(&[&x], |_, _, _| true).map_err(candle_error)?;
        let scores: Vec<f32> = self
            .network
            .scores(&batch, None)
            .and_then(|s| s.get(0)?.get(at)?.to_vec1())
            .map_err(candle_error)?;
        let best = (0..scores.len())
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        Ok(&self.classes[best])
    }

    /// Overwrite `params` (a tagger's initial parameters, in
    /// [`NetworkConfig::shapes`] order for `config`) with the encoder's
    /// table and convolutions. The tagger's token vectors may be wider
    /// (pre-trained vectors, stacked marginals after the table part): those
    /// rows of the first layer keep their initial values. The output layer
    /// is the tagger's own.
    pub fn initialise(
        &self,
        config: &NetworkConfig,
        params: &mut [(String, Tensor)],
    ) -> Result<()> {
        let mine = &self.network.config;
        if (mine.buckets, mine.embed, mine.hidden, &mine.dilations)
            != (
                config.buckets,
                config.embed,
                config.hidden,
                &config.dilations,
            )
        {
            return Err(Error::InvalidOption(format!(
                "the pre-trained encoder has {} table rows × {}, width {} and dilations {:?}; \
                 the tagger {} × {}, {} and {:?}",
                mine.buckets,
                mine.embed,
                mine.hidden,
                mine.dilations,
                config.buckets,
                config.embed,
                config.hidden,
                config.dilations
            )));
        }
        let pre: HashMap<String, Tensor> = self.network.named().into_iter().collect();
        let (e, w) = (config.embed, config.input_width());
        for (name, t) in params.iter_mut() {
            let Some(p) = pre.get(name) else { continue };
            if name.starts_with("out.") {
                continue;
            }
            *t = if name == "conv0.w" && w != e {
                // Rows of the window [left, centre, right]: the table part of
                // each position from the encoder, the rest as initialised.
                let parts = (0..3)
                    .flat_map(|k| [p.narrow(0, k * e, e), t.narrow(0, k * w + e, w - e)])
                    .collect::<candle_core::Result<Vec<_>>>()
                    .map_err(candle_error)?;
                Tensor::cat(&parts, 0).map_err(candle_error)?
            } else {
                p.clone()
            };
        }
        Ok(())
    }
}
