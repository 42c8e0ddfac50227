//! A name inside an amount is part of the amount: "دولار" in "12 مليون دولار"
//! (tagged MISC, as ANERcorp marks currencies) is left to the MONEY mention.

use super::labels::AMOUNT_LABELS;
use super::numbers::NumberMention;
use crate::entities::Entity;

/// Drop the names that lie inside an amount of `numbers` (linear after a sort
/// of the amounts by start).
pub fn leave_names_to_amounts(names: &mut Vec<Entity>, numbers: &[NumberMention]) {
    let mut amounts: Vec<(usize, usize)> = numbers
        .iter()
        .filter(|n| AMOUNT_LABELS.contains(&n.kind.label()))
        .map(|n| (n.start, n.end))
        .collect();
    if amounts.is_empty() {
        return;
    }
    amounts.sort_unstable();
    // reach[k]: the furthest end among the first k + 1 amounts.
    let reach: Vec<usize> = amounts
        .iter()
        .scan(0, |far, &(_, end)| {
            *far = end.max(*far);
            Some(*far)
        })
        .collect();
    names.retain(|e| {
        // The amounts starting at or before the name; the name is inside one
        // of them when the furthest of their ends covers it.
        let n = amounts.partition_point(|&(start, _)| start <= e.start);
        n == 0 || reach[n - 1] < e.end
    });
}
