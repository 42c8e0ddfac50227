//! Running core work with the GIL released: single inputs ([`isolated`]) and
//! batches in chunks, so Ctrl-C works. A panic in the core while processing an
//! input is caught by `akhbar_core::batch` and raised as `akhbar.InternalError`
//! (naming the row in a batch), never as `pyo3_runtime.PanicException`.

use akhbar_core::batch::max_threads;
use pyo3::exceptions::{PyOverflowError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyList};

use crate::errors::{core_error, option_error};

/// Items per chunk between signal checks.
const CHUNK: usize = 2048;

/// A thread count argument: a positive int. Zero, negatives, bools and
/// non-ints raise `OptionError`; counts too large for a machine word are kept
/// as `usize::MAX` (then clamped by [`threads`]).
pub struct ThreadCount(usize);

impl<'a, 'py> FromPyObject<'a, 'py> for ThreadCount {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let py = obj.py();
        let bad = || {
            let shown = obj
                .repr()
                .map(|r| r.to_string())
                .unwrap_or_else(|_| "?".into());
            option_error(
                py,
                format!("n_threads must be a positive int or None, got {shown}"),
            )
        };
        if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
            return Err(bad());
        }
        match obj.extract::<i64>() {
            Ok(n) if n >= 1 => Ok(Self(usize::try_from(n).unwrap_or(usize::MAX))),
            Ok(_) => Err(bad()),
            Err(e) if e.is_instance_of::<PyOverflowError>(py) && obj.gt(0)? => Ok(Self(usize::MAX)),
            Err(_) => Err(bad()),
        }
    }
}

/// The thread count a batch runs on: the argument, else `AKHBAR_NUM_THREADS`,
/// else `None` (rayon's global pool); counts above the CPUs available are
/// clamped to them (`akhbar_core::batch::max_threads`).
pub fn threads(py: Python<'_>, n_threads: Option<ThreadCount>) -> PyResult<Option<usize>> {
    let n = match n_threads {
        Some(ThreadCount(n)) => Some(n),
        None => match std::env::var("AKHBAR_NUM_THREADS") {
            Ok(v) if !v.trim().is_empty() => Some(env_count(py, &v)?),
            _ => None,
        },
    };
    Ok(n.map(|n| n.min(max_threads())))
}

/// `AKHBAR_NUM_THREADS`: a positive integer (huge ones are clamped later).
fn env_count(py: Python<'_>, v: &str) -> PyResult<usize> {
    let t = v.trim();
    let digits = t.strip_prefix('+').unwrap_or(t);
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || digits.bytes().all(|b| b == b'0')
    {
        return Err(option_error(
            py,
            format!("AKHBAR_NUM_THREADS={v:?} is not a positive integer"),
        ));
    }
    Ok(digits.parse::<usize>().unwrap_or(usize::MAX))
}

/// The thread count a batch would run on (for checking a setting early).
#[pyfunction]
#[pyo3(signature = (n_threads = None))]
pub fn _thread_count(py: Python<'_>, n_threads: Option<ThreadCount>) -> PyResult<Option<usize>> {
    threads(py, n_threads)
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
fn map<T, U, F>(py: Python<'_>, items: &[T], threads: Option<usize>, f: F) -> PyResult<Vec<U>>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync + Send,
{
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
    n_threads: Option<ThreadCount>,
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
