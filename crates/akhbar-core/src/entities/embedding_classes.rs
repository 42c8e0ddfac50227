//! Word classes from embeddings: spherical k-means of the vectors of the most
//! frequent words at several k. A word's class at each k is a cheap sparse
//! feature beside its Brown-style cluster path (Turian et al. 2010 and later
//! work found the two add up).

use rayon::prelude::*;

use super::embeddings_learn::Embeddings;
use super::rng::SplitMix;

fn normalized(mut v: Vec<f32>) -> Vec<f32> {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
    v
}

/// The nearest centroid (largest dot product; ties to the lower index).
fn nearest(v: &[f32], centroids: &[f32], dim: usize) -> u16 {
    let mut best = (f32::NEG_INFINITY, 0usize);
    for (c, row) in centroids.chunks_exact(dim).enumerate() {
        let s: f32 = v.iter().zip(row).map(|(a, b)| a * b).sum();
        if s > best.0 {
            best = (s, c);
        }
    }
    best.1 as u16
}

/// Spherical k-means of unit vectors (`n × dim`, flattened): `k` centroids
/// started at distinct vectors drawn with `seed`, `iterations` rounds.
/// Returns each vector's class. Deterministic whatever the thread count (each
/// assignment is independent; sums run in a fixed order).
pub fn kmeans(vectors: &[f32], dim: usize, k: usize, iterations: usize, seed: u64) -> Vec<u16> {
    let n = vectors.len() / dim;
    let k = k.clamp(1, n.max(1)).min(u16::MAX as usize);
    if n == 0 {
        return Vec::new();
    }
    let mut pick: Vec<usize> = (0..n).collect();
    SplitMix(seed).shuffle(&mut pick);
    let mut centroids: Vec<f32> = pick[..k]
        .iter()
        .flat_map(|&i| vectors[i * dim..(i + 1) * dim].iter().copied())
        .collect();
    let mut assign = vec![0u16; n];
    for round in 0..=iterations {
        assign = vectors
            .par_chunks_exact(dim)
            .map(|v| nearest(v, &centroids, dim))
            .collect();
        if round == iterations {
            break;
        }
        let mut sums = vec![0f32; k * dim];
        for (v, &c) in vectors.chunks_exact(dim).zip(&assign) {
            let row = &mut sums[c as usize * dim..(c as usize + 1) * dim];
            row.iter_mut().zip(v).for_each(|(a, b)| *a += b);
        }
        for (c, row) in sums.chunks_exact(dim).enumerate() {
            // An empty class keeps its centroid.
            if row.iter().any(|&x| x != 0.0) {
                let u = normalized(row.to_vec());
                centroids[c * dim..(c + 1) * dim].copy_from_slice(&u);
            }
        }
    }
    assign
}

/// Classes at each of `ks` of the `limit` most frequent words of `emb`:
/// `(word, [class at ks[0], class at ks[1], ...])` in frequency order.
pub fn embedding_classes(
    emb: &Embeddings,
    limit: usize,
    ks: &[usize],
    iterations: usize,
    seed: u64,
) -> Vec<(String, Vec<u16>)> {
    let words = &emb.words[..limit.min(emb.words.len())];
    let vectors: Vec<f32> = words
        .par_iter()
        .flat_map_iter(|w| normalized(emb.vector(w)))
        .collect();
    let per_k: Vec<Vec<u16>> = ks
        .iter()
        .map(|&k| kmeans(&vectors, emb.dim, k, iterations, seed))
        .collect();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.clone(), per_k.iter().map(|a| a[i]).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kmeans_separates_two_directions() {
        // Three vectors near x, three near y.
        let v: Vec<f32> = [
            [1.0, 0.1],
            [0.9, 0.0],
            [1.0, -0.1],
            [0.0, 1.0],
            [0.1, 0.9],
            [-0.1, 1.0],
        ]
        .iter()
        .flat_map(|p| normalized(p.to_vec()))
        .collect();
        let a = kmeans(&v, 2, 2, 5, 7);
        assert_eq!(a[0], a[1]);
        assert_eq!(a[1], a[2]);
        assert_eq!(a[3], a[4]);
        assert_eq!(a[4], a[5]);
        assert_ne!(a[0], a[3]);
        assert_eq!(kmeans(&v, 2, 2, 5, 7), a);
    }
}
