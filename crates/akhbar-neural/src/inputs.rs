//! Sparse inputs of one token: hashed ids of what the perceptron's analysis
//! reads ([`akhbar_core::entities::features::token_info`]), each the row of
//! an embedding table the network sums into the token's vector.

use std::sync::Arc;

use akhbar_core::entities::clusters::{Clusters, PREFIXES};
use akhbar_core::entities::features::{mark_gazetteer, token_info, TokenInfo};
use akhbar_core::entities::hash::Fnv;
use akhbar_core::entities::{Gazetteer, Model};

use crate::stack::perceptron_marginals;
use crate::vectors::Vectors;

/// Most ids one token has; shorter lists are padded with [`Inputs::PAD`].
pub const MAX_IDS: usize = 32;

/// The word's identity ids (word, stem, bare stem) come first in a token's
/// list; word dropout hides exactly these.
pub const IDENTITY: usize = 3;

/// Template ids (part of the model: changing them changes every id).
mod t {
    pub const W: u8 = 1;
    pub const STEM: u8 = 2;
    pub const BARE: u8 = 3;
    pub const PREFIX: u8 = 4;
    pub const SUFFIX: u8 = 5;
    pub const KIND: u8 = 6;
    pub const TRIGGER: u8 = 7;
    pub const GAZ: u8 = 8;
    pub const CLUSTER: u8 = 9;
    pub const NO_CLUSTER: u8 = 10;
    pub const LENGTH: u8 = 11;
    pub const MASK: u8 = 12;
}

/// The ids of every token of a sentence, `MAX_IDS` per token.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    /// `len × MAX_IDS` ids in `0..buckets`, [`Inputs::PAD`] after the last.
    pub ids: Vec<u32>,
    /// Per token, its row in the pre-trained vectors or [`Inputs::NO_VECTOR`].
    pub vector_rows: Vec<u32>,
    /// Per token, the stacked perceptron's BIO marginals (`len × stack
    /// width`; empty without a stacked perceptron).
    pub stack: Vec<f32>,
    /// Tokens.
    pub len: usize,
}

impl Inputs {
    /// The padding id: never read (its weight is zero).
    pub const PAD: u32 = 0;
    /// A token without a pre-trained vector.
    pub const NO_VECTOR: u32 = u32::MAX;

    /// Replace all of token `t`'s ids by the one `mask_id`
    /// ([`InputSpace::mask_id`]: pre-training hides the word it predicts).
    pub fn mask(&mut self, t: usize, mask_id: u32) {
        let row = &mut self.ids[t * MAX_IDS..(t + 1) * MAX_IDS];
        row.fill(Self::PAD);
        row[0] = mask_id;
    }
}

/// What turns tokens into ids: the gazetteer and clusters the perceptron
/// uses, and the size of the hashed table.
#[derive(Debug, Clone, Default)]
pub struct InputSpace {
    pub gazetteer: Gazetteer,
    pub clusters: Clusters,
    /// Rows of the embedding table (ids fall in `1..buckets`).
    pub buckets: u32,
    /// Pre-trained word vectors, if any.
    pub vectors: Option<Arc<Vectors>>,
    /// The perceptron whose marginals are inputs (stacking), if any.
    pub stack: Option<Arc<Model>>,
}

impl InputSpace {
    /// The ids of one sentence's tokens.
    pub fn sentence(&self, tokens: &[&str]) -> Inputs {
        let mut infos: Vec<TokenInfo> = tokens.iter().map(|t| token_info(t)).collect();
        mark_gazetteer(&mut infos, &self.gazetteer);
        let mut ids = Vec::with_capacity(infos.len() * MAX_IDS);
        for info in &infos {
            let start = ids.len();
            self.token(info, &mut ids);
            ids.resize(start + MAX_IDS, Inputs::PAD);
        }
        let vector_rows = match &self.vectors {
            Some(v) => tokens
                .iter()
                .zip(&infos)
                .map(|(raw, i)| {
                    v.row(&[raw, &i.w, &i.stem, &i.bare])
                        .unwrap_or(Inputs::NO_VECTOR)
                })
                .collect(),
            None => vec![Inputs::NO_VECTOR; infos.len()],
        };
        Inputs {
            ids,
            vector_rows,
            stack: Vec::new(),
            len: infos.len(),
        }
    }

    /// Width of the stacked inputs per token (0 without a stacked perceptron).
    pub fn stack_dim(&self) -> usize {
        self.stack.as_ref().map_or(0, |m| m.labels().n_tags())
    }

    /// The ids of a document's sentences, with the stacked perceptron's
    /// marginals over the whole document when there is one.
    pub fn document(&self, sentences: &[Vec<&str>]) -> Vec<Inputs> {
        let mut inputs: Vec<Inputs> = sentences.iter().map(|s| self.sentence(s)).collect();
        if let Some(model) = &self.stack {
            for (x, m) in inputs
                .iter_mut()
                .zip(perceptron_marginals(model, sentences))
            {
                x.stack = m;
            }
        }
        inputs
    }

    /// The one id a masked token has in pre-training ([`crate::pretrain`]).
    pub fn mask_id(&self) -> u32 {
        self.id(Fnv::with_template(t::MASK))
    }

    /// A token's word-cluster path: its folded form's, else its stem's (the
    /// cluster its inputs read).
    pub fn cluster_path(&self, token: &str) -> Option<&str> {
        self.cluster_of(&token_info(token))
    }

    fn cluster_of(&self, info: &TokenInfo) -> Option<&str> {
        self.clusters
            .get(&info.w)
            .or_else(|| self.clusters.get(&info.stem))
    }

    fn id(&self, h: Fnv) -> u32 {
        1 + (h.finish() % u64::from(self.buckets - 1)) as u32
    }

    fn hashed(&self, template: u8, s: &str) -> u32 {
        let mut h = Fnv::with_template(template);
        h.str(s);
        self.id(h)
    }

    /// Push at most `MAX_IDS` ids of one token, identity first.
    fn token(&self, info: &TokenInfo, out: &mut Vec<u32>) {
        out.push(self.hashed(t::W, &info.w));
        out.push(self.hashed(t::STEM, &info.stem));
        out.push(self.hashed(t::BARE, &info.bare));
        let chars: Vec<char> = info.bare.chars().collect();
        for n in 1..=3.min(chars.len()) {
            let p: String = chars[..n].iter().collect();
            let s: String = chars[chars.len() - n..].iter().collect();
            out.push(self.hashed(t::PREFIX, &p));
            out.push(self.hashed(t::SUFFIX, &s));
        }
        let mut h = Fnv::with_template(t::KIND);
        h.byte(info.kind as u8);
        out.push(self.id(h));
        let mut h = Fnv::with_template(t::LENGTH);
        h.byte(chars.len().min(12) as u8);
        out.push(self.id(h));
        for bit in 0..3 {
            if info.trig >> bit & 1 == 1 {
                let mut h = Fnv::with_template(t::TRIGGER);
                h.byte(bit);
                out.push(self.id(h));
            }
        }
        let mut gaz = info.gaz;
        while gaz != 0 && out.len() % MAX_IDS < MAX_IDS - PREFIXES.len() - 1 {
            let bit = gaz.trailing_zeros();
            gaz &= gaz - 1;
            let mut h = Fnv::with_template(t::GAZ);
            h.byte(bit as u8);
            out.push(self.id(h));
        }
        match self.cluster_of(info) {
            Some(path) => {
                for &n in &PREFIXES {
                    let mut h = Fnv::with_template(t::CLUSTER);
                    h.byte(n as u8);
                    h.str(&path[..n.min(path.len())]);
                    out.push(self.id(h));
                }
            }
            None => out.push(self.id(Fnv::with_template(t::NO_CLUSTER))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn space() -> InputSpace {
        let mut gazetteer = Gazetteer::new();
        gazetteer.add("LOC", "دير الزور").unwrap();
        let mut clusters = Clusters::new();
        clusters.insert("الرياض".into(), "0110100111".into());
        InputSpace {
            gazetteer,
            clusters,
            buckets: 1 << 12,
            vectors: None,
            stack: None,
        }
    }

    #[test]
    fn ids_are_padded_in_range_and_identity_first() {
        let s = space();
        let x = s.sentence(&["وصل", "إلى", "الرياض", "من", "دير", "الزور", "."]);
        assert_eq!(x.len, 7);
        assert_eq!(x.ids.len(), 7 * MAX_IDS);
        assert!(x.ids.iter().all(|&i| i < s.buckets));
        // Each token has its identity ids and then some, then padding only.
        for tok in x.ids.chunks(MAX_IDS) {
            let used = tok.iter().take_while(|&&i| i != Inputs::PAD).count();
            assert!(used > IDENTITY, "{tok:?}");
            assert!(tok[used..].iter().all(|&i| i == Inputs::PAD));
        }
    }

    #[test]
    fn clitics_share_the_stem_and_gazetteer_marks_show() {
        let s = space();
        let a = s.sentence(&["بالرياض"]);
        let b = s.sentence(&["الرياض"]);
        // Different word ids, same stem and bare-stem ids.
        assert_ne!(a.ids[0], b.ids[0]);
        assert_eq!(a.ids[1..3], b.ids[1..3]);
        // "دير الزور" in the gazetteer: the two tokens get ids that "دير" alone lacks.
        let inside = s.sentence(&["دير", "الزور"]);
        let alone = s.sentence(&["دير", "القمر"]);
        assert_ne!(inside.ids[..MAX_IDS], alone.ids[..MAX_IDS]);
        // Same input, same ids (stable hashing).
        assert_eq!(s.sentence(&["الرياض"]), b);
    }
}
