//! The one place the article parser asks the shared date grammar
//! ([`crate::mentions::dates`]) for date mentions; no date grammar lives in `article`.

use crate::mentions::dates::{find_dates, Granularity};

/// A date mention inside a searched string, in byte offsets of that string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateHit {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The date as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub iso: Option<String>,
}

/// Calendar dates (day, month or year, resolved without a reference) in `text`, in order.
pub fn find(text: &str) -> Vec<DateHit> {
    // "الأحساء25 شوال": a space where letters run into digits, so the grammar
    // sees the number; offsets are mapped back below.
    let mut spaced = String::with_capacity(text.len() + 8);
    let mut origin: Vec<usize> = Vec::with_capacity(text.len() + 8);
    let mut prev_letter = false;
    for (b, c) in text.char_indices() {
        if prev_letter && c.is_numeric() {
            spaced.push(' ');
            origin.push(b);
        }
        prev_letter = c.is_alphabetic();
        spaced.push(c);
        origin.push(b);
    }
    origin.push(text.len());
    // `origin[i]`: byte offset in `text` of character `i` of `spaced`.
    let text = spaced.as_str();
    let mentions = find_dates(text, None);
    if mentions.is_empty() {
        return Vec::new();
    }
    mentions
        .into_iter()
        .filter(|m| {
            matches!(
                m.granularity,
                Granularity::Day | Granularity::Month | Granularity::Year
            )
        })
        .filter_map(|m| {
            let iso = m.iso().filter(|i| !i.contains('/'))?;
            let iso = iso.split('T').next().unwrap_or_default().to_string();
            Some(DateHit {
                start: *origin.get(m.start)?,
                end: *origin.get(m.end)?,
                iso: Some(iso),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_and_iso() {
        let t = "● أخبار سورية ٣ ديسمبر ٢٠١٧";
        let h = find(t);
        assert_eq!(h.len(), 1);
        assert_eq!(&t[h[0].start..h[0].end], "٣ ديسمبر ٢٠١٧");
        assert_eq!(h[0].iso.as_deref(), Some("2017-12-03"));
        assert!(find("الساعة 10:17 ت م").is_empty());
        let t = "الأحساء25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس";
        let h = find(t);
        assert_eq!(
            &t[h[0].start..h[0].end],
            "25 شوال 1436 هـ الموافق 10 أغسطس 2015 م"
        );
    }
}
