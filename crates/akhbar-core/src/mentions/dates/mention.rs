//! A date or time found in text, and its value.

use crate::calendar::{Conversion, Date, HijriDate};

/// How precise a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Granularity {
    Century,
    Decade,
    Year,
    Month,
    Week,
    Day,
    /// A clock time (with or without a date).
    Time,
}

impl Granularity {
    /// The lower-case name used in Python.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Century => "century",
            Granularity::Decade => "decade",
            Granularity::Year => "year",
            Granularity::Month => "month",
            Granularity::Week => "week",
            Granularity::Day => "day",
            Granularity::Time => "time",
        }
    }
}

/// The calendar a mention is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalendarKind {
    Gregorian,
    Hijri,
}

impl CalendarKind {
    /// The lower-case name used in Python.
    pub fn as_str(self) -> &'static str {
        match self {
            CalendarKind::Gregorian => "gregorian",
            CalendarKind::Hijri => "hijri",
        }
    }
}

/// A (Gregorian) value: a point at some precision or an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    /// A century: 19 = 1900–1999 (ISO 8601 "19").
    Century(i32),
    /// A decade: 198 = 1980–1989 (ISO 8601 "198").
    Decade(i32),
    Year(i32),
    Month(i32, u32),
    /// An ISO 8601 week (year, week).
    Week(i32, u32),
    Day(Date),
    /// Inclusive interval of days (a Hijri month or year, "10–15 August").
    Range(Date, Date),
}

/// The years an ISO value may name: four digits, as Python's `datetime` and
/// most date libraries read them.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl Value {
    /// Whether every year the value names is in [`YEARS`] (centuries 0..=99
    /// and decades 0..=999 cover years 0–9999 and are kept).
    pub fn in_range(&self) -> bool {
        match *self {
            Value::Century(c) => (0..=99).contains(&c),
            Value::Decade(d) => (0..=999).contains(&d),
            Value::Year(y) | Value::Month(y, _) | Value::Week(y, _) => YEARS.contains(&y),
            Value::Day(d) => YEARS.contains(&d.year),
            Value::Range(a, b) => YEARS.contains(&a.year) && YEARS.contains(&b.year),
        }
    }

    /// ISO 8601: `2017`, `2017-12`, `2017-12-03`, `2015-W33`, `19`, `198`,
    /// or `2015-06-18/2015-07-16` for an interval.
    pub fn iso(&self) -> String {
        match *self {
            Value::Century(c) => format!("{c:02}"),
            Value::Decade(d) => format!("{d:03}"),
            Value::Year(y) => format!("{y:04}"),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Week(y, w) => format!("{y:04}-W{w:02}"),
            Value::Day(d) => d.to_iso(),
            Value::Range(a, b) => format!("{}/{}", a.to_iso(), b.to_iso()),
        }
    }
}

/// A Hijri date as written, possibly partial (year only, month and year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HijriValue {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl HijriValue {
    /// ISO-style Hijri value (`1436-10-25`, `1436-10`, `1436`, `--10-25`), or
    /// `None` when there is no year and no day.
    pub fn iso(&self) -> Option<String> {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => Some(
                HijriDate {
                    year: y,
                    month: m,
                    day: d,
                }
                .to_iso(),
            ),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (Some(y), None, _) => Some(format!("{y:04}")),
            (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
            _ => None,
        }
    }
}

/// A clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Time {
    pub hour: u32,
    pub minute: u32,
}

/// A date or time mention with character offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateMention {
    /// Start, end: character (code point) offsets into the text searched.
    pub start: usize,
    pub end: usize,
    /// The mention as written (the characters `start..end` of the text).
    pub text: String,
    pub granularity: Granularity,
    pub calendar: CalendarKind,
    /// The Gregorian value; `None` when it cannot be computed (a relative
    /// expression without a reference date, a day and month without a year,
    /// a value outside the years 0001–9999).
    pub value: Option<Value>,
    /// The Hijri date as written, for Hijri mentions.
    pub hijri: Option<HijriValue>,
    /// How the Hijri date was converted (Umm al-Qura or tabular, flagged).
    pub conversion: Option<Conversion>,
    /// Set for expressions relative to the reference date (أمس، الأسبوع الماضي).
    pub relative: bool,
    /// The clock time, for times.
    pub time: Option<Time>,
    /// For the dual form "25 شوال 1436 هـ الموافق 10 أغسطس 2015 م": whether
    /// the Hijri date converts to the Gregorian one written with it.
    pub calendars_agree: Option<bool>,
}

impl DateMention {
    /// The ISO 8601 value ("2017-12-03", "2017-12", "2017", an interval
    /// "a/b", a week "2015-W33"; times "T10:30" or "2015-08-11T10:30");
    /// for Hijri mentions the Gregorian equivalent. `None` when unresolved.
    pub fn iso(&self) -> Option<String> {
        let time = self.time.map(|t| format!("T{:02}:{:02}", t.hour, t.minute));
        match (self.value, time) {
            (Some(v), Some(t)) => Some(format!("{}{t}", v.iso())),
            (Some(v), None) => Some(v.iso()),
            (None, Some(t)) => Some(t),
            (None, None) => None,
        }
    }

    /// `TIME` for clock times, else `DATE` (the entity label).
    pub fn label(&self) -> &'static str {
        if self.granularity == Granularity::Time {
            "TIME"
        } else {
            "DATE"
        }
    }

    /// Whether the value could be computed.
    pub fn resolved(&self) -> bool {
        self.value.is_some() || self.time.is_some() && !self.relative
    }
}
