//! Sliding windows over a sequence longer than the model's limit, and the
//! deterministic choice of the window each position's prediction comes from.
//!
//! Windows hold at most `size` positions; consecutive windows overlap by
//! `stride` positions (clamped to `size / 2`); the last window ends at the
//! end of the sequence. Each position takes its prediction from the window
//! where it is most central (the largest distance to that window's nearer
//! edge; the earlier window on a tie), so every prediction sees context on
//! both sides wherever the sequence allows.

use std::ops::Range;

/// The windows over `n` positions (one empty window when `n == 0`).
pub fn plan(n: usize, size: usize, stride: usize) -> Vec<Range<usize>> {
    let size = size.max(1);
    if n <= size {
        return std::iter::once(0..n).collect();
    }
    let step = size - stride.min(size / 2);
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        if start + size >= n {
            out.push(n - size..n);
            return out;
        }
        out.push(start..start + size);
        start += step;
    }
}

/// For each position of `0..n`, the index of the window it takes its
/// prediction from.
pub fn owners(windows: &[Range<usize>], n: usize) -> Vec<usize> {
    let mut out = vec![0; n];
    let mut best = vec![None::<usize>; n];
    for (w, r) in windows.iter().enumerate() {
        for i in r.clone() {
            let centrality = (i - r.start).min(r.end - 1 - i);
            if best[i].is_none_or(|b| centrality > b) {
                best[i] = Some(centrality);
                out[i] = w;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sequences_are_one_window() {
        assert_eq!(plan(0, 8, 2), vec![0..0]);
        assert_eq!(plan(8, 8, 2), vec![0..8]);
        assert_eq!(owners(&plan(3, 8, 2), 3), vec![0, 0, 0]);
    }

    #[test]
    fn long_sequences_overlap_and_end_at_the_end() {
        // size 8, overlap 2 → step 6: 0..8, 6..14, the last one aligned to 20.
        let w = plan(20, 8, 2);
        assert_eq!(w, vec![0..8, 6..14, 12..20]);
        let o = owners(&w, 20);
        // 6 is 1 from window 0's end and 0 from window 1's start; 7 is 0 and 1.
        assert_eq!(o[5..8], [0, 0, 1]);
        // 12 and 13: window 1 has them at distance 1 and 0 from its end; window 2 at 0 and 1.
        assert_eq!(o[12..14], [1, 2]);
        assert_eq!(o[19], 2);
        // Overlap is clamped to half a window.
        assert_eq!(plan(10, 4, 100), vec![0..4, 2..6, 4..8, 6..10]);
    }

    #[test]
    fn every_position_is_covered() {
        for n in 0..60 {
            for size in 1..12 {
                for stride in 0..6 {
                    let w = plan(n, size, stride);
                    assert_eq!(w.last().map(|r| r.end), Some(n));
                    assert!(w.iter().all(|r| r.len() <= size));
                    let o = owners(&w, n);
                    assert!((0..n).all(|i| w[o[i]].contains(&i)));
                }
            }
        }
    }
}
