//! The Python binding of akhbar: conversions, GIL release and exceptions only.
//! All text processing lives in the `akhbar-core` crate.

mod entities;
mod errors;
mod input;
mod normalize;
mod parallel;
mod tokenize;

use pyo3::prelude::*;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    normalize::register(m)?;
    tokenize::register(m)?;
    entities::register(m)?;
    Ok(())
}
