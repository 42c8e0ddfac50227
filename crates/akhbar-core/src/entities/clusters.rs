//! Word clusters learned from unlabeled text (hierarchical bit strings, as
//! Brown clustering gives): a word's cluster and its prefixes are features,
//! so rare words borrow strength from frequent words that occur in the same
//! contexts.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};

/// Cluster bit-string prefix lengths used as features.
pub const PREFIXES: [usize; 4] = [4, 6, 10, 20];

/// Word (key form) -> cluster path such as `0110100`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    map: HashMap<String, String>,
}

impl Clusters {
    /// No clusters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are no clusters.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Set a word's cluster path.
    pub fn insert(&mut self, word: String, path: String) {
        self.map.insert(word, path);
    }

    /// The cluster path of a word.
    pub fn get(&self, word: &str) -> Option<&str> {
        self.map.get(word).map(String::as_str)
    }

    /// All (word, path) pairs, sorted by word (for a stable file layout).
    pub fn sorted(&self) -> Vec<(&str, &str)> {
        let mut v: Vec<_> = self
            .map
            .iter()
            .map(|(w, p)| (w.as_str(), p.as_str()))
            .collect();
        v.sort_unstable();
        v
    }

    /// Write `path<TAB>word` lines, sorted by word.
    pub fn write(&self, path: &Path) -> Result<()> {
        let mut text = String::new();
        for (w, p) in self.sorted() {
            text.push_str(p);
            text.push('\t');
            text.push_str(w);
            text.push('\n');
        }
        std::fs::write(path, text).map_err(|e| Error::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }

    /// Read `path<TAB>word[<TAB>count]` lines (the output of Liang's
    /// `wcluster` and of `tools/build_clusters.py`).
    pub fn read(path: &Path) -> Result<Self> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: name.clone(),
            reason: e.to_string(),
        })?;
        let mut out = Self::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(bits), Some(word)) = (f.next(), f.next()) else {
                return Err(Error::Conll {
                    path: name,
                    line: i + 1,
                    reason: "expected 'bits<TAB>word'".into(),
                });
            };
            if bits.is_empty() || !bits.bytes().all(|b| b == b'0' || b == b'1') {
                return Err(Error::Conll {
                    path: name,
                    line: i + 1,
                    reason: format!("cluster path {bits:?} is not a bit string"),
                });
            }
            out.insert(super::gazetteer::key_form(word), bits.to_string());
        }
        Ok(out)
    }
}
