//! Character offset arguments: a negative or overflowing int raises
//! `akhbar.OffsetError` (an `IndexError`) instead of a bare `OverflowError`.

use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;

use crate::errors::Class;

/// A non-negative character offset taken from Python.
#[derive(Clone, Copy)]
pub struct Offset(pub usize);

impl<'a, 'py> FromPyObject<'a, 'py> for Offset {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match obj.extract::<usize>() {
            Ok(n) => Ok(Self(n)),
            Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => {
                let what = if obj.lt(0)? { "negative" } else { "too large" };
                Err(Class::Offset.err(obj.py(), format!("offset {} is {what}", obj.repr()?), None))
            }
            Err(e) => Err(e),
        }
    }
}
