//! Training: soft-max cross-entropy per token, AdamW, input dropout,
//! word dropout (a token's identity ids hidden, so the network learns to
//! read affixes, clusters and context), a linearly decaying learning rate.
//! Every random choice (initial weights, order, dropout masks) comes from one
//! generator seeded by [`TrainConfig::seed`].

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use akhbar_core::entities::labels::{parse_tag, Labels};
use akhbar_core::entities::{evaluate_tags, EvalCounts, Sentence, Tagger};
use akhbar_core::{Error, Result};
use candle_core::{Device, Tensor, Var, D};
use candle_nn::{AdamW, Optimizer, ParamsAdamW};
use rand::rngs::SmallRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::inputs::{InputSpace, Inputs, IDENTITY};
use crate::network::{Batch, Network, NetworkConfig};
use crate::tagger::NeuralTagger;
use crate::vectors::Vectors;

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// log2 of the rows of the hashed embedding table.
    pub bucket_bits: u32,
    pub embed: usize,
    pub hidden: usize,
    pub dilations: Vec<usize>,
    pub epochs: usize,
    /// Sentences per update.
    pub batch: usize,
    pub learning_rate: f64,
    pub weight_decay: f64,
    /// Dropout before each layer.
    pub dropout: f32,
    /// Probability that a token's identity ids are hidden.
    pub word_dropout: f64,
    pub seed: u64,
    /// The embedding table's learning rate as a share of the layers' (0
    /// keeps the table as initialised, e.g. as pre-trained).
    pub table_lr_scale: f64,
    /// A pre-trained encoder folder ([`crate::pretrain`]) whose table and
    /// convolutions replace the random initial ones.
    pub init: Option<PathBuf>,
}

impl TrainConfig {
    /// Refuse sizes no training can run with.
    pub(crate) fn check(&self) -> Result<()> {
        if self.epochs == 0 || self.batch == 0 || !(1..=24).contains(&self.bucket_bits) {
            return Err(Error::InvalidOption(
                "epochs and batch must be at least 1, bucket bits 1-24".into(),
            ));
        }
        Ok(())
    }
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            bucket_bits: 16,
            embed: 64,
            hidden: 128,
            dilations: vec![1, 2, 4],
            epochs: 20,
            batch: 16,
            learning_rate: 2e-3,
            weight_decay: 1e-4,
            dropout: 0.25,
            word_dropout: 0.1,
            seed: 1,
            table_lr_scale: 1.0,
            init: None,
        }
    }
}

/// A token whose target [`step`] skips (pre-training scores masked tokens only).
pub(crate) const IGNORE: u32 = u32::MAX;

pub(crate) fn candle_error(e: candle_core::Error) -> Error {
    Error::Internal {
        row: None,
        reason: format!("training failed: {e}"),
    }
}

/// Entity-level scores of a tagger on CoNLL sentences, read as documents
/// of 40 consecutive sentences (as `akhbar evaluate` does).
pub fn evaluate(tagger: &dyn Tagger, sentences: &[Sentence]) -> EvalCounts {
    let labels = tagger.labels();
    let mut gold = Vec::with_capacity(sentences.len());
    let mut pred = Vec::with_capacity(sentences.len());
    for doc in sentences.chunks(40) {
        let tokens: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        for (s, tagged) in doc.iter().zip(tagger.tag_sentences(&tokens)) {
            gold.push(s.tags.clone());
            pred.push(tagged.tags.iter().map(|&t| labels.tag_name(t)).collect());
        }
    }
    evaluate_tags(&gold, &pred)
}

/// Micro-averaged (precision, recall, F1) of scores.
pub fn micro(c: &EvalCounts) -> (f64, f64, f64) {
    let (mut ok, mut p, mut g) = (0, 0, 0);
    for (_, x) in &c.per_type {
        ok += x.correct;
        p += x.predicted;
        g += x.gold;
    }
    prf(ok, p, g)
}

/// (precision, recall, F1) from counts.
pub fn prf(correct: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Learn a tagger from `train`. After each epoch `report` gets a line
/// (loss, time, and the dev scores when `dev` is given). With a stacked
/// perceptron in `space`, `train_stack` holds each training sentence's
/// jackknifed marginals ([`crate::stack::jackknife_marginals`]).
pub fn train(
    train: &[Sentence],
    train_stack: Option<&[Vec<f32>]>,
    dev: Option<&[Sentence]>,
    mut space: InputSpace,
    config: &TrainConfig,
    report: &mut dyn FnMut(&str),
) -> Result<NeuralTagger> {
    config.check()?;
    let types: Vec<String> = train
        .iter()
        .flat_map(|s| &s.tags)
        .filter_map(|t| parse_tag(t).map(|(_, ty)| ty.to_string()))
        .collect();
    if types.is_empty() {
        return Err(Error::TrainingData(
            "no entities in the training data".into(),
        ));
    }
    let labels = Labels::new(types);
    space.buckets = 1 << config.bucket_bits;
    let net_config = NetworkConfig {
        buckets: space.buckets,
        embed: config.embed,
        hidden: config.hidden,
        dilations: config.dilations.clone(),
        n_tags: labels.n_tags(),
        vector_dim: space.vectors.as_ref().map_or(0, |v| v.dim),
        stack_dim: space.stack_dim(),
    };
    let stack_ok = match train_stack {
        None => net_config.stack_dim == 0,
        Some(m) => {
            m.len() == train.len()
                && m.iter()
                    .zip(train)
                    .all(|(m, s)| m.len() == s.tokens.len() * net_config.stack_dim)
        }
    };
    if !stack_ok || (net_config.stack_dim == 0) != train_stack.is_none() {
        return Err(Error::InvalidOption(
            "stacked marginals must come with a stacked perceptron, one row per training token"
                .into(),
        ));
    }
    let mut rng = SmallRng::seed_from_u64(config.seed);
    let mut params = net_config.init(&mut rng).map_err(candle_error)?;
    if let Some(dir) = &config.init {
        crate::pretrain::Encoder::load(dir)?.initialise(&net_config, &mut params)?;
    }
    let Trainable {
        mut network,
        mut opt,
        mut table_opt,
    } = trainable(net_config, params, config)?;

    let inputs: Vec<Inputs> = train
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let mut x = space.sentence(&tokens);
            if let Some(m) = train_stack {
                x.stack = m[i].clone();
            }
            x
        })
        .collect();
    let targets: Vec<Vec<u32>> = train
        .iter()
        .map(|s| {
            s.tags
                .iter()
                .map(|t| labels.parse(t).unwrap_or(0) as u32)
                .collect()
        })
        .collect();
    for epoch in 0..config.epochs {
        let start = Instant::now();
        let lr = config.learning_rate * (1.0 - 0.9 * epoch as f64 / config.epochs as f64);
        opt.set_learning_rate(lr);
        let lens: Vec<usize> = inputs.iter().map(|x| x.len).collect();
        let batches = epoch_batches(&lens, config.batch, &mut rng);
        let mut total = 0.0;
        for batch_ids in &batches {
            total += step(
                &mut network,
                (&mut opt, &mut table_opt, lr),
                (&inputs, &targets, batch_ids),
                space.vectors.as_deref(),
                config,
                &mut rng,
            )
            .map_err(candle_error)? as f64;
        }
        let mut line = format!(
            "epoch {:>2}  loss {:.4}  {:.1} s",
            epoch + 1,
            total / batches.len() as f64,
            start.elapsed().as_secs_f64()
        );
        if let Some(dev) = dev {
            let tagger = NeuralTagger::new(detached(&network)?, space.clone(), labels.clone())?;
            let (p, r, f) = micro(&evaluate(&tagger, dev));
            line.push_str(&format!("  dev P {p:.3} R {r:.3} F1 {f:.4}"));
        }
        report(&line);
    }
    NeuralTagger::new(detached(&network)?, space, labels)
}

/// A network whose layers are training variables, with its optimisers.
pub(crate) struct Trainable {
    pub network: Network,
    /// AdamW on the layers.
    pub opt: AdamW,
    /// The table is trained apart, by sparse Adam on the rows a batch used.
    pub table_opt: SparseAdam,
}

/// Make `params` (of `net_config`'s shapes) trainable with `config`'s
/// learning rate and weight decay.
pub(crate) fn trainable(
    net_config: NetworkConfig,
    params: Vec<(String, Tensor)>,
    config: &TrainConfig,
) -> Result<Trainable> {
    let vars: Vec<(String, Var)> = params
        .into_iter()
        .map(|(n, t)| Ok((n, Var::from_tensor(&t)?)))
        .collect::<candle_core::Result<_>>()
        .map_err(candle_error)?;
    let by_name: HashMap<&str, &Var> = vars.iter().map(|(n, v)| (n.as_str(), v)).collect();
    let network = Network::new(net_config, |n| {
        by_name.get(n).map(|v| v.as_tensor().clone())
    })
    .map_err(candle_error)?;
    let table_opt = SparseAdam::new(network.table.len(), network.config.embed);
    let opt = AdamW::new(
        vars.iter()
            .filter(|(n, _)| n != "table")
            .map(|(_, v)| v.clone())
            .collect(),
        ParamsAdamW {
            lr: config.learning_rate,
            weight_decay: config.weight_decay,
            ..Default::default()
        },
    )
    .map_err(candle_error)?;
    Ok(Trainable {
        network,
        opt,
        table_opt,
    })
}

/// A copy of the network's current parameters, cut from the gradient graph.
pub(crate) fn detached(network: &Network) -> Result<Network> {
    let named: HashMap<String, Tensor> = network
        .named()
        .into_iter()
        .map(|(n, t)| Ok((n, t.detach().copy()?)))
        .collect::<candle_core::Result<_>>()
        .map_err(candle_error)?;
    Network::new(network.config.clone(), |n| named.get(n).cloned()).map_err(candle_error)
}

/// Batches of sentence indices: shuffled, then sorted by length within
/// runs of 50 batches (little padding), the batches shuffled again.
pub(crate) fn epoch_batches(lens: &[usize], batch: usize, rng: &mut SmallRng) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lens.len()).collect();
    order.shuffle(rng);
    let mut batches = Vec::new();
    for run in order.chunks_mut(batch * 50) {
        run.sort_by_key(|&i| lens[i]);
        batches.extend(run.chunks(batch).map(<[usize]>::to_vec));
    }
    batches.shuffle(rng);
    batches
}

/// Adam on the rows of the embedding table a batch used (the "lazy" sparse
/// form: other rows and their moments are left alone).
pub(crate) struct SparseAdam {
    m: Vec<f32>,
    v: Vec<f32>,
    grad: Vec<f32>,
    touched: Vec<u32>,
    seen: Vec<bool>,
    width: usize,
    t: i32,
}

impl SparseAdam {
    const B1: f32 = 0.9;
    const B2: f32 = 0.999;
    const EPS: f32 = 1e-8;

    fn new(len: usize, width: usize) -> Self {
        Self {
            m: vec![0.0; len],
            v: vec![0.0; len],
            grad: vec![0.0; len],
            touched: Vec::new(),
            seen: vec![false; len / width],
            width,
            t: 0,
        }
    }

    /// Add `g` to the gradient of row `id`.
    fn add(&mut self, id: u32, g: &[f32]) {
        let r = id as usize;
        if !self.seen[r] {
            self.seen[r] = true;
            self.touched.push(id);
        }
        for (a, b) in self.grad[r * self.width..(r + 1) * self.width]
            .iter_mut()
            .zip(g)
        {
            *a += b;
        }
    }

    /// Update the touched rows of `table` and clear the gradient.
    fn step(&mut self, table: &mut [f32], lr: f32) {
        self.t += 1;
        let c1 = 1.0 - Self::B1.powi(self.t);
        let c2 = 1.0 - Self::B2.powi(self.t);
        self.touched.sort_unstable();
        for &id in &self.touched {
            let r = id as usize;
            self.seen[r] = false;
            let rows = r * self.width..(r + 1) * self.width;
            let state = self.grad[rows.clone()]
                .iter_mut()
                .zip(&mut self.m[rows.clone()])
                .zip(&mut self.v[rows.clone()])
                .zip(&mut table[rows]);
            for (((g, m), v), w) in state {
                let g = std::mem::take(g);
                *m = Self::B1 * *m + (1.0 - Self::B1) * g;
                *v = Self::B2 * *v + (1.0 - Self::B2) * g * g;
                *w -= lr * (*m / c1) / ((*v / c2).sqrt() + Self::EPS);
            }
        }
        self.touched.clear();
    }
}

/// One update on one batch; returns the batch's mean loss over the tokens
/// whose target is not [`IGNORE`].
pub(crate) fn step(
    network: &mut Network,
    (opt, table_opt, lr): (&mut AdamW, &mut SparseAdam, f64),
    (inputs, targets, batch_ids): (&[Inputs], &[Vec<u32>], &[usize]),
    vectors: Option<&Vectors>,
    config: &TrainConfig,
    rng: &mut SmallRng,
) -> candle_core::Result<f32> {
    let part: Vec<&Inputs> = batch_ids.iter().map(|&i| &inputs[i]).collect();
    let hidden: Vec<Vec<bool>> = part
        .iter()
        .map(|x| {
            (0..x.len)
                .map(|_| rng.gen_bool(config.word_dropout))
                .collect()
        })
        .collect();
    let batch = Batch::new(&part, |s, t, k| k >= IDENTITY || !hidden[s][t])?;
    let x = Var::from_tensor(&network.embed(&batch, vectors)?)?;
    let keep = 1.0 - config.dropout;
    let mut dropout = |shape: &[usize]| -> candle_core::Result<Option<Tensor>> {
        if config.dropout <= 0.0 {
            return Ok(None);
        }
        let n: usize = shape.iter().product();
        let mask: Vec<f32> = (0..n)
            .map(|_| {
                if rng.gen::<f32>() < keep {
                    1.0 / keep
                } else {
                    0.0
                }
            })
            .collect();
        Ok(Some(Tensor::from_vec(mask, shape, &Device::Cpu)?))
    };
    let h = network.hidden(x.as_tensor(), &batch, &mut dropout)?;
    let width = h.dim(2)?;
    let flat = h.reshape((batch.sentences * batch.width, width))?;
    let mut rows = Vec::new();
    let mut gold = Vec::new();
    for (s, &i) in batch_ids.iter().enumerate() {
        for (t, &y) in targets[i].iter().enumerate().filter(|(_, &y)| y != IGNORE) {
            rows.push((s * batch.width + t) as u32);
            gold.push(y);
        }
    }
    let n = rows.len();
    let rows = Tensor::from_vec(rows, n, &Device::Cpu)?;
    let gold = Tensor::from_vec(gold, n, &Device::Cpu)?;
    let picked = network.output(&flat.index_select(&rows, 0)?)?;
    let lp = candle_nn::ops::log_softmax(&picked, D::Minus1)?;
    let loss = lp.gather(&gold.unsqueeze(1)?, 1)?.mean_all()?.neg()?;
    let grads = loss.backward()?;
    opt.step(&grads)?;
    if let Some(gx) = grads.get(x.as_tensor()) {
        let gx: Vec<f32> = gx.flatten_all()?.to_vec1()?;
        network.table_gradients(&gx, &batch, |id, g| table_opt.add(id, g));
        table_opt.step(&mut network.table, (lr * config.table_lr_scale) as f32);
    }
    loss.to_scalar::<f32>()
}
