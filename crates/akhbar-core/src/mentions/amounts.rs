//! A name inside an amount is part of the amount: "دولار" in "12 مليون دولار"
//! (tagged MISC, as ANERcorp marks currencies) is left to the MONEY mention.

use super::cover::Cover;
use super::labels::AMOUNT_LABELS;
use super::numbers::NumberMention;
use crate::entities::Entity;

/// Drop the names that lie inside an amount of `numbers`.
pub fn leave_names_to_amounts(names: &mut Vec<Entity>, numbers: &[NumberMention]) {
    let amounts: Vec<(usize, usize)> = numbers
        .iter()
        .filter(|n| AMOUNT_LABELS.contains(&n.kind.label()))
        .map(|n| (n.start, n.end))
        .collect();
    if amounts.is_empty() {
        return;
    }
    let amounts = Cover::new(amounts);
    names.retain(|e| !amounts.covers(e.start, e.end));
}
