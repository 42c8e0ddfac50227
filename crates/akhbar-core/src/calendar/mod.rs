//! Calendars: the Gregorian [`Date`] and Hijri conversion (Umm al-Qura table,
//! tabular fallback).

pub mod gregorian;
pub mod hijri;

pub use gregorian::{days_in_month, is_leap_year, Date};
pub use hijri::{Conversion, HijriDate};
