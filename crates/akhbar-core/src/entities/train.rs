//! Training: the averaged structured perceptron (Collins 2002) with Viterbi
//! decoding under BIO constraints. Deterministic for a seed: sentence order
//! comes from a seeded generator, features are counted and numbered in key
//! order, and updates are integers, so the thread count (used only for
//! feature extraction, which keeps input order) never changes the model.

use std::collections::HashMap;

use super::clusters::Clusters;
use super::conll::Sentence;
use super::eval::{evaluate_tags, EvalCounts};
use super::features::{features, sentence_info};
use super::gazetteer::Gazetteer;
use super::hash::KeyMap;
use super::labels::{parse_tag, repair, Labels};
use super::model::Model;
use super::viterbi::{transition_index, viterbi};
use crate::batch;
use crate::error::{Error, Result};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Features seen fewer times than this are dropped.
    pub min_count: u32,
    /// Rename entity types (`PER` -> `PERS`); mapping to `None` drops the
    /// type (its tokens become `O`). Types not listed are kept.
    pub label_map: Vec<(String, Option<String>)>,
    /// Gazetteer whose matches are features.
    pub gazetteer: Gazetteer,
    /// Word clusters.
    pub clusters: Clusters,
    /// Threads for feature extraction (`None`: all).
    pub threads: Option<usize>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            epochs: 12,
            seed: 1,
            min_count: 1,
            label_map: Vec::new(),
            gazetteer: Gazetteer::new(),
            clusters: Clusters::new(),
            threads: None,
        }
    }
}

/// What the trainer reports after each epoch.
#[derive(Debug, Clone)]
pub struct EpochReport {
    pub epoch: usize,
    /// Training tokens mistagged during the epoch.
    pub mistakes: usize,
    /// Scores of the averaged model on the dev sentences, when given.
    pub dev: Option<EvalCounts>,
}

/// SplitMix64: a small, well-mixed, portable generator.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn map_type(map: &[(String, Option<String>)], tag: &str) -> String {
    let Some((bio, ty)) = parse_tag(tag) else {
        return "O".into();
    };
    match map.iter().find(|(from, _)| from == ty) {
        Some((_, Some(to))) => format!("{bio}-{to}"),
        Some((_, None)) => "O".into(),
        None => tag.to_string(),
    }
}

/// A sentence as feature rows and gold tags.
struct Encoded {
    rows: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<usize>,
}

/// Train a model. `dev`, when given, is scored after every epoch and passed
/// to `progress`.
pub fn train(
    sentences: &[Sentence],
    dev: Option<&[Sentence]>,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Model> {
    if opts.epochs == 0 {
        return Err(Error::Training("epochs must be at least 1".into()));
    }
    let tagged: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.tags.iter().map(|t| map_type(&opts.label_map, t)).collect())
        .collect();
    let mut types: Vec<String> = tagged
        .iter()
        .flatten()
        .filter_map(|t| parse_tag(t).map(|(_, ty)| ty.to_string()))
        .collect();
    types.sort();
    types.dedup();
    if types.is_empty() {
        return Err(Error::Training(
            "the training data has no entities (every tag is O)".into(),
        ));
    }
    if types.len() > 127 {
        return Err(Error::Training("more than 127 entity types".into()));
    }
    let labels = Labels::new(types);
    let n_tags = labels.n_tags();

    // Features of every sentence, in input order whatever the thread count.
    let keys = batch::map(sentences, opts.threads, |s| {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        features(&sentence_info(&toks, &opts.gazetteer), &opts.clusters)
    })?;
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for f in &keys {
        for &k in &f.keys {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut kept: Vec<u64> = counts
        .into_iter()
        .filter(|&(_, c)| c >= opts.min_count)
        .map(|(k, _)| k)
        .collect();
    kept.sort_unstable();
    let row_of: KeyMap<u32> = kept
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    let data: Vec<Encoded> = keys
        .iter()
        .zip(&tagged)
        .map(|(f, tags)| {
            let mut rows = Vec::with_capacity(f.keys.len());
            let mut offsets = Vec::with_capacity(f.len() + 1);
            offsets.push(0);
            for i in 0..f.len() {
                rows.extend(f.token(i).iter().filter_map(|k| row_of.get(k).copied()));
                offsets.push(rows.len());
            }
            let mut gold: Vec<usize> = tags
                .iter()
                .map(|t| labels.parse(t).unwrap_or(0))
                .collect();
            repair(&mut gold);
            Encoded {
                rows,
                offsets,
                gold,
            }
        })
        .collect();
    drop(keys);

    let n_rows = kept.len();
    let n_trans = (n_tags + 1) * n_tags;
    let mut w = vec![0i32; n_rows * n_tags];
    let mut u = vec![0i64; n_rows * n_tags];
    let mut tw = vec![0i32; n_trans];
    let mut tu = vec![0i64; n_trans];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = SplitMix(opts.seed);
    let mut em = Vec::new();
    let mut trans_f = vec![0f32; n_trans];
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &si in &order {
            let s = &data[si];
            let n = s.gold.len();
            em.clear();
            em.resize(n * n_tags, 0f32);
            for i in 0..n {
                let row = &mut em[i * n_tags..(i + 1) * n_tags];
                for &r in &s.rows[s.offsets[i]..s.offsets[i + 1]] {
                    let wr = &w[r as usize * n_tags..(r as usize + 1) * n_tags];
                    for (a, &b) in row.iter_mut().zip(wr) {
                        *a += b as f32;
                    }
                }
            }
            for (t, &x) in trans_f.iter_mut().zip(&tw) {
                *t = x as f32;
            }
            let pred = viterbi(&em, n_tags, &trans_f);
            if pred != s.gold {
                for i in 0..n {
                    let (g, p) = (s.gold[i], pred[i]);
                    if g != p {
                        mistakes += 1;
                        for &r in &s.rows[s.offsets[i]..s.offsets[i + 1]] {
                            let base = r as usize * n_tags;
                            w[base + g] += 1;
                            u[base + g] += c;
                            w[base + p] -= 1;
                            u[base + p] -= c;
                        }
                    }
                    let gp = (i > 0).then(|| s.gold[i - 1]);
                    let pp = (i > 0).then(|| pred[i - 1]);
                    if g != p || gp != pp {
                        let gi = transition_index(n_tags, gp, g);
                        let pi = transition_index(n_tags, pp, p);
                        tw[gi] += 1;
                        tu[gi] += c;
                        tw[pi] -= 1;
                        tu[pi] -= c;
                    }
                }
            }
            c += 1;
        }
        let dev_counts = match dev {
            Some(d) => {
                let m = averaged(&labels, &kept, &w, &u, &tw, &tu, c, opts);
                Some(score(&m, d, &opts.label_map, opts.threads)?)
            }
            None => None,
        };
        progress(&EpochReport {
            epoch,
            mistakes,
            dev: dev_counts,
        });
    }
    Ok(averaged(&labels, &kept, &w, &u, &tw, &tu, c, opts))
}

/// The averaged weights `w - u / c`, without rows that end up all zero.
#[allow(clippy::too_many_arguments)]
fn averaged(
    labels: &Labels,
    keys: &[u64],
    w: &[i32],
    u: &[i64],
    tw: &[i32],
    tu: &[i64],
    c: i64,
    opts: &TrainOptions,
) -> Model {
    let n_tags = labels.n_tags();
    let avg = |w: i32, u: i64| (w as f64 - u as f64 / c as f64) as f32;
    let mut index = KeyMap::default();
    let mut weights = Vec::new();
    for (r, &k) in keys.iter().enumerate() {
        let row: Vec<f32> = (0..n_tags)
            .map(|y| avg(w[r * n_tags + y], u[r * n_tags + y]))
            .collect();
        if row.iter().any(|&x| x != 0.0) {
            index.insert(k, (weights.len() / n_tags) as u32);
            weights.extend(row);
        }
    }
    let transitions = tw.iter().zip(tu).map(|(&a, &b)| avg(a, b)).collect();
    Model {
        labels: labels.clone(),
        index,
        weights,
        transitions,
        gazetteer: opts.gazetteer.clone(),
        forced: Gazetteer::new(),
        clusters: opts.clusters.clone(),
    }
}

/// Score a model on gold sentences (tag types renamed by `label_map`).
pub fn score(
    model: &Model,
    gold: &[Sentence],
    label_map: &[(String, Option<String>)],
    threads: Option<usize>,
) -> Result<EvalCounts> {
    let pred: Vec<Vec<String>> = batch::map(gold, threads, |s| {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        model
            .tag(&toks)
            .into_iter()
            .map(|t| model.labels.tag_name(t))
            .collect()
    })?;
    let gold_tags: Vec<Vec<String>> = gold
        .iter()
        .map(|s| s.tags.iter().map(|t| map_type(label_map, t)).collect())
        .collect();
    Ok(evaluate_tags(&gold_tags, &pred))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<Sentence> {
        let mk = |s: &str| {
            let (tokens, tags) = s
                .split(' ')
                .map(|p| {
                    let (a, b) = p.split_once('/').unwrap();
                    (a.to_string(), b.to_string())
                })
                .unzip();
            Sentence { tokens, tags }
        };
        vec![
            mk("قال/O الرئيس/O باراك/B-PERS أوباما/I-PERS في/O واشنطن/B-LOC"),
            mk("زار/O أوباما/B-PERS القاهرة/B-LOC أمس/O"),
            mk("وقالت/O وزارة/B-ORG الخارجية/I-ORG إن/O باريس/B-LOC ترحب/O"),
            mk("التقى/O ساركوزي/B-PERS في/O باريس/B-LOC"),
        ]
    }

    #[test]
    fn learns_and_is_deterministic() {
        let data = toy();
        let opts = TrainOptions {
            epochs: 5,
            ..Default::default()
        };
        let a = train(&data, None, &opts, &mut |_| {}).unwrap();
        let b = train(
            &data,
            None,
            &TrainOptions {
                threads: Some(1),
                ..opts.clone()
            },
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(a.weights, b.weights);
        let e = score(&a, &data, &[], Some(1)).unwrap();
        assert_eq!(e.micro().correct, e.micro().gold);
        let tags = a.tag(&["زار", "أوباما", "باريس"]);
        assert_eq!(
            tags.iter().map(|&t| a.labels.tag_name(t)).collect::<Vec<_>>(),
            ["O", "B-PERS", "B-LOC"]
        );
    }

    #[test]
    fn rejects_data_without_entities() {
        let s = vec![Sentence {
            tokens: vec!["قال".into()],
            tags: vec!["O".into()],
        }];
        assert!(train(&s, None, &TrainOptions::default(), &mut |_| {}).is_err());
    }
}
