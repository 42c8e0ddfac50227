//! Expressions relative to the reference date: اليوم، أمس، أمس الأول، غداً،
//! الأسبوع الماضي، العام المقبل، هذا الشهر، منذ ثلاثة أيام، يوم الأحد الماضي.
//!
//! Without a reference they are returned with `relative` set and no value.

use super::grammar::{Ctx, Found, Place};
use super::mention::{Granularity, Value};
use crate::calendar::Date;
use crate::mentions::names::NameKind;
use crate::mentions::numwords;

/// Parts of the day that may precede اليوم/أمس/غداً ("مساء أمس").
const DAY_PARTS: &[&str] = &[
    "صباح",
    "مساء",
    "ظهر",
    "عصر",
    "ليل",
    "ليله",
    "فجر",
    "ظهيره",
    "صبيحه",
    "ضحي",
];
/// Adjectives after اليوم that make it a named or counted day, not today.
const NAMED_DAY: &[&str] = &[
    "الوطني",
    "العالمي",
    "الدولي",
    "العربي",
    "التالي",
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "الاخير",
    "السابق",
    "المفتوح",
    "المحدد",
    "الدراسي",
    "الموعود",
    "الواحد",
    "نفسه",
    "الختامي",
    "الاولمبي",
    "الخليجي",
    "ذاته",
    "عينه",
];
/// Words before اليوم that make it no "today": newspapers named اليوم ("عين
/// اليوم", "صحيفة اليوم"), and "ذلك اليوم" (that day, an earlier one).
const NOT_TODAY_AFTER: &[&str] = &["عين", "صحيفه", "جريده", "بصحيفه", "لصحيفه", "ذلك"];
/// Words before الجمعة that make it the prayer, not the day.
const PRAYER: &[&str] = &["صلاه", "خطبه", "خطيب", "صلوات", "خطب", "جامع", "امام"];

/// A period word and its granularity.
fn period(w: &str) -> Option<Granularity> {
    match w {
        "الاسبوع" => Some(Granularity::Week),
        "الشهر" => Some(Granularity::Month),
        "العام" | "السنه" => Some(Granularity::Year),
        _ => None,
    }
}

/// A duration unit: granularity and whether the count is in the word (dual = 2).
fn unit(w: &str) -> Option<(Granularity, Option<i64>)> {
    use Granularity::*;
    Some(match w {
        "يوم" | "ايام" | "يوما" => (Day, None),
        "يومين" | "يومان" => (Day, Some(2)),
        "اسبوع" | "اسابيع" | "اسبوعا" => (Week, None),
        "اسبوعين" | "اسبوعان" => (Week, Some(2)),
        "شهر" | "اشهر" | "شهور" | "شهرا" => (Month, None),
        "شهرين" | "شهران" => (Month, Some(2)),
        "عام" | "اعوام" | "عاما" | "سنه" | "سنوات" | "سنين" | "سنه_" => {
            (Year, None)
        }
        "عامين" | "عامان" | "سنتين" | "سنتان" => (Year, Some(2)),
        _ => return None,
    })
}

/// The day `offset` days from the article's date, where the text names that
/// day's weekday: the article is the latest day on or before the reference
/// (the date a page was collected is on or after its publication) that fits.
pub(crate) fn article_day(r: Date, offset: i64, weekday: u32) -> Date {
    let target = r.add_days(offset);
    let back = (i64::from(target.weekday()) - i64::from(weekday)).rem_euclid(7);
    target.add_days(-back)
}

fn shift(r: Date, g: Granularity, n: i64) -> Value {
    match g {
        Granularity::Week => {
            let (y, w) = r.add_days(7 * n).iso_week();
            Value::Week(y, w)
        }
        Granularity::Month => {
            let m0 = i64::from(r.year) * 12 + i64::from(r.month) - 1 + n;
            Value::Month(m0.div_euclid(12) as i32, (m0.rem_euclid(12) + 1) as u32)
        }
        Granularity::Year => Value::Year(r.year + n as i32),
        _ => Value::Day(r.add_days(n)),
    }
}

impl Ctx<'_> {
    fn resolved(&self, mut f: Found, g: Granularity, n: i64) -> Found {
        f.relative = true;
        f.value = self.reference.map(|r| shift(r, g, n));
        f
    }

    /// A relative expression starting at token `i`.
    pub fn relative(&self, i: usize) -> Option<Found> {
        self.day_word(i)
            .or_else(|| self.this_period(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.weekday_alone(i))
    }

    /// [part of day | يوم] اليوم | أمس | أمس الأول | أول أمس | غداً | (بعد) غد,
    /// optionally with the weekday ("اليوم الأحد", "مساء غد (الأحد)") and the
    /// calendar date it is ("اليوم الأحد الموافق 10/10/1436").
    fn day_word(&self, i: usize) -> Option<Found> {
        let (k, skip, lead) = match self.word(i, DAY_PARTS).or_else(|| self.word(i, &["يوم"])) {
            Some(s) => (i + 1, s, true),
            None => (i, 0, false),
        };
        let first_skip = |s: usize| if k == i { s } else { skip };
        let t = self.on_line(k)?;
        let (offset, next, s) = if let Some(s) = t.any(&["اليوم"]) {
            // "اليوم الوطني", "اليوم ذاته": a named or an earlier day, not today;
            // "عين اليوم", "صحيفة اليوم": newspapers; "ذلك اليوم": that day.
            if self.exact(k + 1, NAMED_DAY) || k > 0 && self.exact(k - 1, NOT_TODAY_AFTER) {
                return None;
            }
            (0, k + 1, s)
        } else if let Some(s) = t.any(&["امس", "الامس", "البارحه"]) {
            if self.exact(k + 1, &["الاول"]) {
                (-2, k + 2, s)
            } else {
                (-1, k + 1, s)
            }
        } else if let Some(s) = t.any(&["اول"]) {
            let mut j = k + 1;
            if self.exact(j, &["من"]) {
                j += 1;
            }
            if !self.exact(j, &["امس"]) {
                return None;
            }
            (-2, j + 1, s)
        } else if let Some(s) = t.any(&["غدا"]) {
            (1, k + 1, s)
        } else if self.exact(k, &["بعد"]) && self.exact(k + 1, &["غد"]) {
            (2, k + 2, 0)
        } else if lead && self.exact(k, &["غد"]) {
            // "غد" alone is "the future"; after يوم or a part of the day it is tomorrow.
            (1, k + 1, 0)
        } else {
            return None;
        };
        let mut f = Found::new(i, first_skip(s), next, Granularity::Day);
        // "اليوم الأحد", "أمس الثلاثاء", "اليوم (السبت)": the weekday is part of the mention.
        let weekday = if self.punct(next, '(') {
            self.name(next + 1, NameKind::Weekday)
                .filter(|w| self.punct(w.next, ')'))
                .map(|mut w| {
                    w.next += 1;
                    w
                })
        } else {
            self.name(next, NameKind::Weekday)
        };
        if let Some(w) = weekday {
            f.next = w.next;
        }
        let mut f = self.resolved(f, Granularity::Day, offset);
        if let (Some(w), Some(r)) = (weekday, self.reference) {
            let d = article_day(r, offset, w.value);
            f.value = Some(Value::Day(d));
            f.anchor = Some(d.add_days(-offset));
        }
        // "اليوم الأحد الموافق 10/ 10 / 1436": the written date is the value.
        if self.exact(f.next, &["الموافق"]) {
            if let Some(d) = self.calendar_date(f.next + 1) {
                if d.granularity == Granularity::Day && d.value.is_some() {
                    f.next = d.next;
                    f.value = d.value;
                    f.hijri = d.hijri;
                    f.conversion = d.conversion;
                    f.calendar = d.calendar;
                }
            }
        }
        Some(f)
    }

    /// الأسبوع الماضي، العام المقبل، الشهر الجاري، هذا العام، هذه السنة.
    fn this_period(&self, i: usize) -> Option<Found> {
        if self.exact(i, &["هذا", "هذه"]) {
            let g = self.on_line(i + 1).and_then(|t| period(&t.text))?;
            let f = Found::new(i, 0, i + 2, g);
            return Some(self.resolved(f, g, 0));
        }
        let t = self.on_line(i)?;
        let (skip, g) = std::iter::once((0, t.text.as_str()))
            .chain(t.bares.iter().map(|(n, b)| (*n, b.as_str())))
            .find_map(|(n, w)| period(w).map(|g| (n, g)))?;
        let n = match self.placement(i + 1)? {
            Place::Past => -1,
            Place::Next => 1,
            Place::Nearest => 0,
        };
        // "السنة الماضية" agrees in gender; "العام الماضي" too: either is accepted.
        let f = Found::new(i, skip, i + 2, g);
        let mut f = self.resolved(f, g, n);
        // "العام الحالي 2015م": the year written after it is the value.
        if g == Granularity::Year {
            if let Some((y, digits)) = self.int(i + 2) {
                if digits == 4 {
                    f.next = i + 3;
                    if self.exact(f.next, &["م", "ه"]) {
                        f.next += 1;
                    }
                    f.value = Some(Value::Year(y as i32));
                    f.relative = false;
                }
            }
        }
        Some(f)
    }

    /// منذ/قبل + count + unit: "منذ ثلاثة أيام", "قبل يومين", "منذ 3 أشهر".
    fn ago(&self, i: usize) -> Option<Found> {
        let skip = self.word(i, &["منذ", "قبل"])?;
        let k = i + 1;
        let (n, g, next) = if let Some((g, Some(n))) = self.on_line(k).and_then(|t| unit(&t.text)) {
            (n, g, k + 1)
        } else if let Some((g, None)) = self.on_line(k).and_then(|t| unit(&t.text)) {
            // "قبل يوم", "منذ شهر": one.
            if !matches!(
                self.on_line(k).map(|t| t.text.as_str()),
                Some("يوم" | "اسبوع" | "شهر" | "عام" | "سنه")
            ) {
                return None;
            }
            (1, g, k + 1)
        } else {
            let r = numwords::read(self.toks, k)?;
            let v = r.value?;
            if r.skip > 0 || v.fract() != 0.0 || !(1.0..=1000.0).contains(&v) {
                return None;
            }
            let (g, dual) = self.on_line(r.next).and_then(|t| unit(&t.text))?;
            if dual.is_some() {
                return None;
            }
            (v as i64, g, r.next + 1)
        };
        // "قبل يومين من الانتخابات" is relative to the elections, not to today.
        if self.exact(next, &["من"]) {
            return None;
        }
        let f = Found::new(
            i,
            skip,
            next,
            if g == Granularity::Week {
                Granularity::Day
            } else {
                g
            },
        );
        let f = match g {
            Granularity::Week => self.resolved(f, Granularity::Day, -7 * n),
            _ => self.resolved(f, g, -n),
        };
        Some(f)
    }

    /// [يوم] الأحد [الماضي|المقبل]: the nearest such day before (or after) the reference.
    fn weekday_alone(&self, i: usize) -> Option<Found> {
        let (k, skip) = match self.word(i, &["يوم"]).or_else(|| self.word(i, DAY_PARTS)) {
            Some(s) if self.name(i + 1, NameKind::Weekday).is_some() => (i + 1, s),
            _ => (i, 0),
        };
        let w = self.name(k, NameKind::Weekday)?;
        if w.value == 4 && i > 0 && self.on_line(i).is_some() && self.exact(i - 1, PRAYER) {
            return None;
        }
        let skip = if k == i { w.skip } else { skip };
        let mut next = w.next;
        let place = self.placement(next);
        if place.is_some() {
            next += 1;
        }
        let mut f = Found::new(i, skip, next, Granularity::Day);
        f.relative = true;
        f.value = self.reference.map(|r| {
            let back = (i64::from(r.weekday()) - i64::from(w.value)).rem_euclid(7);
            let d = match place {
                Some(Place::Next) => {
                    let fwd = (i64::from(w.value) - i64::from(r.weekday())).rem_euclid(7);
                    r.add_days(if fwd == 0 { 7 } else { fwd })
                }
                Some(Place::Past) => r.add_days(-(if back == 0 { 7 } else { back })),
                _ => r.add_days(-back),
            };
            Value::Day(d)
        });
        Some(f)
    }
}
