//! Gazetteers: phrase lists by label, matched longest-first over token
//! sequences, clitic-aware (the first word of a match may carry و، ب، ل، ف، ك).

use foldhash::HashMap;

use crate::error::{Error, Result};
use crate::text::clitics::fold;

/// Most labels one gazetteer can hold (two bits each in a `u64` mask).
pub const MAX_LABELS: usize = 31;
/// Longest phrase, in words.
pub const MAX_WORDS: usize = 8;

/// Phrase lists by label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    labels: Vec<String>,
    /// The entries as given: (label index, phrase).
    entries: Vec<(u32, String)>,
    /// Folded phrase (words joined by ' ') -> bit 0: a longer phrase starts
    /// with it; bit 1 + l: it is an entry of label l.
    index: HashMap<String, u64>,
}

/// One match: words `start..end` of the sequence, label index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub label: usize,
}

/// The form a gazetteer compares: folded letters, digits and Latin as is.
pub fn key_form(word: &str) -> String {
    fold(word)
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Self {
        Self::default()
    }

    /// The labels, in the order they were first added.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The entries as added: (label, phrase).
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .map(|(l, p)| (self.labels[*l as usize].as_str(), p.as_str()))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Add a phrase under a label. Empty phrases are skipped; phrases longer
    /// than [`MAX_WORDS`] words and a label beyond [`MAX_LABELS`] are errors.
    pub fn add(&mut self, label: &str, phrase: &str) -> Result<()> {
        let words: Vec<String> = phrase.split_whitespace().map(key_form).collect();
        if words.is_empty() {
            return Ok(());
        }
        if words.len() > MAX_WORDS {
            return Err(Error::InvalidOption(format!(
                "gazetteer phrase {phrase:?} has {} words (at most {MAX_WORDS})",
                words.len()
            )));
        }
        if label.is_empty() || label.chars().any(char::is_whitespace) {
            return Err(Error::InvalidOption(format!(
                "bad gazetteer label {label:?}"
            )));
        }
        let l = match self.labels.iter().position(|x| x == label) {
            Some(l) => l,
            None if self.labels.len() < MAX_LABELS => {
                self.labels.push(label.to_string());
                self.labels.len() - 1
            }
            None => {
                return Err(Error::InvalidOption(format!(
                    "too many gazetteer labels (at most {MAX_LABELS})"
                )))
            }
        };
        self.entries.push((l as u32, phrase.to_string()));
        for k in 1..words.len() {
            *self.index.entry(words[..k].join(" ")).or_default() |= 1;
        }
        *self.index.entry(words.join(" ")).or_default() |= 1 << (1 + l);
        Ok(())
    }

    /// The labels under which `word` (a key form) is a one-word phrase.
    pub fn word_labels(&self, word: &str) -> impl Iterator<Item = &str> {
        let bits = self.index.get(word).map_or(0, |bits| bits >> 1);
        self.labels
            .iter()
            .enumerate()
            .filter(move |(l, _)| bits >> l & 1 != 0)
            .map(|(_, label)| label.as_str())
    }

    /// Add every entry of `other`.
    pub fn extend(&mut self, other: &Gazetteer) -> Result<()> {
        for (l, p) in other.entries() {
            self.add(l, p)?;
        }
        Ok(())
    }

    /// Matches over a sequence of key forms; `first` holds the alternative
    /// forms of each word when it starts a match (the word without its
    /// proclitics). Longest match first, left to right, non-overlapping;
    /// when a phrase is listed under several labels, each gives a match.
    pub fn find(&self, words: &[&str], first: &[&str]) -> Vec<Match> {
        let mut out = Vec::new();
        if self.index.is_empty() {
            return out;
        }
        let mut i = 0;
        let mut key = String::with_capacity(64);
        while i < words.len() {
            let mut best: Option<(usize, u64)> = None;
            for start_form in [words[i], first[i]] {
                key.clear();
                key.push_str(start_form);
                let mut j = i + 1;
                while let Some(&bits) = self.index.get(key.as_str()) {
                    if bits >> 1 != 0 && best.is_none_or(|(e, _)| j > e) {
                        best = Some((j, bits >> 1));
                    }
                    if bits & 1 == 0 || j >= words.len() || j - i >= MAX_WORDS {
                        break;
                    }
                    key.push(' ');
                    key.push_str(words[j]);
                    j += 1;
                }
                if start_form == words[i] && first[i] == words[i] {
                    break;
                }
            }
            match best {
                Some((end, labels)) => {
                    for l in 0..MAX_LABELS {
                        if labels >> l & 1 == 1 {
                            out.push(Match {
                                start: i,
                                end,
                                label: l,
                            });
                        }
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_clitic_aware() {
        let mut g = Gazetteer::new();
        g.add("LOC", "دير الزور").unwrap();
        g.add("LOC", "سوريا").unwrap();
        g.add("ORG", "وحدات حماية الشعب").unwrap();
        g.add("PERS", "أحمد").unwrap();
        let words = ["لوحدات", "حماية", "الشعب", "في", "دير", "الزور", "واحمد"];
        let first = ["وحدات", "حماية", "الشعب", "في", "دير", "الزور", "احمد"];
        let m = g.find(&words, &first);
        assert_eq!(
            m,
            vec![
                Match {
                    start: 0,
                    end: 3,
                    label: 1
                },
                Match {
                    start: 4,
                    end: 6,
                    label: 0
                },
                Match {
                    start: 6,
                    end: 7,
                    label: 2
                },
            ]
        );
        assert_eq!(g.len(), 4);
        assert!(g.add("LOC", &"ا ".repeat(9)).is_err());
    }
}
