//! Grouping the mentions of one entity within a text: each mention gets a
//! key `LABEL:form`, where the form is the "search"-normalized mention
//! (اوباما/أوباما agree). A shorter person mention whose words end a longer
//! person mention of the same text takes the longer one's key (كيم → ألكس كيم).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::entity::Entity;
use crate::text::{NormalizeOptions, Normalizer};

fn search_normalizer() -> &'static Normalizer {
    static N: OnceLock<Normalizer> = OnceLock::new();
    N.get_or_init(|| Normalizer::new(NormalizeOptions::preset("search").unwrap_or_default()))
}

/// The spelling-independent form of a mention.
pub fn key_form(normalized: &str) -> String {
    search_normalizer().normalize(normalized)
}

/// Set `key` on every mention of one text.
///
/// A person mention takes the key of the longest person mention whose words
/// end with its own (the first such one in text order); linear in the number
/// of mentions: every suffix of every person mention is indexed once.
pub fn assign_keys(mentions: &mut [Entity]) {
    let forms: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| {
            key_form(&m.normalized)
                .split_whitespace()
                .map(String::from)
                .collect()
        })
        .collect();
    // Word suffix -> (length in words, index) of the first longest person
    // mention ending with it.
    let mut longest: HashMap<&[String], (usize, usize)> = HashMap::new();
    for (j, form) in forms.iter().enumerate() {
        if mentions[j].label != "PERS" {
            continue;
        }
        for k in 0..form.len() {
            let best = longest.entry(&form[k..]).or_insert((form.len(), j));
            if form.len() > best.0 {
                *best = (form.len(), j);
            }
        }
    }
    let keys: Vec<String> = (0..mentions.len())
        .map(|i| {
            let best = match longest.get(forms[i].as_slice()) {
                Some(&(len, j)) if mentions[i].label == "PERS" && len > forms[i].len() => j,
                _ => i,
            };
            format!("{}:{}", mentions[best].label, forms[best].join(" "))
        })
        .collect();
    for (m, key) in mentions.iter_mut().zip(keys) {
        m.key = key;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(label: &str, normalized: &str) -> Entity {
        Entity {
            start: 0,
            end: 0,
            text: normalized.into(),
            label: label.into(),
            normalized: normalized.into(),
            score: 1.0,
            key: String::new(),
        }
    }

    #[test]
    fn groups_spellings_and_surnames() {
        let mut v = vec![
            m("PERS", "الكس كيم"),
            m("PERS", "كيم"),
            m("PERS", "اوباما"),
            m("PERS", "باراك اوباما"),
            m("LOC", "كيم"),
            m("ORG", "وزارة الصحة"),
            m("ORG", "وزاره الصحه"),
        ];
        assign_keys(&mut v);
        let keys: Vec<&str> = v.iter().map(|x| x.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "PERS:الكس كيم",
                "PERS:الكس كيم",
                "PERS:باراك اوباما",
                "PERS:باراك اوباما",
                "LOC:كيم",
                "ORG:وزاره الصحه",
                "ORG:وزاره الصحه",
            ]
        );
    }

    #[test]
    fn the_first_longest_person_wins() {
        let mut v = vec![
            m("PERS", "كيم"),
            m("PERS", "جونغ كيم"),
            m("PERS", "ألكس كيم"),
            m("PERS", "كيم جونغ اون"),
            m("LOC", "جونغ كيم"),
        ];
        assign_keys(&mut v);
        let keys: Vec<&str> = v.iter().map(|x| x.key.as_str()).collect();
        // جونغ كيم and الكس كيم are equally long: the first in the text wins;
        // كيم جونغ اون does not end with كيم; a place is not a person.
        assert_eq!(
            keys,
            [
                "PERS:جونغ كيم",
                "PERS:جونغ كيم",
                "PERS:الكس كيم",
                "PERS:كيم جونغ اون",
                "LOC:جونغ كيم",
            ]
        );
    }
}
