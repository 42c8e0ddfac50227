//! Running core work with the GIL released: single inputs ([`isolated`]) and
//! batches in chunks, so Ctrl-C works. A panic in the core while processing an
//! input is caught by `akhbar_core::batch` and raised as `akhbar.InternalError`
//! (naming the row in a batch), never as `pyo3_runtime.PanicException`.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyList;

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

/// Run `f` (one input's work, or a whole call's) without the GIL, a panic in
/// it raised as `akhbar.InternalError`.
pub fn isolated<U, F>(py: Python<'_>, f: F) -> PyResult<U>
where
    U: Send,
    F: FnOnce() -> U + Send,
{
    py.detach(|| akhbar_core::batch::isolate(f))
        .map_err(|e| core_error(py, e))
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
    for (k, chunk) in items.chunks(CHUNK).enumerate() {
        let part = py
            .detach(|| akhbar_core::batch::map(chunk, threads, &f))
            .map_err(|e| core_error(py, e.shift_row(k * CHUNK)))?;
        out.extend(part);
        py.check_signals()?;
    }
    Ok(out)
}

/// Map `f` over `items` like [`map`], returning a Python list, with the
/// conversion to Python objects (which needs the GIL, on this thread) of each
/// chunk overlapping the computation of the next one on the worker threads.
/// With one thread everything runs on this thread, one chunk after another.
pub fn map_list<'py, T, U, F>(
    py: Python<'py>,
    items: &[T],
    n_threads: Option<usize>,
    f: F,
) -> PyResult<Bound<'py, PyList>>
where
    T: Sync,
    U: Send + IntoPyObject<'py>,
    F: Fn(&T) -> U + Sync + Send,
{
    let threads = threads(py, n_threads)?;
    let list = PyList::empty(py);
    if threads == Some(1) || items.len() <= CHUNK {
        for u in map(py, items, threads, f)? {
            list.append(u)?;
        }
        return Ok(list);
    }
    let f = &f;
    std::thread::scope(|s| -> PyResult<()> {
        let mut chunks = items.chunks(CHUNK).enumerate();
        let mut pending = chunks
            .next()
            .map(|(k, c)| (k, s.spawn(move || akhbar_core::batch::map(c, threads, f))));
        while let Some((k, handle)) = pending.take() {
            let done = py.detach(|| handle.join());
            // Start the next chunk before converting this one.
            pending = chunks
                .next()
                .map(|(k, c)| (k, s.spawn(move || akhbar_core::batch::map(c, threads, f))));
            let part = done
                .map_err(|_| PyRuntimeError::new_err("akhbar: a worker thread failed"))?
                .map_err(|e| core_error(py, e.shift_row(k * CHUNK)))?;
            for u in part {
                list.append(u)?;
            }
            py.check_signals()?;
        }
        Ok(())
    })?;
    Ok(list)
}
