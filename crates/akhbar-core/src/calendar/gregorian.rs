//! The proleptic Gregorian calendar: a validated date and day arithmetic.

/// A Gregorian calendar date. Construct with [`Date::new`] or [`Date::from_iso`]
/// to get a valid one; the fields are public for reading and matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a Gregorian month (0 for a month outside 1..=12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or `None` when it does not exist (31 February, month 13).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Self { year, month, day })
    }

    /// Parse `YYYY-MM-DD` (four-digit year); `None` when malformed or impossible.
    pub fn from_iso(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        Self::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// The date of an ISO 8601 date or date-time: `YYYY-MM-DD`, optionally
    /// followed by `T` or a space, `HH:MM`, `:SS`, a fraction `.fff` and a
    /// zone `Z` / `±HH:MM`. `None` when any part is malformed or impossible
    /// (`2015-08-10T25:00`) or the year is 0000.
    pub fn from_iso_datetime(s: &str) -> Option<Self> {
        let date = Self::from_iso(s.get(..10)?).filter(|d| d.year >= 1)?;
        let rest = s.get(10..)?.as_bytes();
        if rest.is_empty() {
            return Some(date);
        }
        if rest[0] != b'T' && rest[0] != b' ' {
            return None;
        }
        let mut t = Clock(&rest[1..]);
        t.two(24)?;
        t.byte(b':')?;
        t.two(60)?;
        if t.byte(b':').is_some() {
            t.two(60)?;
            if t.byte(b'.').is_some() {
                t.digits()?;
            }
        }
        match t.0.first() {
            None => {}
            Some(b'Z') => t.0 = &t.0[1..],
            Some(b'+' | b'-') => {
                t.0 = &t.0[1..];
                t.two(24)?;
                t.byte(b':')?;
                t.two(60)?;
            }
            Some(_) => return None,
        }
        t.0.is_empty().then_some(date)
    }

    /// `YYYY-MM-DD`.
    pub fn to_iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(&self, n: i64) -> Self {
        Self::from_days(self.to_days() + n)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }

    /// ISO 8601 week-numbering year and week (1..=53).
    pub fn iso_week(&self) -> (i32, u32) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u32)
    }
}

/// A cursor over the time part of an ISO date-time.
struct Clock<'a>(&'a [u8]);

impl Clock<'_> {
    /// Two digits making a number below `limit`.
    fn two(&mut self, limit: u32) -> Option<u32> {
        let (a, b) = (*self.0.first()?, *self.0.get(1)?);
        if !a.is_ascii_digit() || !b.is_ascii_digit() {
            return None;
        }
        self.0 = &self.0[2..];
        let n = u32::from(a - b'0') * 10 + u32::from(b - b'0');
        (n < limit).then_some(n)
    }

    /// The byte `c`, consumed when it is next.
    fn byte(&mut self, c: u8) -> Option<()> {
        let rest = self.0.strip_prefix(&[c])?;
        self.0 = rest;
        Some(())
    }

    /// One or more digits.
    fn digits(&mut self) -> Option<()> {
        let n = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        self.0 = &self.0[n..];
        (n > 0).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_and_validation() {
        let d = Date::from_iso("2017-12-03").unwrap();
        assert_eq!((d.year, d.month, d.day), (2017, 12, 3));
        assert_eq!(d.to_iso(), "2017-12-03");
        assert_eq!(Date::from_iso("2015-02-29"), None);
        assert!(Date::from_iso("2016-02-29").is_some());
        assert_eq!(Date::from_iso("2015-13-01"), None);
        assert_eq!(Date::from_iso("2015-1-01"), None);
        assert_eq!(Date::new(2015, 2, 31), None);
    }

    #[test]
    fn iso_datetimes() {
        let d = Date::new(2015, 8, 10);
        for ok in [
            "2015-08-10",
            "2015-08-10T13:42",
            "2015-08-10 13:42:51",
            "2015-08-10T23:59:59.123456",
            "2015-08-10T00:00Z",
            "2015-08-10T13:42:51+03:00",
            "2015-08-10T13:42-05:30",
        ] {
            assert_eq!(Date::from_iso_datetime(ok), d, "{ok}");
        }
        for bad in [
            "2015-08-10T25:00",
            "2015-08-10T13:60",
            "2015-08-10T13:42:61",
            "2015-08-10T13",
            "2015-08-10T13:42:51.",
            "2015-08-10T13:42+3",
            "2015-08-10T13:42 ",
            "2015-08-10x13:42",
            "2015-08-10 ",
            "0000-01-01",
            "2015-02-29",
            "2015-08-1",
            "",
        ] {
            assert_eq!(Date::from_iso_datetime(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
        for n in [-800_000_i64, -1, 0, 59, 16_000, 20_000, 40_000] {
            assert_eq!(Date::from_days(n).to_days(), n);
        }
        let d = Date::new(2015, 8, 10).unwrap();
        assert_eq!(d.add_days(-10).to_iso(), "2015-07-31");
        assert_eq!(d.add_days(145).to_iso(), "2016-01-02");
    }

    #[test]
    fn weekdays_and_weeks() {
        // 10 August 2015 was a Monday; 3 December 2017 a Sunday.
        assert_eq!(Date::new(2015, 8, 10).unwrap().weekday(), 0);
        assert_eq!(Date::new(2017, 12, 3).unwrap().weekday(), 6);
        assert_eq!(Date::new(2015, 8, 10).unwrap().iso_week(), (2015, 33));
        assert_eq!(Date::new(2016, 1, 1).unwrap().iso_week(), (2015, 53));
    }
}
