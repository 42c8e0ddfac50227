//! Word clusters learned from unlabeled text (hierarchical bit strings, as
//! Brown clustering gives): a word's cluster and its prefixes are features,
//! so rare words borrow strength from frequent words that occur in the same
//! contexts.

use foldhash::HashMap;
use std::path::Path;

use crate::error::{Error, Result};

/// Cluster bit-string prefix lengths used as features.
pub const PREFIXES: [usize; 4] = [4, 6, 10, 20];

/// (word, value) pairs sorted by word.
fn by_word<'a, T: Ord + ?Sized>(
    pairs: impl Iterator<Item = (&'a str, &'a T)>,
) -> Vec<(&'a str, &'a T)> {
    let mut v: Vec<_> = pairs.collect();
    v.sort_unstable();
    v
}

/// The line that starts the embedding classes section of a clusters file.
pub const CLASSES_HEADER: &str = "#classes";

/// The classes entry (not a word: no token has this key form) whose one id
/// says how many of each word's last class ids are its context classes
/// ([`Clusters::context_classes`]). Kept among the classes, so it travels
/// with them through clusters files and model files of every version.
pub const CONTEXT_CLASSES_KEY: &str = "#context";

/// Word (key form) -> cluster path such as `0110100`, and word -> its
/// embedding classes (k-means ids at several k, `embedding_classes.rs`, or
/// the corpus tag classes of `corpus_tags.rs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    map: HashMap<String, String>,
    classes: HashMap<String, Vec<u16>>,
    /// How many of each word's last class ids are context classes.
    context_tail: usize,
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

    /// Set a word's embedding classes (or, under [`CONTEXT_CLASSES_KEY`],
    /// how many of each word's last ids are context classes).
    pub fn insert_classes(&mut self, word: String, ids: Vec<u16>) {
        if word == CONTEXT_CLASSES_KEY {
            self.context_tail = ids.first().map_or(0, |&n| usize::from(n));
        }
        self.classes.insert(word, ids);
    }

    /// All the classes of a word, its context classes included.
    pub fn classes(&self, word: &str) -> Option<&[u16]> {
        self.classes.get(word).map(Vec::as_slice)
    }

    /// The classes of a word that describe the word itself (all but its
    /// context classes).
    pub fn own_classes(&self, word: &str) -> Option<&[u16]> {
        self.classes(word)
            .map(|c| &c[..c.len().saturating_sub(self.context_tail)])
    }

    /// A word's context classes: what tends to stand next to it, e.g. the
    /// entity type that tends to begin right after it (`corpus_tags.rs`);
    /// empty when the classes have none.
    pub fn context_classes(&self, word: &str) -> Option<&[u16]> {
        self.classes(word)
            .map(|c| &c[c.len().saturating_sub(self.context_tail)..])
    }

    /// Whether there are embedding classes.
    pub fn has_classes(&self) -> bool {
        !self.classes.is_empty()
    }

    /// All (word, classes) pairs, sorted by word.
    pub fn sorted_classes(&self) -> Vec<(&str, &[u16])> {
        by_word(self.classes.iter().map(|(w, c)| (w.as_str(), c.as_slice())))
    }

    /// All (word, path) pairs, sorted by word (for a stable file layout).
    pub fn sorted(&self) -> Vec<(&str, &str)> {
        by_word(self.map.iter().map(|(w, p)| (w.as_str(), p.as_str())))
    }

    /// Write `path<TAB>word` lines, sorted by word, then (if any) the
    /// [`CLASSES_HEADER`] line and `word<TAB>id id ...` lines.
    pub fn write(&self, path: &Path) -> Result<()> {
        let mut text = String::new();
        for (w, p) in self.sorted() {
            text.push_str(p);
            text.push('\t');
            text.push_str(w);
            text.push('\n');
        }
        if self.has_classes() {
            text.push_str(CLASSES_HEADER);
            text.push('\n');
            for (w, ids) in self.sorted_classes() {
                text.push_str(w);
                let ids: Vec<String> = ids.iter().map(u16::to_string).collect();
                text.push('\t');
                text.push_str(&ids.join(" "));
                text.push('\n');
            }
        }
        std::fs::write(path, text).map_err(|e| Error::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }

    /// Read `path<TAB>word[<TAB>count]` lines (the output of Liang's
    /// `wcluster` and of `tools/build_clusters.py`), then optionally the
    /// embedding classes section ([`Clusters::write`]).
    pub fn read(path: &Path) -> Result<Self> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: name.clone(),
            reason: e.to_string(),
        })?;
        let mut out = Self::new();
        let mut in_classes = false;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if line.trim_end() == CLASSES_HEADER {
                in_classes = true;
                continue;
            }
            if in_classes {
                let bad = |reason: String| Error::Conll {
                    path: name.clone(),
                    line: i + 1,
                    reason,
                };
                let (word, ids) = line
                    .split_once('\t')
                    .ok_or_else(|| bad("expected 'word<TAB>class ids'".into()))?;
                let ids = ids
                    .split_whitespace()
                    .map(|x| x.parse::<u16>())
                    .collect::<std::result::Result<Vec<u16>, _>>()
                    .map_err(|_| bad(format!("class ids {ids:?} are not numbers below 65536")))?;
                out.insert_classes(super::gazetteer::key_form(word), ids);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_section_round_trips_and_bad_ids_are_errors() {
        let dir = std::env::temp_dir().join(format!("akhbar-clusters-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.tsv");
        let mut c = Clusters::new();
        c.insert("دمشق".into(), "0101".into());
        c.insert_classes("دمشق".into(), vec![5, 40, 300]);
        c.insert_classes("0000".into(), vec![1, 2, 3]);
        c.write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "0101\tدمشق\n#classes\n0000\t1 2 3\nدمشق\t5 40 300\n");
        assert_eq!(Clusters::read(&path).unwrap(), c);
        std::fs::write(&path, "0101\tدمشق\n#classes\nدمشق\t5 x\n").unwrap();
        let e = Clusters::read(&path).unwrap_err().to_string();
        assert!(e.contains("c.tsv:3:") && e.contains("not numbers"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn context_classes_are_the_tail_the_marker_names_and_survive_a_file() {
        let mut c = Clusters::new();
        c.insert("الرئيس".into(), "0110".into());
        c.insert_classes("الرئيس".into(), vec![0, 6, 14, 0]);
        // Without the marker every class is the word's own.
        assert_eq!(c.own_classes("الرئيس"), Some(&[0, 6, 14, 0][..]));
        assert_eq!(c.context_classes("الرئيس"), Some(&[][..]));
        c.insert_classes(CONTEXT_CLASSES_KEY.into(), vec![2]);
        assert_eq!(c.own_classes("الرئيس"), Some(&[0, 6][..]));
        assert_eq!(c.context_classes("الرئيس"), Some(&[14, 0][..]));
        assert_eq!(c.context_classes("غائب"), None);
        let dir = std::env::temp_dir().join(format!("akhbar-context-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.tsv");
        c.write(&path).unwrap();
        let back = Clusters::read(&path).unwrap();
        assert_eq!(back.context_classes("الرئيس"), Some(&[14, 0][..]));
        assert_eq!(back, c);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
