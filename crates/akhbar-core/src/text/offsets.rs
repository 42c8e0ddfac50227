//! Character-offset maps between a normalized string and its original.
//!
//! Each normalized character records the half-open range of original
//! characters that produced it. One original character may produce several
//! normalized ones (ﻻ → لا: both map to the ligature), several original
//! characters may produce one (a run of spaces), and deleted characters
//! (diacritics, tatweel) are attached to the letter they follow, so a span of
//! normalized text maps to the exact original substring that produced it.

/// Offsets are in Unicode code points (Python `str` indices), never bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    starts: Vec<u32>,
    ends: Vec<u32>,
    original_len: u32,
}

impl OffsetMap {
    /// Build from per-character ranges. `starts` must be non-decreasing and
    /// `starts[i] < ends[i] <= original_len`.
    pub fn from_parts(starts: Vec<u32>, ends: Vec<u32>, original_len: u32) -> Self {
        debug_assert_eq!(starts.len(), ends.len());
        Self {
            starts,
            ends,
            original_len,
        }
    }

    /// The identity map of a string of `len` characters.
    pub fn identity(len: usize) -> Self {
        let len32 = len as u32;
        Self {
            starts: (0..len32).collect(),
            ends: (1..=len32).collect(),
            original_len: len32,
        }
    }

    /// Length of the normalized string in characters.
    pub fn normalized_len(&self) -> usize {
        self.starts.len()
    }

    /// Length of the original string in characters.
    pub fn original_len(&self) -> usize {
        self.original_len as usize
    }

    /// Original range that produced normalized character `i`.
    pub fn char_source(&self, i: usize) -> Option<(usize, usize)> {
        Some((*self.starts.get(i)? as usize, self.ends[i] as usize))
    }

    /// Map a normalized boundary (0..=normalized_len) to an original boundary:
    /// the start of the character at `i`, or the original length at the end.
    pub fn to_original_offset(&self, i: usize) -> usize {
        match self.starts.get(i) {
            Some(&s) => s as usize,
            None => self.original_len as usize,
        }
    }

    /// Map a normalized span `[start, end)` to the original span that produced it.
    /// An empty span maps to an empty span at the mapped boundary.
    pub fn to_original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let n = self.starts.len();
        let (start, end) = (start.min(n), end.min(n));
        if end <= start {
            let o = self.to_original_offset(start);
            return (o, o);
        }
        (self.starts[start] as usize, self.ends[end - 1] as usize)
    }

    /// Map an original boundary to a normalized boundary: the first normalized
    /// character produced at or after it.
    pub fn to_normalized_offset(&self, i: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < i)
    }

    /// Map an original span to the normalized span made from characters that
    /// start inside it.
    pub fn to_normalized_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_normalized_offset(start);
        let e = self.to_normalized_offset(end).max(s);
        (s, e)
    }

    /// The per-character start offsets (for bulk conversion).
    pub fn starts(&self) -> &[u32] {
        &self.starts
    }

    /// The per-character end offsets.
    pub fn ends(&self) -> &[u32] {
        &self.ends
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_round_trips() {
        let m = OffsetMap::identity(5);
        assert_eq!(m.to_original_span(1, 3), (1, 3));
        assert_eq!(m.to_normalized_span(1, 3), (1, 3));
        assert_eq!(m.to_original_offset(5), 5);
    }

    #[test]
    fn expansion_and_deletion() {
        // original "ﻻبَ" (3 chars) → "لاب": ligature → 2 chars, fatha attached to ب.
        let m = OffsetMap::from_parts(vec![0, 0, 1], vec![1, 1, 3], 3);
        assert_eq!(m.to_original_span(0, 1), (0, 1));
        assert_eq!(m.to_original_span(1, 3), (0, 3));
        assert_eq!(m.to_original_span(2, 3), (1, 3));
        assert_eq!(m.to_normalized_span(1, 3), (2, 3));
        assert_eq!(m.to_normalized_span(0, 1), (0, 2));
        assert_eq!(m.to_original_span(2, 2), (1, 1));
    }
}
