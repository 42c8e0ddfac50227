//! From a checkpoint's label names (`id2label`) to akhbar's tag layout.
//!
//! A label is `O` or a position letter and a type: `B-`/`S-`/`U-` begin an
//! entity, `I-`/`E-`/`L-` continue one (BIO, BIOES and BILOU schemes); a bare
//! type (IO scheme) continues one too and BIO repair makes the first word a
//! `B-`. Types take akhbar's names where they mean the same thing (PER,
//! PERSON → PERS; LOCATION, GPE → LOC; ORGANIZATION → ORG), others keep
//! their own names (Wojood's NORP, OCC, FAC ...), and a user mapping
//! overrides both (a type mapped to nothing is tagged `O`).

use std::collections::{BTreeMap, BTreeSet};

use akhbar_core::entities::labels::{Labels, O};

/// akhbar's name for a checkpoint's entity type.
pub fn akhbar_type(model_type: &str) -> &str {
    match model_type {
        "PER" | "PERSON" | "PERS" => "PERS",
        "LOC" | "LOCATION" | "GPE" => "LOC",
        "ORG" | "ORGANIZATION" | "ORGANISATION" => "ORG",
        other => other,
    }
}

/// A label name split into `(begins, type)`; `None` for `O`.
pub fn split_label(name: &str) -> Option<(bool, &str)> {
    if name == "O" {
        return None;
    }
    let (begins, ty) = match name.split_once(['-', '_']) {
        Some(("B" | "S" | "U", ty)) => (true, ty),
        Some(("I" | "E" | "L", ty)) => (false, ty),
        _ => (false, name),
    };
    Some((begins, ty))
}

/// akhbar's labels for a checkpoint and the akhbar tag of each model label.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelMap {
    labels: Labels,
    tags: Vec<usize>,
}

impl LabelMap {
    /// Map `id2label`, with `overrides` (`model type → akhbar type`, or
    /// `None` to drop it) taking precedence; an override naming a type the
    /// model does not have is an error (the reason is returned).
    pub fn new(
        id2label: &[String],
        overrides: &[(String, Option<String>)],
    ) -> Result<Self, String> {
        let model_types: BTreeSet<&str> = id2label
            .iter()
            .filter_map(|l| split_label(l))
            .map(|(_, t)| t)
            .collect();
        let overrides: BTreeMap<&str, Option<&str>> = overrides
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect();
        if let Some(k) = overrides.keys().find(|k| !model_types.contains(*k)) {
            return Err(format!(
                "labels= maps {k:?}, which is not one of the model's entity types {model_types:?}"
            ));
        }
        let target = |ty: &str| -> Option<String> {
            match overrides.get(ty) {
                Some(to) => to.map(str::to_string),
                None => Some(akhbar_type(ty).to_string()),
            }
        };
        let labels = Labels::new(model_types.iter().filter_map(|t| target(t)).collect());
        let tags = id2label
            .iter()
            .map(|name| match split_label(name) {
                None => O,
                Some((begins, ty)) => match target(ty).and_then(|t| labels.type_index(&t)) {
                    None => O,
                    Some(i) if begins => Labels::begin(i),
                    Some(i) => Labels::inside(i),
                },
            })
            .collect();
        Ok(Self { labels, tags })
    }

    /// akhbar's entity types and tag layout.
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// The akhbar tag of model label `id`.
    pub fn tag(&self, id: usize) -> usize {
        self.tags[id]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn tag_names(m: &LabelMap) -> Vec<String> {
        (0..m.tags.len())
            .map(|i| m.labels().tag_name(m.tag(i)))
            .collect()
    }

    #[test]
    fn conll_names_become_akhbar_types() {
        let m = LabelMap::new(
            &names(&[
                "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
            ]),
            &[],
        )
        .unwrap();
        assert_eq!(m.labels().types(), ["LOC", "MISC", "ORG", "PERS"]);
        assert_eq!(
            tag_names(&m),
            ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
        );
    }

    #[test]
    fn camel_and_wojood_names_and_other_schemes() {
        // CAMeL Lab's NER checkpoint already uses akhbar's names.
        let m = LabelMap::new(&names(&["B-LOC", "B-ORG", "B-PERS", "I-PERS", "O"]), &[]).unwrap();
        assert_eq!(tag_names(&m), ["B-LOC", "B-ORG", "B-PERS", "I-PERS", "O"]);
        // Wojood: GPE is a place; types akhbar has no name for keep theirs.
        let m = LabelMap::new(
            &names(&["O", "B-GPE", "I-NORP", "S-OCC", "E-OCC", "DATE"]),
            &[],
        )
        .unwrap();
        assert_eq!(m.labels().types(), ["DATE", "LOC", "NORP", "OCC"]);
        assert_eq!(
            tag_names(&m),
            ["O", "B-LOC", "I-NORP", "B-OCC", "I-OCC", "I-DATE"]
        );
    }

    #[test]
    fn overrides_rename_or_drop_types() {
        let over = vec![
            ("GPE".to_string(), Some("GPE".to_string())),
            ("DATE".to_string(), None),
        ];
        let m = LabelMap::new(&names(&["O", "B-GPE", "B-DATE", "B-PER"]), &over).unwrap();
        assert_eq!(m.labels().types(), ["GPE", "PERS"]);
        assert_eq!(tag_names(&m), ["O", "B-GPE", "O", "B-PERS"]);
        let bad = vec![("PERSON".to_string(), Some("PERS".to_string()))];
        let e = LabelMap::new(&names(&["O", "B-PER"]), &bad).unwrap_err();
        assert!(e.contains("\"PERSON\""), "{e}");
    }
}
