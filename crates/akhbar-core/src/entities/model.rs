//! A trained tagger: labels, feature weights, transitions, the gazetteer its
//! features read, user gazetteer entries that are forced as entities, and
//! word clusters.

use super::clusters::Clusters;
use super::doc::DocMemory;
use super::features::{features, mark_gazetteer, token_info, SentenceFeatures, TokenInfo};
use super::gazetteer::Gazetteer;
use super::labels::{repair, Labels, O};
use super::scheme::Scheme;
use super::viterbi::viterbi;
use super::weights::{FeatureWeights, JointWeights};
use crate::error::{Error, Result};

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) labels: Labels,
    /// The tag coding of the weights, transitions and decoding; tags leave
    /// the model as BIO tags whatever it is.
    pub(crate) scheme: Scheme,
    /// Feature key -> one weight per tag.
    pub(crate) weights: FeatureWeights,
    /// `(n_tags + 1) × n_tags` transition weights (row 0: sentence start).
    pub(crate) transitions: Vec<f32>,
    /// The gazetteer whose matches are features.
    pub(crate) gazetteer: Gazetteer,
    /// User entries: features and forced matches.
    pub(crate) forced: Gazetteer,
    pub(crate) clusters: Clusters,
    /// The second stage, whose features add the first stage's predictions
    /// elsewhere in the document (`doc.rs`).
    pub(crate) second: Option<Box<Model>>,
    /// Subtracted from the `O` score of every token of the final stage: a
    /// positive value trades precision for recall.
    pub(crate) o_bias: f32,
    /// Both stages' weights in one table, for tagging (built on first use).
    pub(crate) joint: JointWeights,
}

impl Model {
    /// The model's labels.
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// The tag coding this stage learns and decodes in (a two-stage model's
    /// first stage is BIO; see [`Model::final_stage`]).
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// Number of tags of this stage's coding (rows of weights and transitions).
    pub fn n_tags(&self) -> usize {
        self.scheme.n_tags(self.labels.types().len())
    }

    /// The temperature that turns scores into probabilities: ten times the
    /// mean absolute transition weight. Perceptron weights have no natural
    /// scale; this one grows with them, and the factor was set on the dev
    /// split, where entities scored 0.6-0.8 were right about two times in
    /// three and those above 0.9 about 93% (`MODEL.md`).
    pub fn temperature(&self) -> f32 {
        let n = self.transitions.len().max(1) as f32;
        (10.0 * self.transitions.iter().map(|x| x.abs()).sum::<f32>() / n).max(1e-3)
    }

    /// Number of weighted features.
    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    /// The gazetteer the features read (shipped and user lists).
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The user gazetteer whose matches are forced as entities.
    pub fn forced(&self) -> &Gazetteer {
        &self.forced
    }

    /// The word clusters.
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// A copy with user gazetteer entries: they become feature matches, and
    /// their longest matches are forced as entities of their label (which
    /// must be one of the model's entity types).
    pub fn with_gazetteer(&self, extra: &Gazetteer) -> Result<Model> {
        for l in extra.labels() {
            if self.labels.type_index(l).is_none() {
                return Err(Error::InvalidOption(format!(
                    "gazetteer label {l:?} is not one of the model's labels ({})",
                    self.labels.types().join(", ")
                )));
            }
        }
        let mut m = self.clone();
        m.gazetteer.extend(extra)?;
        m.forced.extend(extra)?;
        Ok(m)
    }

    /// Emission scores (`n × n_tags`) of a sentence's features.
    pub fn emissions(&self, feats: &SentenceFeatures) -> Vec<f32> {
        sums(&self.weights, feats)
    }

    /// Analyse tokens (key forms, gazetteer marks).
    pub fn analyse(&self, tokens: &[&str]) -> Vec<TokenInfo> {
        let mut infos: Vec<TokenInfo> = tokens.iter().map(|t| token_info(t)).collect();
        mark_gazetteer(&mut infos, &self.gazetteer);
        infos
    }

    /// Tag a sentence of tokens (a document of one sentence).
    pub fn tag(&self, tokens: &[&str]) -> Vec<usize> {
        let infos = self.analyse(tokens);
        self.tag_document(std::slice::from_ref(&infos))
            .pop()
            .map(|x| x.0)
            .unwrap_or_default()
    }

    /// Tag the sentences of one document: BIO tags and the final stage's
    /// emission scores (in its [`Scheme`]) per sentence. With a second stage,
    /// the first stage's tags of the whole document become features of the
    /// second.
    pub fn tag_document(&self, sents: &[Vec<TokenInfo>]) -> Vec<(Vec<usize>, Vec<f32>)> {
        let l = self.n_tags();
        let feats: Vec<SentenceFeatures> =
            sents.iter().map(|s| features(s, &self.clusters)).collect();
        // With a second stage, one lookup per first-stage key gives both
        // stages' rows; the second stage's sums over those keys wait in
        // `partial` for the document features (added after them, in order).
        let joint = self
            .second
            .as_ref()
            .and_then(|s| self.joint.get(&self.weights, &s.weights));
        let mut partial: Vec<Vec<f32>> = Vec::new();
        let mut out: Vec<(Vec<usize>, Vec<f32>)> = feats
            .iter()
            .zip(sents)
            .map(|(f, infos)| {
                let mut em = match joint {
                    Some(j) => {
                        let both = sums(j, f);
                        let (first, second) = split_rows(&both, l, j.n_tags());
                        partial.push(second);
                        first
                    }
                    None => self.emissions(f),
                };
                if self.second.is_none() {
                    self.bias_o(&mut em, l);
                }
                let mut tags = self.decode(&em);
                self.force(infos, &mut tags);
                (tags, em)
            })
            .collect();
        if let Some(second) = &self.second {
            let tags: Vec<Vec<usize>> = out.iter().map(|x| x.0.clone()).collect();
            let memory = DocMemory::build(sents, &tags, &self.labels);
            out = feats
                .iter()
                .zip(sents)
                .zip(
                    partial
                        .iter_mut()
                        .map(Some)
                        .chain(std::iter::repeat_with(|| None)),
                )
                .map(|((f, infos), partial)| {
                    let mut em = match partial {
                        Some(p) => {
                            let mut em = std::mem::take(p);
                            let doc = memory.document_keys(infos);
                            for (i, row) in em.chunks_exact_mut(second.n_tags()).enumerate() {
                                second.weights.add_rows(doc.token(i), row);
                            }
                            em
                        }
                        None => second.emissions(&memory.extend(infos, f)),
                    };
                    self.bias_o(&mut em, second.n_tags());
                    let mut tags = second.decode(&em);
                    self.force(infos, &mut tags);
                    (tags, em)
                })
                .collect();
        }
        out
    }

    /// This stage's best BIO tags under emission scores `em`.
    fn decode(&self, em: &[f32]) -> Vec<usize> {
        let tags = viterbi(em, self.n_tags(), &self.transitions, self.scheme);
        self.scheme.decode(&tags)
    }

    /// Subtract the `O` bias from rows of `width` scores.
    fn bias_o(&self, em: &mut [f32], width: usize) {
        if self.o_bias != 0.0 {
            for row in em.chunks_mut(width) {
                row[O] -= self.o_bias;
            }
        }
    }

    /// The average of models trained on the same data with different seeds
    /// (weights and transitions of each stage averaged; a feature missing
    /// from a model counts as 0). Gazetteers and clusters come from the first.
    pub fn average(models: &[Model]) -> Model {
        let first = &models[0];
        let n_tags = first.n_tags();
        let k = models.len() as f32;
        let mut keys: Vec<u64> = models
            .iter()
            .flat_map(|m| m.weights.iter().map(|(key, _)| key))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut weights = FeatureWeights::with_capacity(n_tags, keys.len());
        for &key in &keys {
            let mut row = vec![0f32; n_tags];
            for m in models {
                if let Some(w) = m.weights.get(key) {
                    for (a, b) in row.iter_mut().zip(w) {
                        *a += b / k;
                    }
                }
            }
            weights.insert(key, &row);
        }
        let mut transitions = vec![0f32; first.transitions.len()];
        for m in models {
            for (a, b) in transitions.iter_mut().zip(&m.transitions) {
                *a += b / k;
            }
        }
        let seconds: Vec<Model> = models
            .iter()
            .filter_map(|m| m.second.as_deref().cloned())
            .collect();
        Model {
            labels: first.labels.clone(),
            scheme: first.scheme,
            weights,
            transitions,
            gazetteer: first.gazetteer.clone(),
            forced: first.forced.clone(),
            clusters: first.clusters.clone(),
            second: (seconds.len() == models.len()).then(|| Box::new(Model::average(&seconds))),
            o_bias: first.o_bias,
            joint: JointWeights::default(),
        }
    }

    /// The `O` bias of decoding.
    pub fn o_bias(&self) -> f32 {
        self.o_bias
    }

    /// A copy that decodes with another `O` bias; it must be finite (a model
    /// file holds only finite numbers).
    pub fn with_o_bias(&self, o_bias: f32) -> Result<Model> {
        let mut m = self.clone();
        m.o_bias = check_o_bias(o_bias)?;
        Ok(m)
    }

    /// The stage whose emissions `tag_document` returns: the second, if any.
    pub fn final_stage(&self) -> &Model {
        self.second.as_deref().unwrap_or(self)
    }

    /// Transitions of the final stage.
    pub fn final_transitions(&self) -> &[f32] {
        &self.final_stage().transitions
    }

    /// The temperature of the final stage.
    pub fn final_temperature(&self) -> f32 {
        self.final_stage().temperature()
    }

    /// Overwrite tags with the forced gazetteer's matches.
    fn force(&self, infos: &[TokenInfo], tags: &mut [usize]) {
        if self.forced.is_empty() {
            return;
        }
        let words: Vec<&str> = infos.iter().map(|t| t.w.as_str()).collect();
        let first: Vec<&str> = infos.iter().map(|t| t.stem.as_str()).collect();
        let matches = self.forced.find(&words, &first);
        if matches.is_empty() {
            return;
        }
        for m in matches {
            let name = &self.forced.labels()[m.label];
            let Some(ty) = self.labels.type_index(name) else {
                continue;
            };
            // A predicted entity running into the match from the left is cut.
            tags[m.start] = Labels::begin(ty);
            for t in &mut tags[m.start + 1..m.end] {
                *t = Labels::inside(ty);
            }
            // One continuing past the match on the right starts anew.
            if m.end < tags.len() && tags[m.end] != O {
                if let Some((false, t)) = Labels::split(tags[m.end]) {
                    tags[m.end] = Labels::begin(t);
                }
            }
        }
        repair(tags);
    }
}

/// Row sums (`n × table.n_tags()`) of the keys of each token of `feats`.
fn sums(table: &FeatureWeights, feats: &SentenceFeatures) -> Vec<f32> {
    let width = table.n_tags();
    let mut out = vec![0f32; feats.len() * width];
    for (i, row) in out.chunks_exact_mut(width).enumerate() {
        table.add_rows(feats.token(i), row);
    }
    out
}

/// Rows of a joint table (`l` values of the first stage, then the second's)
/// split into the first stage's rows and the second's.
fn split_rows(both: &[f32], l: usize, width: usize) -> (Vec<f32>, Vec<f32>) {
    let n = both.len() / width;
    let mut a = Vec::with_capacity(n * l);
    let mut b = Vec::with_capacity(n * (width - l));
    for row in both.chunks_exact(width) {
        a.extend_from_slice(&row[..l]);
        b.extend_from_slice(&row[l..]);
    }
    (a, b)
}

/// `o_bias` when finite, else [`Error::InvalidOption`].
pub fn check_o_bias(o_bias: f32) -> Result<f32> {
    if o_bias.is_finite() {
        Ok(o_bias)
    } else {
        Err(Error::InvalidOption(format!(
            "o_bias must be a finite number, got {o_bias}"
        )))
    }
}
