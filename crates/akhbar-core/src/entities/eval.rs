//! Entity-level scoring as the CoNLL-2003 `conlleval` script does it: an
//! entity is correct when its span and type both match; an orphan `I-X`
//! starts an entity; sentence boundaries close entities.

use std::collections::HashSet;

use super::labels::{parse_tag, spans, Labels};

/// Entity counts of one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted entities that match a gold entity exactly.
    pub correct: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Gold entities.
    pub gold: usize,
}

/// Counts by entity type plus token accuracy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvalCounts {
    /// Entity types seen in gold or predictions, sorted, with their counts.
    pub per_type: Vec<(String, Counts)>,
    /// Tokens scored.
    pub tokens: usize,
    /// Tokens whose predicted tag equals the gold tag.
    pub correct_tags: usize,
}

/// Score predicted tag names against gold ones, sentence by sentence.
/// Tag names are `O`, `B-X`, `I-X`; anything else counts as `O`.
pub fn evaluate_tags(gold: &[Vec<String>], pred: &[Vec<String>]) -> EvalCounts {
    let mut types: Vec<String> = gold
        .iter()
        .chain(pred)
        .flatten()
        .filter_map(|t| parse_tag(t).map(|(_, ty)| ty.to_string()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    types.sort();
    let labels = Labels::new(types);
    let mut per = vec![Counts::default(); labels.types().len()];
    let mut out = EvalCounts::default();
    for (g, p) in gold.iter().zip(pred) {
        let gi: Vec<usize> = g.iter().map(|t| labels.parse(t).unwrap_or(0)).collect();
        let pi: Vec<usize> = p.iter().map(|t| labels.parse(t).unwrap_or(0)).collect();
        out.tokens += g.len();
        out.correct_tags += g.iter().zip(p).filter(|(a, b)| a == b).count();
        let gs = spans(&gi);
        let ps = spans(&pi);
        let gold_set: HashSet<_> = gs.iter().copied().collect();
        for s in &gs {
            per[s.2].gold += 1;
        }
        for s in &ps {
            per[s.2].predicted += 1;
            if gold_set.contains(s) {
                per[s.2].correct += 1;
            }
        }
    }
    out.per_type = labels.types().iter().cloned().zip(per).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn hand_counted() {
        // gold: PERS[0,2) LOC[3,4) ORG[5,6) ; pred: PERS[0,2) LOC[3,5) ORG[5,6)
        let gold = vec![tags("B-PERS I-PERS O B-LOC O B-ORG")];
        let pred = vec![tags("B-PERS I-PERS O B-LOC I-LOC I-ORG")];
        let e = evaluate_tags(&gold, &pred);
        let sum = |f: fn(&Counts) -> usize| e.per_type.iter().map(|(_, c)| f(c)).sum::<usize>();
        let all = (sum(|c| c.correct), sum(|c| c.predicted), sum(|c| c.gold));
        assert_eq!(all, (2, 3, 3));
        assert_eq!(e.per_type[0].0, "LOC");
        assert_eq!(
            e.per_type[0].1,
            Counts {
                correct: 0,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!((e.tokens, e.correct_tags), (6, 4));
    }
}
