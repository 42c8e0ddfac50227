//! Mentions: one scan of a text gives its names (from a [`Tagger`]), dates,
//! times, numbers and amounts, each with its text, label and value.
//!
//! [`find_mentions`] is the one entry the general `extract`, its batch form
//! and the pipeline call: the text is normalized and tokenized once for the
//! date and number grammars (which run once each), the tagger runs once, and
//! the rules between kinds (a name inside an amount or a date is left to it)
//! and the keys are applied here only.
//!
//! ```
//! use akhbar_core::mentions::{find_mentions, LabelFilter};
//! let found = find_mentions("أنفق 12 مليون دولار في 3 أغسطس 2015", None, &LabelFilter::all(), None);
//! let all: Vec<(String, String, String)> = found
//!     .into_entities()
//!     .into_iter()
//!     .map(|e| (e.text, e.label, e.key))
//!     .collect();
//! assert_eq!(
//!     all,
//!     [
//!         ("12 مليون دولار".into(), "MONEY".into(), "MONEY:12000000".into()),
//!         ("3 أغسطس 2015".into(), "DATE".into(), "DATE:2015-08-03".into()),
//!     ]
//! );
//! ```

mod amounts;
mod cover;
pub mod dates;
mod dates_and_names;
mod labels;
mod names;
pub mod numbers;
mod numwords;
mod scan;

pub use amounts::leave_names_to_amounts;
pub use dates_and_names::leave_names_to_dates;
pub use labels::{
    is_value_label, LabelFilter, AMOUNT_LABELS, DATE_LABELS, NAME_LABELS, NUMBER_LABELS,
};

use std::cmp::Reverse;

pub use dates::{find_dates, DateMention};
pub use numbers::{find_numbers, NumberKind, NumberMention};

use crate::calendar::Date;
use crate::entities::extract::extract;
use crate::entities::{Entity, Tagger};
use scan::Scan;

/// The mentions of one text by kind, each list in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mentions {
    /// Names from the tagger, with their keys; those inside an amount (reported
    /// or not) are left out.
    pub names: Vec<Entity>,
    /// Dates and times.
    pub dates: Vec<DateMention>,
    /// Numbers, percentages, money and quantities.
    pub numbers: Vec<NumberMention>,
}

/// Find the mentions of `text` whose labels `labels` includes.
///
/// Names need a `tagger` (none are found without one). Relative dates are
/// resolved against `reference`. Offsets are characters of `text`.
pub fn find_mentions(
    text: &str,
    tagger: Option<&dyn Tagger>,
    labels: &LabelFilter,
    reference: Option<Date>,
) -> Mentions {
    let mut names = match tagger {
        Some(t) if labels.wants_names() => extract(t, text),
        _ => Vec::new(),
    };
    // The amounts and dates are found whenever there are names, reported or
    // not: a name inside an amount or a date is left to it, so the names of a
    // text do not depend on which labels are asked for (with `labels="names"`,
    // "ريال" of "68 مليار ريال" would otherwise come back as an ORG).
    let (mut dates, mut numbers) = if labels.wants_numbers() || !names.is_empty() {
        find_dates_and_numbers(text, reference)
    } else if labels.wants_dates() {
        (find_dates(text, reference), Vec::new())
    } else {
        (Vec::new(), Vec::new())
    };
    leave_names_to_amounts(&mut names, &numbers);
    leave_names_to_dates(&mut names, &dates);
    names.retain(|e| labels.includes(&e.label));
    dates.retain(|d| labels.includes(d.label()));
    numbers.retain(|n| labels.includes(n.kind.label()));
    Mentions {
        names,
        dates,
        numbers,
    }
}

impl Mentions {
    /// Every mention as an [`Entity`], in text order (by start, the longer
    /// first, then by label). Dates and numbers have their resolved value as
    /// `normalized` (ISO 8601, or the number; the text when unresolved), a
    /// score of 1 (a grammar match) and the key `LABEL:value`.
    pub fn into_entities(self) -> Vec<Entity> {
        let mut out = self.names;
        out.extend(self.dates.into_iter().map(|d| {
            let (value, label) = (d.iso(), d.label());
            value_entity(d.start, d.end, d.text, label, value)
        }));
        out.extend(self.numbers.into_iter().map(|n| {
            let (value, label) = (n.value_text(), n.kind.label());
            value_entity(n.start, n.end, n.text, label, value)
        }));
        // Stable: names, then dates, then numbers among equal spans and labels.
        out.sort_by(|a, b| {
            (a.start, Reverse(a.end), &a.label).cmp(&(b.start, Reverse(b.end), &b.label))
        });
        out
    }
}

fn value_entity(
    start: usize,
    end: usize,
    text: String,
    label: &str,
    value: Option<String>,
) -> Entity {
    let normalized = value.unwrap_or_else(|| text.clone());
    Entity {
        start,
        end,
        key: format!("{label}:{normalized}"),
        text,
        label: label.to_string(),
        normalized,
        score: 1.0,
    }
}

/// [`find_dates`] and [`find_numbers`] in one scan: the text is normalized and
/// tokenized once, the date grammar runs once, and the number grammar skips
/// the tokens the dates took.
fn find_dates_and_numbers(
    text: &str,
    reference: Option<Date>,
) -> (Vec<DateMention>, Vec<NumberMention>) {
    let scan = Scan::new(text);
    let found = dates::date_matches(&scan, reference);
    let numbers = numbers::numbers_in(&scan, &found);
    let dates = found
        .into_iter()
        .map(|f| dates::to_mention(&scan, f))
        .collect();
    (dates, numbers)
}

#[cfg(test)]
mod tests;
