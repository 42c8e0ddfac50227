//! The weights of a trained tagger: feature key → one weight per tag.
//!
//! Tagging looks up some 70 keys per token in tables of a few hundred
//! thousand rows, far larger than the CPU caches, so the time goes to cache
//! misses. A general hash map (an index to a row number, then the row in
//! another array) costs three of them per key; this table is flat and open
//! addressed (linear probing), with each key stored beside its row, so a key
//! found in its home slot costs one. [`FeatureWeights::add_rows`] reads the
//! home slots of a token's keys first, in a loop without branches, so that
//! the CPU fetches them all at once.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// Slot words per key (a `u64` stored as two `u32`).
const KEY_WORDS: usize = 2;
/// The key of an empty slot. A real key with this value lives in its own
/// slot after the table (`special`).
const EMPTY: u64 = 0;
/// Most keys per slot before the table doubles: probes stay short.
const MAX_LOAD: f64 = 0.7;
/// Keys whose home slots [`FeatureWeights::add_rows`] reads ahead at once.
const AHEAD: usize = 16;

/// A fresh content version (see `FeatureWeights::version`).
fn next_version() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Feature key → weight row (`n_tags` weights), in one flat table.
///
/// Slots are `[key low, key high, weight bits × n_tags]` words; after the
/// `capacity` slots of the table come the slot of the key [`EMPTY`] (all
/// zeros unless a model has that key) and an all-zero slot that stands for
/// every missing key.
#[derive(Clone)]
pub struct FeatureWeights {
    n_tags: usize,
    slots: Vec<u32>,
    /// Table slots (a power of two) minus one.
    mask: usize,
    /// `64 - log2(capacity)`: the shift that takes a slot from a key's top bits.
    shift: u32,
    len: usize,
    /// Whether a real key equal to [`EMPTY`] is stored.
    has_empty_key: bool,
    /// Changes with every insert; a copy keeps it (same content). A table
    /// built from others ([`JointWeights`]) records their versions.
    version: u64,
}

impl PartialEq for FeatureWeights {
    fn eq(&self, other: &Self) -> bool {
        (self.n_tags, self.mask, self.len, self.has_empty_key)
            == (other.n_tags, other.mask, other.len, other.has_empty_key)
            && self.slots == other.slots
    }
}

impl std::fmt::Debug for FeatureWeights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeatureWeights")
            .field("n_tags", &self.n_tags)
            .field("len", &self.len)
            .field("capacity", &(self.mask + 1))
            .finish()
    }
}

impl FeatureWeights {
    /// An empty table for rows of `n_tags` weights, with room for `n` keys.
    pub fn with_capacity(n_tags: usize, n: usize) -> Self {
        let capacity = ((n as f64 / MAX_LOAD).ceil() as usize).max(8);
        Self::with_slots(n_tags, capacity.next_power_of_two())
    }

    /// An empty table of `capacity` (a power of two) slots.
    fn with_slots(n_tags: usize, capacity: usize) -> Self {
        let stride = KEY_WORDS + n_tags;
        Self {
            n_tags,
            slots: vec![0; (capacity + 2) * stride],
            mask: capacity - 1,
            shift: 64 - capacity.trailing_zeros(),
            len: 0,
            has_empty_key: false,
            version: next_version(),
        }
    }

    /// Weights per row.
    pub fn n_tags(&self) -> usize {
        self.n_tags
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn stride(&self) -> usize {
        KEY_WORDS + self.n_tags
    }

    /// The slot of the key `EMPTY` and the all-zero slot.
    fn empty_key_slot(&self) -> usize {
        self.mask + 1
    }
    fn zero_slot(&self) -> usize {
        self.mask + 2
    }

    /// A key's first slot: Fibonacci hashing of the key (keys are hashes
    /// already; the multiplication spreads any that are not).
    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    fn key_at(&self, slot: usize) -> u64 {
        let i = slot * self.stride();
        u64::from(self.slots[i]) | u64::from(self.slots[i + 1]) << 32
    }

    /// The slot that holds `key`, or the zero slot when there is none.
    #[inline]
    fn find(&self, key: u64) -> usize {
        if key == EMPTY {
            return if self.has_empty_key {
                self.empty_key_slot()
            } else {
                self.zero_slot()
            };
        }
        let mut s = self.home(key);
        loop {
            match self.key_at(s) {
                k if k == key => return s,
                EMPTY => return self.zero_slot(),
                _ => s = (s + 1) & self.mask,
            }
        }
    }

    #[inline]
    fn row_words(&self, slot: usize) -> &[u32] {
        let i = slot * self.stride() + KEY_WORDS;
        &self.slots[i..i + self.n_tags]
    }

    /// The row of `key`.
    pub fn get(&self, key: u64) -> Option<Vec<f32>> {
        let s = self.find(key);
        (s != self.zero_slot()).then(|| {
            self.row_words(s)
                .iter()
                .map(|&w| f32::from_bits(w))
                .collect()
        })
    }

    /// Add the row of `key` (`n_tags` weights). Returns `false`, and changes
    /// nothing, when the key is there already.
    pub fn insert(&mut self, key: u64, row: &[f32]) -> bool {
        assert_eq!(row.len(), self.n_tags, "a row has one weight per tag");
        if self.find(key) != self.zero_slot() {
            return false;
        }
        if key != EMPTY && (self.len + 1) as f64 > MAX_LOAD * (self.mask + 1) as f64 {
            self.grow();
        }
        let slot = if key == EMPTY {
            self.has_empty_key = true;
            self.empty_key_slot()
        } else {
            let mut s = self.home(key);
            while self.key_at(s) != EMPTY {
                s = (s + 1) & self.mask;
            }
            s
        };
        let i = slot * self.stride();
        self.slots[i] = key as u32;
        self.slots[i + 1] = (key >> 32) as u32;
        for (w, x) in self.slots[i + KEY_WORDS..].iter_mut().zip(row) {
            *w = x.to_bits();
        }
        self.len += 1;
        self.version = next_version();
        true
    }

    /// Twice the slots, the keys put again in the order of the old table.
    fn grow(&mut self) {
        let bigger = Self::with_slots(self.n_tags, 2 * (self.mask + 1));
        let old = std::mem::replace(self, bigger);
        for (k, row) in old.iter() {
            self.insert(k, &row);
        }
    }

    /// Every `(key, row)`, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, Vec<f32>)> + '_ {
        let table = (0..=self.mask).filter(|&s| self.key_at(s) != EMPTY);
        let special = self.has_empty_key.then(|| self.empty_key_slot());
        table.chain(special).map(|s| {
            let row = self.row_words(s).iter().map(|&w| f32::from_bits(w));
            (self.key_at(s), row.collect())
        })
    }

    /// One table of the keys of `a` and `b`, each row `a`'s row then `b`'s
    /// (zeros where a table lacks the key).
    pub fn joint(a: &Self, b: &Self) -> Self {
        let (na, nb) = (a.n_tags, b.n_tags);
        let only_b = b
            .iter()
            .filter(|(k, _)| a.find(*k) == a.zero_slot())
            .count();
        let mut out = Self::with_capacity(na + nb, a.len + only_b);
        let mut row = vec![0f32; na + nb];
        for (k, ra) in a.iter() {
            row[..na].copy_from_slice(&ra);
            row[na..].fill(0.0);
            if let Some(rb) = b.get(k) {
                row[na..].copy_from_slice(&rb);
            }
            out.insert(k, &row);
        }
        row[..na].fill(0.0);
        for (k, rb) in b.iter() {
            if a.find(k) == a.zero_slot() {
                row[na..].copy_from_slice(&rb);
                out.insert(k, &row);
            }
        }
        out
    }

    /// Add the rows of `keys`, in their order, to `row` (`n_tags` sums);
    /// missing keys add nothing.
    pub fn add_rows(&self, keys: &[u64], row: &mut [f32]) {
        let n_tags = self.n_tags;
        let row = &mut row[..n_tags];
        for chunk in keys.chunks(AHEAD) {
            // The home slots' keys first: independent loads, no branches.
            let mut home = [(0usize, 0u64); AHEAD];
            for (h, &k) in home.iter_mut().zip(chunk) {
                let s = self.home(k);
                *h = (s, self.key_at(s));
            }
            for (&(s, at_home), &k) in home.iter().zip(chunk) {
                let slot = if at_home == k && k != EMPTY {
                    s
                } else {
                    self.find(k)
                };
                // A missing key reads the zero slot: adding +0.0 leaves every
                // sum as it is (sums that start at +0.0 are never -0.0).
                for (a, &w) in row.iter_mut().zip(self.row_words(slot)) {
                    *a += f32::from_bits(w);
                }
            }
        }
    }
}

/// The weights of a tagger's two stages side by side in one table, built on
/// first use: the second stage reads the first stage's keys again, so one
/// lookup per key serves both (half the cache misses of tagging). It is used
/// only while both stage tables are the ones it was built from.
#[derive(Clone, Default)]
pub struct JointWeights(OnceLock<Arc<(u64, u64, FeatureWeights)>>);

impl std::fmt::Debug for JointWeights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "JointWeights(built: {})", self.0.get().is_some())
    }
}

impl JointWeights {
    /// [`FeatureWeights::joint`] of the two stages, or `None` when either
    /// table changed after the joint table was built.
    pub fn get(&self, first: &FeatureWeights, second: &FeatureWeights) -> Option<&FeatureWeights> {
        let built = self.0.get_or_init(|| {
            let joint = FeatureWeights::joint(first, second);
            Arc::new((first.version, second.version, joint))
        });
        let (a, b, joint) = &**built;
        (*a == first.version && *b == second.version).then_some(joint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn finds_what_was_inserted_through_growth_and_collisions() {
        // Keys that share their top bits share a home slot and probe on.
        let keys: Vec<u64> = (1..2000u64)
            .map(|i| i.wrapping_mul(0x0123_4567_89ab_cdef) ^ (i << 60))
            .chain([EMPTY, u64::MAX, 1 << 63])
            .collect();
        let mut t = FeatureWeights::with_capacity(3, 4);
        let mut reference = HashMap::new();
        for (i, &k) in keys.iter().enumerate() {
            let row = [i as f32, -(i as f32), 0.5];
            assert!(t.insert(k, &row));
            reference.insert(k, row.to_vec());
        }
        assert!(!t.insert(keys[7], &[1.0, 1.0, 1.0]), "a key is stored once");
        assert_eq!(t.len(), keys.len());
        for (k, row) in &reference {
            assert_eq!(t.get(*k).as_ref(), Some(row), "{k:#x}");
        }
        assert_eq!(t.get(12345), None);
        assert_eq!(t.iter().count(), keys.len());
        assert!(t.iter().all(|(k, row)| reference[&k] == row));
    }

    #[test]
    fn joint_rows_put_both_stages_side_by_side() {
        let mut a = FeatureWeights::with_capacity(2, 0);
        a.insert(1, &[1.0, 2.0]);
        a.insert(2, &[3.0, 4.0]);
        let mut b = FeatureWeights::with_capacity(2, 0);
        b.insert(2, &[5.0, 6.0]);
        b.insert(3, &[7.0, 8.0]);
        let j = FeatureWeights::joint(&a, &b);
        assert_eq!(j.len(), 3);
        assert_eq!(j.get(1), Some(vec![1.0, 2.0, 0.0, 0.0]));
        assert_eq!(j.get(2), Some(vec![3.0, 4.0, 5.0, 6.0]));
        assert_eq!(j.get(3), Some(vec![0.0, 0.0, 7.0, 8.0]));
        let cache = JointWeights::default();
        assert_eq!(cache.get(&a, &b), Some(&j));
        // A copy has the same content: the cache still serves it.
        assert!(cache.clone().get(&a.clone(), &b).is_some());
        // A table that changed is not served from the old joint table.
        b.insert(4, &[1.0, 1.0]);
        assert!(cache.get(&a, &b).is_none());
    }

    #[test]
    fn add_rows_sums_the_rows_of_present_keys_in_order() {
        let mut t = FeatureWeights::with_capacity(2, 0);
        t.insert(10, &[1.0, 2.0]);
        t.insert(20, &[0.25, -4.0]);
        t.insert(EMPTY, &[100.0, 100.0]);
        let mut row = [0.0f32, 0.5];
        // 30 is missing; 10 comes twice; more keys than one read-ahead chunk.
        let mut keys = vec![10, 30, 20, 10, EMPTY];
        keys.extend([30; 20]);
        keys.push(20);
        t.add_rows(&keys, &mut row);
        assert_eq!(row, [102.5, 96.5]);
        let mut empty = FeatureWeights::with_capacity(2, 0);
        let mut row = [0.0f32; 2];
        empty.add_rows(&[EMPTY, 5], &mut row);
        assert_eq!(row, [0.0, 0.0]);
        assert!(empty.insert(5, &[1.0, 1.0]) && empty.get(5) == Some(vec![1.0, 1.0]));
    }
}
