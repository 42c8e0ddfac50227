//! The network: a token is the sum of its input ids' embeddings; stacked
//! convolutions of width three (dilated: each layer sees `dilation` words
//! away on each side, with a residual connection) mix in the context; a
//! linear layer gives one score per tag.

use candle_core::{DType, Device, Result, Tensor};
use rand::rngs::SmallRng;
use rand::Rng;
use serde_json::{json, Value};

use crate::inputs::{Inputs, MAX_IDS};
use crate::vectors::Vectors;

/// Sizes of a network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkConfig {
    /// Rows of the hashed embedding table.
    pub buckets: u32,
    /// Width of the token embedding.
    pub embed: usize,
    /// Width of the convolution layers.
    pub hidden: usize,
    /// Dilation of each convolution layer, in order.
    pub dilations: Vec<usize>,
    /// Output tags (`1 + 2 × entity types`).
    pub n_tags: usize,
    /// Width of the pre-trained word vectors (0: none).
    pub vector_dim: usize,
    /// Width of the stacked perceptron marginals per token (0: none). They
    /// join the token vector, and their logarithms the output layer's input.
    pub stack_dim: usize,
}

impl NetworkConfig {
    /// The sizes as JSON (the model folder's `config.json`).
    pub fn to_json(&self) -> Value {
        json!({
            "buckets": self.buckets,
            "embed": self.embed,
            "hidden": self.hidden,
            "dilations": self.dilations,
            "n_tags": self.n_tags,
            "vector_dim": self.vector_dim,
            "stack_dim": self.stack_dim,
        })
    }

    /// Read the sizes back from [`NetworkConfig::to_json`]'s form.
    pub fn from_json(v: &Value) -> std::result::Result<Self, String> {
        let int = |k: &str| {
            v.get(k)
                .and_then(Value::as_u64)
                .ok_or_else(|| format!("config.json: no integer {k:?}"))
        };
        let dilations = v
            .get("dilations")
            .and_then(Value::as_array)
            .ok_or("config.json: no list \"dilations\"")?
            .iter()
            .map(|d| {
                d.as_u64()
                    .map(|d| d as usize)
                    .ok_or("config.json: bad dilation")
            })
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let buckets = u32::try_from(int("buckets")?).map_err(|e| e.to_string())?;
        if buckets < 2 {
            return Err("config.json: buckets must be at least 2".into());
        }
        Ok(Self {
            buckets,
            embed: int("embed")? as usize,
            hidden: int("hidden")? as usize,
            dilations,
            n_tags: int("n_tags")? as usize,
            vector_dim: int("vector_dim")? as usize,
            // Absent in folders written before stacking.
            stack_dim: v.get("stack_dim").and_then(Value::as_u64).unwrap_or(0) as usize,
        })
    }

    /// Width of a token vector: the table's sum, the pre-trained vector,
    /// the stacked marginals ([`Network::embed`]'s rows, in that order).
    pub fn input_width(&self) -> usize {
        self.embed + self.vector_dim + self.stack_dim
    }

    /// Parameter names and shapes, in a fixed order.
    pub fn shapes(&self) -> Vec<(String, Vec<usize>)> {
        let mut out = vec![("table".to_string(), vec![self.buckets as usize, self.embed])];
        let mut width = self.input_width();
        for i in 0..self.dilations.len() {
            out.push((format!("conv{i}.w"), vec![3 * width, self.hidden]));
            out.push((format!("conv{i}.b"), vec![self.hidden]));
            width = self.hidden;
        }
        out.push(("out.w".into(), vec![width + self.stack_dim, self.n_tags]));
        out.push(("out.b".into(), vec![self.n_tags]));
        out
    }

    /// Random initial parameters (uniform; Glorot bounds for the layers),
    /// from `rng` so that a seed fixes them.
    pub fn init(&self, rng: &mut SmallRng) -> Result<Vec<(String, Tensor)>> {
        self.shapes()
            .into_iter()
            .map(|(name, shape)| {
                let n: usize = shape.iter().product();
                let bound = match shape[..] {
                    [_] => 0.0,
                    _ if name == "table" => 0.1,
                    [i, o] => (6.0 / (i + o) as f32).sqrt(),
                    _ => 0.0,
                };
                let data: Vec<f32> = (0..n)
                    .map(|_| {
                        if bound > 0.0 {
                            rng.gen_range(-bound..bound)
                        } else {
                            0.0
                        }
                    })
                    .collect();
                Ok((name, Tensor::from_vec(data, shape, &Device::Cpu)?))
            })
            .collect()
    }
}

/// A padded batch of sentences.
#[derive(Debug)]
pub struct Batch {
    /// `B × T × MAX_IDS` input ids.
    pub ids: Vec<u32>,
    /// `B × T × MAX_IDS`: whether an id is used (not padding, not dropped).
    pub id_used: Vec<bool>,
    /// `B × T`: each position's row in the pre-trained vectors.
    pub vector_rows: Vec<u32>,
    /// `B × T × stack width`: the stacked marginals (zeros for padding).
    pub stack: Vec<f32>,
    /// `B × T × 1`: 1 for a token, 0 for padding.
    pub token_mask: Tensor,
    pub sentences: usize,
    pub width: usize,
}

impl Batch {
    /// A batch of sentences; `keep(sentence, token, slot)` says whether an
    /// id is used (word dropout in training: a token's vector goes with its
    /// identity ids, slot 0).
    pub fn new(
        sentences: &[&Inputs],
        mut keep: impl FnMut(usize, usize, usize) -> bool,
    ) -> Result<Self> {
        let width = sentences.iter().map(|s| s.len).max().unwrap_or(0).max(1);
        let b = sentences.len();
        let mut ids = vec![0u32; b * width * MAX_IDS];
        let mut id_used = vec![false; b * width * MAX_IDS];
        let mut vector_rows = vec![Inputs::NO_VECTOR; b * width];
        let mut token_mask = vec![0f32; b * width];
        // Read off a sentence with tokens: an empty one has no rows.
        let stack_dim = sentences
            .iter()
            .find(|x| x.len > 0)
            .map_or(0, |x| x.stack.len() / x.len);
        let mut stack = vec![0f32; b * width * stack_dim];
        for (s, x) in sentences.iter().enumerate() {
            if x.stack.len() != x.len * stack_dim {
                return Err(candle_core::Error::Msg(
                    "sentences of a batch have stacked inputs of different widths".into(),
                ));
            }
            let at = s * width * stack_dim;
            stack[at..at + x.stack.len()].copy_from_slice(&x.stack);
            for t in 0..x.len {
                token_mask[s * width + t] = 1.0;
                for k in 0..MAX_IDS {
                    let id = x.ids[t * MAX_IDS + k];
                    let at = (s * width + t) * MAX_IDS + k;
                    ids[at] = id;
                    id_used[at] = id != Inputs::PAD && keep(s, t, k);
                }
                if id_used[(s * width + t) * MAX_IDS] {
                    vector_rows[s * width + t] = x.vector_rows[t];
                }
            }
        }
        Ok(Self {
            ids,
            id_used,
            vector_rows,
            stack,
            token_mask: Tensor::from_vec(token_mask, (b, width, 1), &Device::Cpu)?,
            sentences: b,
            width,
        })
    }

    /// Each position's used ids (`B × T` lists).
    pub fn used_ids(&self) -> impl Iterator<Item = impl Iterator<Item = u32> + '_> + '_ {
        self.ids
            .chunks(MAX_IDS)
            .zip(self.id_used.chunks(MAX_IDS))
            .map(|(ids, used)| ids.iter().zip(used).filter(|(_, &u)| u).map(|(&i, _)| i))
    }
}

/// The parameters of a network: the embedding table as plain numbers
/// (a token's vector is a sum of a few rows, done outside candle, and
/// training updates only the rows a batch used), the layers as tensors
/// (plain for inference, or the tensors of training variables, through
/// which gradients flow).
#[derive(Debug, Clone)]
pub struct Network {
    pub config: NetworkConfig,
    /// `buckets × embed`, row major.
    pub table: Vec<f32>,
    convs: Vec<(Tensor, Tensor)>,
    out: (Tensor, Tensor),
}

impl Network {
    /// A network from named parameters of [`NetworkConfig::shapes`].
    pub fn new(config: NetworkConfig, get: impl Fn(&str) -> Option<Tensor>) -> Result<Self> {
        let fetch = |name: &str, shape: &[usize]| -> Result<Tensor> {
            let t =
                get(name).ok_or_else(|| candle_core::Error::Msg(format!("no parameter {name}")))?;
            if t.dims() != shape {
                return Err(candle_core::Error::Msg(format!(
                    "parameter {name} has shape {:?}, expected {shape:?}",
                    t.dims()
                )));
            }
            t.to_dtype(DType::F32)
        };
        let shapes = config.shapes();
        let table = fetch(&shapes[0].0, &shapes[0].1)?
            .flatten_all()?
            .to_vec1()?;
        let convs = (0..config.dilations.len())
            .map(|i| {
                let (w, b) = (&shapes[1 + 2 * i], &shapes[2 + 2 * i]);
                Ok((fetch(&w.0, &w.1)?, fetch(&b.0, &b.1)?))
            })
            .collect::<Result<Vec<_>>>()?;
        let n = shapes.len();
        let out = (
            fetch(&shapes[n - 2].0, &shapes[n - 2].1)?,
            fetch(&shapes[n - 1].0, &shapes[n - 1].1)?,
        );
        Ok(Self {
            config,
            table,
            convs,
            out,
        })
    }

    /// The token vectors of a batch, `B × T × (embed + vector_dim +
    /// stack_dim)`: the sum of the table rows of each token's used ids, then
    /// its pre-trained vector (zeros when it has none), then its stacked
    /// marginals.
    pub fn embed(&self, batch: &Batch, vectors: Option<&Vectors>) -> Result<Tensor> {
        let e = self.config.embed;
        let v = self.config.vector_dim;
        let sd = self.config.stack_dim;
        if vectors.map_or(0, |x| x.dim) != v {
            return Err(candle_core::Error::Msg(format!(
                "the network reads vectors of width {v}"
            )));
        }
        if batch.stack.len() != batch.sentences * batch.width * sd {
            return Err(candle_core::Error::Msg(format!(
                "the network reads stacked inputs of width {sd}"
            )));
        }
        let mut x = vec![0f32; batch.sentences * batch.width * (e + v + sd)];
        let rows = batch.used_ids().zip(&batch.vector_rows);
        for (k, (out, (ids, &vrow))) in x.chunks_mut(e + v + sd).zip(rows).enumerate() {
            out[e + v..].copy_from_slice(&batch.stack[k * sd..(k + 1) * sd]);
            for id in ids {
                let row = &self.table[id as usize * e..(id as usize + 1) * e];
                for (o, r) in out.iter_mut().zip(row) {
                    *o += r;
                }
            }
            if let (Some(vs), true) = (vectors, vrow != Inputs::NO_VECTOR) {
                out[e..e + v].copy_from_slice(vs.vector(vrow));
            }
        }
        Tensor::from_vec(x, (batch.sentences, batch.width, e + v + sd), &Device::Cpu)
    }

    /// The adjoint of [`Network::embed`] for the table: hand each used id of
    /// each token the table part of that token's gradient row. `grad` is the
    /// gradient of the token vectors, `B × T × input width`, row major.
    pub fn table_gradients(&self, grad: &[f32], batch: &Batch, mut add: impl FnMut(u32, &[f32])) {
        let e = self.config.embed;
        for (g, ids) in grad.chunks(self.config.input_width()).zip(batch.used_ids()) {
            for id in ids {
                add(id, &g[..e]);
            }
        }
    }

    /// Tag scores, `B × T × n_tags`, from the token vectors `x` of
    /// [`Network::embed`]. `dropout` gives a mask (already scaled by
    /// `1 / (1 - p)`) for a tensor's shape, or `None` for no dropout.
    pub fn forward(
        &self,
        x: &Tensor,
        batch: &Batch,
        dropout: &mut dyn FnMut(&[usize]) -> Result<Option<Tensor>>,
    ) -> Result<Tensor> {
        let (b, t) = (batch.sentences, batch.width);
        let h = self.hidden(x, batch, dropout)?;
        let width = h.dim(2)?;
        self.output(&h.reshape((b * t, width))?)?
            .reshape((b, t, self.config.n_tags))
    }

    /// The output layer's scores, `N × n_tags`, of `N` rows of
    /// [`Network::hidden`] (training scores only the rows it needs).
    pub fn output(&self, rows: &Tensor) -> Result<Tensor> {
        rows.matmul(&self.out.0)?.broadcast_add(&self.out.1)
    }

    /// What the output layer reads, `B × T × (hidden + stack width)`: the
    /// last convolution's output (after dropout), then the logarithms of
    /// the stacked marginals.
    pub fn hidden(
        &self,
        x: &Tensor,
        batch: &Batch,
        dropout: &mut dyn FnMut(&[usize]) -> Result<Option<Tensor>>,
    ) -> Result<Tensor> {
        let (b, t) = (batch.sentences, batch.width);
        let mut x = x.clone();
        for (i, ((w, bias), &d)) in self.convs.iter().zip(&self.config.dilations).enumerate() {
            if let Some(m) = dropout(x.dims())? {
                x = (x * m)?;
            }
            let width = x.dim(2)?;
            let left = x.pad_with_zeros(1, d, 0)?.narrow(1, 0, t)?;
            let right = x.pad_with_zeros(1, 0, d)?.narrow(1, d, t)?;
            let window = Tensor::cat(&[&left, &x, &right], 2)?.reshape((b * t, 3 * width))?;
            let h = window
                .matmul(w)?
                .broadcast_add(bias)?
                .relu()?
                .reshape((b, t, self.config.hidden))?
                .broadcast_mul(&batch.token_mask)?;
            x = if i > 0 { (h + x)? } else { h };
        }
        if let Some(m) = dropout(x.dims())? {
            x = (x * m)?;
        }
        let sd = self.config.stack_dim;
        if sd > 0 {
            // The stacked log-marginals reach the output layer directly, so
            // the network can start from the perceptron's scores.
            let logs: Vec<f32> = batch.stack.iter().map(|p| p.max(1e-4).ln()).collect();
            let logs = Tensor::from_vec(logs, (b, t, sd), &Device::Cpu)?;
            x = Tensor::cat(&[&x, &logs], 2)?;
        }
        Ok(x)
    }

    /// Tag scores of a batch without dropout (inference).
    pub fn scores(&self, batch: &Batch, vectors: Option<&Vectors>) -> Result<Tensor> {
        self.forward(&self.embed(batch, vectors)?, batch, &mut |_| Ok(None))
    }

    /// The parameters by name, in [`NetworkConfig::shapes`] order.
    pub fn named(&self) -> Vec<(String, Tensor)> {
        let names = self.config.shapes();
        let table = Tensor::from_slice(
            &self.table,
            (self.config.buckets as usize, self.config.embed),
            &Device::Cpu,
        )
        .expect("the table has buckets × embed numbers");
        let mut tensors = vec![table];
        for (w, b) in &self.convs {
            tensors.push(w.clone());
            tensors.push(b.clone());
        }
        tensors.push(self.out.0.clone());
        tensors.push(self.out.1.clone());
        names.into_iter().map(|(n, _)| n).zip(tensors).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use std::collections::HashMap;

    fn config() -> NetworkConfig {
        NetworkConfig {
            buckets: 64,
            embed: 8,
            hidden: 8,
            dilations: vec![1, 2],
            n_tags: 5,
            vector_dim: 0,
            stack_dim: 0,
        }
    }

    fn network(seed: u64) -> Network {
        let params: HashMap<_, _> = config()
            .init(&mut SmallRng::seed_from_u64(seed))
            .unwrap()
            .into_iter()
            .collect();
        Network::new(config(), |n| params.get(n).cloned()).unwrap()
    }

    fn inputs(len: usize, base: u32) -> Inputs {
        let ids = (0..len * MAX_IDS)
            .map(|i| {
                if i % MAX_IDS < 3 {
                    base + i as u32 % 50
                } else {
                    0
                }
            })
            .collect();
        Inputs {
            ids,
            vector_rows: vec![Inputs::NO_VECTOR; len],
            stack: Vec::new(),
            len,
        }
    }

    #[test]
    fn a_sentence_scores_the_same_alone_or_padded_in_a_batch() {
        let net = network(1);
        let short = inputs(3, 1);
        let long = inputs(9, 7);
        let alone = Batch::new(&[&short], |_, _, _| true).unwrap();
        let both = Batch::new(&[&long, &short], |_, _, _| true).unwrap();
        let a = net.scores(&alone, None).unwrap();
        let b = net.scores(&both, None).unwrap();
        let a: Vec<Vec<f32>> = a.get(0).unwrap().to_vec2().unwrap();
        let b: Vec<Vec<f32>> = b
            .get(1)
            .unwrap()
            .narrow(0, 0, 3)
            .unwrap()
            .to_vec2()
            .unwrap();
        for (x, y) in a.iter().flatten().zip(b.iter().flatten()) {
            assert!((x - y).abs() < 1e-5, "{x} vs {y}");
        }
        // The seed fixes the parameters.
        let same = network(1).named();
        for ((n, x), (_, y)) in net.named().iter().zip(&same) {
            let d = (x - y).unwrap().abs().unwrap().max_all().unwrap();
            assert_eq!(d.to_scalar::<f32>().unwrap(), 0.0, "{n}");
        }
    }

    #[test]
    fn table_gradients_follow_each_token_row_past_vectors_and_stacked_inputs() {
        // Token vectors wider than the table part (vector and stacked parts
        // after it): each id must get its own token's table part, whatever
        // the extra width (the rows were misaligned once for vectors and
        // once for stacked inputs).
        let mut c = config();
        c.vector_dim = 2;
        c.stack_dim = 3;
        let params: HashMap<_, _> = c
            .init(&mut SmallRng::seed_from_u64(1))
            .unwrap()
            .into_iter()
            .collect();
        let net = Network::new(c.clone(), |n| params.get(n).cloned()).unwrap();
        let mut a = inputs(2, 1);
        a.stack = vec![0.5; 2 * 3];
        let mut b = inputs(3, 7);
        b.stack = vec![0.5; 3 * 3];
        let batch = Batch::new(&[&a, &b], |_, _, _| true).unwrap();
        let w = c.input_width();
        // Position k's gradient row: k in its table part, -1 elsewhere.
        let grad: Vec<f32> = (0..batch.sentences * batch.width)
            .flat_map(|k| (0..w).map(move |i| if i < c.embed { k as f32 } else { -1.0 }))
            .collect();
        let mut got: Vec<(u32, Vec<f32>)> = Vec::new();
        net.table_gradients(&grad, &batch, |id, g| got.push((id, g.to_vec())));
        let mut want = Vec::new();
        for (k, ids) in batch.used_ids().enumerate() {
            for id in ids {
                want.push((id, vec![k as f32; c.embed]));
            }
        }
        // Three used ids per token, five tokens, none from padding.
        assert_eq!(want.len(), 15);
        assert_eq!(got, want);
    }

    #[test]
    fn config_round_trips_through_json_and_bad_sizes_are_refused() {
        let c = config();
        assert_eq!(NetworkConfig::from_json(&c.to_json()).unwrap(), c);
        assert!(NetworkConfig::from_json(&json!({"buckets": 1})).is_err());
        let missing = |_: &str| None;
        assert!(Network::new(c, missing).is_err());
    }
}
