//! Document features for the second stage of the tagger: what the first
//! stage predicted elsewhere in the same document. A name tagged PERS in a
//! clear context ("قال المدرب فينغر") helps tag its bare mentions elsewhere;
//! an entity string predicted once is matched wherever it recurs.

use foldhash::{HashMap, HashMapExt};

use super::features::{SentenceFeatures, TokenInfo};
use super::gazetteer::{Gazetteer, MAX_LABELS};
use super::hash::Fnv;
use super::labels::{spans, Labels};

/// Template ids of the document features (distinct from `features::t`).
mod t {
    pub const SHARE: u8 = 100;
    pub const TYPE: u8 = 101;
    pub const MAJORITY: u8 = 102;
    pub const PHRASE: u8 = 103;
    pub const MAJORITY_PREV: u8 = 104;
    pub const MAJORITY_NEXT: u8 = 105;
}

/// Sentences scored together as one document when a CoNLL file (which has
/// no document marks) is tagged.
pub const WINDOW: usize = 40;

/// First-stage predictions of one document.
pub struct DocMemory {
    /// Bare form -> count per tag class: 0 outside entities, 1 + type inside.
    tokens: HashMap<String, Vec<u16>>,
    /// Predicted entity strings, by type name.
    phrases: Gazetteer,
    /// The model's entity types.
    types: Vec<String>,
}

fn bucket_share(part: u16, total: u16) -> u8 {
    if part == 0 {
        0
    } else if part == total {
        3
    } else if 2 * part >= total {
        2
    } else {
        1
    }
}

fn bucket_count(n: u16) -> u8 {
    match n {
        0..=1 => 0,
        2..=3 => 1,
        _ => 2,
    }
}

impl DocMemory {
    /// Collect the first-stage tags of a document's sentences.
    pub fn build(sents: &[Vec<TokenInfo>], tags: &[Vec<usize>], labels: &Labels) -> Self {
        let n_types = labels.types().len();
        let mut tokens: HashMap<String, Vec<u16>> = HashMap::new();
        let mut phrases = Gazetteer::new();
        for (infos, tags) in sents.iter().zip(tags) {
            for (ti, &tag) in infos.iter().zip(tags) {
                let class = Labels::split(tag).map_or(0, |(_, ty)| 1 + ty);
                // Looked up by reference first: most words recur.
                if let Some(c) = tokens.get_mut(ti.bare.as_str()) {
                    c[class] = c[class].saturating_add(1);
                } else {
                    let mut c = vec![0; n_types + 1];
                    c[class] = 1;
                    tokens.insert(ti.bare.clone(), c);
                }
            }
            for (s, e, ty) in spans(tags) {
                if e - s > 8 || ty >= MAX_LABELS {
                    continue;
                }
                let mut phrase = infos[s].stem.clone();
                for ti in &infos[s + 1..e] {
                    phrase.push(' ');
                    phrase.push_str(&ti.w);
                }
                // Labels are type names the model knows; adding cannot fail.
                let _ = phrases.add(&labels.types()[ty], &phrase);
            }
        }
        Self {
            tokens,
            phrases,
            types: labels.types().to_vec(),
        }
    }

    /// The most frequent entity type of a word's counts (ties to the first).
    fn majority(c: &[u16]) -> Option<(usize, u16, u16)> {
        let total: u16 = c.iter().fold(0u16, |a, &b| a.saturating_add(b));
        let (best, &n) = c
            .iter()
            .enumerate()
            .skip(1)
            .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))?;
        (n > 0).then_some((best - 1, n, total))
    }

    /// Append the document features of a sentence to its first-stage keys.
    pub fn extend(&self, infos: &[TokenInfo], feats: &SentenceFeatures) -> SentenceFeatures {
        self.keys(infos, Some(feats))
    }

    /// The document features of a sentence alone: what [`DocMemory::extend`]
    /// appends to each token's keys.
    pub fn document_keys(&self, infos: &[TokenInfo]) -> SentenceFeatures {
        self.keys(infos, None)
    }

    /// Each token's keys of `base` (when given), then its document features.
    fn keys(&self, infos: &[TokenInfo], base: Option<&SentenceFeatures>) -> SentenceFeatures {
        let n = infos.len();
        let words: Vec<&str> = infos.iter().map(|t| t.w.as_str()).collect();
        let first: Vec<&str> = infos.iter().map(|t| t.stem.as_str()).collect();
        let mut marks = vec![0u64; n];
        for m in self.phrases.find(&words, &first) {
            let ty = self.phrases.labels()[m.label].as_str();
            let bit = self.types.iter().position(|x| x == ty).unwrap_or(0);
            marks[m.start] |= 1 << (2 * bit);
            for x in &mut marks[m.start + 1..m.end] {
                *x |= 1 << (2 * bit + 1);
            }
        }
        let counts: Vec<Option<&Vec<u16>>> = infos
            .iter()
            .map(|ti| self.tokens.get(ti.bare.as_str()))
            .collect();
        let maj: Vec<Option<(usize, u16, u16)>> = counts
            .iter()
            .map(|c| c.and_then(|c| Self::majority(c)))
            .collect();
        let mut keys = Vec::with_capacity(base.map_or(0, |f| f.keys.len()) + 6 * n);
        let mut offsets = vec![0];
        for i in 0..n {
            if let Some(f) = base {
                keys.extend_from_slice(f.token(i));
            }
            if let Some(c) = counts[i] {
                let total: u16 = c.iter().fold(0u16, |a, &b| a.saturating_add(b));
                let ent = total - c[0];
                keys.push(key(
                    t::SHARE,
                    &[bucket_share(ent, total), bucket_count(total)],
                ));
                for (ty, &k) in c.iter().enumerate().skip(1) {
                    if k > 0 {
                        keys.push(key(t::TYPE, &[ty as u8, bucket_share(k, total)]));
                    }
                }
            }
            if let Some((ty, _, _)) = maj[i] {
                keys.push(key(t::MAJORITY, &[ty as u8]));
            }
            if i > 0 {
                if let Some((ty, _, _)) = maj[i - 1] {
                    keys.push(key(t::MAJORITY_PREV, &[ty as u8]));
                }
            }
            if let Some(Some((ty, _, _))) = maj.get(i + 1) {
                keys.push(key(t::MAJORITY_NEXT, &[*ty as u8]));
            }
            for bit in 0..2 * MAX_LABELS {
                if marks[i] >> bit & 1 == 1 {
                    keys.push(key(t::PHRASE, &[bit as u8]));
                }
            }
            offsets.push(keys.len());
        }
        SentenceFeatures { keys, offsets }
    }
}

fn key(id: u8, bytes: &[u8]) -> u64 {
    let mut h = Fnv::with_template(id);
    h.bytes(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::super::clusters::Clusters;
    use super::super::features::{features, sentence_info};
    use super::*;

    #[test]
    fn predictions_elsewhere_become_features() {
        let labels = Labels::new(vec!["LOC".into(), "PERS".into()]);
        let g = Gazetteer::new();
        let s1 = sentence_info(&["قال", "المدرب", "فينغر"], &g);
        let s2 = sentence_info(&["وأكد", "فينغر", "أمس"], &g);
        let pers = Labels::begin(1);
        let tags = vec![vec![0, 0, pers], vec![0, 0, 0]];
        let memory = DocMemory::build(&[s1.clone(), s2.clone()], &tags, &labels);
        let f = features(&s2, &Clusters::new());
        let ext = memory.extend(&s2, &f);
        let alone = memory.document_keys(&s2);
        for i in 0..s2.len() {
            assert_eq!(&ext.token(i)[f.token(i).len()..], alone.token(i));
        }
        // The first-stage keys come first, unchanged.
        assert_eq!(&ext.token(1)[..f.token(1).len()], f.token(1));
        let added: Vec<u64> = ext.token(1)[f.token(1).len()..].to_vec();
        assert!(added.contains(&key(t::MAJORITY, &[1])));
        assert!(added.contains(&key(t::PHRASE, &[2])), "B of a PERS string");
        // "أمس" was never tagged: no majority, no phrase match.
        let rest = &ext.token(2)[f.token(2).len()..];
        assert!(!rest.contains(&key(t::MAJORITY, &[0])) && !rest.contains(&key(t::MAJORITY, &[1])));
        assert!(rest.iter().all(|k| *k != key(t::PHRASE, &[2])));
        // The previous token's majority is a feature of the next one.
        assert!(ext.token(2).contains(&key(t::MAJORITY_PREV, &[1])));
    }
}
