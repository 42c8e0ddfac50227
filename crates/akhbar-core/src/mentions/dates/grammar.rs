//! The date grammar: calendar dates written with month names or digits, in
//! either calendar, and the dual Hijri/Gregorian form of wire datelines.
//!
//! Rules read the token view of [`crate::mentions::scan`]; each returns a [`Found`]
//! spanning whole tokens (less a stripped proclitic on the first one).

use super::mention::{CalendarKind, Granularity, HijriValue, Time, Value};
use crate::calendar::{hijri, Conversion, Date, HijriDate};
use crate::mentions::names::{names, NameKind, NameMatch};

use crate::mentions::scan::Tok;

/// A match of one rule, in tokens, with its value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// First token, letters of proclitic skipped in it, token after the match.
    pub first: usize,
    pub skip: usize,
    pub next: usize,
    pub granularity: Granularity,
    pub calendar: CalendarKind,
    pub value: Option<Value>,
    pub hijri: Option<HijriValue>,
    pub conversion: Option<Conversion>,
    pub relative: bool,
    pub time: Option<Time>,
    pub agree: Option<bool>,
    /// The article's own date as this mention reveals it ("اليوم الجمعة").
    pub anchor: Option<Date>,
}

impl Found {
    pub fn new(first: usize, skip: usize, next: usize, granularity: Granularity) -> Self {
        Self {
            first,
            skip,
            next,
            granularity,
            calendar: CalendarKind::Gregorian,
            value: None,
            hijri: None,
            conversion: None,
            relative: false,
            time: None,
            agree: None,
            anchor: None,
        }
    }
}

/// Suffixes that mark a Gregorian year (م، ميلادي) and a Hijri one (هـ، هجري).
const GREG_SUFFIX: &[&str] = &["م", "ميلادي", "ميلاديه", "للميلاد", "ميلاديا"];
const HIJRI_SUFFIX: &[&str] = &["ه", "هجري", "هجريه", "للهجره", "هجريا", "هـ"];
/// Words naming a year before its number (عام 2015، سنة 1436 هـ).
pub(crate) const YEAR_WORDS: &[&str] = &["عام", "العام", "سنه", "السنه", "عامي", "سنتي"];
/// Prepositions of time before a bare year.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "خلال",
    "مطلع",
    "بدايه",
    "نهايه",
    "اواخر",
    "اوائل",
    "منتصف",
    "قبل",
    "بعد",
    "عن",
    "الي",
    "من",
];
/// Words linking the two calendars of a dual date.
const LINKS: &[&str] = &[
    "الموافق",
    "الموافقه",
    "الموافقين",
    "الموافقة",
    "م/",
    "الموافق:",
];
/// Words after a month (or day and month) that place it relative to the reference.
pub(crate) const PAST: &[&str] = &[
    "الماضي",
    "الماضيه",
    "المنصرم",
    "المنصرمه",
    "الفايت",
    "الفايته",
    "الماضيين",
    "الماضيتين",
    "السابق",
];
pub(crate) const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];
pub(crate) const CURRENT: &[&str] = &["الجاري", "الجاريه", "الحالي", "الحاليه"];

/// The tokens of one text and the reference date.
pub(crate) struct Ctx<'a> {
    pub toks: &'a [Tok],
    pub reference: Option<Date>,
    /// The token a match starts at: it may begin a line; later tokens may not.
    pub start: std::cell::Cell<usize>,
}

/// Where a year-less date is placed relative to the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Nearest,
    Past,
    Next,
}

impl<'a> Ctx<'a> {
    /// Token `i` when it continues the current line.
    pub fn on_line(&self, i: usize) -> Option<&'a Tok> {
        self.toks
            .get(i)
            .filter(|t| !t.line_before || i == self.start.get())
    }

    /// Value of a plain digit run at `i` (on the line) and its digit count.
    pub fn int(&self, i: usize) -> Option<(u64, usize)> {
        let t = self.on_line(i)?;
        Some((t.int?, t.digits()))
    }

    pub fn punct(&self, i: usize, c: char) -> bool {
        self.on_line(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether token `i` (on the line) is one of `ws`, possibly with a proclitic.
    pub fn word(&self, i: usize, ws: &[&str]) -> Option<usize> {
        self.on_line(i)?.any(ws)
    }

    /// Whether token `i` is exactly one of `ws` (no proclitic).
    pub fn exact(&self, i: usize, ws: &[&str]) -> bool {
        self.on_line(i)
            .is_some_and(|t| ws.contains(&t.text.as_str()))
    }

    pub fn name(&self, i: usize, kind: NameKind) -> Option<NameMatch> {
        names().at(self.toks, i, kind)
    }

    /// A Gregorian month name, with the newswire combined forms
    /// "كانون الثاني/يناير", "آب (أغسطس)", "يناير - كانون الثاني".
    pub fn gmonth(&self, i: usize) -> Option<NameMatch> {
        let mut m = self.name(i, NameKind::GMonth)?;
        if let Some(m2) = self
            .on_line(m.next)
            .and(self.name(m.next, NameKind::GMonth))
            .filter(|m2| m2.value == m.value && m2.skip == 0)
        {
            // "يوليو تموز", "يناير كانون الثاني": both namings side by side.
            m.next = m2.next;
        } else if self.punct(m.next, '/') || self.punct(m.next, '-') {
            if let Some(m2) = self
                .on_line(m.next + 1)
                .and(self.name(m.next + 1, NameKind::GMonth))
            {
                if m2.value == m.value {
                    m.next = m2.next;
                }
            }
        } else if self.punct(m.next, '(') {
            if let Some(m2) = self
                .on_line(m.next + 1)
                .and(self.name(m.next + 1, NameKind::GMonth))
            {
                if m2.value == m.value && self.punct(m2.next, ')') {
                    m.next = m2.next + 1;
                }
            }
        }
        Some(m)
    }

    /// A month of either calendar.
    pub fn month(&self, i: usize) -> Option<(NameMatch, CalendarKind)> {
        if let Some(m) = self.gmonth(i) {
            return Some((m, CalendarKind::Gregorian));
        }
        self.name(i, NameKind::HMonth)
            .map(|m| (m, CalendarKind::Hijri))
    }

    /// A calendar suffix at `i`: the calendar and the token after it.
    pub fn suffix(&self, i: usize) -> Option<(CalendarKind, usize)> {
        if self.exact(i, GREG_SUFFIX) {
            Some((CalendarKind::Gregorian, i + 1))
        } else if self.exact(i, HIJRI_SUFFIX) {
            Some((CalendarKind::Hijri, i + 1))
        } else {
            None
        }
    }

    /// A year number at `i` (after a month or a year word), its calendar
    /// suffix if any, and the token after.
    pub fn year(&self, i: usize) -> Option<(i32, Option<CalendarKind>, usize)> {
        let (y, digits) = self.int(i)?;
        if !(3..=4).contains(&digits) || y == 0 {
            return None;
        }
        match self.suffix(i + 1) {
            Some((cal, next)) => Some((y as i32, Some(cal), next)),
            None => Some((y as i32, None, i + 1)),
        }
    }

    /// A day of the month (1..=31, one or two digits) at `i`.
    pub fn day(&self, i: usize) -> Option<u32> {
        let (d, digits) = self.int(i)?;
        ((1..=31).contains(&d) && digits <= 2).then_some(d as u32)
    }

    /// A year after a month: "2015", "، 2015", "من عام 2015", "عام 1436 هـ".
    pub fn year_after_month(&self, i: usize) -> Option<(i32, Option<CalendarKind>, usize)> {
        let mut k = i;
        if self.punct(k, ',') {
            k += 1;
        }
        if self.exact(k, &["من"]) {
            k += 1;
        }
        if self.exact(k, YEAR_WORDS) {
            k += 1;
            // "24 مارس العام الماضي": the year is relative to the reference.
            if let (Some(p), Some(r)) = (self.placement(k), self.reference) {
                let y = match p {
                    Place::Past => r.year - 1,
                    Place::Next => r.year + 1,
                    Place::Nearest => r.year,
                };
                return Some((y, None, k + 1));
            }
        }
        let (y, cal, next) = self.year(k)?;
        // Without a year word a three-digit number is not a year ("مايو 300 ألف").
        if k == i && y < 1000 {
            return None;
        }
        Some((y, cal, next))
    }

    /// A relative placement word at `i` (الماضي، المقبل، الجاري).
    pub fn placement(&self, i: usize) -> Option<Place> {
        if self.exact(i, PAST) {
            Some(Place::Past)
        } else if self.exact(i, NEXT) {
            Some(Place::Next)
        } else if self.exact(i, CURRENT) {
            Some(Place::Nearest)
        } else {
            None
        }
    }

    /// A calendar date starting at `i`: [weekday] day month [year], month year,
    /// or a numeric date.
    pub fn calendar_date(&self, i: usize) -> Option<Found> {
        let mut k = i;
        let mut skip = 0;
        let mut weekday = None;
        if let Some(s) = self.word(k, &["يوم"]) {
            // "يوم الأحد 3 ديسمبر", "يوم الثاني عشر من أغسطس", "يوم 12 أغسطس".
            if self.name(k + 1, NameKind::Weekday).is_some() || self.day_month(k + 1).is_some() {
                skip = s;
                k += 1;
            }
        }
        if let Some(w) = self.name(k, NameKind::Weekday) {
            if k == i {
                skip = w.skip;
            }
            weekday = Some(w.value);
            k = w.next;
            if self.punct(k, ',') || self.punct(k, '-') {
                k += 1;
            }
            self.on_line(k)?;
        }
        let mut f = self.day_month(k).or_else(|| self.numeric(k)).or_else(|| {
            if weekday.is_none() {
                self.month_year(k)
            } else {
                None
            }
        })?;
        if k != i {
            f.first = i;
            f.skip = skip;
        }
        let _ = weekday;
        Some(f)
    }

    /// day month [year]: "10 أغسطس 2015 م", "25 شوال 1436 هـ", "3 كانون الأول".
    fn day_month(&self, i: usize) -> Option<Found> {
        let (d, mut k) = match self.day(i) {
            Some(d) => (d, i + 1),
            None => self.ordinal_day(i)?,
        };
        if self.punct(k, '-') || self.punct(k, '/') {
            k += 1;
        }
        // "الثاني عشر من شهر أغسطس": the head noun before the month name.
        if self.exact(k, &["شهر"]) && self.month(k + 1).is_some() {
            k += 1;
        }
        let (m, cal) = self.month(k)?;
        if m.skip > 0 {
            // "3 وأغسطس" is not a date.
            return None;
        }
        let mut f = Found::new(i, 0, m.next, Granularity::Day);
        f.calendar = cal;
        let mut year = None;
        if let Some((y, suffix, next)) = self.year_after_month(m.next) {
            if suffix.is_none_or(|s| s == cal) {
                year = Some(y);
                f.next = next;
            }
        }
        let mut place = Place::Nearest;
        if year.is_none() {
            if let Some(p) = self.placement(f.next) {
                place = p;
                f.next += 1;
            }
        }
        self.set_value(&mut f, year, Some(m.value), Some(d), place);
        Some(f)
    }

    /// month year: "أغسطس 2015", "كانون الثاني/يناير 2016", "رمضان 1436 هـ".
    fn month_year(&self, i: usize) -> Option<Found> {
        let mut k = i;
        let mut skip = 0;
        if let Some(s) = self.word(k, &["شهر", "شهري"]) {
            if self.month(k + 1).is_some() {
                skip = s;
                k += 1;
            }
        }
        let (m, cal) = self.month(k)?;
        if k == i {
            skip = m.skip;
        }
        let (y, suffix, next) = self.year_after_month(m.next)?;
        if suffix.is_some_and(|s| s != cal) {
            return None;
        }
        let mut f = Found::new(i, skip, next, Granularity::Month);
        f.calendar = cal;
        self.set_value(&mut f, Some(y), Some(m.value), None, Place::Nearest);
        Some(f)
    }

    /// Numeric dates: 3/12/2017, 2017-12-03, 3.12.2017, 1436/10/25 هـ.
    fn numeric(&self, i: usize) -> Option<Found> {
        let (parts, mut next): (Vec<(u64, usize)>, usize) = {
            let t = self.on_line(i)?;
            if t.int.is_none() && t.kind == crate::text::TokenKind::Number && t.text.contains('.') {
                // The tokenizer keeps "3.12.2017" as one number.
                let ps: Vec<(u64, usize)> = t
                    .text
                    .split('.')
                    .filter_map(|p| Some((p.parse().ok()?, p.len())))
                    .collect();
                if ps.len() != 3 {
                    return None;
                }
                (ps, i + 1)
            } else {
                let a = self.int(i)?;
                let sep = ['/', '-', '.']
                    .into_iter()
                    .find(|&c| self.punct(i + 1, c))?;
                let b = self.int(i + 2)?;
                if !self.punct(i + 3, sep) {
                    return None;
                }
                let c = self.int(i + 4)?;
                // A longer run of numbers is not a date (phone numbers, scores).
                if self.punct(i + 5, sep) && self.int(i + 6).is_some() {
                    return None;
                }
                // Spaced forms ("18 / 3 / 1391 هـ") only with a four-digit year.
                let spaced = self.toks[i + 4].s != self.toks[i + 3].e
                    && self.toks[i + 1].s != self.toks[i].e;
                if spaced && a.1 != 4 && c.1 != 4 {
                    return None;
                }
                (vec![a, b, c], i + 5)
            }
        };
        let (y, m, d) = if parts[0].1 == 4 && parts[1].1 <= 2 && parts[2].1 <= 2 {
            (parts[0].0, parts[1].0, parts[2].0)
        } else if parts[2].1 == 4 && parts[0].1 <= 2 && parts[1].1 <= 2 {
            (parts[2].0, parts[1].0, parts[0].0)
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let mut cal = if (1300..=1500).contains(&y) {
            CalendarKind::Hijri
        } else {
            CalendarKind::Gregorian
        };
        if let Some((c, n)) = self.suffix(next) {
            cal = c;
            next = n;
        }
        let mut f = Found::new(i, 0, next, Granularity::Day);
        f.calendar = cal;
        self.set_value(
            &mut f,
            Some(y as i32),
            Some(m as u32),
            Some(d as u32),
            Place::Nearest,
        );
        Some(f)
    }

    /// A range of days in one month: "17 - 23 شوال 1436هـ", "من 10 إلى 15 أغسطس",
    /// "بين 3 و5 ديسمبر 2017".
    pub fn day_range(&self, i: usize) -> Option<Found> {
        let d1 = self.day(i)?;
        let and = self.exact(i + 1, &["و"]);
        let k = if self.punct(i + 1, '-') || self.exact(i + 1, &["الي", "حتي"]) || and {
            i + 2
        } else {
            return None;
        };
        let mut second = self.day_month(k)?;
        if and && !(i > 0 && self.exact(i - 1, &["بين"])) {
            // "14 و17 أغسطس" is two dates: the first takes the month and year of the second.
            let mut first = second.clone();
            first.first = i;
            first.next = i + 1;
            let (y, m) = match (second.value, second.hijri) {
                (_, Some(h)) => (h.year, h.month),
                (Some(Value::Day(d)), None) => (Some(d.year), Some(d.month)),
                _ => (None, None),
            };
            if second.relative {
                first.relative = false;
                first.value = None;
                first.hijri = None;
                let place = Place::Nearest;
                self.set_value(&mut first, None, m, Some(d1), place);
            } else {
                self.set_value(&mut first, y, m, Some(d1), Place::Nearest);
            }
            return Some(first);
        }
        let d2 = self.toks[k].int? as u32;
        if d2 <= d1 {
            return None;
        }
        let mut first = second.clone();
        let (Some(Value::Day(b)), Some(Value::Day(_))) = (second.value, first.value) else {
            // Keep the span; the value needs both ends.
            second.first = i;
            second.value = None;
            return Some(second);
        };
        let a = match second.calendar {
            CalendarKind::Gregorian => Date::new(b.year, b.month, d1),
            CalendarKind::Hijri => Some(b.add_days(i64::from(d1) - i64::from(d2))),
        };
        first.first = i;
        first.value = a.map(|a| Value::Range(a, b));
        if let Some(h) = first.hijri.as_mut() {
            h.day = None;
        }
        Some(first)
    }

    /// A calendar date followed by the same date in the other calendar:
    /// "25 شوال 1436 هـ الموافق 10 أغسطس 2015 م" → one mention.
    pub fn dual(&self, first: Found) -> Found {
        let mut k = first.next;
        if self.punct(k, ',') {
            k += 1;
        }
        let (k, close) = if self.exact(k, LINKS) {
            (k + 1, false)
        } else if self.punct(k, '(') {
            (k + 1, true)
        } else {
            return first;
        };
        let k = if self.exact(k, &["ل"]) { k + 1 } else { k };
        let Some(second) = self.calendar_date(k) else {
            return first;
        };
        if second.calendar == first.calendar || second.granularity != first.granularity {
            return first;
        }
        let mut next = second.next;
        if close {
            if !self.punct(next, ')') {
                return first;
            }
            next += 1;
        }
        let (h, g) = if first.calendar == CalendarKind::Hijri {
            (&first, &second)
        } else {
            (&second, &first)
        };
        let mut f = h.clone();
        f.first = first.first;
        f.skip = first.skip;
        f.next = next;
        f.agree = Some(h.value.is_some() && h.value == g.value);
        // The written Gregorian date is the value; the Hijri one stays as written.
        if g.value.is_some() {
            f.value = g.value;
        }
        f
    }

    /// Fill calendar, value and Hijri fields from (year, month, day).
    pub fn set_value(
        &self,
        f: &mut Found,
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        place: Place,
    ) {
        match f.calendar {
            CalendarKind::Gregorian => {
                f.value = match (year, month, day) {
                    (Some(y), Some(m), Some(d)) => Date::new(y, m, d).map(Value::Day),
                    (Some(y), Some(m), None) => Some(Value::Month(y, m)),
                    (Some(y), None, None) => Some(Value::Year(y)),
                    (None, Some(m), d) => {
                        if d.is_some_and(|d| d > crate::calendar::days_in_month(2016, m)) {
                            None
                        } else {
                            f.relative = true;
                            self.reference.and_then(|r| place_in_year(r, m, d, place))
                        }
                    }
                    _ => None,
                };
            }
            CalendarKind::Hijri => {
                let year = year.or_else(|| {
                    f.relative = true;
                    self.reference.and_then(hijri_year_of)
                });
                f.hijri = Some(HijriValue {
                    year: if f.relative { None } else { year },
                    month,
                    day,
                });
                f.value = match (year, month, day) {
                    (Some(y), Some(m), Some(d)) => HijriDate::new(y, m, d)
                        .and_then(|h| h.to_gregorian())
                        .map(|(g, c)| {
                            f.conversion = Some(c);
                            Value::Day(g)
                        }),
                    (Some(y), Some(m), None) => hijri::month_span(y, m).map(|(a, b, c)| {
                        f.conversion = Some(c);
                        Value::Range(a, b)
                    }),
                    (Some(y), None, None) => hijri::year_span(y).map(|(a, b, c)| {
                        f.conversion = Some(c);
                        Value::Range(a, b)
                    }),
                    _ => None,
                };
            }
        }
    }
}

/// The Hijri year containing a Gregorian date.
pub(crate) fn hijri_year_of(d: Date) -> Option<i32> {
    let guess = ((d.year - 622) as f64 * 33.0 / 32.0) as i32;
    (guess - 1..=guess + 2).find(|&y| hijri::year_span(y).is_some_and(|(a, b, _)| a <= d && d <= b))
}

/// A day (or month when `day` is `None`) placed in the year that puts it
/// nearest the reference, or the last one before / first one after it.
pub(crate) fn place_in_year(r: Date, month: u32, day: Option<u32>, place: Place) -> Option<Value> {
    let make = |y: i32| -> Option<(Value, Date, Date)> {
        match day {
            Some(d) => Date::new(y, month, d).map(|x| (Value::Day(x), x, x)),
            None => {
                let a = Date::new(y, month, 1)?;
                let b = Date::new(y, month, crate::calendar::days_in_month(y, month))?;
                Some((Value::Month(y, month), a, b))
            }
        }
    };
    let candidates: Vec<(Value, Date, Date)> = (r.year - 1..=r.year + 1).filter_map(make).collect();
    let pick = match place {
        Place::Past => candidates.iter().rev().find(|c| c.2 < r),
        Place::Next => candidates.iter().find(|c| c.1 > r),
        Place::Nearest => candidates.iter().min_by_key(|c| {
            if c.1 <= r && r <= c.2 {
                0
            } else {
                // News reports the past more than it announces: a date ahead of
                // the reference counts double ("يناير" in August is last January).
                if c.1 > r {
                    2 * (c.1.to_days() - r.to_days())
                } else {
                    r.to_days() - c.2.to_days()
                }
            }
        }),
    };
    pick.map(|c| c.0)
}
