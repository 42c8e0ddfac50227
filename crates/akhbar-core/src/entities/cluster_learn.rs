//! Learning word clusters from unlabeled text: words are described by their
//! neighbours (positive PMI with the words at -2, -1, +1, +2 among the most
//! frequent context words) and split top-down by spherical 2-means, giving
//! each word a bit-string path as Brown clustering does (shared prefixes =
//! similar contexts). Deterministic: fixed initialisation, fixed order.

use std::collections::HashMap;
use std::path::Path;

use super::clusters::Clusters;
use super::features::token_info;
use crate::error::{Error, Result};
use crate::text::tokenize::tokenize_chars;
use crate::text::TokenizeOptions;

/// Settings of [`learn_clusters`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Words seen fewer times get no cluster.
    pub min_count: u32,
    /// Number of most frequent words used as contexts.
    pub contexts: usize,
    /// Maximum path length in bits.
    pub depth: usize,
    /// A set of fewer words is not split further.
    pub min_size: usize,
    /// 2-means iterations per split.
    pub iterations: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        Self {
            min_count: 3,
            contexts: 1000,
            depth: 18,
            min_size: 8,
            iterations: 8,
        }
    }
}

type Sparse = Vec<(u32, f32)>;

/// The token sequences of unlabeled plain text for [`learn_clusters`]: one
/// sequence per non-empty line (a paragraph), tokens as `tokenize` splits them.
pub fn text_sentences(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter_map(|line| {
            let cs: Vec<char> = line.chars().collect();
            let tokens: Vec<String> = tokenize_chars(&cs, TokenizeOptions::default())
                .iter()
                .map(|t| cs[t.start..t.end].iter().collect())
                .collect();
            (!tokens.is_empty()).then_some(tokens)
        })
        .collect()
}

/// [`text_sentences`] of a UTF-8 text file.
pub fn read_text_sentences(path: &Path) -> Result<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    Ok(text_sentences(&text))
}

/// The stems of a tokenized text as ids, ranked by frequency: what both
/// cluster learners start from.
pub(crate) struct StemCorpus {
    /// Each stem's spelling, by id.
    pub words: Vec<String>,
    /// Each stem's token count, by id.
    pub counts: Vec<u32>,
    /// Each sentence as stem ids.
    pub seqs: Vec<Vec<u32>>,
    /// Stem ids by count (descending), then spelling.
    pub order: Vec<u32>,
}

impl StemCorpus {
    /// The stems of `sentences` (raw tokens).
    pub fn new(sentences: &[Vec<String>]) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        let seqs: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| {
                s.iter()
                    .map(|t| {
                        let stem = token_info(t).stem;
                        let id = *ids.entry(stem.clone()).or_insert_with(|| {
                            words.push(stem);
                            counts.push(0);
                            (words.len() - 1) as u32
                        });
                        counts[id as usize] += 1;
                        id
                    })
                    .collect()
            })
            .collect();
        let mut order: Vec<u32> = (0..words.len() as u32).collect();
        order.sort_by(|&a, &b| {
            counts[b as usize]
                .cmp(&counts[a as usize])
                .then_with(|| words[a as usize].cmp(&words[b as usize]))
        });
        Self {
            words,
            counts,
            seqs,
            order,
        }
    }
}

/// Learn clusters of the stems of `sentences` (raw tokens).
pub fn learn_clusters(sentences: &[Vec<String>], opts: &ClusterOptions) -> Clusters {
    let StemCorpus {
        words,
        counts,
        seqs,
        order,
    } = StemCorpus::new(sentences);
    let mut ctx_of = vec![u32::MAX; words.len()];
    for (rank, &w) in order.iter().take(opts.contexts).enumerate() {
        ctx_of[w as usize] = rank as u32;
    }
    let k = opts.contexts as u32 + 2; // + other, + boundary
    let vocab: Vec<u32> = order
        .iter()
        .copied()
        .filter(|&w| counts[w as usize] >= opts.min_count)
        .collect();
    let mut row_of = vec![u32::MAX; words.len()];
    for (r, &w) in vocab.iter().enumerate() {
        row_of[w as usize] = r as u32;
    }
    // Co-occurrence counts per vocabulary word.
    let mut cooc: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    let mut ctx_total: HashMap<u32, f64> = HashMap::new();
    let mut total = 0f64;
    for s in &seqs {
        for (i, &w) in s.iter().enumerate() {
            let r = row_of[w as usize];
            if r == u32::MAX {
                continue;
            }
            for (slot, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                let j = i as isize + d;
                let c = if j < 0 || j as usize >= s.len() {
                    k - 1
                } else {
                    let x = ctx_of[s[j as usize] as usize];
                    if x == u32::MAX {
                        k - 2
                    } else {
                        x
                    }
                };
                let dim = slot as u32 * k + c;
                *cooc[r as usize].entry(dim).or_default() += 1.0;
                *ctx_total.entry(dim).or_default() += 1.0;
                total += 1.0;
            }
        }
    }
    // PPMI vectors, L2-normalized, dimensions ascending.
    let vectors: Vec<Sparse> = cooc
        .iter()
        .map(|m| {
            let n_w: f64 = m.values().map(|&x| f64::from(x)).sum();
            let mut v: Sparse = m
                .iter()
                .filter_map(|(&d, &n)| {
                    let pmi = (f64::from(n) * total / (n_w * ctx_total[&d])).ln();
                    (pmi > 0.0).then_some((d, pmi as f32))
                })
                .collect();
            v.sort_unstable_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                for x in &mut v {
                    x.1 /= norm;
                }
            }
            v
        })
        .collect();
    let dims = 4 * k as usize;
    let mut paths = vec![String::new(); vocab.len()];
    let all: Vec<usize> = (0..vocab.len()).collect();
    split(&all, &vectors, dims, String::new(), opts, &mut paths);
    let mut out = Clusters::new();
    for (r, &w) in vocab.iter().enumerate() {
        out.insert(words[w as usize].clone(), paths[r].clone());
    }
    out
}

fn dot(v: &Sparse, c: &[f32]) -> f32 {
    v.iter().map(|&(d, x)| x * c[d as usize]).sum()
}

fn centroid(set: &[usize], vectors: &[Sparse], dims: usize) -> Vec<f32> {
    let mut c = vec![0f32; dims];
    for &i in set {
        for &(d, x) in &vectors[i] {
            c[d as usize] += x;
        }
    }
    let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in &mut c {
            *x /= norm;
        }
    }
    c
}

/// The members of `set` on side false and on side true.
fn sides(set: &[usize], side: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (&i, &s) in set.iter().zip(side) {
        if s {
            b.push(i)
        } else {
            a.push(i)
        }
    }
    (a, b)
}

/// Split `set` (rows in frequency order) in two and recurse.
fn split(
    set: &[usize],
    vectors: &[Sparse],
    dims: usize,
    prefix: String,
    opts: &ClusterOptions,
    paths: &mut [String],
) {
    let leaf = |paths: &mut [String], p: &str| {
        let p = if p.is_empty() { "0" } else { p };
        for &i in set {
            paths[i] = p.to_string();
        }
    };
    if set.len() < opts.min_size || prefix.len() >= opts.depth {
        return leaf(paths, &prefix);
    }
    // Seeds: the most frequent word, and the word least like it.
    let mut c0 = centroid(&set[..1], vectors, dims);
    let far = set
        .iter()
        .copied()
        .min_by(|&a, &b| {
            dot(&vectors[a], &c0)
                .partial_cmp(&dot(&vectors[b], &c0))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .unwrap_or(set[0]);
    let mut c1 = centroid(&[far], vectors, dims);
    let mut side = vec![false; set.len()];
    for _ in 0..opts.iterations {
        for (k, &i) in set.iter().enumerate() {
            side[k] = dot(&vectors[i], &c1) > dot(&vectors[i], &c0);
        }
        let (a, b) = sides(set, &side);
        if a.is_empty() || b.is_empty() {
            break;
        }
        c0 = centroid(&a, vectors, dims);
        c1 = centroid(&b, vectors, dims);
    }
    let (a, b) = sides(set, &side);
    if a.is_empty() || b.is_empty() {
        return leaf(paths, &prefix);
    }
    split(&a, vectors, dims, format!("{prefix}0"), opts, paths);
    split(&b, vectors, dims, format!("{prefix}1"), opts, paths);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_prefixes() {
        let mut s = Vec::new();
        for city in ["دمشق", "بغداد", "القاهرة"] {
            for _ in 0..5 {
                s.push(vec![
                    "وصل".to_string(),
                    "الى".into(),
                    city.into(),
                    "امس".into(),
                ]);
            }
        }
        for name in ["محمد", "احمد", "علي"] {
            for _ in 0..5 {
                s.push(vec![
                    "قال".to_string(),
                    "السيد".into(),
                    name.into(),
                    "ان".into(),
                ]);
            }
        }
        let opts = ClusterOptions {
            min_size: 2,
            depth: 3,
            ..Default::default()
        };
        let c = learn_clusters(&s, &opts);
        let common = |a: &str, b: &str| {
            let (a, b) = (c.get(a).unwrap(), c.get(b).unwrap());
            a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
        };
        assert!(common("دمشق", "بغداد") > common("دمشق", "علي"));
        assert!(common("احمد", "علي") > common("القاهرة", "احمد"));
        assert_eq!(learn_clusters(&s, &opts), c);
    }

    #[test]
    fn plain_text_gives_one_sequence_per_line() {
        let s = text_sentences("وصل الوفد إلى دمشق، أمس.\n\n  \nقال السيد محمد\n");
        assert_eq!(
            s,
            [
                vec!["وصل", "الوفد", "إلى", "دمشق", "،", "أمس", "."],
                vec!["قال", "السيد", "محمد"],
            ]
        );
    }
}
