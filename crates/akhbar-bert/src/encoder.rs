//! The BERT encoder and its token-classification head, on plain `f32`
//! buffers; only the matrix products go through candle (its `gemm` kernels,
//! AVX-512 where the CPU has it), everything else is a plain loop here.
//!
//! Sequences of a batch are packed one after the other, with no padding: the
//! dense layers run once over all the batch's subwords, attention runs per
//! sequence and head over that sequence's own subwords only (so there is no
//! mask and no work on padding). The query, key and value projections are
//! one product with concatenated weights; a dense layer's bias (and the
//! residual input where there is one) is written into the output before the
//! product adds to it. No elementwise work goes through candle (its CPU
//! backend would spread large elementwise ops over a thread pool of its own,
//! outside akhbar's `n_threads`); its products split over the current rayon
//! pool, into blocks fixed by the shapes alone, so results never depend on
//! the thread count.

use std::collections::HashMap;

use candle_core::{DType, Device, Tensor};
use candle_transformers::models::bert::{Config, HiddenAct};

/// A dense layer `y = x·Wᵀ + b`, its weight stored transposed (`[in, out]`).
struct Dense {
    w_t: Tensor,
    bias: Vec<f32>,
    n_in: usize,
    n_out: usize,
}

impl Dense {
    fn new(w_t: Vec<f32>, bias: Vec<f32>, n_in: usize) -> Result<Self, String> {
        let n_out = bias.len();
        Ok(Self {
            w_t: Tensor::from_vec(w_t, (n_in, n_out), &Device::Cpu).map_err(err)?,
            bias,
            n_in,
            n_out,
        })
    }

    /// `out[rows, n_out] = init + x[rows, n_in]·Wᵀ`, where `init` is the bias,
    /// plus `residual` when given.
    fn apply(
        &self,
        x: &[f32],
        rows: usize,
        residual: Option<&[f32]>,
        out: &mut [f32],
    ) -> Result<(), String> {
        for (r, row) in out.chunks_exact_mut(self.n_out).enumerate() {
            row.copy_from_slice(&self.bias);
            if let Some(res) = residual {
                let res = &res[r * self.n_out..(r + 1) * self.n_out];
                row.iter_mut().zip(res).for_each(|(y, &v)| *y += v);
            }
        }
        if rows == 0 {
            return Ok(());
        }
        let x = Tensor::from_slice(x, (rows, self.n_in), &Device::Cpu).map_err(err)?;
        let y = flat(&x.matmul(&self.w_t).map_err(err)?)?;
        out.iter_mut().zip(y).for_each(|(o, v)| *o += v);
        Ok(())
    }
}

/// A candle error as the tagger's error text.
fn err(e: candle_core::Error) -> String {
    e.to_string()
}

/// A tensor's values, in row-major order.
fn flat(t: &Tensor) -> Result<Vec<f32>, String> {
    t.flatten_all().and_then(|t| t.to_vec1()).map_err(err)
}

/// Layer normalization over the last dimension, in place.
struct Norm {
    gamma: Vec<f32>,
    beta: Vec<f32>,
    eps: f32,
}

impl Norm {
    fn apply(&self, x: &mut [f32]) {
        let n = self.gamma.len();
        for row in x.chunks_exact_mut(n) {
            let mean = row.iter().sum::<f32>() / n as f32;
            let var = row.iter().map(|&v| (v - mean) * (v - mean)).sum::<f32>() / n as f32;
            let inv = 1.0 / (var + self.eps).sqrt();
            for ((v, &g), &b) in row.iter_mut().zip(&self.gamma).zip(&self.beta) {
                *v = (*v - mean) * inv * g + b;
            }
        }
    }
}

/// One transformer layer.
struct Layer {
    /// Query, key and value projections in one (`hidden → 3·hidden`).
    qkv: Dense,
    attention_out: Dense,
    attention_norm: Norm,
    intermediate: Dense,
    output: Dense,
    output_norm: Norm,
}

/// A BERT encoder with a token-classification head.
pub struct Encoder {
    word: Vec<f32>,
    position: Vec<f32>,
    /// The token-type-0 embedding (akhbar's sequences are single segments).
    token_type: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    classifier: Dense,
    hidden: usize,
    heads: usize,
    act: HiddenAct,
    vocab: usize,
    max_positions: usize,
}

/// The checkpoint's tensors, looked up by name under the model's prefix.
struct Weights<'a> {
    tensors: &'a HashMap<String, Tensor>,
}

impl Weights<'_> {
    /// The tensor `name` as `f32` values, checked to have `shape`.
    fn get(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, String> {
        let t = self
            .tensors
            .get(name)
            .ok_or_else(|| format!("no tensor {name}"))?;
        if t.dims() != shape {
            return Err(format!(
                "{name} has shape {:?}, config.json asks for {shape:?}",
                t.dims()
            ));
        }
        t.to_dtype(DType::F32)
            .and_then(|t| t.flatten_all())
            .and_then(|t| t.to_vec1::<f32>())
            .map_err(|e| format!("{name}: {e}"))
    }

    /// `name` or, as older checkpoints call it, `alt`.
    fn get_either(&self, name: &str, alt: &str, shape: &[usize]) -> Result<Vec<f32>, String> {
        if self.tensors.contains_key(name) {
            self.get(name, shape)
        } else {
            self.get(alt, shape)
        }
    }

    /// The dense layer `prefix` (`.weight` is `[n_out, n_in]`, as in torch)
    /// as its transposed weight and its bias.
    fn dense_parts(
        &self,
        prefix: &str,
        n_in: usize,
        n_out: usize,
    ) -> Result<(Vec<f32>, Vec<f32>), String> {
        let w = self.get(&format!("{prefix}.weight"), &[n_out, n_in])?;
        let bias = self.get(&format!("{prefix}.bias"), &[n_out])?;
        Ok((transpose(&w, n_out, n_in), bias))
    }

    fn dense(&self, prefix: &str, n_in: usize, n_out: usize) -> Result<Dense, String> {
        let (w_t, bias) = self.dense_parts(prefix, n_in, n_out)?;
        Dense::new(w_t, bias, n_in)
    }

    fn norm(&self, prefix: &str, n: usize, eps: f64) -> Result<Norm, String> {
        Ok(Norm {
            gamma: self.get_either(
                &format!("{prefix}.weight"),
                &format!("{prefix}.gamma"),
                &[n],
            )?,
            beta: self.get_either(&format!("{prefix}.bias"), &format!("{prefix}.beta"), &[n])?,
            eps: eps as f32,
        })
    }
}

/// `m` (`rows × cols`, row-major) transposed.
fn transpose(m: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    let mut out = vec![0.0; m.len()];
    for r in 0..rows {
        for c in 0..cols {
            out[c * rows + r] = m[r * cols + c];
        }
    }
    out
}

impl Encoder {
    /// Build it from a checkpoint's tensors (names as `transformers` saves
    /// `BertForTokenClassification`, with or without the `bert.` prefix);
    /// the error says which tensor is missing or misshapen.
    pub fn load(
        tensors: &HashMap<String, Tensor>,
        config: &Config,
        n_labels: usize,
    ) -> Result<Self, String> {
        let w = Weights { tensors };
        let p = if tensors.keys().any(|k| k.starts_with("bert.")) {
            "bert."
        } else {
            ""
        };
        let h = config.hidden_size;
        let eps = config.layer_norm_eps;
        let e = format!("{p}embeddings");
        let token_types = w.get(
            &format!("{e}.token_type_embeddings.weight"),
            &[config.type_vocab_size, h],
        )?;
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for i in 0..config.num_hidden_layers {
            let l = format!("{p}encoder.layer.{i}");
            let a = format!("{l}.attention");
            let (q, k, v) = (
                w.dense_parts(&format!("{a}.self.query"), h, h)?,
                w.dense_parts(&format!("{a}.self.key"), h, h)?,
                w.dense_parts(&format!("{a}.self.value"), h, h)?,
            );
            layers.push(Layer {
                qkv: concat(&[q, k, v], h)?,
                attention_out: w.dense(&format!("{a}.output.dense"), h, h)?,
                attention_norm: w.norm(&format!("{a}.output.LayerNorm"), h, eps)?,
                intermediate: w.dense(
                    &format!("{l}.intermediate.dense"),
                    h,
                    config.intermediate_size,
                )?,
                output: w.dense(&format!("{l}.output.dense"), config.intermediate_size, h)?,
                output_norm: w.norm(&format!("{l}.output.LayerNorm"), h, eps)?,
            });
        }
        Ok(Self {
            word: w.get(
                &format!("{e}.word_embeddings.weight"),
                &[config.vocab_size, h],
            )?,
            position: w.get(
                &format!("{e}.position_embeddings.weight"),
                &[config.max_position_embeddings, h],
            )?,
            token_type: token_types.get(..h).ok_or("no token type")?.to_vec(),
            embedding_norm: w.norm(&format!("{e}.LayerNorm"), h, eps)?,
            layers,
            classifier: w.dense("classifier", h, n_labels).map_err(|e| {
                format!("no token-classification head for the {n_labels} labels of id2label: {e}")
            })?,
            hidden: h,
            heads: config.num_attention_heads,
            act: config.hidden_act,
            vocab: config.vocab_size,
            max_positions: config.max_position_embeddings,
        })
    }

    /// Labels per position.
    pub fn n_labels(&self) -> usize {
        self.classifier.n_out
    }

    /// Logits of a batch of id sequences, packed: `n_labels` values per
    /// position, the sequences one after the other.
    pub fn forward(&self, seqs: &[&[u32]]) -> Result<Vec<f32>, String> {
        let h = self.hidden;
        let total: usize = seqs.iter().map(|s| s.len()).sum();
        let mut x = Vec::with_capacity(total * h);
        for s in seqs {
            if s.len() > self.max_positions {
                return Err(format!(
                    "a sequence of {} subwords is over the model's {} positions",
                    s.len(),
                    self.max_positions
                ));
            }
            for (pos, &id) in s.iter().enumerate() {
                let id = id as usize;
                if id >= self.vocab {
                    return Err(format!("subword id {id} is outside the vocabulary"));
                }
                let word = &self.word[id * h..(id + 1) * h];
                let position = &self.position[pos * h..(pos + 1) * h];
                x.extend(
                    word.iter()
                        .zip(position)
                        .zip(&self.token_type)
                        .map(|((a, b), c)| a + b + c),
                );
            }
        }
        self.embedding_norm.apply(&mut x);
        let lens: Vec<usize> = seqs.iter().map(|s| s.len()).collect();
        let mut scratch = Scratch::new(total, h, &self.layers);
        for layer in &self.layers {
            self.layer(layer, &mut x, &lens, &mut scratch)?;
        }
        let mut logits = vec![0.0; total * self.n_labels()];
        self.classifier.apply(&x, total, None, &mut logits)?;
        Ok(logits)
    }

    fn layer(
        &self,
        layer: &Layer,
        x: &mut [f32],
        lens: &[usize],
        s: &mut Scratch,
    ) -> Result<(), String> {
        let rows = lens.iter().sum();
        layer.qkv.apply(x, rows, None, &mut s.qkv)?;
        self.attention(&s.qkv, lens, &mut s.context)?;
        layer
            .attention_out
            .apply(&s.context, rows, Some(x), &mut s.attended)?;
        layer.attention_norm.apply(&mut s.attended);
        layer
            .intermediate
            .apply(&s.attended, rows, None, &mut s.intermediate)?;
        activate(self.act, &mut s.intermediate);
        layer
            .output
            .apply(&s.intermediate, rows, Some(&s.attended), x)?;
        layer.output_norm.apply(x);
        Ok(())
    }

    /// Scaled dot-product attention of each sequence and head, from the
    /// packed `[q | k | v]` rows into `context`.
    fn attention(&self, qkv: &[f32], lens: &[usize], context: &mut [f32]) -> Result<(), String> {
        let h = self.hidden;
        let d = h / self.heads;
        let scale = 1.0 / (d as f32).sqrt();
        let mut start = 0;
        for &n in lens {
            let base = &qkv[start * 3 * h..];
            let out = &mut context[start * h..];
            // Per head, [heads, n, d] copies of q, k and v.
            let split = |part: usize| {
                let mut v = Vec::with_capacity(n * h);
                for head in 0..self.heads {
                    for r in 0..n {
                        let at = r * 3 * h + part * h + head * d;
                        v.extend_from_slice(&base[at..at + d]);
                    }
                }
                Tensor::from_vec(v, (self.heads, n, d), &Device::Cpu).map_err(err)
            };
            let (q, k, v) = (split(0)?, split(1)?, split(2)?);
            let k_t = k.t().map_err(err)?;
            let mut scores = flat(&q.matmul(&k_t).map_err(err)?)?;
            for row in scores.chunks_exact_mut(n) {
                row.iter_mut().for_each(|v| *v *= scale);
                softmax(row);
            }
            let p = Tensor::from_vec(scores, (self.heads, n, n), &Device::Cpu).map_err(err)?;
            let heads = flat(&p.matmul(&v).map_err(err)?)?;
            for (head, rows) in heads.chunks_exact(n * d).enumerate() {
                for (r, row) in rows.chunks_exact(d).enumerate() {
                    out[r * h + head * d..r * h + (head + 1) * d].copy_from_slice(row);
                }
            }
            start += n;
        }
        Ok(())
    }
}

/// The buffers of one forward pass, reused by every layer.
struct Scratch {
    qkv: Vec<f32>,
    context: Vec<f32>,
    attended: Vec<f32>,
    intermediate: Vec<f32>,
}

impl Scratch {
    fn new(rows: usize, hidden: usize, layers: &[Layer]) -> Self {
        let inter = layers.first().map_or(0, |l| l.intermediate.n_out);
        Self {
            qkv: vec![0.0; rows * 3 * hidden],
            context: vec![0.0; rows * hidden],
            attended: vec![0.0; rows * hidden],
            intermediate: vec![0.0; rows * inter],
        }
    }
}

/// Dense layers side by side: one product computes all their outputs.
fn concat(parts: &[(Vec<f32>, Vec<f32>)], n_in: usize) -> Result<Dense, String> {
    let n_out: usize = parts.iter().map(|(_, b)| b.len()).sum();
    let mut w_t = Vec::with_capacity(n_in * n_out);
    for r in 0..n_in {
        for (w, b) in parts {
            w_t.extend_from_slice(&w[r * b.len()..(r + 1) * b.len()]);
        }
    }
    let bias = parts.iter().flat_map(|(_, b)| b.iter().copied()).collect();
    Dense::new(w_t, bias, n_in)
}

/// A row's softmax, in place.
fn softmax(row: &mut [f32]) {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in row.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    let inv = 1.0 / sum;
    row.iter_mut().for_each(|v| *v *= inv);
}

/// `e^y` for `y` in `[-80, 0]`, in plain arithmetic that the compiler
/// vectorises: `y = n·ln 2 + r` (Cody–Waite, `|r| ≤ ln 2 / 2`), `e^r` by its
/// degree-6 Taylor polynomial (relative error below 3e-7), `2^n` built from
/// the exponent bits.
#[inline(always)]
fn exp_nonpositive(y: f32) -> f32 {
    // Adding 1.5·2^23 rounds to the nearest integer (f32 has 23 fraction bits).
    const ROUND: f32 = 12_582_912.0;
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    let n = (y * std::f32::consts::LOG2_E + ROUND) - ROUND;
    let r = (y - n * LN2_HI) - n * LN2_LO;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
    p * f32::from_bits(((n as i32 + 127) as u32) << 23)
}

/// The error function, by Abramowitz and Stegun's formula 7.1.26 (absolute
/// error at most 1.5e-7, about f32's own rounding near 1), vectorisable
/// unlike `libm::erff`, which took a sixth of a BERT forward pass.
#[inline(always)]
fn erf(x: f32) -> f32 {
    // erf(6) is 1 in f32; the clamp keeps e^(-a²) in exp_nonpositive's range.
    let a = x.abs().min(6.0);
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152 + t * 1.061_405_4))));
    (1.0 - poly * exp_nonpositive(-a * a)).copysign(x)
}

/// The feed-forward activation, in place: GELU in the exact `erf` form that
/// `transformers` uses for `"gelu"`, its tanh form, or ReLU.
fn activate(act: HiddenAct, x: &mut [f32]) {
    match act {
        HiddenAct::Gelu => x.iter_mut().for_each(|v| {
            *v = 0.5 * *v * (1.0 + erf(*v * std::f32::consts::FRAC_1_SQRT_2));
        }),
        HiddenAct::GeluApproximate => x.iter_mut().for_each(|v| {
            let c = (2.0 / std::f32::consts::PI).sqrt();
            *v = 0.5 * *v * (1.0 + (c * (*v + 0.044_715 * *v * *v * *v)).tanh());
        }),
        HiddenAct::Relu => x.iter_mut().for_each(|v| *v = v.max(0.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let mut r = [1.0, 3.0, 2.0];
        softmax(&mut r);
        assert!((r.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        let z = 1f32.exp() + 3f32.exp() + 2f32.exp();
        assert!((r[1] - 3f32.exp() / z).abs() < 1e-6);
    }

    #[test]
    fn gelu_is_the_erf_form() {
        // Φ(1) = 0.841344746…, Φ(-2) = 0.022750132… (normal distribution tables).
        let mut x = [1.0, -2.0, 0.0];
        activate(HiddenAct::Gelu, &mut x);
        assert!((x[0] - 0.841_344_7).abs() < 1e-6);
        assert!((x[1] + 2.0 * 0.022_750_13).abs() < 1e-6);
        assert_eq!(x[2], 0.0);
    }

    #[test]
    fn erf_and_exp_are_accurate_over_their_range() {
        let mut worst = 0f64;
        for i in -80_000..=80_000 {
            let x = i as f32 * 1e-4;
            worst = worst.max((f64::from(erf(x)) - libm::erf(f64::from(x))).abs());
        }
        assert!(worst < 1e-6, "{worst}");
        assert!(erf(0.0).abs() < 1e-7);
        assert_eq!(erf(30.0), 1.0);
        assert_eq!(erf(-30.0), -1.0);
        for i in 0..=80_000 {
            let y = -(i as f32) * 1e-3;
            let rel = f64::from(exp_nonpositive(y)) / f64::from(y).exp() - 1.0;
            assert!(rel.abs() < 3e-7, "{y}: {rel}");
        }
    }

    #[test]
    fn dense_adds_bias_and_residual_to_the_product() {
        // W = [[1, 2], [3, 4], [5, 6]] (3 outputs, 2 inputs), b = [1, 0, -1].
        let w_t = transpose(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3, 2);
        let d = Dense::new(w_t.clone(), vec![1.0, 0.0, -1.0], 2).unwrap();
        let mut out = [0.0; 6];
        let residual = [0.0, 0.0, 10.0, 0.0, 0.0, 0.0];
        d.apply(&[1.0, 1.0, 2.0, 0.0], 2, Some(&residual), &mut out)
            .unwrap();
        assert_eq!(out, [4.0, 7.0, 20.0, 3.0, 6.0, 9.0]);
        // With a fourth output (weights [1, 1], bias 0.5) side by side.
        let both = concat(
            &[(w_t, vec![1.0, 0.0, -1.0]), (vec![1.0, 1.0], vec![0.5])],
            2,
        )
        .unwrap();
        let mut out = [0.0; 4];
        both.apply(&[1.0, 1.0], 1, None, &mut out).unwrap();
        assert_eq!(out, [4.0, 7.0, 10.0, 2.5]);
    }

    #[test]
    fn layer_norm_centres_and_scales() {
        let n = Norm {
            gamma: vec![1.0, 2.0],
            beta: vec![0.0, 1.0],
            eps: 0.0,
        };
        let mut x = [1.0, 3.0];
        n.apply(&mut x);
        assert_eq!(x, [-1.0, 3.0]);
    }
}
