//! Parallel batch execution with a caller-chosen thread count, one input at a
//! time isolated from the others.
//!
//! Results keep input order and do not depend on the number of threads: every
//! item is processed independently and collected by index. A panic while
//! processing an item (a bug in akhbar) is caught here, in [`isolate`], and
//! becomes that item's [`Error::Internal`]: the other items are unaffected.
//! This needs `panic = "unwind"` (the default, kept in the workspace's release
//! profile).
//!
//! Thread counts are bounded: a count above [`max_threads`] is clamped to it,
//! and at most [`MAX_POOLS`] pools are kept alive, so calling with many
//! distinct counts never leaves their threads behind.

use std::any::Any;
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use rayon::ThreadPool;

use crate::error::{Error, Result};

/// Pools kept alive at once, by thread count; asking for another count drops
/// the least recently used one (its threads exit once idle).
pub const MAX_POOLS: usize = 4;

/// Threads of akhbar's own pools currently running.
static LIVE_THREADS: AtomicUsize = AtomicUsize::new(0);

/// The most threads a batch uses: the CPUs available to this process (its
/// affinity mask and cgroup quota). More threads than CPUs cannot speed up
/// this CPU-bound work, so larger counts are clamped to it.
pub fn max_threads() -> usize {
    static MAX: OnceLock<usize> = OnceLock::new();
    *MAX.get_or_init(|| std::thread::available_parallelism().map_or(1, NonZeroUsize::get))
}

/// Run `f` on the calling rayon worker; called from outside any rayon pool,
/// run it in a one-thread pool of its own, so that work `f` hands to rayon
/// (a matrix library's parallel products) stays on one thread instead of
/// spreading onto rayon's global pool.
pub fn on_current_worker<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    if rayon::current_thread_index().is_some() {
        return f();
    }
    static SERIAL: OnceLock<Option<ThreadPool>> = OnceLock::new();
    let serial = SERIAL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "akhbar-serial".into())
            .build()
            .ok()
    });
    match serial {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

/// The number of threads of akhbar's pools alive now (not rayon's global pool).
pub fn live_threads() -> usize {
    LIVE_THREADS.load(Ordering::SeqCst)
}

/// Live pools by thread count, least recently used first.
type Pools = Vec<(usize, Arc<ThreadPool>)>;

/// The pool of `n` threads, built on first use and kept among the
/// [`MAX_POOLS`] most recently used.
fn pool(n: usize) -> Result<Arc<ThreadPool>> {
    static POOLS: OnceLock<Mutex<Pools>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(i) = pools.iter().position(|(k, _)| *k == n) {
        let entry = pools.remove(i);
        let p = Arc::clone(&entry.1);
        pools.push(entry);
        return Ok(p);
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("akhbar-{i}"))
        .start_handler(|_| {
            LIVE_THREADS.fetch_add(1, Ordering::SeqCst);
        })
        .exit_handler(|_| {
            LIVE_THREADS.fetch_sub(1, Ordering::SeqCst);
        })
        .build()
        .map_err(|_| Error::InvalidThreads(n))?;
    let p = Arc::new(p);
    pools.push((n, Arc::clone(&p)));
    if pools.len() > MAX_POOLS {
        pools.remove(0);
    }
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

/// Pieces per thread that a batch is cut into, at least.
///
/// Left to itself, rayon cuts a slice into about two pieces per thread and cuts a
/// piece again only when a thread steals it, so a run of long items (an ordered
/// corpus: a week of long features) inside one piece keeps its thread busy while
/// the other waits: 1,000 articles ran 1.4× faster on two threads instead of 2×.
/// With pieces of at most `len / (threads × PIECES_PER_THREAD)` items a thread that
/// runs out always finds a piece to take; the cost is one task per piece.
const PIECES_PER_THREAD: usize = 16;

/// The most items one task takes from a batch of `len` on `threads` threads.
fn max_piece(len: usize, threads: usize) -> usize {
    len.div_ceil(threads.max(1) * PIECES_PER_THREAD).max(1)
}

/// Apply `f` to every item on `threads` threads (`None`: rayon's global pool,
/// sized by `RAYON_NUM_THREADS` or the CPU count; counts above [`max_threads`]
/// are clamped to it), each item [isolated](isolate):
/// item `i`'s result or its `Error::Internal { row: Some(i) }`. Output order =
/// input order. Fails as a whole only for a bad thread count.
pub fn map_each<T, U, F>(items: &[T], threads: Option<usize>, f: F) -> Result<Vec<Result<U>>>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync + Send,
{
    let one = |(i, t): (usize, &T)| isolate(|| f(t)).map_err(|e| e.at_row(i));
    // All items on `n` threads, in pieces of at most `max_piece` items.
    let spread = |n: usize| {
        items
            .par_iter()
            .with_max_len(max_piece(items.len(), n))
            .enumerate()
            .map(one)
            .collect()
    };
    match threads.map(|n| n.min(max_threads())) {
        Some(0) => Err(Error::InvalidThreads(0)),
        Some(1) => Ok(items.iter().enumerate().map(one).collect()),
        Some(n) => Ok(pool(n)?.install(|| spread(n))),
        None => Ok(spread(rayon::current_num_threads())),
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
    fn a_run_of_slow_items_is_shared_by_the_threads() {
        // The first quarter of the batch is slow (2 ms each), the rest instant, as
        // in a corpus whose long articles come together. Without small pieces the
        // quarter is one task and one thread runs all of it while the other idles.
        let items: Vec<usize> = (0..1_000).collect();
        let worker = |i: &usize| {
            if *i < 250 {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            rayon::current_thread_index()
        };
        let ran_by = map(&items, Some(2), worker).unwrap();
        let slow_on = |t: usize| ran_by[..250].iter().filter(|w| **w == Some(t)).count();
        assert!(
            slow_on(0) > 0 && slow_on(1) > 0,
            "{} / {}",
            slow_on(0),
            slow_on(1)
        );
        assert_eq!(max_piece(1_000, 2), 32);
        assert_eq!(max_piece(3, 8), 1);
        assert_eq!(max_piece(0, 2), 1);
    }

    #[test]
    fn order_and_thread_independence() {
        let items: Vec<u64> = (0..10_000).collect();
        let one = map(&items, Some(1), |x| x * x).unwrap();
        let four = map(&items, Some(4), |x| x * x).unwrap();
        let global = map(&items, None, |x| x * x).unwrap();
        let huge = map(&items, Some(usize::MAX), |x| x * x).unwrap();
        assert_eq!(one, four);
        assert_eq!(one, global);
        assert_eq!(one, huge);
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

    #[test]
    fn pools_are_bounded_and_evicted_pools_exit() {
        // Build pools of 2..=12 threads directly (map would clamp the counts).
        for n in 2..=12 {
            let sum: usize = pool(n)
                .unwrap()
                .install(|| (0..100usize).into_par_iter().sum());
            assert_eq!(sum, 4950);
        }
        // At most MAX_POOLS pools survive, of at most 12 threads (or of the
        // CPU count, for pools other tests build at the same time); the
        // threads of the evicted ones exit (asynchronously: wait for them).
        let bound = MAX_POOLS * max_threads().max(12);
        for _ in 0..500 {
            if live_threads() <= bound {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(live_threads() <= bound, "{} threads alive", live_threads());
    }
}
