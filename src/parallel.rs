//! Running core batches with the GIL released, in chunks, so Ctrl-C works.

use pyo3::prelude::*;

use crate::errors::core_error;

/// Items per chunk between signal checks.
const CHUNK: usize = 2048;

/// The thread count: the argument, else `AKHBAR_NUM_THREADS`, else rayon's default.
pub fn threads(py: Python<'_>, n_threads: Option<usize>) -> PyResult<Option<usize>> {
    let n = match n_threads {
        Some(n) => Some(n),
        None => match std::env::var("AKHBAR_NUM_THREADS") {
            Ok(v) if !v.trim().is_empty() => Some(v.trim().parse::<usize>().map_err(|_| {
                crate::errors::option_error(
                    py,
                    format!("AKHBAR_NUM_THREADS={v:?} is not a positive integer"),
                )
            })?),
            _ => None,
        },
    };
    if n == Some(0) {
        return Err(core_error(py, akhbar_core::Error::InvalidThreads(0)));
    }
    Ok(n)
}

/// Map `f` over `items` in parallel without the GIL; output order = input order.
pub fn map<T, U, F>(py: Python<'_>, items: &[T], n_threads: Option<usize>, f: F) -> PyResult<Vec<U>>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync + Send,
{
    let threads = threads(py, n_threads)?;
    let mut out = Vec::with_capacity(items.len());
    for chunk in items.chunks(CHUNK) {
        let part = py
            .detach(|| akhbar_core::batch::map(chunk, threads, &f))
            .map_err(|e| core_error(py, e))?;
        out.extend(part);
        py.check_signals()?;
    }
    Ok(out)
}
