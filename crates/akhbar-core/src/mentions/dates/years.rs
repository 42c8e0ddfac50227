//! Years, decades and centuries: "عام 2015", "1436هـ", "في 2015", "عامي 2014
//! و2015", "1435/1436هـ", "الخمسينات", "القرن التاسع عشر".

use super::grammar::{Ctx, Found, Place, PREPOSITIONS, YEAR_WORDS};
use super::mention::{CalendarKind, Granularity, HijriValue, Value};
use super::months::ordinal_unit;
use crate::calendar::{hijri, Date};
use crate::mentions::numwords;

impl Ctx<'_> {
    /// A bare four-digit year after a preposition of time: "في 2015", "منذ 2011",
    /// "حتى 2020", "مطلع 2016". Only the number is the mention.
    pub fn year_after_preposition(&self, i: usize) -> Option<Found> {
        self.word(i, PREPOSITIONS)?;
        let (y, digits) = self.int(i + 1)?;
        if digits != 4 || !(1900..=2100).contains(&y) {
            return None;
        }
        // "في 2015 حالة" would be a count: a year is followed by punctuation, a
        // verb or a preposition, never by "%" or a scale word.
        if let Some(n) = self.on_line(i + 2) {
            let percent = n.is_punct('%')
                || self.exact(i + 2, &["بالميه", "بالمايه"])
                || self.exact(i + 2, &["في"]) && self.exact(i + 3, &["الميه", "المايه"]);
            if percent || numwords::read(self.toks, i + 2).is_some() {
                return None;
            }
        }
        let mut f = Found::new(i + 1, 0, i + 2, Granularity::Year);
        f.value = Some(Value::Year(y as i32));
        Some(f)
    }

    /// A year with a year word or a calendar suffix: "عام 2015", "العام 2015",
    /// "2015م", "1436هـ", "سنة 1436 هـ".
    pub fn year_expr(&self, i: usize) -> Option<Found> {
        let (skip, mut k) = match self.word(i, YEAR_WORDS) {
            Some(s) => (s, i + 1),
            None => (0, i),
        };
        // "بحلول عام .2020": a sentence-final dot displaced before the number by
        // right-to-left layout.
        if k > i && self.punct(k, '.') && self.on_line(k + 1).is_some_and(|t| t.s == self.toks[k].e)
        {
            k += 1;
        }
        let (y, suffix, next) = self.year(k)?;
        if k == i && suffix.is_none() {
            return None;
        }
        let cal = match suffix {
            Some(c) => c,
            // "العام 1436" without هـ: a year of the 14th/15th century AH is how a
            // reader takes it (news rarely names Gregorian years 1340–1500).
            None if (1340..=1500).contains(&y) => CalendarKind::Hijri,
            None => CalendarKind::Gregorian,
        };
        if cal == CalendarKind::Gregorian && !(1000..=2200).contains(&y) {
            return None;
        }
        let mut f = Found::new(i, skip, next, Granularity::Year);
        f.calendar = cal;
        self.set_value(&mut f, Some(y), None, None, Place::Nearest);
        Some(f)
    }
}

impl Ctx<'_> {
    /// "و2015" right after a year mention ("عامي 2014 و2015").
    pub fn year_after_and(&self, i: usize) -> Option<Found> {
        if !self.exact(i, &["و"]) {
            return None;
        }
        let (y, suffix, next) = self.year(i + 1)?;
        let cal = suffix.unwrap_or(if (1340..=1500).contains(&y) {
            CalendarKind::Hijri
        } else {
            CalendarKind::Gregorian
        });
        let mut f = Found::new(i + 1, 0, next, Granularity::Year);
        f.calendar = cal;
        self.set_value(&mut f, Some(y), None, None, Place::Nearest);
        Some(f)
    }
}

impl Ctx<'_> {
    /// Two consecutive years: "1435/1436هـ" (an academic or fiscal year),
    /// "2015-2016", "العام الدراسي 1435 /1436هـ". The value spans both.
    pub fn year_pair(&self, i: usize) -> Option<Found> {
        let (skip, k) = match self.word(i, YEAR_WORDS) {
            Some(s) => (s, i + 1),
            None => (0, i),
        };
        let (y1, d1) = self.int(k)?;
        if d1 != 4 || !(self.punct(k + 1, '/') || self.punct(k + 1, '-')) {
            return None;
        }
        let (y2, d2) = self.int(k + 2)?;
        if d2 != 4 || y2 != y1 + 1 {
            return None;
        }
        let (y1, y2) = (y1 as i32, y2 as i32);
        let (cal, next) = match self.suffix(k + 3) {
            Some((c, n)) => (c, n),
            None if (1340..=1500).contains(&y1) => (CalendarKind::Hijri, k + 3),
            None if (1000..=2200).contains(&y1) => (CalendarKind::Gregorian, k + 3),
            None => return None,
        };
        let mut f = Found::new(i, skip, next, Granularity::Year);
        f.calendar = cal;
        match cal {
            CalendarKind::Gregorian => {
                f.value = Some(Value::Range(Date::new(y1, 1, 1)?, Date::new(y2, 12, 31)?));
            }
            CalendarKind::Hijri => {
                f.hijri = Some(HijriValue {
                    year: Some(y1),
                    month: None,
                    day: None,
                });
                if let (Some((a, _, c)), Some((_, b, _))) =
                    (hijri::year_span(y1), hijri::year_span(y2))
                {
                    f.value = Some(Value::Range(a, b));
                    f.conversion = Some(c);
                }
            }
        }
        Some(f)
    }
}

/// Tens of a decade word: "الخمسينات", "خمسينيات", "التسعينيات" → 50, 90.
fn decade_word(w: &str) -> Option<i32> {
    let w = w.strip_prefix("ال").unwrap_or(w);
    let stem = w.strip_suffix("يات").or_else(|| w.strip_suffix("ات"))?;
    Some(match stem {
        "عشرين" => 20,
        "ثلاثين" => 30,
        "اربعين" => 40,
        "خمسين" => 50,
        "ستين" => 60,
        "سبعين" => 70,
        "ثمانين" => 80,
        "تسعين" => 90,
        _ => return None,
    })
}

impl Ctx<'_> {
    /// A century ("القرن العشرين", "القرن التاسع عشر", "القرن الـ19", "القرن
    /// الماضي") or a decade ("الخمسينات", "ثمانينيات القرن الماضي"). A decade
    /// with no century is taken in the 20th century, as a reader of news does.
    pub fn decade_or_century(&self, i: usize) -> Option<Found> {
        let t = self.on_line(i)?;
        if let Some(tens) = decade_word(t.form_any_bare()) {
            let skip = if decade_word(&t.text).is_some() { 0 } else { 1 };
            let mut f = Found::new(i, skip, i + 1, Granularity::Decade);
            let mut century = 20;
            let mut k = i + 1;
            if self.exact(k, &["من"]) && self.exact(k + 1, &["القرن"]) {
                k += 1;
            }
            if let Some((c, next)) = self.century_at(k) {
                century = c;
                f.next = next;
            }
            f.value = Some(Value::Decade((century - 1) * 10 + tens / 10));
            return Some(f);
        }
        let (c, next) = self.century_at(i)?;
        let mut f = Found::new(i, t.form("القرن").unwrap_or(0), next, Granularity::Century);
        f.value = Some(Value::Century(c - 1));
        Some(f)
    }

    /// "القرن العشرين" (and its number) at `i`, with the token after it.
    fn century_at(&self, i: usize) -> Option<(i32, usize)> {
        self.on_line(i)?.form("القرن")?;
        let k = i + 1;
        if self.exact(k, &["الماضي"]) {
            // Without a reference, news is read as written in the 21st century.
            return Some((self.reference.map_or(21, |r| r.year / 100 + 1) - 1, k + 1));
        }
        if self.exact(k, &["الحالي", "الجاري"]) {
            return Some((self.reference.map_or(21, |r| r.year / 100 + 1), k + 1));
        }
        if self.exact(k, &["ال"]) {
            let (n, digits) = self.int(k + 1)?;
            return (digits <= 2 && (1..=21).contains(&n)).then_some((n as i32, k + 2));
        }
        let mut n = ordinal_unit(&self.on_line(k)?.text)? as i32;
        let mut next = k + 1;
        if n < 10 && self.exact(next, &["عشر"]) {
            n += 10;
            next += 1;
        } else if n < 10 && self.exact(next, &["والعشرين"]) {
            n += 20;
            next += 1;
        }
        (1..=21).contains(&n).then_some((n, next))
    }
}
