//! Parallel batch execution with a caller-chosen thread count, one input at a
//! time isolated from the others.
//!
//! Results keep input order and do not depend on the number of threads: every
//! item is processed independently and collected by index. A panic while
//! processing an item (a bug in akhbar) is caught here, in [`isolate`], and
//! becomes that item's [`Error::Internal`]: the other items are unaffected.
//! This needs `panic = "unwind"` (the default, kept in the workspace's release
//! profile).

use std::any::Any;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use rayon::ThreadPool;

use crate::error::{Error, Result};

/// Pools by thread count, built once per process and reused by every batch.
fn pool(n: usize) -> Result<Arc<ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&n) {
        return Ok(Arc::clone(p));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("akhbar-{i}"))
        .build()
        .map_err(|_| Error::InvalidThreads(n))?;
    let p = Arc::new(p);
    pools.insert(n, Arc::clone(&p));
    Ok(p)
}

/// The message of a caught panic payload.
fn panic_reason(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Run `f`, turning a panic inside it into [`Error::Internal`] (row unset).
/// Every entry point that processes one input goes through this.
pub fn isolate<U>(f: impl FnOnce() -> U) -> Result<U> {
    // Nothing `f` touches outlives a panic in a half-updated state: each call
    // builds its own values, and shared ones (models, normalizers) are read-only.
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| Error::Internal {
        row: None,
        reason: panic_reason(p.as_ref()),
    })
}

/// Apply `f` to every item on `threads` threads (`None`: rayon's global pool,
/// sized by `RAYON_NUM_THREADS` or the CPU count), each item [isolated](isolate):
/// item `i`'s result or its `Error::Internal { row: Some(i) }`. Output order =
/// input order. Fails as a whole only for a bad thread count.
pub fn map_each<T, U, F>(items: &[T], threads: Option<usize>, f: F) -> Result<Vec<Result<U>>>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync + Send,
{
    let one = |(i, t): (usize, &T)| isolate(|| f(t)).map_err(|e| e.at_row(i));
    match threads {
        Some(0) => Err(Error::InvalidThreads(0)),
        Some(1) => Ok(items.iter().enumerate().map(one).collect()),
        Some(n) => Ok(pool(n)?.install(|| items.par_iter().enumerate().map(one).collect())),
        None => Ok(items.par_iter().enumerate().map(one).collect()),
    }
}

/// Like [`map_each`], failing with the first item's error (in input order)
/// when any item fails.
pub fn map<T, U, F>(items: &[T], threads: Option<usize>, f: F) -> Result<Vec<U>>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync + Send,
{
    map_each(items, threads, f)?.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_thread_independence() {
        let items: Vec<u64> = (0..10_000).collect();
        let one = map(&items, Some(1), |x| x * x).unwrap();
        let four = map(&items, Some(4), |x| x * x).unwrap();
        let global = map(&items, None, |x| x * x).unwrap();
        assert_eq!(one, four);
        assert_eq!(one, global);
        assert_eq!(one[9_999], 9_999 * 9_999);
        assert!(map(&items, Some(0), |x| *x).is_err());
    }

    #[test]
    fn a_panicking_item_fails_alone() {
        let items: Vec<u64> = (0..1_000).collect();
        let f = |x: &u64| {
            assert!(*x != 7 && *x != 700, "item {x} is bad");
            x + 1
        };
        for threads in [Some(1), Some(2)] {
            let out = map_each(&items, threads, f).unwrap();
            assert_eq!(out.len(), 1_000);
            assert_eq!(out[6], Ok(7));
            assert_eq!(out[8], Ok(9));
            assert_eq!(
                out[7],
                Err(Error::Internal {
                    row: Some(7),
                    reason: "item 7 is bad".into()
                })
            );
            assert!(matches!(
                out[700],
                Err(Error::Internal { row: Some(700), .. })
            ));
            assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 998);
            // The all-or-nothing form names the first bad row.
            let err = map(&items, threads, f).unwrap_err();
            assert_eq!(
                err.to_string(),
                "internal error in row 7: item 7 is bad (please report it with the input)"
            );
        }
        assert_eq!(isolate(|| 2 + 2), Ok(4));
    }
}
