//! A month named alone ("في أغسطس الماضي", "رمضان المقبل") and days written
//! as ordinals ("السادس من أغسطس").

use super::grammar::{hijri_year_of, place_in_year, Ctx, Found, Place, PREPOSITIONS};
use super::mention::{CalendarKind, Granularity, HijriValue, Value};
use crate::calendar::{hijri, Conversion, Date};
use crate::mentions::names::{names, NameKind};

/// Ordinal day words (masculine, as يوم): الأول … العاشر, الحادي (عشر …).
pub(super) fn ordinal_unit(w: &str) -> Option<u32> {
    Some(match w {
        "الاول" | "الحادي" => 1,
        "الثاني" => 2,
        "الثالث" => 3,
        "الرابع" => 4,
        "الخامس" => 5,
        "السادس" => 6,
        "السابع" => 7,
        "الثامن" => 8,
        "التاسع" => 9,
        "العاشر" => 10,
        "العشرين" => 20,
        "الثلاثين" => 30,
        _ => return None,
    })
}

impl Ctx<'_> {
    /// A day written as an ordinal before "من" + month: "السادس من أغسطس",
    /// "الحادي والعشرين من"، "الـ12 من أغسطس". Returns the day and the month's token.
    pub fn ordinal_day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.on_line(i)?;
        let (d, k) = if t.text == "ال" {
            // "الـ12": the article, tatweel removed, then the digits.
            let (d, digits) = self.int(i + 1)?;
            if digits > 2 || self.toks[i + 1].s != t.e {
                return None;
            }
            (d as u32, i + 2)
        } else {
            let mut d = ordinal_unit(t.form_any_bare())?;
            let mut k = i + 1;
            if d < 10 && self.exact(k, &["عشر"]) {
                d += 10;
                k += 1;
            } else if d < 10 && self.exact(k, &["والعشرين"]) {
                d += 20;
                k += 1;
            } else if d < 10 && self.exact(k, &["والثلاثين"]) {
                d += 30;
                k += 1;
            }
            (d, k)
        };
        if !(1..=31).contains(&d) || !self.exact(k, &["من"]) {
            return None;
        }
        Some((d, k + 1))
    }

    /// A month named alone: "فبراير الماضي", "في يوليو تموز", "شهر رمضان المبارك
    /// الماضي", "لشهري مايو أيار ويونيو حزيران". Gregorian months need a
    /// preposition, شهر, a placement or a preceding month; Hijri months (also
    /// names: رجب، رمضان) need شهر or a placement.
    pub fn month_alone(&self, i: usize) -> Option<Found> {
        let (k, skip, head) = match self.word(i, &["شهر", "شهري"]) {
            Some(s) => (i + 1, s, true),
            None => (i, 0, false),
        };
        let (m, cal) = self.month(k)?;
        let skip = if head { skip } else { m.skip };
        let mut next = m.next;
        if cal == CalendarKind::Hijri
            && self.exact(next, &["المبارك", "الكريم", "المعظم", "الحرام"])
        {
            next += 1;
        }
        let place = self.placement(next);
        let after_prep = k > 0 && self.exact(k - 1, PREPOSITIONS);
        let after_month = m.skip > 0
            && k > 0
            && self.toks[k.saturating_sub(2)..k].iter().any(|t| {
                names()
                    .at(std::slice::from_ref(t), 0, NameKind::GMonth)
                    .is_some()
            });
        let ok = match cal {
            CalendarKind::Gregorian => head || place.is_some() || after_prep || after_month,
            CalendarKind::Hijri => head || place.is_some(),
        };
        if !ok {
            return None;
        }
        if place.is_some() {
            next += 1;
        }
        let mut f = Found::new(i, skip, next, Granularity::Month);
        f.calendar = cal;
        f.relative = true;
        let place = place.unwrap_or(Place::Nearest);
        match cal {
            CalendarKind::Gregorian => {
                f.value = self
                    .reference
                    .and_then(|r| place_in_year(r, m.value, None, place));
            }
            CalendarKind::Hijri => {
                f.hijri = Some(HijriValue {
                    year: None,
                    month: Some(m.value),
                    day: None,
                });
                if let Some((a, b, c)) = self
                    .reference
                    .and_then(|r| hijri_month_near(r, m.value, place))
                {
                    f.value = Some(Value::Range(a, b));
                    f.conversion = Some(c);
                }
            }
        }
        Some(f)
    }
}

/// The Hijri month `month` nearest the reference (a past one counting single,
/// a future one double), or the last one ended before / first one after it.
fn hijri_month_near(r: Date, month: u32, place: Place) -> Option<(Date, Date, Conversion)> {
    let h = hijri_year_of(r)?;
    let spans: Vec<(Date, Date, Conversion)> = (h - 1..=h + 1)
        .filter_map(|y| hijri::month_span(y, month))
        .collect();
    match place {
        Place::Past => spans.iter().rev().find(|s| s.1 < r).copied(),
        Place::Next => spans.iter().find(|s| s.0 > r).copied(),
        Place::Nearest => spans
            .iter()
            .min_by_key(|s| {
                if s.0 <= r && r <= s.1 {
                    0
                } else if s.0 > r {
                    2 * (s.0.to_days() - r.to_days())
                } else {
                    r.to_days() - s.1.to_days()
                }
            })
            .copied(),
    }
}
