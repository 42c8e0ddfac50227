//! A name inside a date is the date's month or ordinal: "نيسان" of "أبريل
//! (نيسان) الماضي" (the Levantine April, which ANERcorp knows as Nissan the
//! carmaker, ORG 13 times) came back as an ORG 202 times in the news corpus,
//! "يونيه" (June, as Egypt spells it) as MISC, "السادس" of "السادس من أكتوبر"
//! as a place. It is left to the date. Times keep the places in them
//! ("الساعة 10 مساء بتوقيت السعودية": السعودية stays a place).

use super::cover::Cover;
use super::dates::DateMention;
use crate::entities::Entity;

/// Drop the names that lie inside a date (not a time) of `dates`.
pub fn leave_names_to_dates(names: &mut Vec<Entity>, dates: &[DateMention]) {
    let days = Cover::new(
        dates
            .iter()
            .filter(|d| d.label() == "DATE")
            .map(|d| (d.start, d.end))
            .collect(),
    );
    names.retain(|e| !days.covers(e.start, e.end));
}
