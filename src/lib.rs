//! The Python binding of akhbar: conversions, GIL release and exceptions only.
//! All text processing lives in the `akhbar-core` crate.

mod article;
mod dates;
mod entities;
mod errors;
mod input;
mod mentions;
mod normalize;
mod numbers;
mod offset;
mod parallel;
mod pipeline;
mod tokenize;

use pyo3::prelude::*;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    article::register(m)?;
    normalize::register(m)?;
    tokenize::register(m)?;
    pipeline::register(m)?;
    dates::register(m)?;
    numbers::register(m)?;
    entities::register(m)?;
    m.add_function(wrap_pyfunction!(parallel::_thread_count, m)?)?;
    mentions::register(m)?;
    Ok(())
}
