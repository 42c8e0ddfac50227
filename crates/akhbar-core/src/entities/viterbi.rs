//! Viterbi decoding of a first-order chain under the constraints of a tag
//! [`Scheme`] (BIO or BILOU).

use super::scheme::Scheme;

/// Transition scores of `n_tags` tags: row 0 is the sentence start, row
/// `p + 1` holds the scores of moving from tag `p`.
pub fn transition_index(n_tags: usize, prev: Option<usize>, next: usize) -> usize {
    prev.map_or(0, |p| p + 1) * n_tags + next
}

/// The moves a scheme allows into each tag `y`: `(p, f(transition p -> y))`
/// with `p` ascending. BILOU allows 97 of its 289 moves over four types, BIO
/// 53 of 81; a forbidden move never wins and has probability 0, so decoding
/// and forward-backward visit only the allowed ones.
struct Moves {
    moves: Vec<(usize, f32)>,
    starts: Vec<usize>,
}

impl Moves {
    fn new(n_tags: usize, transitions: &[f32], scheme: Scheme, f: impl Fn(f32) -> f32) -> Self {
        let mut moves = Vec::with_capacity(n_tags * n_tags);
        let mut starts = Vec::with_capacity(n_tags + 1);
        for y in 0..n_tags {
            starts.push(moves.len());
            for p in 0..n_tags {
                if scheme.allowed(Some(p), y) {
                    moves.push((p, f(transitions[transition_index(n_tags, Some(p), y)])));
                }
            }
        }
        starts.push(moves.len());
        Self { moves, starts }
    }

    /// The allowed moves into `y`.
    fn to(&self, y: usize) -> &[(usize, f32)] {
        &self.moves[self.starts[y]..self.starts[y + 1]]
    }
}

/// The best tag sequence given emission scores (`n × n_tags`, row major) and
/// transition scores (`(n_tags + 1) × n_tags`). Transitions the scheme forbids
/// (BIO: an `I-X` not after `B-X`/`I-X`) are never taken, nor (BILOU) an end
/// inside an entity. Ties go to the lower tag.
pub fn viterbi(
    emissions: &[f32],
    n_tags: usize,
    transitions: &[f32],
    scheme: Scheme,
) -> Vec<usize> {
    let n = emissions.len() / n_tags;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n_tags];
    let mut back = vec![0u8; n * n_tags];
    for (y, s) in score.iter_mut().enumerate() {
        if scheme.allowed(None, y) {
            *s = emissions[y] + transitions[transition_index(n_tags, None, y)];
        }
    }
    let moves = Moves::new(n_tags, transitions, scheme, |t| t);
    let mut next = vec![f32::NEG_INFINITY; n_tags];
    for i in 1..n {
        for y in 0..n_tags {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for &(p, t) in moves.to(y) {
                let s = score[p] + t;
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            next[y] = best + emissions[i * n_tags + y];
            back[i * n_tags + y] = arg as u8;
        }
        std::mem::swap(&mut score, &mut next);
    }
    // `O` may always end a sentence.
    let mut y = 0;
    for (t, &s) in score.iter().enumerate() {
        if s > score[y] && scheme.may_end(t) {
            y = t;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = y;
    for i in (1..n).rev() {
        y = back[i * n_tags + y] as usize;
        out[i - 1] = y;
    }
    out
}

/// Per-token tag probabilities (`n × n_tags`) of the chain whose log-potentials
/// are the scores divided by `temperature`, by scaled forward-backward;
/// what the scheme forbids has probability 0.
pub fn marginals(
    emissions: &[f32],
    n_tags: usize,
    transitions: &[f32],
    temperature: f32,
    scheme: Scheme,
) -> Vec<f32> {
    let n = emissions.len() / n_tags;
    let l = n_tags;
    if n == 0 {
        return Vec::new();
    }
    let t = temperature.max(1e-3);
    // exp of the start transitions (0 where forbidden) and of the allowed moves.
    let start: Vec<f32> = (0..l)
        .map(|y| {
            if scheme.allowed(None, y) {
                (transitions[transition_index(l, None, y)] / t).exp()
            } else {
                0.0
            }
        })
        .collect();
    let moves = Moves::new(l, transitions, scheme, |x| (x / t).exp());
    // Emission potentials, each token's row scaled by its maximum.
    let mut ex = vec![0f32; n * l];
    for i in 0..n {
        let row = &emissions[i * l..(i + 1) * l];
        let m = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        for y in 0..l {
            ex[i * l + y] = ((row[y] - m) / t).exp();
        }
    }
    let mut alpha = vec![0f32; n * l];
    for y in 0..l {
        alpha[y] = start[y] * ex[y];
    }
    normalize(&mut alpha[..l]);
    for i in 1..n {
        for y in 0..l {
            let mut s = 0f32;
            for &(p, tr) in moves.to(y) {
                s += alpha[(i - 1) * l + p] * tr;
            }
            alpha[i * l + y] = s * ex[i * l + y];
        }
        normalize(&mut alpha[i * l..(i + 1) * l]);
    }
    let mut beta = vec![1f32; n * l];
    for (y, b) in beta[(n - 1) * l..].iter_mut().enumerate() {
        if !scheme.may_end(y) {
            *b = 0.0;
        }
    }
    for i in (0..n - 1).rev() {
        // beta[i][p] = sum over y of tr(p -> y) ex[i+1][y] beta[i+1][y]; each
        // p's terms arrive in ascending y, as a loop over all y would add them.
        let (head, tail) = beta.split_at_mut((i + 1) * l);
        let (now, after) = (&mut head[i * l..], &tail[..l]);
        now.fill(0.0);
        for y in 0..l {
            let (e, b) = (ex[(i + 1) * l + y], after[y]);
            for &(p, tr) in moves.to(y) {
                now[p] += tr * e * b;
            }
        }
        normalize(now);
    }
    let mut out = vec![0f32; n * l];
    for i in 0..n {
        for y in 0..l {
            out[i * l + y] = alpha[i * l + y] * beta[i * l + y];
        }
        normalize(&mut out[i * l..(i + 1) * l]);
    }
    out
}

fn normalize(v: &mut [f32]) {
    let s: f32 = v.iter().sum();
    if s > 0.0 && s.is_finite() {
        for x in v.iter_mut() {
            *x /= s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marginals_by_hand() {
        // One token, tags O, B-X, I-X: I-X is forbidden at the start, so the
        // probabilities are softmax(0, ln 3) = (1/4, 3/4, 0).
        let em = [0.0, 3f32.ln(), 9.0];
        let tr = vec![0.0; 4 * 3];
        let m = marginals(&em, 3, &tr, 1.0, Scheme::Bio);
        assert!((m[0] - 0.25).abs() < 1e-6 && (m[1] - 0.75).abs() < 1e-6 && m[2] == 0.0);
        // Two tokens, no emission preference: legal paths are OO, OB, BO, BB,
        // BI, so P(first = B) = 3/5 and P(second = I) = 1/5.
        let m = marginals(&[0.0; 6], 3, &tr, 1.0, Scheme::Bio);
        assert!((m[1] - 0.6).abs() < 1e-6, "{m:?}");
        assert!((m[5] - 0.2).abs() < 1e-6, "{m:?}");
    }

    #[test]
    fn constraints_beat_emissions() {
        // Tags: O, B-X, I-X. The emissions prefer I-X at the start, which is
        // forbidden; the best legal path is B-X I-X.
        let em = [0.0, 1.0, 5.0, 0.0, 0.0, 3.0];
        let tr = vec![0.0; 4 * 3];
        assert_eq!(viterbi(&em, 3, &tr, Scheme::Bio), vec![1, 2]);
        // O then I-X is forbidden too: O -> B-X.
        let em = [2.0, 0.0, 0.0, 0.0, 0.5, 1.0];
        assert_eq!(viterbi(&em, 3, &tr, Scheme::Bio), vec![0, 1]);
        assert!(viterbi(&[], 3, &tr, Scheme::Bio).is_empty());
    }

    #[test]
    fn bilou_never_ends_inside_an_entity() {
        // BILOU over one type: O, B, I, L, U. One token that prefers B: a name
        // cannot end on B, so the best legal tag is U (then O).
        let tr = vec![0.0; 6 * 5];
        let em = [0.0, 5.0, 0.0, 0.0, 1.0];
        assert_eq!(viterbi(&em, 5, &tr, Scheme::Bilou), vec![4]);
        let em = [0.0, 5.0, 0.0, 0.0, -1.0];
        assert_eq!(viterbi(&em, 5, &tr, Scheme::Bilou), vec![0]);
        // Two tokens preferring B then I: the second must close it, as L.
        let em = [0.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0, 1.0, 0.0];
        assert_eq!(viterbi(&em, 5, &tr, Scheme::Bilou), vec![1, 3]);
        // Marginals: no mass on B or I at the last token; rows sum to one.
        let m = marginals(&[0.0; 10], 5, &tr, 1.0, Scheme::Bilou);
        assert_eq!((m[6], m[7]), (0.0, 0.0));
        // Legal paths of two tokens: {O, U} × {O, B, U} ∪ {B L} minus those
        // ending on B = {O,U}×{O,U} + BL = 5, so P(first = B) = 1/5.
        assert!((m[1] - 0.2).abs() < 1e-6, "{m:?}");
        for row in m.chunks(5) {
            assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        }
    }
}
