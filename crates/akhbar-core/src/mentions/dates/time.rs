//! Clock times: "الساعة 10:30 صباحاً", "16:54 ت م", "الساعة العاشرة مساءً",
//! "الساعة الثامنة والنصف من مساء أمس".

use super::grammar::{Ctx, Found};
use super::mention::{Granularity, Time};

/// What a period word does to the hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Morning,
    Afternoon,
    Night,
}

fn period(w: &str) -> Option<Period> {
    Some(match w {
        "صباحا" | "صباح" | "ص" | "فجرا" | "فجر" | "صباحاً" => {
            Period::Morning
        }
        "ظهرا" | "ظهر" | "عصرا" | "عصر" | "مساء" | "مساءا" | "مساء_" | "م" | "ظهيرا" => {
            Period::Afternoon
        }
        "ليلا" | "ليل" => Period::Night,
        _ => return None,
    })
}

/// Hour written as an ordinal: الساعة الواحدة … الثانية عشرة.
fn hour_word(w: &str) -> Option<u32> {
    Some(match w {
        "الواحده" => 1,
        "الثانيه" => 2,
        "الثالثه" => 3,
        "الرابعه" => 4,
        "الخامسه" => 5,
        "السادسه" => 6,
        "السابعه" => 7,
        "الثامنه" => 8,
        "التاسعه" => 9,
        "العاشره" => 10,
        "الحاديه" => 11,
        _ => return None,
    })
}

fn apply(hour: u32, p: Option<Period>) -> u32 {
    match p {
        Some(Period::Afternoon) if hour < 12 => hour + 12,
        Some(Period::Night) if (6..12).contains(&hour) => hour + 12,
        Some(Period::Night) if hour == 12 => 0,
        _ => hour,
    }
}

impl Ctx<'_> {
    /// A clock time starting at token `i`.
    pub fn time(&self, i: usize) -> Option<Found> {
        let (k, skip) = match self.word(i, &["الساعه"]) {
            Some(s) => (i + 1, Some(s)),
            None => (i, None),
        };
        let (mut hour, mut minute, mut next) = if let Some((h, hd)) = self.int(k) {
            if hd == 4 && skip.is_some() && h % 100 < 60 && h / 100 <= 24 {
                // "الساعة 0622 بتوقيت غرينتش": hours and minutes in four digits.
                (h as u32 / 100, h as u32 % 100, k + 1)
            } else {
                if hd > 2 || h > 24 {
                    return None;
                }
                if self.punct(k + 1, ':') {
                    let (m, md) = self.int(k + 2)?;
                    if md != 2 || m > 59 {
                        return None;
                    }
                    (h as u32, m as u32, k + 3)
                } else if skip.is_some() {
                    (h as u32, 0, k + 1)
                } else if (1..=12).contains(&h) && self.attached_period(k) {
                    // Opening hours "٨ص-٥م": the period letter written onto the hour.
                    (h as u32, 0, k + 1)
                } else {
                    return None;
                }
            }
        } else if skip.is_some() || self.period_follows(k) {
            let t = self.on_line(k)?;
            let mut h = hour_word(&t.text)?;
            let mut n = k + 1;
            if (h == 11 || h == 2) && self.exact(n, &["عشره", "عشر"]) {
                h = if h == 11 { 11 } else { 12 };
                n += 1;
            } else if h == 11 {
                return None;
            }
            (h, 0, n)
        } else {
            return None;
        };
        // Minutes in words: والنصف، والربع، إلا ربعاً.
        if self.exact(next, &["والنصف"]) {
            minute = 30;
            next += 1;
        } else if self.exact(next, &["والربع"]) {
            minute = 15;
            next += 1;
        } else if self.exact(next, &["الا"]) && self.exact(next + 1, &["ربعا", "الربع"])
        {
            hour = if hour == 0 { 23 } else { hour - 1 };
            minute = 45;
            next += 2;
        }
        // Time zone "ت م" (توقيت مكة) before anything else: its م is not "p.m.".
        let mut p = None;
        if self.exact(next, &["ت"]) && self.exact(next + 1, &["م", "غ"]) {
            next += 2;
        } else if let Some(x) = self.on_line(next).and_then(|t| period(&t.text)) {
            p = Some(x);
            next += 1;
        } else if self.exact(next, &["من"]) {
            // "الساعة العاشرة من صباح اليوم": the period is read, the day is the next mention.
            if let Some(x) = self.on_line(next + 1).and_then(|t| period(&t.text)) {
                p = Some(x);
            }
        }
        if self.exact(next, &["بتوقيت"]) && self.is_word(next + 1) {
            next = self.zone_end(next + 1);
        }
        let hour = apply(hour, p);
        if hour > 24 || (hour == 24 && minute > 0) {
            return None;
        }
        let mut f = Found::new(i, skip.unwrap_or(0), next, Granularity::Time);
        f.time = Some(Time { hour, minute });
        Some(f)
    }
}

/// Words that go on a time zone's place name (folded): "مكة المكرمة",
/// "المملكة العربية السعودية", "الولايات المتحدة".
const ZONE_CONTINUED: &[&str] = &["المكرمه", "المنوره", "العربيه", "السعوديه", "المتحده"];

impl Ctx<'_> {
    /// Whether token `k` is a word on this line.
    fn is_word(&self, k: usize) -> bool {
        self.on_line(k)
            .is_some_and(|t| t.kind == crate::text::TokenKind::Word)
    }

    /// The end of a time zone's place name starting at `k`, after "بتوقيت":
    /// one word ("غرينتش", "السعودية", "لندن"), the words that go on it
    /// ([`ZONE_CONTINUED`]), and after "العاصمة" an adjective and the city
    /// ("العاصمة الفرنسية باريس"). What follows is the sentence going on
    /// ("بتوقيت السعودية في ختام …", "بتوقيت لندن وسيقودها …").
    fn zone_end(&self, k: usize) -> usize {
        let mut j = k + 1;
        if self.exact(k, &["العاصمه"]) && self.is_word(j) {
            let adjective = self.on_line(j).is_some_and(|t| t.text.ends_with("يه"));
            j += 1;
            if adjective && self.is_word(j) {
                j += 1;
            }
        }
        while self.exact(j, ZONE_CONTINUED) {
            j += 1;
        }
        j
    }

    /// Whether the number at `k` has ص or م written right onto it ("٨ص", "5م").
    fn attached_period(&self, k: usize) -> bool {
        match (self.on_line(k), self.on_line(k + 1)) {
            (Some(n), Some(p)) => n.e == p.s && (p.text == "ص" || p.text == "م"),
            _ => false,
        }
    }

    /// Whether the hour word at `k` is followed by a part of the day
    /// ("الواحدة صباحاً", "الرابعة والنصف من عصر"), so it is a time even
    /// without "الساعة".
    fn period_follows(&self, k: usize) -> bool {
        let Some(t) = self.on_line(k) else {
            return false;
        };
        if hour_word(&t.text).is_none() {
            return false;
        }
        let mut n = k + 1;
        if self.exact(n, &["عشره", "عشر"]) {
            n += 1;
        }
        if self.exact(n, &["والنصف", "والربع"]) {
            n += 1;
        }
        if self.exact(n, &["من"]) {
            n += 1;
        }
        self.on_line(n)
            .is_some_and(|t| period(&t.text).is_some() && t.text != "م" && t.text != "ص")
    }
}
