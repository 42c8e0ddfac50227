//! Mapping core errors to the Python exception hierarchy of `akhbar.errors`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// Raise `akhbar.errors.<name>(message)`, with `index` set when given.
pub fn raise(py: Python<'_>, name: &str, message: String, index: Option<usize>) -> PyErr {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let class = MODULE
        .get_or_try_init(py, || py.import("akhbar.errors").map(Bound::unbind))
        .and_then(|m| m.bind(py).getattr(name))
        .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
    match class {
        Ok(class) => match class.call1((message, index)) {
            Ok(exc) => PyErr::from_value(exc),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// A bad argument value (unknown preset or option, bad thread count).
pub fn option_error(py: Python<'_>, message: String) -> PyErr {
    raise(py, "OptionError", message, None)
}

/// Map a core error.
pub fn core_error(py: Python<'_>, err: akhbar_core::Error) -> PyErr {
    use akhbar_core::Error as E;
    let name = match &err {
        E::ModelFile { .. } => "ModelError",
        E::Conll { .. } => "CorpusError",
        E::Io { .. } => "FileError",
        E::Internal { .. } => "InternalError",
        _ => "OptionError",
    };
    let index = match &err {
        E::Internal { row, .. } => *row,
        _ => None,
    };
    raise(py, name, err.to_string(), index)
}
