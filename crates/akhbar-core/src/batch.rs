//! Parallel batch execution with a caller-chosen thread count.
//!
//! Results keep input order and do not depend on the number of threads: every
//! item is processed independently and collected by index.

use std::collections::HashMap;
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

/// Apply `f` to every item on `threads` threads (`None`: rayon's global pool,
/// sized by `RAYON_NUM_THREADS` or the CPU count). Output order = input order.
pub fn map<T, U, F>(items: &[T], threads: Option<usize>, f: F) -> Result<Vec<U>>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync + Send,
{
    match threads {
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
        assert_eq!(one, four);
        assert_eq!(one, global);
        assert_eq!(one[9_999], 9_999 * 9_999);
        assert!(map(&items, Some(0), |x| *x).is_err());
    }
}
