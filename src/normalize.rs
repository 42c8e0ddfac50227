//! `Normalizer`, `OffsetMap`, `normalize`.

use akhbar_core::text::{NormalizeOptions, Normalizer, OffsetMap};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::errors::core_error;
use crate::input::OptionName;
use crate::offset::Offset;
use crate::{input, parallel};

/// An immutable, picklable normalizer.
#[pyclass(name = "Normalizer", module = "akhbar._core", frozen)]
pub struct PyNormalizer {
    preset: String,
    inner: Normalizer,
}

impl PyNormalizer {
    fn build(py: Python<'_>, preset: &str, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut opts = NormalizeOptions::preset(preset).map_err(|e| core_error(py, e))?;
        if let Some(options) = options {
            for (k, v) in options.iter() {
                let OptionName(name) = k.extract()?;
                let value = v.extract::<bool>().map_err(|_| {
                    crate::errors::option_error(
                        py,
                        format!("option {name:?} must be True or False"),
                    )
                })?;
                opts.set(&name, value).map_err(|e| core_error(py, e))?;
            }
        }
        Ok(Self {
            preset: preset.to_string(),
            inner: Normalizer::new(opts),
        })
    }

    /// The core normalizer, for other binding modules.
    pub fn core(&self) -> &Normalizer {
        &self.inner
    }
}

#[pymethods]
impl PyNormalizer {
    #[new]
    #[pyo3(
        signature = (preset = OptionName::from("search"), **options),
        text_signature = "(preset='search', **options)"
    )]
    fn new(
        py: Python<'_>,
        preset: OptionName,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        Self::build(py, &preset.0, options)
    }

    /// The preset this normalizer started from.
    #[getter]
    fn preset(&self) -> &str {
        &self.preset
    }

    /// Every option and its value.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.inner.options().fields() {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    fn normalize(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
        let t = input::text(text, None)?;
        parallel::isolated(py, || self.inner.normalize(&t))
    }

    #[pyo3(signature = (texts, *, n_threads = None))]
    fn normalize_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<parallel::ThreadCount>,
    ) -> PyResult<Bound<'py, PyList>> {
        let texts = input::texts(texts)?;
        parallel::map_list(py, &texts, n_threads, |t| self.inner.normalize(t))
    }

    fn normalize_with_map(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<(String, PyOffsetMap)> {
        let t = input::text(text, None)?;
        let (s, map) = parallel::isolated(py, || self.inner.normalize_with_map(&t))?;
        Ok((s, PyOffsetMap { inner: map }))
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let cls = py
            .import("akhbar._core")?
            .getattr("_normalizer_from_state")?;
        let args = PyTuple::new(
            py,
            [
                self.preset.clone().into_pyobject(py)?.into_any(),
                self.options(py)?.into_any(),
            ],
        )?;
        Ok((cls, args))
    }

    fn __repr__(&self) -> String {
        let base = NormalizeOptions::preset(&self.preset).unwrap_or(NormalizeOptions::NONE);
        let changed: Vec<String> = self
            .inner
            .options()
            .fields()
            .iter()
            .zip(base.fields())
            .filter(|(a, b)| a.1 != b.1)
            .map(|((k, v), _)| format!(", {k}={}", if *v { "True" } else { "False" }))
            .collect();
        format!("Normalizer(preset='{}'{})", self.preset, changed.concat())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyNormalizer>()
            .map(|o| o.get().inner.options() == self.inner.options())
            .unwrap_or(false)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.options().hash(&mut h);
        h.finish()
    }
}

/// Rebuild a normalizer from its pickled state.
#[pyfunction]
fn _normalizer_from_state(
    py: Python<'_>,
    preset: &str,
    options: &Bound<'_, PyDict>,
) -> PyResult<PyNormalizer> {
    PyNormalizer::build(py, preset, Some(options))
}

/// Character-offset map between a normalized string and its original.
#[pyclass(name = "OffsetMap", module = "akhbar._core", frozen)]
pub struct PyOffsetMap {
    pub inner: OffsetMap,
}

fn check(py: Python<'_>, i: usize, len: usize, what: &str) -> PyResult<()> {
    if i > len {
        return Err(crate::errors::Class::Offset.err(
            py,
            format!("{what} offset {i} is outside 0..={len}"),
            None,
        ));
    }
    Ok(())
}

#[pymethods]
impl PyOffsetMap {
    #[getter]
    fn normalized_len(&self) -> usize {
        self.inner.normalized_len()
    }

    #[getter]
    fn original_len(&self) -> usize {
        self.inner.original_len()
    }

    fn to_original(&self, py: Python<'_>, offset: Offset) -> PyResult<usize> {
        check(py, offset.0, self.inner.normalized_len(), "normalized")?;
        Ok(self.inner.to_original_offset(offset.0))
    }

    fn to_normalized(&self, py: Python<'_>, offset: Offset) -> PyResult<usize> {
        check(py, offset.0, self.inner.original_len(), "original")?;
        Ok(self.inner.to_normalized_offset(offset.0))
    }

    fn to_original_span(
        &self,
        py: Python<'_>,
        start: Offset,
        end: Offset,
    ) -> PyResult<(usize, usize)> {
        check(py, start.0, self.inner.normalized_len(), "normalized")?;
        check(py, end.0, self.inner.normalized_len(), "normalized")?;
        Ok(self.inner.to_original_span(start.0, end.0))
    }

    fn to_normalized_span(
        &self,
        py: Python<'_>,
        start: Offset,
        end: Offset,
    ) -> PyResult<(usize, usize)> {
        check(py, start.0, self.inner.original_len(), "original")?;
        check(py, end.0, self.inner.original_len(), "original")?;
        Ok(self.inner.to_normalized_span(start.0, end.0))
    }

    fn __len__(&self) -> usize {
        self.inner.normalized_len()
    }

    fn __repr__(&self) -> String {
        format!(
            "OffsetMap(normalized_len={}, original_len={})",
            self.inner.normalized_len(),
            self.inner.original_len()
        )
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNormalizer>()?;
    m.add_class::<PyOffsetMap>()?;
    m.add_function(wrap_pyfunction!(_normalizer_from_state, m)?)?;
    Ok(())
}
