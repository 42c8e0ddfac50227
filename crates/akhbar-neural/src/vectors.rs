//! Pre-trained word vectors (word2vec text format, scaled to unit length),
//! a frozen input of the network beside the hashed embeddings: a token takes
//! the vector of its first form found among the written word, its key form,
//! its stem and its bare stem.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use akhbar_core::{Error, Result};
use candle_core::{DType, Device, Tensor};

/// Word vectors: the first `limit` words of a file (word2vec files list
/// words by frequency), `dim` numbers each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vectors {
    words: Vec<String>,
    index: HashMap<String, u32>,
    /// `words × dim`, row major.
    pub data: Vec<f32>,
    pub dim: usize,
}

impl Vectors {
    /// Vectors from words and their numbers, rounded to half precision (a
    /// model folder stores them as f16, so training sees the values a
    /// loaded model reads).
    pub fn new(words: Vec<String>, data: Vec<f32>, dim: usize) -> Result<Self> {
        if dim == 0 || data.len() != words.len() * dim {
            return Err(Error::InvalidOption(format!(
                "{} words need {} numbers of width {dim}, got {}",
                words.len(),
                words.len() * dim,
                data.len()
            )));
        }
        let data = to_f16_precision(data).map_err(|e| Error::InvalidOption(e.to_string()))?;
        let index = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        Ok(Self {
            words,
            index,
            data,
            dim,
        })
    }

    /// Read the first `limit` vectors of a word2vec text file (a header
    /// line `count dim`, then `word x1 … xdim` lines).
    pub fn read_word2vec(path: &Path, limit: usize) -> Result<Self> {
        let err = |line: usize, reason: String| Error::Io {
            path: format!("{}:{line}", path.display()),
            reason,
        };
        let file = std::fs::File::open(path).map_err(|e| err(0, e.to_string()))?;
        let mut lines = BufReader::new(file).lines();
        let header = lines
            .next()
            .ok_or_else(|| err(1, "empty file".into()))?
            .map_err(|e| err(1, e.to_string()))?;
        let dim: usize = header
            .split_whitespace()
            .nth(1)
            .and_then(|d| d.parse().ok())
            .ok_or_else(|| err(1, "no `count dim` header".into()))?;
        let (mut words, mut data) = (Vec::new(), Vec::new());
        for (i, line) in lines.enumerate().take(limit) {
            let line = line.map_err(|e| err(i + 2, e.to_string()))?;
            let mut parts = line.split(' ');
            let word = parts.next().unwrap_or_default().to_string();
            let start = data.len();
            for x in parts.filter(|p| !p.is_empty()) {
                data.push(x.parse::<f32>().map_err(|e| err(i + 2, e.to_string()))?);
            }
            if data.len() - start != dim {
                return Err(err(i + 2, format!("expected {dim} numbers")));
            }
            words.push(word);
        }
        // Unit length: raw skip-gram norms grow with frequency and would
        // swamp the summed embeddings.
        for row in data.chunks_mut(dim) {
            let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|x| *x /= norm);
            }
        }
        Self::new(words, data, dim)
    }

    /// The words, in row order.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The row of the first of `forms` that has a vector.
    pub fn row(&self, forms: &[&str]) -> Option<u32> {
        forms.iter().find_map(|f| self.index.get(*f).copied())
    }

    /// The vector of a row.
    pub fn vector(&self, row: u32) -> &[f32] {
        &self.data[row as usize * self.dim..(row as usize + 1) * self.dim]
    }
}

/// The numbers rounded to half precision.
fn to_f16_precision(data: Vec<f32>) -> candle_core::Result<Vec<f32>> {
    let n = data.len();
    Tensor::from_vec(data, n, &Device::Cpu)?
        .to_dtype(DType::F16)?
        .to_dtype(DType::F32)?
        .to_vec1()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn half_round(x: f32) -> f32 {
        to_f16_precision(vec![x]).unwrap()[0]
    }

    #[test]
    fn reads_word2vec_text_and_finds_the_first_known_form() {
        let path = std::env::temp_dir().join(format!("akhbar-vectors-{}.txt", std::process::id()));
        std::fs::write(&path, "3 2\nالرياض 0 -2\nرياض 3 4\nقال 0 1\n").unwrap();
        let v = Vectors::read_word2vec(&path, 2).unwrap();
        assert_eq!(v.words(), ["الرياض", "رياض"]);
        assert_eq!(v.row(&["بالرياض", "الرياض", "رياض"]), Some(0));
        // Rows scaled to unit length: (3, 4) / 5.
        assert_eq!(v.vector(0), [0.0, -1.0]);
        assert_eq!(v.vector(1), [0.6, 0.8].map(|x: f32| half_round(x)));
        assert_eq!(v.row(&["قال"]), None);
        std::fs::write(&path, "1 3\nقال 0 1\n").unwrap();
        assert!(Vectors::read_word2vec(&path, 9).is_err());
        std::fs::remove_file(&path).unwrap();
    }
}
