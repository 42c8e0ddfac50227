//! The Hijri calendar: Umm al-Qura for the years its table covers, the
//! arithmetical (tabular) calendar outside them, and which one was used.
//!
//! The Umm al-Qura table (`data/ummalqura.tsv`, 1343–1500 AH = 1924–2077 CE)
//! is generated from hijridate (MIT) by `tools/build_date_data.py`.

use std::sync::OnceLock;

use super::gregorian::Date;

/// A Hijri date as written (year AH, month 1..=12, day 1..=30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HijriDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// How a Hijri date was converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Conversion {
    /// The official Saudi Umm al-Qura calendar (table).
    UmmAlQura,
    /// The arithmetical Islamic calendar (30-year cycle, civil epoch): an
    /// approximation, off by a day or two from observed months.
    Tabular,
}

impl Conversion {
    /// The lower-case name used in Python.
    pub fn as_str(self) -> &'static str {
        match self {
            Conversion::UmmAlQura => "umm_al_qura",
            Conversion::Tabular => "tabular",
        }
    }
}

struct Year {
    year: i32,
    start: i64,
    lengths: [u8; 12],
}

fn table() -> &'static [Year] {
    static TABLE: OnceLock<Vec<Year>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/ummalqura.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                let year = f.next()?.parse().ok()?;
                let start = Date::from_iso(f.next()?)?.to_days();
                let mut lengths = [0u8; 12];
                let digits = f.next()?.as_bytes();
                if digits.len() != 12 {
                    return None;
                }
                for (slot, &d) in lengths.iter_mut().zip(digits) {
                    // Last digit of 28..=31.
                    *slot = match d {
                        b'8' => 28,
                        b'9' => 29,
                        b'0' => 30,
                        b'1' => 31,
                        _ => return None,
                    };
                }
                Some(Year {
                    year,
                    start,
                    lengths,
                })
            })
            .collect()
    })
}

fn uaq_year(year: i32) -> Option<&'static Year> {
    let t = table();
    let first = t.first()?.year;
    t.get(usize::try_from(year - first).ok()?)
        .filter(|y| y.year == year)
}

/// Day number (days since 1970-01-01) of a tabular Hijri date.
fn tabular_days(year: i32, month: u32, day: u32) -> i64 {
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    // Julian day number, civil epoch 16 July 622 (JDN 1948440).
    let jdn =
        d + (295 * (m - 1) + 9) / 10 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 1_948_439;
    jdn - 2_440_588
}

fn tabular_month_length(year: i32, month: u32) -> u32 {
    if month == 12 {
        let leap = (14 + 11 * i64::from(year)).rem_euclid(30) < 11;
        if leap {
            30
        } else {
            29
        }
    } else if month % 2 == 1 {
        30
    } else {
        29
    }
}

impl HijriDate {
    /// A Hijri date whose day fits its month (in the calendar that converts it).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let d = Self { year, month, day };
        (d.month_length()? >= day && day >= 1).then_some(d)
    }

    /// Days in this date's month (Umm al-Qura when covered, else tabular).
    pub fn month_length(&self) -> Option<u32> {
        if !(1..=12).contains(&self.month) {
            return None;
        }
        Some(match uaq_year(self.year) {
            Some(y) => u32::from(y.lengths[self.month as usize - 1]),
            None => tabular_month_length(self.year, self.month),
        })
    }

    /// Which conversion [`HijriDate::to_gregorian`] uses for this year.
    pub fn conversion(year: i32) -> Conversion {
        if uaq_year(year).is_some() {
            Conversion::UmmAlQura
        } else {
            Conversion::Tabular
        }
    }

    /// The Gregorian date, or `None` when the Hijri date does not exist.
    pub fn to_gregorian(&self) -> Option<(Date, Conversion)> {
        if self.day < 1 || self.day > self.month_length()? || self.year < 1 {
            return None;
        }
        Some(match uaq_year(self.year) {
            Some(y) => {
                let before: i64 = y.lengths[..self.month as usize - 1]
                    .iter()
                    .map(|&l| i64::from(l))
                    .sum();
                (
                    Date::from_days(y.start + before + i64::from(self.day) - 1),
                    Conversion::UmmAlQura,
                )
            }
            None => (
                Date::from_days(tabular_days(self.year, self.month, self.day)),
                Conversion::Tabular,
            ),
        })
    }

    /// `YYYY-MM-DD` in the Hijri calendar.
    pub fn to_iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// First and last Gregorian days of a Hijri month.
pub fn month_span(year: i32, month: u32) -> Option<(Date, Date, Conversion)> {
    let first = HijriDate::new(year, month, 1)?;
    let len = first.month_length()?;
    let (a, conv) = first.to_gregorian()?;
    Some((a, a.add_days(i64::from(len) - 1), conv))
}

/// First and last Gregorian days of a Hijri year.
pub fn year_span(year: i32) -> Option<(Date, Date, Conversion)> {
    let (a, _, conv) = month_span(year, 1)?;
    let (_, b, _) = month_span(year, 12)?;
    Some((a, b, conv))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> String {
        HijriDate::new(y, m, d)
            .unwrap()
            .to_gregorian()
            .unwrap()
            .0
            .to_iso()
    }

    #[test]
    fn umm_al_qura_dates() {
        // SPA datelines: "25 شوال 1436 هـ الموافق 10 أغسطس 2015 م",
        // "26 شوال 1436 هـ الموافق 11 اغسطس 2015 م".
        assert_eq!(g(1436, 10, 25), "2015-08-10");
        assert_eq!(g(1436, 10, 26), "2015-08-11");
        // 1 Ramadan 1436 was Thursday 18 June 2015 in Saudi Arabia.
        assert_eq!(g(1436, 9, 1), "2015-06-18");
        assert_eq!(
            HijriDate::conversion(1436),
            Conversion::UmmAlQura,
            "1436 is in the table"
        );
        // 1 Muharram 1439 = 21 September 2017.
        assert_eq!(g(1439, 1, 1), "2017-09-21");
    }

    #[test]
    fn tabular_outside_the_table() {
        assert_eq!(HijriDate::conversion(1200), Conversion::Tabular);
        // Tabular epoch: 1 Muharram 1 AH = 16 July 622 (Julian) = 19 July 622 proleptic Gregorian.
        let (d, c) = HijriDate::new(1, 1, 1).unwrap().to_gregorian().unwrap();
        assert_eq!(
            (d.to_iso(), c),
            ("0622-07-19".to_string(), Conversion::Tabular)
        );
        // Tabular and Umm al-Qura agree within two days where both exist.
        let uaq = HijriDate::new(1436, 10, 25)
            .unwrap()
            .to_gregorian()
            .unwrap()
            .0;
        let tab = Date::from_days(tabular_days(1436, 10, 25));
        assert!((uaq.to_days() - tab.to_days()).abs() <= 2);
    }

    #[test]
    fn impossible_dates() {
        assert_eq!(HijriDate::new(1436, 13, 1), None);
        assert_eq!(HijriDate::new(1436, 1, 31), None);
        assert_eq!(HijriDate::new(1436, 1, 0), None);
        // Ramadan 1436 had 29 days in Umm al-Qura (Eid al-Fitr was 17 July 2015).
        assert_eq!(HijriDate::new(1436, 9, 30), None);
        assert!(HijriDate::new(1436, 9, 29).is_some());
        assert_eq!(g(1436, 10, 1), "2015-07-17");
    }

    #[test]
    fn spans() {
        let (a, b, _) = month_span(1436, 9).unwrap();
        assert_eq!(
            (a.to_iso(), b.to_iso()),
            ("2015-06-18".into(), "2015-07-16".into())
        );
        let (a, b, _) = year_span(1436).unwrap();
        assert_eq!(
            (a.to_iso(), b.to_iso()),
            ("2014-10-25".into(), "2015-10-13".into())
        );
    }
}
