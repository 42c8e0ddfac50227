//! Mapping core errors to the Python exception hierarchy of `akhbar.errors`.
//!
//! [`Class`] names each exception class once; [`core_error`] chooses the class
//! of a core error by an exhaustive match, so a new core error variant does not
//! compile until it has its class.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// The exception classes of `akhbar.errors` the binding raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// An input that is not a `str` (`TypeError`).
    InvalidText,
    /// A bad argument value: preset, option, label, thread count (`ValueError`).
    Option,
    /// An offset outside its string (`IndexError`).
    Offset,
    /// A model file that cannot be used (`ValueError`).
    Model,
    /// A bad line in a CoNLL or clusters file (`ValueError`).
    Corpus,
    /// A file that cannot be read or written (`OSError`).
    File,
    /// Training data a tagger cannot learn from (`ValueError`).
    Training,
}

impl Class {
    /// The class's name in `akhbar.errors`.
    fn name(self) -> &'static str {
        match self {
            Class::InvalidText => "InvalidTextError",
            Class::Option => "OptionError",
            Class::Offset => "OffsetError",
            Class::Model => "ModelError",
            Class::Corpus => "CorpusError",
            Class::File => "FileError",
            Class::Training => "TrainingError",
        }
    }

    /// The exception `Class(message, index)`; `index` names the bad row of a batch.
    pub fn err(self, py: Python<'_>, message: impl Into<String>, index: Option<usize>) -> PyErr {
        static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
        let class = MODULE
            .get_or_try_init(py, || py.import("akhbar.errors").map(Bound::unbind))
            .and_then(|m| m.bind(py).getattr(self.name()))
            .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
        match class.and_then(|c| c.call1((message.into(), index))) {
            Ok(exc) => PyErr::from_value(exc),
            Err(e) => e,
        }
    }
}

/// A bad argument value (unknown preset or option, bad thread count).
pub fn option_error(py: Python<'_>, message: String) -> PyErr {
    Class::Option.err(py, message, None)
}

/// The exception of a core error.
pub fn core_error(py: Python<'_>, err: akhbar_core::Error) -> PyErr {
    use akhbar_core::Error as E;
    let class = match &err {
        E::UnknownPreset(_)
        | E::UnknownOption(_)
        | E::InvalidThreads(_)
        | E::UnknownLabels { .. }
        | E::InvalidOption(_) => Class::Option,
        E::ModelFile { .. } => Class::Model,
        E::Conll { .. } => Class::Corpus,
        E::Io { .. } => Class::File,
        E::TrainingData(_) => Class::Training,
    };
    class.err(py, err.to_string(), None)
}
