//! Word clusters of a class bigram model (Brown et al. 1992), learned top
//! down: the vocabulary is split in two, then each class in two again, and
//! so on, each split refined by the exchange algorithm (Kneser & Ney 1993;
//! Martin et al. 1998), which moves a word to its sibling class whenever
//! that raises the likelihood of the text under the model
//! `P(w_i | w_{i-1}) = P(c(w_i) | c(w_{i-1})) P(w_i | c(w_i))`, with every
//! class of the level in play. A word's path is its sequence of choices, so
//! paths share prefixes as Brown clusters do and feed the same features.
//! Where [`super::cluster_learn`] groups words by their neighbours' words,
//! this groups them by how they predict and are predicted by each other's
//! classes. Deterministic: fixed initialisation, fixed order, one thread.

use foldhash::{HashMap, HashMapExt};

use super::cluster_learn::StemCorpus;
use super::clusters::Clusters;

/// Settings of [`learn_exchange_clusters`].
#[derive(Debug, Clone)]
pub struct ExchangeOptions {
    /// Words seen fewer times get no cluster (they share one "rare" word).
    pub min_count: u32,
    /// Maximum path length in bits.
    pub depth: usize,
    /// A class of fewer words is not split further.
    pub min_size: usize,
    /// Most passes over a level's words.
    pub iterations: usize,
}

impl Default for ExchangeOptions {
    fn default() -> Self {
        Self {
            min_count: 3,
            depth: 18,
            min_size: 8,
            iterations: 10,
        }
    }
}

fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// A word's bigram counts with the other words, both ways.
struct Bigrams {
    next: Vec<Vec<(u32, u32)>>,
    prev: Vec<Vec<(u32, u32)>>,
}

impl Bigrams {
    fn new(seqs: impl Iterator<Item = Vec<u32>>, n: usize) -> Self {
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        for s in seqs {
            for w in s.windows(2) {
                *pairs.entry((w[0], w[1])).or_default() += 1;
            }
        }
        let mut next = vec![Vec::new(); n];
        let mut prev = vec![Vec::new(); n];
        let mut all: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
        all.sort_unstable();
        for ((a, b), c) in all {
            next[a as usize].push((b, c));
            prev[b as usize].push((a, c));
        }
        Self { next, prev }
    }

    /// How many bigrams word `w` begins and ends.
    fn totals(&self, w: usize) -> (u64, u64) {
        let sum = |l: &[(u32, u32)]| l.iter().map(|&(_, c)| u64::from(c)).sum();
        (sum(&self.next[w]), sum(&self.prev[w]))
    }
}

/// The class bigram counts and class totals of one level.
struct ClassCounts {
    pairs: HashMap<u64, u64>,
    left: Vec<u64>,
    right: Vec<u64>,
}

fn pair(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl ClassCounts {
    fn get(&self, a: u32, b: u32) -> f64 {
        self.pairs.get(&pair(a, b)).copied().unwrap_or(0) as f64
    }

    fn add(&mut self, a: u32, b: u32, n: i64) {
        if n == 0 {
            return;
        }
        let e = self.pairs.entry(pair(a, b)).or_default();
        *e = e.checked_add_signed(n).expect("class count below zero");
        if *e == 0 {
            self.pairs.remove(&pair(a, b));
        }
    }
}

/// One word's bigram counts grouped by the other word's class: dense scratch
/// arrays with the list of classes touched.
struct Grouped {
    out: Vec<u64>,
    inn: Vec<u64>,
    touched_out: Vec<u32>,
    touched_in: Vec<u32>,
    /// Bigrams of the word with itself.
    own: u64,
}

impl Grouped {
    fn new(classes: usize) -> Self {
        Self {
            out: vec![0; classes],
            inn: vec![0; classes],
            touched_out: Vec::new(),
            touched_in: Vec::new(),
            own: 0,
        }
    }

    fn fill(&mut self, w: u32, bigrams: &Bigrams, class: &[u32]) {
        for &c in &self.touched_out {
            self.out[c as usize] = 0;
        }
        for &c in &self.touched_in {
            self.inn[c as usize] = 0;
        }
        self.touched_out.clear();
        self.touched_in.clear();
        self.own = 0;
        for &(v, n) in &bigrams.next[w as usize] {
            if v == w {
                self.own += u64::from(n);
                continue;
            }
            let c = class[v as usize];
            if self.out[c as usize] == 0 {
                self.touched_out.push(c);
            }
            self.out[c as usize] += u64::from(n);
        }
        for &(u, n) in &bigrams.prev[w as usize] {
            if u == w {
                continue;
            }
            let c = class[u as usize];
            if self.inn[c as usize] == 0 {
                self.touched_in.push(c);
            }
            self.inn[c as usize] += u64::from(n);
        }
    }

    /// Add (`sign` 1) or remove (-1) the word's counts to or from class `x`.
    fn apply(&self, x: u32, sign: i64, counts: &mut ClassCounts, left: u64, right: u64) {
        for &d in &self.touched_out {
            counts.add(x, d, sign * self.out[d as usize] as i64);
        }
        for &c in &self.touched_in {
            counts.add(c, x, sign * self.inn[c as usize] as i64);
        }
        counts.add(x, x, sign * self.own as i64);
        let (l, r) = (&mut counts.left[x as usize], &mut counts.right[x as usize]);
        *l = l
            .checked_add_signed(sign * left as i64)
            .expect("class total");
        *r = r
            .checked_add_signed(sign * right as i64)
            .expect("class total");
    }

    /// The log-likelihood gained by putting the word (now in no class) in
    /// class `x`.
    fn gain(&self, x: u32, counts: &ClassCounts, left: u64, right: u64) -> f64 {
        // Cells off the diagonal gain the word's counts with each class;
        // its counts with `x` itself go to the diagonal cell.
        let side = |touched: &[u32], vals: &[u64], cell: &dyn Fn(u32) -> f64| {
            let (mut g, mut diag) = (0.0, 0.0);
            for &d in touched {
                let n = vals[d as usize] as f64;
                if d == x {
                    diag += n;
                } else {
                    let m = cell(d);
                    g += xlogx(m + n) - xlogx(m);
                }
            }
            (g, diag)
        };
        let (g_out, d_out) = side(&self.touched_out, &self.out, &|d| counts.get(x, d));
        let (g_in, d_in) = side(&self.touched_in, &self.inn, &|c| counts.get(c, x));
        let (mut g, diag) = (g_out + g_in, self.own as f64 + d_out + d_in);
        let m = counts.get(x, x);
        g += xlogx(m + diag) - xlogx(m);
        let (l, r) = (
            counts.left[x as usize] as f64,
            counts.right[x as usize] as f64,
        );
        g - (xlogx(l + left as f64) - xlogx(l)) - (xlogx(r + right as f64) - xlogx(r))
    }
}

/// Learn top-down class bigram clusters of the stems of `sentences` (raw
/// tokens): each stem seen `min_count` times or more gets a bit-string path.
pub fn learn_exchange_clusters(sentences: &[Vec<String>], opts: &ExchangeOptions) -> Clusters {
    let corpus = StemCorpus::new(sentences);
    // Vocabulary words by rank; every rarer stem is one word, and the
    // sentence boundary another (neither gets a path).
    let vocab: Vec<u32> = corpus
        .order
        .iter()
        .copied()
        .filter(|&w| corpus.counts[w as usize] >= opts.min_count)
        .collect();
    let n = vocab.len();
    let (rare, boundary) = (n as u32, n as u32 + 1);
    let mut id_of = vec![rare; corpus.words.len()];
    for (r, &w) in vocab.iter().enumerate() {
        id_of[w as usize] = r as u32;
    }
    let seqs = corpus.seqs.iter().map(|s| {
        let mut v = Vec::with_capacity(s.len() + 2);
        v.push(boundary);
        v.extend(s.iter().map(|&w| id_of[w as usize]));
        v.push(boundary);
        v
    });
    let bigrams = Bigrams::new(seqs, n + 2);
    let (left, right): (Vec<u64>, Vec<u64>) = (0..n + 2).map(|w| bigrams.totals(w)).unzip();

    // Every word starts in class 0; a class splits into itself and a new one.
    let words = n + 2;
    let mut class = vec![0u32; words];
    let mut paths = vec![String::new(); n];
    let mut open = vec![true]; // per class: may still split
    for _level in 0..opts.depth {
        let classes = open.len();
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); classes];
        for w in 0..words as u32 {
            members[class[w as usize] as usize].push(w);
        }
        // New classes: the second half of each class that splits, words
        // alternating by rank.
        let mut sibling: Vec<Option<u32>> = vec![None; classes];
        for c in 0..classes {
            let m = &members[c];
            let vocab_words = m.iter().filter(|&&w| (w as usize) < n).count();
            if !open[c] || vocab_words < opts.min_size {
                open[c] = false;
                continue;
            }
            let s = open.len() as u32;
            open.push(true);
            sibling[c] = Some(s);
            for &w in m.iter().skip(1).step_by(2) {
                class[w as usize] = s;
            }
        }
        let total = open.len();
        sibling.resize(total, None);
        for c in 0..classes {
            if let Some(s) = sibling[c] {
                sibling[s as usize] = Some(c as u32);
            }
        }
        if total == classes {
            break;
        }
        let mut counts = ClassCounts {
            pairs: HashMap::new(),
            left: vec![0; total],
            right: vec![0; total],
        };
        for w in 0..words {
            let a = class[w];
            for &(v, c) in &bigrams.next[w] {
                counts.add(a, class[v as usize], i64::from(c));
            }
            counts.left[a as usize] += left[w];
            counts.right[a as usize] += right[w];
        }
        let mut size = vec![0usize; total];
        for &c in &class {
            size[c as usize] += 1;
        }
        let mut g = Grouped::new(total);
        for _ in 0..opts.iterations {
            let mut moves = 0usize;
            for w in 0..words as u32 {
                let a = class[w as usize];
                let Some(b) = sibling[a as usize] else {
                    continue;
                };
                if size[a as usize] == 1 {
                    continue;
                }
                g.fill(w, &bigrams, &class);
                let (l, r) = (left[w as usize], right[w as usize]);
                g.apply(a, -1, &mut counts, l, r);
                let to = if g.gain(b, &counts, l, r) > g.gain(a, &counts, l, r) + 1e-9 {
                    b
                } else {
                    a
                };
                g.apply(to, 1, &mut counts, l, r);
                if to != a {
                    class[w as usize] = to;
                    size[a as usize] -= 1;
                    size[to as usize] += 1;
                    moves += 1;
                }
            }
            if moves * 1000 < words {
                break;
            }
        }
        // A split that left one side without vocabulary words is undone.
        let mut vocab_size = vec![0usize; total];
        for &c in &class[..n] {
            vocab_size[c as usize] += 1;
        }
        let mut merged: Vec<u32> = (0..total as u32).collect();
        for c in 0..classes {
            if let Some(s) = sibling[c] {
                if vocab_size[c] == 0 || vocab_size[s as usize] == 0 {
                    merged[s as usize] = c as u32;
                    open[c] = false;
                    open[s as usize] = false;
                    sibling[s as usize] = None;
                    sibling[c] = None;
                }
            }
        }
        for x in class.iter_mut() {
            *x = merged[*x as usize];
        }
        for (w, path) in paths.iter_mut().enumerate() {
            let c = class[w];
            if let Some(s) = sibling[c as usize] {
                path.push(if c < s { '0' } else { '1' });
            }
        }
    }
    let mut out = Clusters::new();
    for (r, &w) in vocab.iter().enumerate() {
        let p = if paths[r].is_empty() { "0" } else { &paths[r] };
        out.insert(corpus.words[w as usize].clone(), p.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::rng::SplitMix;
    use super::*;

    const FOOTBALL: &str = "الفريق فاز المباراة الهدف اللاعب المدرب الملعب الدوري";
    const WEATHER: &str = "الطقس المطر الرياح الحرارة الشمس الغيوم البرد الثلج";

    /// Sentences about football and about the weather, never mixed.
    fn corpus() -> Vec<Vec<String>> {
        let mut rng = SplitMix(7);
        let mut s = Vec::new();
        for topic in [FOOTBALL, WEATHER] {
            let words: Vec<&str> = topic.split(' ').collect();
            for _ in 0..40 {
                s.push((0..8).map(|_| words[rng.below(8)].to_string()).collect());
            }
        }
        s
    }

    #[test]
    fn words_of_one_topic_share_the_first_split_and_a_rebuild_is_the_same() {
        let opts = ExchangeOptions {
            min_size: 2,
            depth: 3,
            ..Default::default()
        };
        let c = learn_exchange_clusters(&corpus(), &opts);
        let first = |w: &str| c.get(w).unwrap().chars().next().unwrap();
        let firsts = |topic: &str| {
            topic
                .split(' ')
                .map(first)
                .collect::<std::collections::BTreeSet<_>>()
        };
        assert_eq!(firsts(FOOTBALL).len(), 1);
        assert_eq!(firsts(WEATHER).len(), 1);
        assert_ne!(first("الفريق"), first("الطقس"));
        assert_eq!(learn_exchange_clusters(&corpus(), &opts), c);
    }

    #[test]
    fn moves_keep_the_class_counts_and_gains_are_changes_of_the_likelihood() {
        // After a level's exchanges the incremental counts equal counts
        // recomputed from the words' final classes.
        let words = 6usize;
        let seqs = vec![vec![0u32, 1, 2, 3, 2, 1, 0], vec![4, 5, 4, 5, 0]];
        let bigrams = Bigrams::new(seqs.clone().into_iter(), words);
        let class = vec![0u32, 1, 0, 1, 0, 1];
        let fresh = |class: &[u32]| {
            let mut c = ClassCounts {
                pairs: HashMap::new(),
                left: vec![0; 2],
                right: vec![0; 2],
            };
            for s in &seqs {
                for p in s.windows(2) {
                    c.add(class[p[0] as usize], class[p[1] as usize], 1);
                    c.left[class[p[0] as usize] as usize] += 1;
                    c.right[class[p[1] as usize] as usize] += 1;
                }
            }
            c
        };
        let mut counts = fresh(&class);
        let mut moved = class.clone();
        let mut g = Grouped::new(2);
        for w in [2u32, 5] {
            let (l, r) = bigrams.totals(w as usize);
            g.fill(w, &bigrams, &moved);
            let a = moved[w as usize];
            g.apply(a, -1, &mut counts, l, r);
            g.apply(1 - a, 1, &mut counts, l, r);
            moved[w as usize] = 1 - a;
        }
        let want = fresh(&moved);
        // The gain of a move is the change of the log-likelihood.
        let objective = |c: &ClassCounts| {
            let mut f = 0.0;
            for a in 0..2 {
                for b in 0..2 {
                    f += xlogx(c.get(a, b));
                }
                f -= xlogx(c.left[a as usize] as f64) + xlogx(c.right[a as usize] as f64);
            }
            f
        };
        for w in 0..words as u32 {
            let (l, r) = bigrams.totals(w as usize);
            let mut other = moved.clone();
            other[w as usize] = 1 - moved[w as usize];
            let mut c = fresh(&moved);
            g.fill(w, &bigrams, &moved);
            g.apply(moved[w as usize], -1, &mut c, l, r);
            let delta = g.gain(other[w as usize], &c, l, r) - g.gain(moved[w as usize], &c, l, r);
            let want_delta = objective(&fresh(&other)) - objective(&fresh(&moved));
            assert!(
                (delta - want_delta).abs() < 1e-9,
                "{w}: {delta} {want_delta}"
            );
        }
        assert_eq!(counts.left, want.left);
        assert_eq!(counts.right, want.right);
        for a in 0..2 {
            for b in 0..2 {
                assert_eq!(counts.get(a, b), want.get(a, b), "{a} {b}");
            }
        }
    }
}
