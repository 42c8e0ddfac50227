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
    let mut next = vec![f32::NEG_INFINITY; n_tags];
    for i in 1..n {
        for y in 0..n_tags {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, &sp) in score.iter().enumerate() {
                if sp == f32::NEG_INFINITY || !Labels::allowed(Some(p), y) {
                    continue;
                }
                let s = sp + transitions[transition_index(n_tags, Some(p), y)];
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

#[cfg(test)]
mod tests {
    use super::*;

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
