//! Dates and times in Arabic news text, resolved to ISO 8601 values.
//!
//! [`find_dates`] matches on the text normalized with the `search` preset
//! (so أغسطس/اغسطس, ٢٠١٥/2015 and هـ/ه are one form each) and maps every span
//! back to character offsets in the original string.
//!
//! ```
//! use akhbar_core::calendar::Date;
//! use akhbar_core::mentions::dates::find_dates;
//! let text = "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس";
//! let found = find_dates(text, None);
//! assert_eq!(found.len(), 1);
//! let m = &found[0];
//! let span: String = text.chars().skip(m.start).take(m.end - m.start).collect();
//! assert_eq!(span, "25 شوال 1436 هـ الموافق 10 أغسطس 2015 م");
//! assert_eq!(m.iso().as_deref(), Some("2015-08-10"));
//! let d = find_dates("في 3 أغسطس الجاري", Date::from_iso("2015-08-10"));
//! assert_eq!(d[0].iso().as_deref(), Some("2015-08-03"));
//! ```

pub(crate) mod grammar;
pub mod mention;
mod months;
mod relative;
#[cfg(test)]
mod tests;
mod time;
mod years;

pub use mention::{CalendarKind, DateMention, Granularity, HijriValue, Time, Value};

use super::scan::Scan;
use crate::calendar::Date;
use grammar::{Ctx, Found};

/// Find the dates and times in `text`. Relative expressions (أمس، الأسبوع
/// الماضي، يوم الأحد) and dates without a year are resolved against
/// `reference` (typically the article's own date) and left with `value: None`
/// and `relative: true` when it is `None`. Mentions come in text order and do
/// not overlap; offsets are characters of `text`.
pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    let scan = Scan::new(text);
    date_matches(&scan, reference)
        .into_iter()
        .map(|f| to_mention(&scan, f))
        .collect()
}

/// The date grammar's matches over a prepared text, in order, not overlapping.
///
/// When the text reveals its own date ("اليوم الجمعة" while the reference,
/// e.g. the day a page was collected, is a Saturday), relative expressions are
/// resolved against that date, as a reader would.
pub(crate) fn date_matches(scan: &Scan, reference: Option<Date>) -> Vec<Found> {
    let found = matches_with(scan, reference);
    let anchor = found.iter().find_map(|f| f.anchor);
    match (anchor, reference) {
        (Some(a), Some(r)) if a != r => matches_with(scan, Some(a)),
        _ => found,
    }
}

fn matches_with(scan: &Scan, reference: Option<Date>) -> Vec<Found> {
    let ctx = Ctx {
        toks: &scan.toks,
        reference,
        start: Default::default(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut last: Option<(usize, Granularity)> = None;
    while i < scan.toks.len() {
        let after_year = last.is_some_and(|(end, g)| end == i && g == Granularity::Year);
        match match_at(&ctx, i, after_year) {
            Some(f) => {
                i = f.next.max(i + 1);
                last = Some((f.next, f.granularity));
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

fn match_at(ctx: &Ctx<'_>, i: usize, after_year: bool) -> Option<Found> {
    ctx.start.set(i);
    if let Some(f) = ctx.day_range(i) {
        return Some(f);
    }
    if let Some(f) = ctx.calendar_date(i) {
        return Some(ctx.dual(f));
    }
    if let Some(f) = ctx.time(i) {
        return Some(f);
    }
    if let Some(f) = ctx.year_pair(i) {
        return Some(f);
    }
    if let Some(f) = ctx.year_expr(i) {
        return Some(f);
    }
    if after_year {
        // "عامي 2014 و2015": the second year of a pair.
        if let Some(f) = ctx.year_after_and(i) {
            return Some(f);
        }
    }
    ctx.relative(i)
        .or_else(|| ctx.decade_or_century(i))
        .or_else(|| ctx.month_alone(i))
        .or_else(|| ctx.year_after_preposition(i))
}

pub(crate) fn to_mention(scan: &Scan, f: Found) -> DateMention {
    let s = scan.toks[f.first].s + f.skip;
    let e = scan.toks[f.next - 1].e;
    let (start, end) = scan.original(s, e);
    DateMention {
        start,
        end,
        text: scan.slice(start, end).to_string(),
        granularity: f.granularity,
        calendar: f.calendar,
        // A value no ISO date can hold ("أمس" on 0001-01-01) is left unresolved.
        value: f.value.filter(Value::in_range),
        hijri: f.hijri,
        conversion: f.conversion,
        relative: f.relative,
        time: f.time,
        calendars_agree: f.agree,
    }
}
