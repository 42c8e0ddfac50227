//! Training: the averaged structured perceptron (Collins 2002) with Viterbi
//! decoding under BIO constraints. Deterministic for a seed: sentence order
//! comes from a seeded generator, features are counted and numbered in key
//! order, and updates are integers, so the thread count (used only for
//! feature extraction, which keeps input order) never changes the model.

use std::collections::{HashMap, HashSet};

use super::clusters::Clusters;
use super::conll::Sentence;
use super::doc::{DocMemory, WINDOW};
use super::eval::{evaluate_tags, EvalCounts};
use super::features::{features, sentence_info, SentenceFeatures, IDENTITY};
use super::gazetteer::Gazetteer;
use super::hash::KeyMap;
use super::labels::{parse_tag, Labels};
use super::model::{check_o_bias, Model};
use super::rng::SplitMix;
use super::scheme::Scheme;
use super::tagger::Tagger;
use super::viterbi::{transition_index, viterbi};
use super::weights::FeatureWeights;
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
    /// Train the second, document-level stage.
    pub two_stage: bool,
    /// Share of training tokens whose identity features (word, stem,
    /// bigrams) are hidden in an epoch, so the model learns to tag from
    /// context and word shape too, as it must for unseen names.
    pub word_dropout: f64,
    /// Subtracted from the `O` score when decoding (stored in the model).
    pub o_bias: f32,
    /// Models trained with seeds `seed, seed + 1, ...` and averaged.
    pub ensemble: usize,
    /// The tag coding of the final stage (the only one, or the second). A
    /// first stage of two is BIO: its tags are read only as the second
    /// stage's document features, and BILOU's wider rows cost speed there.
    pub scheme: Scheme,
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
            two_stage: true,
            word_dropout: 0.0,
            o_bias: 0.0,
            ensemble: 1,
            scheme: Scheme::Bio,
        }
    }
}

impl TrainOptions {
    /// Refuse float settings outside their domain: a non-finite `o_bias`, a
    /// `word_dropout` outside 0..=1 (or NaN).
    pub fn check(&self) -> Result<()> {
        check_o_bias(self.o_bias)?;
        if !(0.0..=1.0).contains(&self.word_dropout) {
            return Err(Error::InvalidOption(format!(
                "word_dropout must be between 0 and 1, got {}",
                self.word_dropout
            )));
        }
        Ok(())
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

/// The copy of a feature key that fires only on auxiliary-domain sentences.
fn aux_key(k: u64) -> u64 {
    (k ^ 0x9e37_79b9_7f4a_7c15)
        .rotate_left(23)
        .wrapping_mul(0xff51_afd7_ed55_8ccd)
}

/// Folds of the jackknife that gives the second stage honest first-stage
/// predictions on its own training data.
const FOLDS: usize = 5;

/// Train a model on `main` (the target domain) and `aux` (another domain,
/// e.g. Wikipedia). Auxiliary sentences fire every feature twice, as itself
/// and as an auxiliary-only copy that the shipped model drops, so what is
/// peculiar to the other domain is learned by the copies ("frustratingly
/// easy" domain adaptation, Daumé 2007).
///
/// With `opts.two_stage`, a second stage is trained on the first stage's
/// features plus document features (`doc.rs`) computed from first-stage
/// predictions; on the training data those come from five-fold jackknifed
/// first-stage models, so they are as noisy as on new text. Training
/// sentences are grouped into documents of [`WINDOW`] consecutive sentences.
///
/// `dev`, when given, is scored after every epoch of the final stage and
/// passed to `progress`.
pub fn train(
    main: &[Sentence],
    aux: &[Sentence],
    dev: Option<&[Sentence]>,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Model> {
    opts.check()?;
    if opts.ensemble <= 1 {
        return train_one(main, aux, dev, opts, progress);
    }
    let mut models = Vec::with_capacity(opts.ensemble);
    for k in 0..opts.ensemble {
        let o = TrainOptions {
            seed: opts.seed.wrapping_add(k as u64),
            ensemble: 1,
            ..opts.clone()
        };
        models.push(train_one(main, aux, None, &o, &mut |_| {})?);
    }
    let m = Model::average(&models);
    if let Some(counts) = dev_score(&m, dev, opts)? {
        progress(&EpochReport {
            epoch: opts.epochs,
            mistakes: 0,
            dev: Some(counts),
        });
    }
    Ok(m)
}

fn train_one(
    main: &[Sentence],
    aux: &[Sentence],
    dev: Option<&[Sentence]>,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Model> {
    if opts.epochs == 0 {
        return Err(Error::InvalidOption("epochs must be at least 1".into()));
    }
    let sentences: Vec<&Sentence> = main.iter().chain(aux).collect();
    let n_main = main.len();
    let tagged: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| {
            s.tags
                .iter()
                .map(|t| map_type(&opts.label_map, t))
                .collect()
        })
        .collect();
    let mut types: Vec<String> = tagged
        .iter()
        .flatten()
        .filter_map(|t| parse_tag(t).map(|(_, ty)| ty.to_string()))
        .collect();
    types.sort();
    types.dedup();
    if types.is_empty() {
        return Err(Error::TrainingData(
            "the training data has no entities (every tag is O)".into(),
        ));
    }
    if types.len() > 127 {
        return Err(Error::TrainingData("more than 127 entity types".into()));
    }
    let labels = Labels::new(types);
    let bio: Vec<Vec<usize>> = tagged
        .iter()
        .map(|tags| tags.iter().map(|t| labels.parse(t).unwrap_or(0)).collect())
        .collect();
    let coded =
        |scheme: Scheme| -> Vec<Vec<usize>> { bio.iter().map(|g| scheme.encode(g)).collect() };
    let gold = coded(opts.scheme);

    // Token analyses and features of every sentence, in input order
    // whatever the thread count.
    let indices: Vec<usize> = (0..sentences.len()).collect();
    let analysed = batch::map(&indices, opts.threads, |&i| {
        let toks: Vec<&str> = sentences[i].tokens.iter().map(String::as_str).collect();
        let infos = sentence_info(&toks, &opts.gazetteer);
        let f = features(&infos, &opts.clusters);
        (infos, f)
    })?;
    let (infos, keys): (Vec<_>, Vec<_>) = analysed.into_iter().unzip();
    let all: Vec<usize> = (0..sentences.len()).collect();
    let no_report = &mut |_: &EpochReport| {};

    if !opts.two_stage {
        let report = |m: &Model| dev_score(&m.with_o_bias(opts.o_bias)?, dev, opts);
        let mut first = fit(
            &labels,
            opts.scheme,
            &keys,
            &gold,
            &all,
            n_main,
            opts,
            report,
            progress,
        )?;
        first.gazetteer = opts.gazetteer.clone();
        first.clusters = opts.clusters.clone();
        first.o_bias = opts.o_bias;
        return Ok(first);
    }

    // Jackknifed first-stage tags of the main sentences.
    let gold1 = coded(Scheme::Bio);
    let mut predicted: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for k in 0..FOLDS {
        let (a, b) = (n_main * k / FOLDS, n_main * (k + 1) / FOLDS);
        if a == b {
            continue;
        }
        let rest: Vec<usize> = all.iter().copied().filter(|&i| i < a || i >= b).collect();
        let m = fit(
            &labels,
            Scheme::Bio,
            &keys,
            &gold1,
            &rest,
            n_main,
            opts,
            |_| Ok(None),
            no_report,
        )?;
        for i in a..b {
            let em = m.emissions(&keys[i]);
            predicted[i] = viterbi(&em, m.n_tags(), &m.transitions, Scheme::Bio);
        }
    }
    let mut first = fit(
        &labels,
        Scheme::Bio,
        &keys,
        &gold1,
        &all,
        n_main,
        opts,
        |_| Ok(None),
        no_report,
    )?;
    first.gazetteer = opts.gazetteer.clone();
    first.clusters = opts.clusters.clone();
    // Auxiliary sentences get no document features (their domain has other
    // conventions; the first stage's in-sample tags would be too clean).
    let mut keys2 = Vec::with_capacity(keys.len());
    for start in (0..n_main).step_by(WINDOW) {
        let end = (start + WINDOW).min(n_main);
        let memory = DocMemory::build(&infos[start..end], &predicted[start..end], &labels);
        for i in start..end {
            keys2.push(memory.extend(&infos[i], &keys[i]));
        }
    }
    let empty = DocMemory::build(&[], &[], &labels);
    for i in n_main..sentences.len() {
        keys2.push(empty.extend(&infos[i], &keys[i]));
    }
    let report = |second: &Model| {
        let mut m = first.clone();
        m.second = Some(Box::new(second.clone()));
        m.o_bias = opts.o_bias;
        dev_score(&m, dev, opts)
    };
    let second = fit(
        &labels,
        opts.scheme,
        &keys2,
        &gold,
        &all,
        n_main,
        opts,
        report,
        progress,
    )?;
    first.second = Some(Box::new(second));
    first.o_bias = opts.o_bias;
    Ok(first)
}

fn dev_score(
    m: &Model,
    dev: Option<&[Sentence]>,
    opts: &TrainOptions,
) -> Result<Option<EvalCounts>> {
    match dev {
        Some(d) => Ok(Some(score(m, d, &opts.label_map, opts.threads)?)),
        None => Ok(None),
    }
}

/// One averaged perceptron over the sentences `subset` of `keys` (sentences
/// from `n_main` on are auxiliary), learning `gold` tags coded in `scheme`. `report` scores the averaged model after
/// each epoch for `progress`.
#[allow(clippy::too_many_arguments)]
fn fit(
    labels: &Labels,
    scheme: Scheme,
    keys: &[SentenceFeatures],
    gold: &[Vec<usize>],
    subset: &[usize],
    n_main: usize,
    opts: &TrainOptions,
    report: impl Fn(&Model) -> Result<Option<EvalCounts>>,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Model> {
    let n_tags = scheme.n_tags(labels.types().len());
    let aux_copy = |k: u64, i: usize| (i >= n_main).then(|| aux_key(k));
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let mut aux_copies: HashSet<u64> = HashSet::new();
    for &i in subset {
        for &k in &keys[i].keys {
            *counts.entry(k).or_default() += 1;
            if let Some(c) = aux_copy(k, i) {
                *counts.entry(c).or_default() += 1;
                aux_copies.insert(c);
            }
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
    // Sentences as feature rows; per token also where its identity rows end.
    let data: Vec<(Vec<u32>, Vec<usize>, Vec<usize>)> = subset
        .iter()
        .map(|&i| {
            let f = &keys[i];
            let mut rows = Vec::with_capacity(f.keys.len());
            let mut offsets = Vec::with_capacity(f.len() + 1);
            let mut ident = Vec::with_capacity(f.len());
            offsets.push(0);
            for t in 0..f.len() {
                for (j, &k) in f.token(t).iter().enumerate() {
                    if j == IDENTITY {
                        ident.push(rows.len());
                    }
                    rows.extend(row_of.get(&k).copied());
                    if let Some(c) = aux_copy(k, i) {
                        rows.extend(row_of.get(&c).copied());
                    }
                }
                if ident.len() == t {
                    ident.push(rows.len());
                }
                offsets.push(rows.len());
            }
            (rows, offsets, ident)
        })
        .collect();

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
        let threshold = (opts.word_dropout.clamp(0.0, 1.0) * u64::MAX as f64) as u64;
        for &di in &order {
            let (rows, offsets, ident) = &data[di];
            let g = &gold[subset[di]];
            let n = g.len();
            // Rows each token uses this epoch (identity rows maybe hidden).
            let starts: Vec<usize> = (0..n)
                .map(|i| {
                    let mut h = SplitMix(
                        opts.seed ^ ((epoch as u64) << 40) ^ ((di as u64) << 12) ^ i as u64,
                    );
                    if threshold > 0 && h.next() < threshold {
                        ident[i]
                    } else {
                        offsets[i]
                    }
                })
                .collect();
            em.clear();
            em.resize(n * n_tags, 0f32);
            for i in 0..n {
                let row = &mut em[i * n_tags..(i + 1) * n_tags];
                for &r in &rows[starts[i]..offsets[i + 1]] {
                    let wr = &w[r as usize * n_tags..(r as usize + 1) * n_tags];
                    for (a, &b) in row.iter_mut().zip(wr) {
                        *a += b as f32;
                    }
                }
            }
            for (t, &x) in trans_f.iter_mut().zip(&tw) {
                *t = x as f32;
            }
            let pred = viterbi(&em, n_tags, &trans_f, scheme);
            if pred != *g {
                for i in 0..n {
                    let (gi_, p) = (g[i], pred[i]);
                    if gi_ != p {
                        mistakes += 1;
                        for &r in &rows[starts[i]..offsets[i + 1]] {
                            let base = r as usize * n_tags;
                            w[base + gi_] += 1;
                            u[base + gi_] += c;
                            w[base + p] -= 1;
                            u[base + p] -= c;
                        }
                    }
                    let gp = (i > 0).then(|| g[i - 1]);
                    let pp = (i > 0).then(|| pred[i - 1]);
                    if gi_ != p || gp != pp {
                        let a = transition_index(n_tags, gp, gi_);
                        let b = transition_index(n_tags, pp, p);
                        tw[a] += 1;
                        tu[a] += c;
                        tw[b] -= 1;
                        tu[b] -= c;
                    }
                }
            }
            c += 1;
        }
        let m = averaged(labels, scheme, &kept, &aux_copies, &w, &u, &tw, &tu, c);
        let dev = report(&m)?;
        progress(&EpochReport {
            epoch,
            mistakes,
            dev,
        });
        if epoch == opts.epochs {
            return Ok(m);
        }
    }
    unreachable!("epochs >= 1")
}

/// The averaged weights `w - u / c`, without rows that end up all zero and
/// without the auxiliary-domain copies.
#[allow(clippy::too_many_arguments)]
fn averaged(
    labels: &Labels,
    scheme: Scheme,
    keys: &[u64],
    aux_copies: &HashSet<u64>,
    w: &[i32],
    u: &[i64],
    tw: &[i32],
    tu: &[i64],
    c: i64,
) -> Model {
    let n_tags = scheme.n_tags(labels.types().len());
    let avg = |w: i32, u: i64| (w as f64 - u as f64 / c as f64) as f32;
    let mut weights = FeatureWeights::with_capacity(n_tags, keys.len());
    for (r, &k) in keys.iter().enumerate() {
        if aux_copies.contains(&k) {
            continue;
        }
        let row: Vec<f32> = (0..n_tags)
            .map(|y| avg(w[r * n_tags + y], u[r * n_tags + y]))
            .collect();
        if row.iter().any(|&x| x != 0.0) {
            weights.insert(k, &row);
        }
    }
    let transitions = tw.iter().zip(tu).map(|(&a, &b)| avg(a, b)).collect();
    Model {
        labels: labels.clone(),
        scheme,
        weights,
        transitions,
        gazetteer: Gazetteer::new(),
        forced: Gazetteer::new(),
        clusters: Clusters::new(),
        second: None,
        o_bias: 0.0,
        joint: Default::default(),
    }
}

/// Tag CoNLL-style sentences with any tagger; consecutive runs of [`WINDOW`]
/// sentences are one document (the perceptron's second stage reads it).
/// Parallel over windows.
pub fn tag_sentences(
    tagger: &dyn Tagger,
    sentences: &[Vec<String>],
    threads: Option<usize>,
) -> Result<Vec<Vec<usize>>> {
    let windows: Vec<&[Vec<String>]> = sentences.chunks(WINDOW).collect();
    let tagged = batch::map(&windows, threads, |w| {
        let toks: Vec<Vec<&str>> = w
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        tagger
            .tag_sentences(&toks)
            .into_iter()
            .map(|t| t.tags)
            .collect::<Vec<_>>()
    })?;
    Ok(tagged.into_iter().flatten().collect())
}

/// Score a tagger on gold sentences (tag types renamed by `label_map`).
pub fn score(
    model: &dyn Tagger,
    gold: &[Sentence],
    label_map: &[(String, Option<String>)],
    threads: Option<usize>,
) -> Result<EvalCounts> {
    let toks: Vec<Vec<String>> = gold.iter().map(|s| s.tokens.clone()).collect();
    let pred: Vec<Vec<String>> = tag_sentences(model, &toks, threads)?
        .into_iter()
        .map(|tags| {
            tags.into_iter()
                .map(|t| model.labels().tag_name(t))
                .collect()
        })
        .collect();
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
        let a = train(&data, &[], None, &opts, &mut |_| {}).unwrap();
        let b = train(
            &data,
            &[],
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
        assert!(e.per_type.iter().all(|(_, c)| c.correct == c.gold));
        let tags = a.tag(&["زار", "أوباما", "باريس"]);
        assert_eq!(
            tags.iter()
                .map(|&t| a.labels.tag_name(t))
                .collect::<Vec<_>>(),
            ["O", "B-PERS", "B-LOC"]
        );
    }

    #[test]
    fn bilou_model_learns_and_tags_in_bio() {
        let data = toy();
        let opts = TrainOptions {
            epochs: 5,
            scheme: Scheme::Bilou,
            ..Default::default()
        };
        let m = train(&data, &[], None, &opts, &mut |_| {}).unwrap();
        // Three types: the second stage has O + 3 × 4 BILOU tags in its
        // weights and transitions; the first stays BIO (O + 3 × 2).
        let last = m.final_stage();
        assert_eq!((last.scheme(), last.n_tags()), (Scheme::Bilou, 13));
        assert_eq!(last.transitions.len(), 14 * 13);
        assert_eq!((m.scheme(), m.n_tags()), (Scheme::Bio, 7));
        // A one-stage model is BILOU itself.
        let one = TrainOptions {
            two_stage: false,
            ..opts.clone()
        };
        let single = train(&data, &[], None, &one, &mut |_| {}).unwrap();
        assert!(single.second.is_none());
        assert_eq!((single.scheme(), single.n_tags()), (Scheme::Bilou, 13));
        let e = score(&single, &data, &[], Some(1)).unwrap();
        assert!(e.per_type.iter().all(|(_, c)| c.correct == c.gold));
        let e = score(&m, &data, &[], Some(1)).unwrap();
        assert!(e.per_type.iter().all(|(_, c)| c.correct == c.gold));
        // Tags leave the model as BIO tags of its labels, two-token names included.
        let name = |tags: Vec<usize>| {
            tags.iter()
                .map(|&t| m.labels.tag_name(t))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            name(m.tag(&["قال", "الرئيس", "باراك", "أوباما"])),
            ["O", "O", "B-PERS", "I-PERS"]
        );
        assert_eq!(
            name(m.tag(&["وقالت", "وزارة", "الخارجية", "إن"])),
            ["O", "B-ORG", "I-ORG", "O"]
        );
        // Confidences are probabilities of the BIO tags (B = B + U, I = I + L).
        let tagged = m.tag_sentences(&[vec!["زار", "أوباما", "القاهرة"]]);
        assert!(tagged[0]
            .confidence
            .iter()
            .all(|&p| (0.0..=1.0001).contains(&p)));
        assert!(tagged[0].confidence[1] > 0.5, "{:?}", tagged[0].confidence);
    }

    #[test]
    fn rejects_data_without_entities() {
        let s = vec![Sentence {
            tokens: vec!["قال".into()],
            tags: vec!["O".into()],
        }];
        assert!(train(&s, &[], None, &TrainOptions::default(), &mut |_| {}).is_err());
    }
}
