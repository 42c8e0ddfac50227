//! `NumberMention`, `extract_numbers`, `extract_numbers_batch`.

use akhbar_core::mentions::{find_numbers, NumberKind, NumberMention};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::errors::Class;
use crate::input::OptionName;
use crate::offset::Offset;
use crate::{input, parallel};

/// A number, percentage, amount of money or quantity, with character offsets.
#[pyclass(name = "NumberMention", module = "akhbar._core", frozen, eq, hash)]
#[derive(PartialEq, Clone)]
pub struct PyNumberMention {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    value: Option<f64>,
    kind: NumberKind,
    #[pyo3(get)]
    unit: Option<String>,
}

impl Eq for PyNumberMention {}

impl std::hash::Hash for PyNumberMention {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
        self.start.hash(state);
        self.end.hash(state);
        self.value.map(f64::to_bits).hash(state);
        self.kind.hash(state);
        self.unit.hash(state);
    }
}

/// An integral value as a Python int, anything else as a float.
fn value_object<'py>(py: Python<'py>, v: Option<f64>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        None => py.None().into_bound(py),
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => (x as i64).into_pyobject(py)?.into_any(),
        Some(x) => x.into_pyobject(py)?.into_any(),
    })
}

#[pymethods]
impl PyNumberMention {
    #[new]
    #[pyo3(
        signature = (text, start, end, value, kind = OptionName::from("number"), unit = None),
        text_signature = "(text, start, end, value, kind='number', unit=None)"
    )]
    fn new(
        py: Python<'_>,
        text: String,
        start: Offset,
        end: Offset,
        value: Option<f64>,
        kind: OptionName,
        unit: Option<String>,
    ) -> PyResult<Self> {
        let kind = NumberKind::from_name(&kind.0).ok_or_else(|| {
            Class::Option.err(py, format!("unknown number kind {:?}", kind.0), None)
        })?;
        Ok(Self {
            text,
            start: start.0,
            end: end.0,
            value,
            kind,
            unit,
        })
    }

    /// The value: an int when whole, else a float; None for vague counts (عشرات).
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value_object(py, self.value)
    }

    /// What the number measures: number, percent, money or quantity.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The entity label: NUMBER, PERCENT, MONEY or QUANTITY.
    #[getter]
    fn label(&self) -> &'static str {
        self.kind.label()
    }

    /// Every field as a plain dict (for pandas / JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("label", self.label())?;
        d.set_item("value", self.value(py)?)?;
        d.set_item("kind", self.kind())?;
        d.set_item("unit", &self.unit)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = PyString::new(py, &self.text).repr()?;
        let value = self.value(py)?.repr()?;
        let unit = match &self.unit {
            Some(u) => PyString::new(py, u).repr()?.to_string(),
            None => "None".into(),
        };
        Ok(format!(
            "NumberMention({text}, {}, {}, value={value}, kind='{}', unit={unit})",
            self.start,
            self.end,
            self.kind()
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let m = slf.get();
        let args = (
            m.text.clone(),
            m.start,
            m.end,
            m.value,
            m.kind(),
            m.unit.clone(),
        )
            .into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

fn to_py(found: Vec<NumberMention>) -> Vec<PyNumberMention> {
    found
        .into_iter()
        .map(|m| PyNumberMention {
            text: m.text,
            start: m.start,
            end: m.end,
            value: m.value,
            kind: m.kind,
            unit: m.unit,
        })
        .collect()
}

/// Find the numbers in one text.
#[pyfunction]
fn extract_numbers(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyNumberMention>> {
    let t = input::text(text, None)?;
    parallel::isolated(py, || to_py(find_numbers(&t)))
}

/// Find the numbers in many texts in parallel; one list per text, in order.
#[pyfunction]
#[pyo3(signature = (texts, *, n_threads = None))]
fn extract_numbers_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<parallel::ThreadCount>,
) -> PyResult<Bound<'py, PyList>> {
    let texts = input::texts(texts)?;
    parallel::map_list(py, &texts, n_threads, |t| to_py(find_numbers(t)))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNumberMention>()?;
    m.add_function(wrap_pyfunction!(extract_numbers, m)?)?;
    m.add_function(wrap_pyfunction!(extract_numbers_batch, m)?)?;
    Ok(())
}
