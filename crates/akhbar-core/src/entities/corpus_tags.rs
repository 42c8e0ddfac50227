//! What a tagger says about each word across a large unlabeled corpus: how
//! often each word (key form) was tagged as each entity type, as `O`, and how
//! often it began an entity. Turned into word classes (share buckets), these
//! become features of a second tagger: a name seen in clear contexts
//! somewhere in millions of words ("قال الرئيس X") carries that evidence to
//! the sentences where its context alone says little.

use std::collections::HashMap;

use super::clusters::{Clusters, CONTEXT_CLASSES_KEY};
use super::extract::split_sentences;
use super::labels::Labels;
use super::model::Model;
use crate::batch;
use crate::error::Result;

/// One word's tag counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordTagCount {
    /// Occurrences.
    pub total: u32,
    /// Occurrences tagged `B-*` (the word begins an entity).
    pub begin: u32,
    /// Occurrences tagged `B-X` or `I-X`, per entity type `X` (the tagger's
    /// type order).
    pub by_type: Vec<u32>,
    /// Occurrences followed by the beginning of an entity, per type.
    pub next_begin: Vec<u32>,
    /// Occurrences right after the end of an entity, per type.
    pub prev_end: Vec<u32>,
}

impl WordTagCount {
    fn add(&mut self, other: &WordTagCount) {
        self.total += other.total;
        self.begin += other.begin;
        for (mine, theirs) in [
            (&mut self.by_type, &other.by_type),
            (&mut self.next_begin, &other.next_begin),
            (&mut self.prev_end, &other.prev_end),
        ] {
            if mine.len() < theirs.len() {
                mine.resize(theirs.len(), 0);
            }
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }
}

/// Tag counts of every word of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusTagCounts {
    /// The entity types, in the tagger's order.
    pub types: Vec<String>,
    /// Word (key form) -> counts.
    pub words: HashMap<String, WordTagCount>,
}

/// Share buckets of the classes: below 2%, 10%, 30%, 60%, and above.
fn share_bucket(part: u32, whole: u32) -> u16 {
    if whole == 0 {
        return 0;
    }
    let s = f64::from(part) / f64::from(whole);
    match s {
        s if s < 0.02 => 0,
        s if s < 0.1 => 1,
        s if s < 0.3 => 2,
        s if s < 0.6 => 3,
        _ => 4,
    }
}

/// Context classes per word at the end of [`CorpusTagCounts::classes`].
pub const CONTEXT_CLASSES: u16 = 2;

/// 0 if under 5% of `total` occurrences are counted in `by_type`, else
/// `1 + 4 × type + bucket` of the most frequent type's share of `total`
/// (5–20%, 20–50%, 50–80%, 80% and more).
fn dominant(by_type: &[u32], total: u32) -> u16 {
    let counted: u32 = by_type.iter().sum();
    let top = (0..by_type.len()).max_by_key(|&t| (by_type[t], usize::MAX - t));
    match top {
        Some(t) if f64::from(counted) >= 0.05 * f64::from(total) => {
            let s = f64::from(by_type[t]) / f64::from(total);
            let bucket = match s {
                s if s < 0.2 => 0,
                s if s < 0.5 => 1,
                s if s < 0.8 => 2,
                _ => 3,
            };
            1 + 4 * t as u16 + bucket
        }
        _ => 0,
    }
}

impl CorpusTagCounts {
    /// Tag each text as one document with `model` (both stages, as
    /// `extract` does) and count the tags of each word. Runs of texts are
    /// tagged in parallel on `threads` threads; the counts are sums, so they
    /// do not depend on the thread count.
    pub fn count(model: &Model, texts: &[String], threads: Option<usize>) -> Result<Self> {
        let n_types = model.labels().types().len();
        let runs: Vec<&[String]> = texts.chunks(64).collect();
        let partial = batch::map(&runs, threads, |run| {
            let mut acc: HashMap<String, WordTagCount> = HashMap::new();
            for text in run.iter() {
                let split = split_sentences(text);
                let infos: Vec<_> = split.words.iter().map(|s| model.analyse(s)).collect();
                for (sent, (tags, _)) in infos.iter().zip(model.tag_document(&infos)) {
                    for (i, (ti, &tag)) in sent.iter().zip(&tags).enumerate() {
                        let c = acc.entry(ti.w.clone()).or_insert_with(|| WordTagCount {
                            by_type: vec![0; n_types],
                            next_begin: vec![0; n_types],
                            prev_end: vec![0; n_types],
                            ..Default::default()
                        });
                        c.total += 1;
                        let this = Labels::split(tag);
                        if let Some((begin, ty)) = this {
                            c.begin += u32::from(begin);
                            c.by_type[ty] += 1;
                        }
                        if let Some((true, ty)) = tags.get(i + 1).and_then(|&t| Labels::split(t)) {
                            c.next_begin[ty] += 1;
                        }
                        let before = i.checked_sub(1).and_then(|j| Labels::split(tags[j]));
                        if let Some((_, ty)) = before {
                            if this != Some((false, ty)) {
                                c.prev_end[ty] += 1;
                            }
                        }
                    }
                }
            }
            acc
        })?;
        let mut words: HashMap<String, WordTagCount> = HashMap::new();
        for acc in partial {
            for (w, c) in acc {
                words.entry(w).or_default().add(&c);
            }
        }
        Ok(Self {
            types: model.labels().types().to_vec(),
            words,
        })
    }

    /// Word classes of the words seen `min_count` times or more, sorted by
    /// word: `[dominant, share of each type..., begin share, frequency]`.
    /// - dominant: 0 if under 5% of the occurrences are entities, else
    ///   `1 + 4 × type + bucket` of the most frequent type's share (5–20%,
    ///   20–50%, 50–80%, 80% and more);
    /// - the share of each type: buckets under 2%, 10%, 30%, 60%, above;
    /// - begin share: 0 if never an entity, else 1 + the share of entity
    ///   occurrences that begin one (under 20%, under 80%, above);
    /// - frequency: ⌊log2 occurrences⌋, at most 12;
    /// - then two context classes: the entity type that begins right after
    ///   the word, and the one that ends right before it, each coded as the
    ///   dominant class is (a learned trigger: "الرئيس" is followed by a
    ///   PERS in 20–50% of its occurrences).
    pub fn classes(&self, min_count: u32) -> Vec<(String, Vec<u16>)> {
        let mut out: Vec<(String, Vec<u16>)> = self
            .words
            .iter()
            .filter(|(_, c)| c.total >= min_count.max(1))
            .map(|(w, c)| {
                let entities: u32 = c.by_type.iter().sum();
                let mut ids = Vec::with_capacity(c.by_type.len() + 3);
                ids.push(dominant(&c.by_type, c.total));
                ids.extend(c.by_type.iter().map(|&n| share_bucket(n, c.total)));
                ids.push(match entities {
                    0 => 0,
                    _ => {
                        let s = f64::from(c.begin) / f64::from(entities);
                        1 + u16::from(s >= 0.2) + u16::from(s >= 0.8)
                    }
                });
                ids.push((31 - c.total.leading_zeros()).min(12) as u16);
                ids.push(dominant(&c.next_begin, c.total));
                ids.push(dominant(&c.prev_end, c.total));
                (w.clone(), ids)
            })
            .collect();
        out.sort_unstable();
        out
    }
}

impl CorpusTagCounts {
    /// Put the [`CorpusTagCounts::classes`] of the words seen `min_count`
    /// times or more into `clusters`, with the entry that marks their last
    /// [`CONTEXT_CLASSES`] ids as context classes; the number of words.
    pub fn insert_into(&self, clusters: &mut Clusters, min_count: u32) -> usize {
        let classes = self.classes(min_count);
        let n = classes.len();
        for (w, ids) in classes {
            clusters.insert_classes(w, ids);
        }
        clusters.insert_classes(CONTEXT_CLASSES_KEY.into(), vec![CONTEXT_CLASSES]);
        n
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract::tests::obama_cairo_model;
    use super::*;

    fn counts(total: u32, begin: u32, by_type: &[u32]) -> WordTagCount {
        WordTagCount {
            total,
            begin,
            by_type: by_type.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn classes_bucket_the_shares_by_hand() {
        let mut c = CorpusTagCounts {
            types: vec!["LOC".into(), "PERS".into()],
            words: HashMap::new(),
        };
        // 9 of 10 PERS, all beginning: dominant 1 + 4*1 + 3 = 8; LOC 0%
        // -> 0, PERS 90% -> 4; begin 100% -> 3; log2 10 = 3.
        c.words.insert("اوباما".into(), counts(10, 9, &[0, 9]));
        // 1 LOC of 40 (2.5%): no dominant type; LOC bucket 1; the one
        // entity occurrence is not a beginning -> 1; log2 40 = 5.
        c.words.insert("في".into(), counts(40, 0, &[1, 0]));
        // Seen twice: left out at min_count 3.
        c.words.insert("نادر".into(), counts(2, 2, &[2, 0]));
        // Never an entity itself; a PERS begins after it 4 times in 10
        // (context class 1 + 4*1 + 1 = 6), a LOC ends before it once (10%:
        // 1 + 4*0 + 0 = 1).
        c.words.insert(
            "الرئيس".into(),
            WordTagCount {
                next_begin: vec![0, 4],
                prev_end: vec![1, 0],
                ..counts(10, 0, &[0, 0])
            },
        );
        assert_eq!(
            c.classes(3),
            vec![
                ("الرئيس".to_string(), vec![0, 0, 0, 0, 3, 6, 1]),
                ("اوباما".to_string(), vec![8, 0, 4, 3, 3, 0, 0]),
                ("في".to_string(), vec![0, 1, 0, 1, 5, 0, 0]),
            ]
        );
        // Into a clusters table: the last two ids are context classes.
        let mut clusters = Clusters::new();
        assert_eq!(c.insert_into(&mut clusters, 3), 3);
        assert_eq!(clusters.own_classes("الرئيس"), Some(&[0, 0, 0, 0, 3][..]));
        assert_eq!(clusters.context_classes("الرئيس"), Some(&[6, 1][..]));
    }

    #[test]
    fn counts_follow_the_taggers_tags_and_the_thread_count() {
        let m = obama_cairo_model();
        let texts: Vec<String> = vec![
            "زار أوباما القاهرة.".into(),
            "قال أوباما إن القاهرة جميلة.\nفي القاهرة أمس".into(),
        ];
        let c = CorpusTagCounts::count(&m, &texts, Some(2)).unwrap();
        let pers = c.types.iter().position(|t| t == "PERS").unwrap();
        let loc = c.types.iter().position(|t| t == "LOC").unwrap();
        let obama = &c.words["اوباما"];
        assert_eq!((obama.total, obama.by_type[pers], obama.begin), (2, 2, 2));
        assert_eq!(c.words["القاهرة"].total, 3);
        assert_eq!(c.words["القاهرة"].by_type[loc], 3);
        assert_eq!(c.words["زار"].by_type.iter().sum::<u32>(), 0);
        // What begins after a word and ends before it: "زار أوباما",
        // "في القاهرة", "إن القاهرة"; "أوباما القاهرة", "أوباما إن".
        assert_eq!(c.words["زار"].next_begin[pers], 1);
        assert_eq!(c.words["في"].next_begin[loc], 1);
        assert_eq!(c.words["ان"].next_begin[loc], 1);
        assert_eq!(c.words["ان"].prev_end[pers], 1);
        assert_eq!(c.words["القاهرة"].prev_end[pers], 1);
        // Inside a name nothing ends before the next word of it.
        assert_eq!(c.words["اوباما"].prev_end.iter().sum::<u32>(), 0);
        assert_eq!(CorpusTagCounts::count(&m, &texts, Some(1)).unwrap(), c);
    }
}
