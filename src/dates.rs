//! `DateMention`, `extract_dates`, `extract_dates_batch`.

use akhbar_core::calendar::Date;
use akhbar_core::mentions::dates::mention::YEARS;
use akhbar_core::mentions::{find_dates, DateMention};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::errors::option_error;
use crate::offset::Offset;
use crate::{input, parallel};

/// A date or time mention with character offsets into the original string.
#[pyclass(name = "DateMention", module = "akhbar._core", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash, Clone)]
pub struct PyDateMention {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    value: Option<String>,
    #[pyo3(get)]
    calendar: String,
    #[pyo3(get)]
    granularity: String,
    #[pyo3(get)]
    hijri: Option<String>,
    #[pyo3(get)]
    conversion: Option<String>,
    #[pyo3(get)]
    relative: bool,
    #[pyo3(get)]
    calendars_agree: Option<bool>,
    #[pyo3(get)]
    label: String,
    /// Whether the value could be computed (the core's `DateMention::resolved`).
    #[pyo3(get)]
    resolved: bool,
}

type State = (
    String,
    usize,
    usize,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    bool,
    Option<bool>,
    String,
    bool,
);

#[pymethods]
impl PyDateMention {
    #[new]
    #[pyo3(signature = (text, start, end, value, calendar, granularity, hijri=None, conversion=None, relative=false, calendars_agree=None, label="DATE", resolved=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: String,
        start: Offset,
        end: Offset,
        value: Option<String>,
        calendar: String,
        granularity: String,
        hijri: Option<String>,
        conversion: Option<String>,
        relative: bool,
        calendars_agree: Option<bool>,
        label: &str,
        resolved: Option<bool>,
    ) -> Self {
        Self {
            resolved: resolved.unwrap_or(value.is_some()),
            text,
            start: start.0,
            end: end.0,
            value,
            calendar,
            granularity,
            hijri,
            conversion,
            relative,
            calendars_agree,
            label: label.to_string(),
        }
    }

    /// Every field as a plain dict (for pandas / JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("label", &self.label)?;
        d.set_item("value", &self.value)?;
        d.set_item("calendar", &self.calendar)?;
        d.set_item("granularity", &self.granularity)?;
        d.set_item("hijri", &self.hijri)?;
        d.set_item("conversion", &self.conversion)?;
        d.set_item("relative", self.relative)?;
        d.set_item("resolved", self.resolved)?;
        d.set_item("calendars_agree", self.calendars_agree)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = PyString::new(py, &self.text).repr()?;
        let value = match &self.value {
            Some(v) => format!("'{v}'"),
            None => "None".into(),
        };
        Ok(format!(
            "DateMention({text}, {}, {}, value={value}, granularity='{}', calendar='{}')",
            self.start, self.end, self.granularity, self.calendar
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let m = slf.get();
        let state: State = (
            m.text.clone(),
            m.start,
            m.end,
            m.value.clone(),
            m.calendar.clone(),
            m.granularity.clone(),
            m.hijri.clone(),
            m.conversion.clone(),
            m.relative,
            m.calendars_agree,
            m.label.clone(),
            m.resolved,
        );
        Ok((slf.get_type().into_any(), state.into_pyobject(py)?))
    }
}

fn to_py(found: Vec<DateMention>) -> Vec<PyDateMention> {
    found
        .into_iter()
        .map(|m| PyDateMention {
            resolved: m.resolved(),
            start: m.start,
            end: m.end,
            value: m.iso(),
            calendar: m.calendar.as_str().to_string(),
            granularity: m.granularity.as_str().to_string(),
            hijri: m.hijri.and_then(|h| h.iso()),
            conversion: m.conversion.map(|c| c.as_str().to_string()),
            relative: m.relative,
            calendars_agree: m.calendars_agree,
            label: m.label().to_string(),
            text: m.text,
        })
        .collect()
}

/// A reference date from None, an ISO string ("2015-08-11", "2015-08-11 13:42:51",
/// "2015-08-11T13:42:51+03:00"; the time, when there is one, must be valid) or a
/// `datetime.date` / `datetime.datetime`, in the years 0001–9999.
pub fn reference(obj: Option<&Bound<'_, PyAny>>, index: Option<usize>) -> PyResult<Option<Date>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    let py = obj.py();
    let place = index.map(|i| format!("row {i}: ")).unwrap_or_default();
    let bad = |what: String| {
        crate::errors::Class::Option.err(
            py,
            format!("{place}reference must be a date or an ISO date string, got {what}"),
            index,
        )
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let Ok(s) = s.to_str() else {
            return Err(bad("a str with a lone surrogate".into()));
        };
        return Date::from_iso_datetime(s)
            .map(Some)
            .ok_or_else(|| bad(format!("{s:?}")));
    }
    let parts = (|| -> PyResult<(i32, u32, u32)> {
        Ok((
            obj.getattr("year")?.extract()?,
            obj.getattr("month")?.extract()?,
            obj.getattr("day")?.extract()?,
        ))
    })();
    match parts {
        Ok((y, m, d)) => Date::new(y, m, d)
            .filter(|d| YEARS.contains(&d.year))
            .map(Some)
            .ok_or_else(|| bad(format!("{y}-{m}-{d}"))),
        Err(_) => Err(bad(input::type_name(obj))),
    }
}

/// References for a batch: None, one for every text, or one per text.
pub fn references(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    n: usize,
) -> PyResult<Vec<Option<Date>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(vec![None; n]);
    };
    if obj.is_instance_of::<PyString>() || obj.hasattr("year")? {
        return Ok(vec![reference(Some(obj), None)?; n]);
    }
    let mut out = Vec::with_capacity(n);
    for (i, item) in obj.try_iter()?.enumerate() {
        out.push(reference(Some(&item?), Some(i))?);
    }
    if out.len() != n {
        return Err(option_error(
            py,
            format!("got {} references for {n} texts", out.len()),
        ));
    }
    Ok(out)
}

/// A reference date as its ISO string ("2015-08-11"), or None for None; raises
/// `akhbar.OptionError` for anything else (the pipeline checks each row's with it).
#[pyfunction]
fn _reference_date(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    Ok(reference(Some(obj), None)?.map(|d| d.to_iso()))
}

/// Find the dates and times in one text.
#[pyfunction]
#[pyo3(signature = (text, *, reference = None))]
fn extract_dates(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    reference: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyDateMention>> {
    let t = input::text(text, None)?;
    let r = self::reference(reference, None)?;
    parallel::isolated(py, || to_py(find_dates(&t, r)))
}

/// Find the dates in many texts in parallel; one list per text, in order.
#[pyfunction]
#[pyo3(signature = (texts, *, references = None, n_threads = None))]
fn extract_dates_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    references: Option<&Bound<'py, PyAny>>,
    n_threads: Option<parallel::ThreadCount>,
) -> PyResult<Bound<'py, PyList>> {
    let texts = input::texts(texts)?;
    let refs = self::references(py, references, texts.len())?;
    let items: Vec<(&String, Option<Date>)> = texts.iter().zip(refs).collect();
    parallel::map_list(py, &items, n_threads, |(t, r)| to_py(find_dates(t, *r)))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDateMention>()?;
    m.add_function(wrap_pyfunction!(extract_dates, m)?)?;
    m.add_function(wrap_pyfunction!(_reference_date, m)?)?;
    m.add_function(wrap_pyfunction!(extract_dates_batch, m)?)?;
    Ok(())
}
