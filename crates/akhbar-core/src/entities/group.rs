//! Grouping the mentions of one entity within a text: each mention gets a
//! key `LABEL:form`, where the form is the "search"-normalized mention
//! (اوباما/أوباما agree). A shorter person mention whose words end a longer
//! person mention of the same text takes the longer one's key (كيم → ألكس كيم).

use std::sync::OnceLock;

use super::extract::Entity;
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
    for i in 0..mentions.len() {
        let mut best = i;
        if mentions[i].label == "PERS" {
            for j in 0..mentions.len() {
                let longer = forms[j].len() > forms[best].len();
                if j != i
                    && longer
                    && mentions[j].label == "PERS"
                    && !forms[i].is_empty()
                    && forms[j].ends_with(&forms[i])
                {
                    best = j;
                }
            }
        }
        mentions[i].key = format!("{}:{}", mentions[best].label, forms[best].join(" "));
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
}
