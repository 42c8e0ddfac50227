//! The one place the article parser asks the shared date grammar
//! ([`crate::dates`]) for date mentions; no date grammar lives in `article`.

use crate::dates::{find_dates, Granularity};

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
    let mentions = find_dates(text, None);
    if mentions.is_empty() {
        return Vec::new();
    }
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
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
                start: *byte_at.get(m.start)?,
                end: *byte_at.get(m.end)?,
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
    }
}
