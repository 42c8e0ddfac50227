//! Which labels a mention search reports: names (the tagger's types) and the
//! labels of the date and number grammars.

use std::collections::BTreeSet;

use crate::error::{Error, Result};

/// The labels of the shipped tagger (a tagger may have others).
pub const NAME_LABELS: [&str; 4] = ["PERS", "LOC", "ORG", "MISC"];
/// The labels of the date grammar.
pub const DATE_LABELS: [&str; 2] = ["DATE", "TIME"];
/// The labels of the number grammar.
pub const NUMBER_LABELS: [&str; 4] = ["NUMBER", "PERCENT", "MONEY", "QUANTITY"];
/// Amounts: a name inside one of these is part of it ("دولار" in "12 مليون دولار").
pub const AMOUNT_LABELS: [&str; 3] = ["MONEY", "QUANTITY", "PERCENT"];

/// Whether `label` comes from the date or number grammar (anything else is a name).
pub fn is_value_label(label: &str) -> bool {
    DATE_LABELS.contains(&label) || NUMBER_LABELS.contains(&label)
}

/// The labels to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelFilter {
    names: Names,
    values: BTreeSet<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Names {
    /// Every type the tagger gives.
    All,
    Only(BTreeSet<String>),
}

impl LabelFilter {
    /// Every label: the tagger's names and every date and number label.
    pub fn all() -> Self {
        Self::kinds(true, true, true)
    }

    /// The tagger's names only.
    pub fn names() -> Self {
        Self::kinds(true, false, false)
    }

    /// Whole kinds: names, dates and times, numbers and amounts.
    pub fn kinds(names: bool, dates: bool, numbers: bool) -> Self {
        let mut values = BTreeSet::new();
        if dates {
            values.extend(DATE_LABELS);
        }
        if numbers {
            values.extend(NUMBER_LABELS);
        }
        Self {
            names: if names {
                Names::All
            } else {
                Names::Only(BTreeSet::new())
            },
            values,
        }
    }

    /// The labels listed. Names other than the shipped tagger's must be in
    /// `tagger_labels` ([`Error::UnknownLabels`] otherwise).
    pub fn only<S: AsRef<str>>(labels: &[S], tagger_labels: &[String]) -> Result<Self> {
        let known = |l: &str| {
            is_value_label(l) || NAME_LABELS.contains(&l) || tagger_labels.iter().any(|t| t == l)
        };
        let unknown: BTreeSet<String> = labels
            .iter()
            .map(|l| l.as_ref())
            .filter(|l| !known(l))
            .map(String::from)
            .collect();
        if !unknown.is_empty() {
            let mut all: Vec<String> = NAME_LABELS.iter().map(|s| s.to_string()).collect();
            for t in tagger_labels {
                if !all.contains(t) {
                    all.push(t.clone());
                }
            }
            all.extend(
                DATE_LABELS
                    .iter()
                    .chain(&NUMBER_LABELS)
                    .map(|s| s.to_string()),
            );
            return Err(Error::UnknownLabels {
                unknown: unknown.into_iter().collect(),
                known: all,
            });
        }
        let values = DATE_LABELS
            .iter()
            .chain(&NUMBER_LABELS)
            .filter(|v| labels.iter().any(|l| l.as_ref() == **v))
            .copied()
            .collect();
        let names = labels
            .iter()
            .map(|l| l.as_ref())
            .filter(|l| !is_value_label(l))
            .map(String::from)
            .collect();
        Ok(Self {
            names: Names::Only(names),
            values,
        })
    }

    /// Whether mentions labelled `label` are reported.
    pub fn includes(&self, label: &str) -> bool {
        if is_value_label(label) {
            self.values.contains(label)
        } else {
            match &self.names {
                Names::All => true,
                Names::Only(set) => set.contains(label),
            }
        }
    }

    /// Whether any name is reported (the tagger has to run).
    pub fn wants_names(&self) -> bool {
        match &self.names {
            Names::All => true,
            Names::Only(set) => !set.is_empty(),
        }
    }

    /// Whether any date or time is reported.
    pub fn wants_dates(&self) -> bool {
        DATE_LABELS.iter().any(|l| self.values.contains(l))
    }

    /// Whether any number or amount is reported.
    pub fn wants_numbers(&self) -> bool {
        NUMBER_LABELS.iter().any(|l| self.values.contains(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_by_label() {
        let all = LabelFilter::all();
        assert!(all.includes("PERS") && all.includes("GPE") && all.includes("MONEY"));
        let names = LabelFilter::names();
        assert!(names.includes("LOC") && !names.includes("DATE"));
        assert!(!names.wants_dates() && !names.wants_numbers());
        let only = LabelFilter::only(&["DATE", "LOC"], &[]).unwrap();
        assert!(only.includes("DATE") && only.includes("LOC"));
        assert!(!only.includes("TIME") && !only.includes("PERS"));
        assert!(only.wants_names() && only.wants_dates() && !only.wants_numbers());
        let dates = LabelFilter::only(&["TIME"], &[]).unwrap();
        assert!(!dates.wants_names());
    }

    #[test]
    fn unknown_labels_are_named() {
        let err = LabelFilter::only(&["PERSON", "LOC"], &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown entity labels ['PERSON']; known: ['PERS', 'LOC', 'ORG', 'MISC', \
             'DATE', 'TIME', 'NUMBER', 'PERCENT', 'MONEY', 'QUANTITY']"
        );
        // A tagger's own type is known.
        assert!(LabelFilter::only(&["GPE"], &["GPE".to_string()]).is_ok());
    }
}
