//! One label per name in a text: the mentions of one written name (the same
//! spelling-independent form) take the label most of them have, so a
//! researcher counting "بتروبراس" in an article finds one organisation, not
//! four ORG mentions and a PERS one with two keys.
//!
//! The tagger's second stage already leans a name towards the label it has
//! elsewhere in the text, but sentence-level evidence can still split it
//! (1.7% of the name mentions of the news corpus were in such a split before
//! this rule). Label consistency of this kind is the document-level step of
//! Krishnan & Manning (2006). Only a strict majority relabels: where two
//! labels have as many mentions, the tagger's labels stay. Read on the news
//! corpus, the summed score broke such ties no better than a coin ("موبايلي"
//! two ORG, two PERS with the higher score; "الجوف" of a dateline tagged ORG
//! with more confidence than the LOC in the text).

use std::collections::HashMap;

use super::entity::Entity;
use super::group::key_form;

/// Give the mentions of each name (same [`key_form`] of `normalized`) in
/// `mentions` the label more of them have than any other.
pub fn one_label_per_name(mentions: &mut [Entity]) {
    // form -> label -> mentions
    let mut votes: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let forms: Vec<String> = mentions.iter().map(|m| key_form(&m.normalized)).collect();
    for (m, form) in mentions.iter().zip(&forms) {
        *votes
            .entry(form.clone())
            .or_default()
            .entry(m.label.clone())
            .or_default() += 1;
    }
    let winners: HashMap<&str, &str> = votes
        .iter()
        .filter(|(_, by_label)| by_label.len() > 1)
        .filter_map(|(form, by_label)| {
            let most = by_label.values().copied().max()?;
            let mut best = by_label.iter().filter(|(_, &n)| n == most);
            match (best.next(), best.next()) {
                (Some((label, _)), None) => Some((form.as_str(), label.as_str())),
                _ => None,
            }
        })
        .collect();
    for (m, form) in mentions.iter_mut().zip(&forms) {
        if let Some(&label) = winners.get(form.as_str()) {
            if m.label != label {
                m.label = label.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, label: &str, score: f32) -> Entity {
        Entity {
            start: 0,
            end: text.chars().count(),
            text: text.into(),
            label: label.into(),
            normalized: text.into(),
            score,
            key: String::new(),
        }
    }

    fn labels(ms: &[Entity]) -> Vec<&str> {
        ms.iter().map(|m| m.label.as_str()).collect()
    }

    #[test]
    fn the_majority_label_wins_and_other_names_keep_theirs() {
        let mut ms = vec![
            mention("بتروبراس", "ORG", 0.9),
            mention("بتروبراس", "PERS", 0.95),
            mention("البرازيل", "LOC", 0.99),
            mention("بتروبراس", "ORG", 0.6),
        ];
        one_label_per_name(&mut ms);
        assert_eq!(labels(&ms), ["ORG", "ORG", "LOC", "ORG"]);
    }

    #[test]
    fn spellings_vote_together_and_a_tie_changes_nothing() {
        // أوباما and اوباما are one name: two PERS against one LOC.
        let mut ms = vec![
            mention("أوباما", "LOC", 0.9),
            mention("اوباما", "PERS", 0.5),
            mention("أوباما", "PERS", 0.5),
        ];
        one_label_per_name(&mut ms);
        assert_eq!(labels(&ms), ["PERS", "PERS", "PERS"]);
        // Two against two: the tagger's labels stay, whatever the scores.
        let mut ms = vec![
            mention("موبايلي", "ORG", 0.46),
            mention("موبايلي", "PERS", 0.82),
            mention("موبايلي", "ORG", 0.56),
            mention("موبايلي", "PERS", 0.45),
        ];
        one_label_per_name(&mut ms);
        assert_eq!(labels(&ms), ["ORG", "PERS", "ORG", "PERS"]);
    }
}
