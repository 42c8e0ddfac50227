//! Viterbi decoding of a first-order chain under BIO constraints.

use super::labels::Labels;

/// Transition scores of `n_tags` tags: row 0 is the sentence start, row
/// `p + 1` holds the scores of moving from tag `p`.
pub fn transition_index(n_tags: usize, prev: Option<usize>, next: usize) -> usize {
    prev.map_or(0, |p| p + 1) * n_tags + next
}

/// The best tag sequence given emission scores (`n × n_tags`, row major) and
/// transition scores (`(n_tags + 1) × n_tags`). Forbidden transitions (an
/// `I-X` not after `B-X`/`I-X`) are never taken. Ties go to the lower tag.
pub fn viterbi(emissions: &[f32], n_tags: usize, transitions: &[f32]) -> Vec<usize> {
    let n = emissions.len() / n_tags;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n_tags];
    let mut back = vec![0u8; n * n_tags];
    for (y, s) in score.iter_mut().enumerate() {
        if Labels::allowed(None, y) {
            *s = emissions[y] + transitions[transition_index(n_tags, None, y)];
        }
    }
    // Transitions `p -> y` at `y * n_tags + p`, -inf where forbidden: a
    // forbidden move or an unreachable `p` then scores -inf, which never
    // beats `best` (as if skipped), and the inner loop has no branches.
    let mut into = vec![f32::NEG_INFINITY; n_tags * n_tags];
    for (y, row) in into.chunks_exact_mut(n_tags).enumerate() {
        for (p, x) in row.iter_mut().enumerate() {
            if Labels::allowed(Some(p), y) {
                *x = transitions[transition_index(n_tags, Some(p), y)];
            }
        }
    }
    let mut next = vec![f32::NEG_INFINITY; n_tags];
    for i in 1..n {
        for (y, into_y) in into.chunks_exact(n_tags).enumerate() {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, (&sp, &t)) in score.iter().zip(into_y).enumerate() {
                let s = sp + t;
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
    let mut y = 0;
    for (t, &s) in score.iter().enumerate() {
        if s > score[y] {
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
/// forbidden transitions have probability 0.
pub fn marginals(
    emissions: &[f32],
    n_tags: usize,
    transitions: &[f32],
    temperature: f32,
) -> Vec<f32> {
    let n = emissions.len() / n_tags;
    let l = n_tags;
    if n == 0 {
        return Vec::new();
    }
    let t = temperature.max(1e-3);
    // exp of transitions (0 where forbidden), start row first.
    let mut tr = vec![0f32; (l + 1) * l];
    for (p, row) in tr.chunks_mut(l).enumerate() {
        let prev = p.checked_sub(1);
        for (y, x) in row.iter_mut().enumerate() {
            if Labels::allowed(prev, y) {
                *x = (transitions[transition_index(l, prev, y)] / t).exp();
            }
        }
    }
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
        alpha[y] = tr[y] * ex[y];
    }
    normalize(&mut alpha[..l]);
    for i in 1..n {
        for y in 0..l {
            let mut s = 0f32;
            for p in 0..l {
                s += alpha[(i - 1) * l + p] * tr[(p + 1) * l + y];
            }
            alpha[i * l + y] = s * ex[i * l + y];
        }
        normalize(&mut alpha[i * l..(i + 1) * l]);
    }
    let mut beta = vec![1f32; n * l];
    for i in (0..n - 1).rev() {
        for p in 0..l {
            let mut s = 0f32;
            for y in 0..l {
                s += tr[(p + 1) * l + y] * ex[(i + 1) * l + y] * beta[(i + 1) * l + y];
            }
            beta[i * l + p] = s;
        }
        normalize(&mut beta[i * l..(i + 1) * l]);
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
        let m = marginals(&em, 3, &tr, 1.0);
        assert!((m[0] - 0.25).abs() < 1e-6 && (m[1] - 0.75).abs() < 1e-6 && m[2] == 0.0);
        // Two tokens, no emission preference: legal paths are OO, OB, BO, BB,
        // BI, so P(first = B) = 3/5 and P(second = I) = 1/5.
        let m = marginals(&[0.0; 6], 3, &tr, 1.0);
        assert!((m[1] - 0.6).abs() < 1e-6, "{m:?}");
        assert!((m[5] - 0.2).abs() < 1e-6, "{m:?}");
    }

    #[test]
    fn constraints_beat_emissions() {
        // Tags: O, B-X, I-X. The emissions prefer I-X at the start, which is
        // forbidden; the best legal path is B-X I-X.
        let em = [0.0, 1.0, 5.0, 0.0, 0.0, 3.0];
        let tr = vec![0.0; 4 * 3];
        assert_eq!(viterbi(&em, 3, &tr), vec![1, 2]);
        // O then I-X is forbidden too: O -> B-X.
        let em = [2.0, 0.0, 0.0, 0.0, 0.5, 1.0];
        assert_eq!(viterbi(&em, 3, &tr), vec![0, 1]);
        assert!(viterbi(&[], 3, &tr).is_empty());
    }
}
