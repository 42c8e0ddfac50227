//! Which spans lie inside others: the test behind the rules between kinds of
//! mention (a name inside an amount or a date, a date inside a name).

/// A set of character spans, asked whether it covers a span.
pub struct Cover {
    /// The spans by start.
    spans: Vec<(usize, usize)>,
    /// `reach[k]`: the furthest end among the first `k + 1` spans.
    reach: Vec<usize>,
}

impl Cover {
    /// The cover of `spans` (any order).
    pub fn new(mut spans: Vec<(usize, usize)>) -> Self {
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |far, &(_, end)| {
                *far = end.max(*far);
                Some(*far)
            })
            .collect();
        Self { spans, reach }
    }

    /// Whether `start..end` lies inside one of the spans (logarithmic).
    pub fn covers(&self, start: usize, end: usize) -> bool {
        // The spans starting at or before `start`; one of them holds the span
        // when the furthest of their ends reaches `end`.
        let n = self.spans.partition_point(|&(s, _)| s <= start);
        n > 0 && self.reach[n - 1] >= end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_spans_inside_any_of_its_spans() {
        let c = Cover::new(vec![(10, 20), (0, 4), (12, 30)]);
        assert!(c.covers(0, 4) && c.covers(1, 3) && c.covers(15, 25) && c.covers(12, 30));
        assert!(!c.covers(3, 5) && !c.covers(5, 9) && !c.covers(25, 31) && !c.covers(31, 32));
        // Across two spans that overlap is inside neither.
        assert!(!c.covers(10, 30));
        assert!(!Cover::new(Vec::new()).covers(0, 0));
    }
}
