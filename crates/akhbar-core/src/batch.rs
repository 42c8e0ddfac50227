//! Parallel batch execution with a caller-chosen thread count.
//!
//! Results keep input order and do not depend on the number of threads: every
//! item is processed independently and collected by index.
//!
//! Thread counts are bounded: a count above [`max_threads`] is clamped to it,
//! and at most [`MAX_POOLS`] pools are kept alive, so calling with many
//! distinct counts never leaves their threads behind.

use std::num::NonZeroUsize;
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

/// Apply `f` to every item on `threads` threads (`None`: rayon's global pool,
/// sized by `RAYON_NUM_THREADS` or the CPU count; counts above
/// [`max_threads`] are clamped to it). Output order = input order.
pub fn map<T, U, F>(items: &[T], threads: Option<usize>, f: F) -> Result<Vec<U>>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync + Send,
{
    match threads.map(|n| n.min(max_threads())) {
        Some(0) => Err(Error::InvalidThreads(0)),
        Some(1) => Ok(items.iter().map(&f).collect()),
        Some(n) => Ok(pool(n)?.install(|| items.par_iter().map(&f).collect())),
        None => Ok(items.par_iter().map(&f).collect()),
    }
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
        let huge = map(&items, Some(usize::MAX), |x| x * x).unwrap();
        assert_eq!(one, four);
        assert_eq!(one, global);
        assert_eq!(one, huge);
        assert_eq!(one[9_999], 9_999 * 9_999);
        assert!(map(&items, Some(0), |x| *x).is_err());
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
