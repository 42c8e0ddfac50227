//! The tag coding a perceptron model decodes in. Taggers return BIO tags (the
//! layout of [`Labels`]); a model may learn and decode in BILOU instead (Ratinov
//! & Roth 2009): `B-X`, `I-X`, `L-X` (last token) and `U-X` (a one-token
//! entity), so a first-order chain has a state for "this token ends the name"
//! and learns where names end, not only where they start.

use super::labels::{spans, Labels, O};

/// A tag coding. BIO tags are laid out as [`Labels`] lays them out; BILOU tags
/// are `O`, then `B-X`, `I-X`, `L-X`, `U-X` for each entity type `X`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// Begin, inside, outside.
    #[default]
    Bio,
    /// Begin, inside, last, outside, unit.
    Bilou,
}

/// Positions of a BILOU tag within its type's block.
const BEGIN: usize = 0;
const INSIDE: usize = 1;
const LAST: usize = 2;
const UNIT: usize = 3;

impl Scheme {
    /// The scheme's name, as the command line and the model file spell it.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Bio => "bio",
            Scheme::Bilou => "bilou",
        }
    }

    /// The scheme named `name` (`"bio"`, `"bilou"`).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "bio" => Some(Scheme::Bio),
            "bilou" => Some(Scheme::Bilou),
            _ => None,
        }
    }

    fn width(self) -> usize {
        match self {
            Scheme::Bio => 2,
            Scheme::Bilou => 4,
        }
    }

    /// Number of tags over `n_types` entity types.
    pub fn n_tags(self, n_types: usize) -> usize {
        1 + self.width() * n_types
    }

    /// `(type, position in the type's block)` of a non-`O` tag.
    fn part(self, tag: usize) -> Option<(usize, usize)> {
        (tag != O).then(|| ((tag - 1) / self.width(), (tag - 1) % self.width()))
    }

    /// The BIO tag of one of this scheme's tags (`U-X` → `B-X`, `L-X` → `I-X`).
    pub fn to_bio(self, tag: usize) -> usize {
        match (self, self.part(tag)) {
            (Scheme::Bio, _) | (_, None) => tag,
            (Scheme::Bilou, Some((ty, BEGIN | UNIT))) => Labels::begin(ty),
            (Scheme::Bilou, Some((ty, _))) => Labels::inside(ty),
        }
    }

    /// This scheme's tags as BIO tags.
    pub fn decode(self, tags: &[usize]) -> Vec<usize> {
        tags.iter().map(|&t| self.to_bio(t)).collect()
    }

    /// Per-token probabilities of this scheme's tags (`n × self.n_tags(n_types)`)
    /// as probabilities of BIO tags (`n × (1 + 2 n_types)`): each BIO tag's is
    /// the sum over the tags written as it (BILOU: `B-X` and `U-X` for `B-X`).
    pub fn bio_marginals(self, probs: &[f32], n_types: usize) -> Vec<f32> {
        if self == Scheme::Bio {
            return probs.to_vec();
        }
        let (from, to) = (self.n_tags(n_types), Scheme::Bio.n_tags(n_types));
        let mut out = vec![0f32; probs.len() / from * to];
        for (row, dst) in probs.chunks_exact(from).zip(out.chunks_exact_mut(to)) {
            for (y, &p) in row.iter().enumerate() {
                dst[self.to_bio(y)] += p;
            }
        }
        out
    }

    /// BIO tags in this scheme; entities are read as [`spans`] reads them (an
    /// orphan `I-X` starts one).
    pub fn encode(self, bio: &[usize]) -> Vec<usize> {
        let mut out = vec![O; bio.len()];
        for (s, e, ty) in spans(bio) {
            match self {
                Scheme::Bio => {
                    out[s] = Labels::begin(ty);
                    out[s + 1..e].fill(Labels::inside(ty));
                }
                Scheme::Bilou => {
                    let base = 1 + 4 * ty;
                    if e - s == 1 {
                        out[s] = base + UNIT;
                    } else {
                        out[s] = base + BEGIN;
                        out[s + 1..e - 1].fill(base + INSIDE);
                        out[e - 1] = base + LAST;
                    }
                }
            }
        }
        out
    }

    /// Whether the transition `prev -> next` is allowed (`prev = None` at the
    /// start of a sentence). BIO: `I-X` only after `B-X` or `I-X`. BILOU: after
    /// `B-X` or `I-X` only `I-X` or `L-X`, which come after nothing else.
    pub fn allowed(self, prev: Option<usize>, next: usize) -> bool {
        match self {
            Scheme::Bio => Labels::allowed(prev, next),
            Scheme::Bilou => {
                let open = prev
                    .and_then(|p| self.part(p))
                    .filter(|&(_, pos)| pos == BEGIN || pos == INSIDE)
                    .map(|(ty, _)| ty);
                let continues = self
                    .part(next)
                    .filter(|&(_, pos)| pos == INSIDE || pos == LAST)
                    .map(|(ty, _)| ty);
                match (open, continues) {
                    (Some(a), Some(b)) => a == b,
                    (None, None) => true,
                    _ => false,
                }
            }
        }
    }

    /// Whether a sentence may end on `tag` (BILOU: not inside an open entity).
    pub fn may_end(self, tag: usize) -> bool {
        !matches!(
            (self, self.part(tag)),
            (Scheme::Bilou, Some((_, BEGIN | INSIDE)))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_codes_and_decodes_bio() {
        let l = Labels::new(vec!["LOC".into(), "PERS".into()]);
        let bio = |s: &str| -> Vec<usize> { s.split(' ').map(|x| l.parse(x).unwrap()).collect() };
        // PERS = type 1: B 5, I 6, L 7, U 8; LOC = type 0: B 1, I 2, L 3, U 4.
        let tags = bio("B-PERS I-PERS I-PERS O B-LOC B-LOC I-LOC O B-PERS");
        let coded = Scheme::Bilou.encode(&tags);
        assert_eq!(coded, vec![5, 6, 7, 0, 4, 1, 3, 0, 8]);
        assert_eq!(Scheme::Bilou.decode(&coded), tags);
        // An orphan I- starts an entity, as conlleval reads it.
        let orphan = bio("I-LOC I-LOC O I-PERS");
        assert_eq!(Scheme::Bilou.encode(&orphan), vec![1, 3, 0, 8]);
        assert_eq!(Scheme::Bio.encode(&orphan), bio("B-LOC I-LOC O B-PERS"));
        assert_eq!(Scheme::Bio.decode(&tags), tags);
        assert_eq!(Scheme::Bilou.n_tags(2), 9);
        // BILOU marginals as BIO: O, B-LOC (B + U), I-LOC (I + L), B-PERS, I-PERS.
        let probs = [0.1, 0.2, 0.0, 0.0, 0.3, 0.1, 0.1, 0.1, 0.1];
        let bio_p = Scheme::Bilou.bio_marginals(&probs, 2);
        let want = [0.1, 0.5, 0.0, 0.2, 0.2];
        assert!(
            bio_p.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-6),
            "{bio_p:?}"
        );
        assert_eq!(Scheme::Bio.bio_marginals(&want, 2), want);
        assert_eq!(Scheme::Bio.n_tags(2), 5);
    }

    #[test]
    fn bilou_constraints() {
        let s = Scheme::Bilou;
        // From the start, O, B- and U- only.
        let starts: Vec<usize> = (0..9).filter(|&t| s.allowed(None, t)).collect();
        assert_eq!(starts, vec![0, 1, 4, 5, 8]);
        // After B-LOC, I-LOC or L-LOC only; after L-LOC, what may start.
        let after_b: Vec<usize> = (0..9).filter(|&t| s.allowed(Some(1), t)).collect();
        assert_eq!(after_b, vec![2, 3]);
        let after_l: Vec<usize> = (0..9).filter(|&t| s.allowed(Some(3), t)).collect();
        assert_eq!(after_l, starts);
        let ends: Vec<usize> = (0..9).filter(|&t| s.may_end(t)).collect();
        assert_eq!(ends, vec![0, 3, 4, 7, 8]);
        // Every encoded sequence obeys the constraints.
        let coded = [5, 6, 7, 0, 4, 1, 3, 0, 8];
        let mut prev = None;
        for &t in &coded {
            assert!(s.allowed(prev, t), "{prev:?} -> {t}");
            prev = Some(t);
        }
        assert!(s.may_end(8));
        assert_eq!(Scheme::parse(s.name()), Some(s));
        assert_eq!(Scheme::parse("bioes"), None);
    }
}
